"""Labels and select choices for profiles; German, translated where they are shown."""
from flask_babel import lazy_gettext as _l

from alumni_hub.members.models import BUNDESLAENDER, NETWORK_TYPES

NETWORK_TYPE_LABELS = {
    "mint_region": _l("MINT-Region"),
    "zdi": _l("zdi-Netzwerk"),
    "mint_cluster": _l("MINT-Cluster"),
    "fachkraefte": _l("Fachkräftesicherung"),
    "bildungskommune": _l("Bildungskommune"),
    "other": _l("Sonstiges"),
}
assert set(NETWORK_TYPE_LABELS) == set(NETWORK_TYPES)

NO_ANSWER = _l("keine Angabe")


def bundesland_choices(empty_label=NO_ANSWER) -> list[tuple[str, str]]:
    """All 16 Länder sorted by name, after an empty choice."""
    states = sorted(BUNDESLAENDER.items(), key=lambda item: item[1])
    return [("", empty_label)] + states


def network_type_choices(empty_label=NO_ANSWER) -> list[tuple[str, str]]:
    return [("", empty_label)] + [(key, NETWORK_TYPE_LABELS[key]) for key in NETWORK_TYPES]


def network_type_label(key: str | None) -> str:
    return str(NETWORK_TYPE_LABELS.get(key or "", ""))
