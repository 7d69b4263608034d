"""Matching reasons and statuses in the reader's language (matching.py returns them as data)."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from alumni_hub.buddies import matching
from alumni_hub.members.choices import network_type_label
from alumni_hub.members.models import BUNDESLAENDER

UNMATCHED = {
    matching.NO_SHARED_TOPIC: _l("kein Buddy mit einem gemeinsamen Thema"),
    matching.NONE_NEARBY: _l("kein passender Buddy im selben oder einem Nachbarland"),
    matching.CAPACITY_USED: _l("alle passenden Plätze sind vergeben"),
}

SKIPPED = {
    "no_slot": _l("der Buddy hat keinen freien Platz mehr"),
    "request_taken": _l("die Anfrage ist nicht mehr offen (schon vergeben oder zurückgezogen)"),
    "blocked": _l("dieser Buddy kann nicht vorgeschlagen werden (Pause oder früher abgelehnt)"),
    "inactive": _l("eines der beiden Konten ist deaktiviert"),
}

ANSWER_LABELS = {"good": _l("läuft gut"), "help": _l("brauchen Hilfe"), "paused": _l("ruht")}


def _state(code: str) -> str:
    return BUNDESLAENDER.get(code, code)


def reason_text(code: str, params: dict) -> str:
    """One part of a score as a sentence fragment, e.g. "beide in Niedersachsen"."""
    if code == "topics":
        return ngettext("%(num)d gemeinsames Thema: %(names)s",
                        "%(num)d gemeinsame Themen: %(names)s", params["count"],
                        names=", ".join(params["names"]))
    if code == "same_state":
        return _("beide in %(state)s", state=_state(params["state"]))
    if code == "neighbour_state":
        return _("Nachbarland %(state)s", state=_state(params["state"]))
    if code == "network":
        return _("gleiche Netzwerkart (%(type)s)", type=network_type_label(params["type"]))
    if code == "experience":
        return ngettext("%(num)d Kursdurchgang früher", "%(num)d Kursdurchgänge früher",
                        params["cohorts"])
    if code == "capacity":
        return ngettext("%(num)d freier Platz", "%(num)d freie Plätze", params["free"])
    return code


def reasons_text(score) -> str:
    return "; ".join(reason_text(code, params) for code, params in score.reasons)
