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


# Schematic tile map: (column, row) per Land, roughly where it lies (north at the top).
MAP_TILES = {
    "SH": (2, 0),
    "HB": (1, 1), "HH": (2, 1), "MV": (3, 1),
    "NW": (0, 2), "NI": (1, 2), "ST": (2, 2), "BE": (3, 2), "BB": (4, 2),
    "RP": (0, 3), "HE": (1, 3), "TH": (2, 3), "SN": (3, 3),
    "SL": (0, 4), "BW": (1, 4), "BY": (2, 4),
}
assert set(MAP_TILES) == set(BUNDESLAENDER)


def shade_class(count: int, highest: int) -> str:
    """CSS class for a tile: count-0, or low/mid/high in thirds of the highest count."""
    if count <= 0 or highest <= 0:
        return "count-0"
    share = count / highest
    if share <= 1 / 3:
        return "count-low"
    if share <= 2 / 3:
        return "count-mid"
    return "count-high"


def map_tiles(counts: dict[str, int]) -> list[dict]:
    """Everything the map template draws per Land: position, names, count and shade."""
    highest = max(counts.values(), default=0)
    return [{"code": code, "name": BUNDESLAENDER[code], "col": col, "row": row,
             "count": counts.get(code, 0), "shade": shade_class(counts.get(code, 0), highest)}
            for code, (col, row) in MAP_TILES.items()]
