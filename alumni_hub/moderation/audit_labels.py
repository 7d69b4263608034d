"""How the audit log reads: German names for every action, target and detail."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from alumni_hub.core.permissions import ROLE_LABELS

# Every action any feature passes to moderation.services.record(); tests/core scans the
# code and fails when one is missing here, so the log never shows a raw key.
ACTION_LABELS = {
    "invitation.created": _l("Einladung verschickt"),
    "invitation.revoked": _l("Einladung zurückgezogen"),
    "user.role_changed": _l("Rolle geändert"),
    "user.deactivated": _l("Konto deaktiviert"),
    "user.reactivated": _l("Konto reaktiviert"),
    "category.created": _l("Kategorie angelegt"),
    "category.updated": _l("Kategorie geändert"),
    "thread.pinned": _l("Diskussion angeheftet"),
    "thread.unpinned": _l("Diskussion nicht mehr angeheftet"),
    "thread.locked": _l("Diskussion geschlossen"),
    "thread.unlocked": _l("Diskussion wieder geöffnet"),
    "thread.moved": _l("Diskussion verschoben"),
    "thread.answer_accepted": _l("Antwort als Lösung markiert"),
    "thread.answer_unaccepted": _l("Lösungsmarkierung aufgehoben"),
    "post.hidden": _l("Beitrag ausgeblendet"),
    "post.unhidden": _l("Beitrag wieder eingeblendet"),
    "post.deleted": _l("Beitrag gelöscht"),
    "post.edited": _l("Beitrag bearbeitet"),
    "report.dismissed": _l("Meldung verworfen"),
    "report.hidden": _l("Meldung erledigt: Beitrag ausgeblendet"),
    "report.deleted": _l("Meldung erledigt: Beitrag gelöscht"),
    "wiki.page_protected": _l("Wiki-Seite geschützt"),
    "wiki.page_unprotected": _l("Wiki-Seitenschutz aufgehoben"),
    "wiki.page_renamed": _l("Wiki-Seite umbenannt"),
    "wiki.page_deleted": _l("Wiki-Seite gelöscht"),
    "wiki.page_restored": _l("Wiki-Seite wiederhergestellt"),
    "topic.created": _l("Thema angelegt"),
    "topic.renamed": _l("Thema umbenannt"),
    "topic.archived": _l("Thema archiviert"),
    "topic.unarchived": _l("Thema wieder aktiviert"),
    "cohort.created": _l("Kursdurchgang angelegt"),
    "cohort.renamed": _l("Kursdurchgang umbenannt"),
    "cohort.moved": _l("Kursdurchgang verschoben"),
    "chat.message_deleted": _l("Chat-Nachricht gelöscht"),
    "chat.question_answered": _l("Chat-Frage als beantwortet markiert"),
    "chat.question_reopened": _l("Chat-Frage wieder offen"),
    "chat.member_muted": _l("Im Chat stummgeschaltet"),
    "chat.member_unmuted": _l("Stummschaltung im Chat aufgehoben"),
    "chat.room_opened": _l("Chatraum geöffnet"),
    "chat.room_closed": _l("Chatraum geschlossen"),
    "chat.room_scheduled": _l("Chatraum folgt wieder den Zeiten"),
    "meeting.created": _l("Treffen angelegt"),
    "meeting.edited": _l("Treffen geändert"),
    "meeting.cancelled": _l("Treffen abgesagt"),
    "meeting.recap_published": _l("Protokoll eines Treffens veröffentlicht"),
    "meeting_series.created": _l("Terminreihe angelegt"),
    "meeting_series.edited": _l("Terminreihe geändert"),
    "date_poll.decided": _l("Terminabstimmung entschieden"),
}

TARGET_LABELS = {
    "user": _l("Konto"), "invitation": _l("Einladung"), "category": _l("Kategorie"),
    "thread": _l("Diskussion"), "post": _l("Beitrag"), "report": _l("Meldung"),
    "wiki_page": _l("Wiki-Seite"), "topic": _l("Thema"), "cohort": _l("Kursdurchgang"),
    "chat_message": _l("Chat-Nachricht"), "chat_room": _l("Chatraum"),
    "meeting": _l("Treffen"), "meeting_series": _l("Terminreihe"),
    "date_poll": _l("Terminabstimmung"),
}

DETAIL_LABELS = {
    "name": _l("Name"), "title": _l("Titel"), "email": _l("E-Mail"), "role": _l("Rolle"),
    "reason": _l("Grund"), "post_id": _l("Beitrag"), "thread_id": _l("Diskussion"),
    "author_id": _l("Verfasser:in"), "position": _l("Position"), "archived": _l("Archiviert"),
    "description": _l("Beschreibung"), "target_type": _l("Gemeldet"), "target_id": _l("Nr."),
    "room_id": _l("Chatraum"), "minutes": _l("Minuten"),
    "starts": _l("Beginn"), "ends": _l("Ende"), "venue": _l("Ort"),
    "video_url": _l("Videolink"), "capacity": _l("Plätze"), "start_time": _l("Uhrzeit"),
    "duration_minutes": _l("Dauer (Minuten)"),
    "interval_months": _l("Alle … Monate"), "apply_to_all": _l("Für alle künftigen Treffen"),
    "created": _l("Neu angelegte Treffen"), "changed": _l("Geänderte Treffen"),
    "meeting_id": _l("Treffen"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def target_label(target_type: str, target_id: int | None) -> str:
    label = str(TARGET_LABELS.get(target_type, target_type))
    return f"{label} #{target_id}" if target_id else label


def describe_details(action: str, details: dict | None) -> list[str]:
    """The details as short German lines, e.g. ["Alt: Mitglied → Neu: Moderator:in"]."""
    details = dict(details or {})
    lines = []
    if "from" in details or "to" in details:
        old, new = details.pop("from", None), details.pop("to", None)
        lines.append(_("Alt: %(old)s → Neu: %(new)s", old=_value(action, "from", old),
                       new=_value(action, "to", new)))
    before, after = details.pop("before", None), details.pop("after", None)
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after)):
            if before.get(key) != after.get(key):
                lines.append(_("%(field)s: %(old)s → %(new)s", field=_key(key),
                               old=_value(action, key, before.get(key)),
                               new=_value(action, key, after.get(key))))
    for key, value in details.items():
        if value in (None, "", {}, []):
            continue
        lines.append(_("%(field)s: %(value)s", field=_key(key), value=_value(action, key, value)))
    return lines


def _key(key: str) -> str:
    return str(DETAIL_LABELS.get(key, key))


def _value(action: str, key: str, value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if key == "target_type":
        return str(TARGET_LABELS.get(value, value))
    if key.endswith("_id"):
        return f"#{value}"
    if (key == "role" or action == "user.role_changed") and value in ROLE_LABELS:
        return str(ROLE_LABELS[value])
    return str(value)
