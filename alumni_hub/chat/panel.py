"""The room panel any page can show: load_room_panel(kind, ref_id, user) for chat/_room.html.

A meeting page or a pair space shows its room with two lines:

    panel = load_room_panel("meeting", meeting.id, current_user)   # in the route
    {% include "chat/_room.html" %}                                 # in the template
"""
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app
from flask_babel import format_datetime, gettext as _, to_user_timezone

from alumni_hub.chat.access import check_join, find_room, is_open
from alumni_hub.chat.forms import MessageForm
from alumni_hub.chat.models import REACTIONS
from alumni_hub.chat.queries import muted_members, payloads, questions, recent_messages
from alumni_hub.chat.services.messages import muted_until
from alumni_hub.chat.services.moderating import MUTE_CHOICES
from alumni_hub.core import signals
from alumni_hub.core.db import utcnow


def until_label(value: datetime, now: datetime | None = None) -> str:
    """When a mute ends, in Berlin time: "14:30" today, "04.12., 14:30" on another day (a
    one-day mute would otherwise read as later today). untilLabel() in
    static/js/chat/dom.js follows the same rule with the same text."""
    time = format_datetime(value, "HH:mm")
    local = to_user_timezone(value)
    if local.date() == to_user_timezone(now or utcnow()).date():
        return time
    # The day and month as numbers, so the page and the live script build the same text.
    return _("%(day)s.%(month)s., %(time)s", day=f"{local.day:02d}",
             month=f"{local.month:02d}", time=time)


@dataclass
class RoomPanel:
    kind: str
    ref_id: int
    title: str
    is_open: bool
    can_moderate: bool
    transcript_allowed: bool
    retention_days: int
    room_id: int | None = None
    last_seq: int = 0
    change_seq: int = 0
    muted_until: datetime | None = None
    items: list = field(default_factory=list)       # (Message, payload) oldest first
    questions: list = field(default_factory=list)   # payloads, most votes first
    client_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    reactions: tuple = REACTIONS
    form: object = None   # the MessageForm posted without JavaScript
    can_copy_to_recap: bool = False  # a moderator, and the kind's owner takes recap texts
    ended: bool = False   # the thing the room belongs to is over (a past meeting)
    shareable: bool = True  # messages may become wiki tips (not in a pair's private room)
    muted: list = field(default_factory=list)  # moderators only: queries.muted_members()

    until_label = staticmethod(until_label)  # for chat/_room.html

    @property
    def mute_choices(self) -> list[tuple[int, str]]:
        """(minutes, label) of the durations a moderator picks from; 15 minutes preselected."""
        labels = {5: _("5 Min."), 15: _("15 Min."), 60: _("1 Stunde"), 24 * 60: _("1 Tag")}
        return [(minutes, labels[minutes]) for minutes in MUTE_CHOICES]

    @property
    def strings(self) -> dict:
        """Texts the live chat (static/js/chat/) shows, in the reader's language (no
        inline scripts: data-*)."""
        return {
            "reply": _("Antworten"), "react": _("Reagieren"), "delete": _("Löschen"),
            "report": _("Melden"), "vote": _("Unterstützen"), "answered": _("Beantwortet"),
            "reopen": _("Wieder offen"), "mute": _("Stummschalten"), "you": _("Du"),
            "question": _("Frage"), "deleted": _("Diese Nachricht wurde gelöscht."),
            "typing_one": _("%(name)s schreibt …"), "typing_many": _("Mehrere schreiben …"),
            "pending": _("wird gesendet …"), "offline": _("Keine Verbindung – Nachrichten "
                                                         "werden gesendet, sobald du wieder "
                                                         "online bist."),
            "open": _("Der Chat ist geöffnet."),
            "closed": _("Der Chat ist geschlossen. Du siehst das Protokoll."),
            "muted": _("Du bist in diesem Chatraum stummgeschaltet bis %(time)s."),
            "new_message": _("Neue Nachricht von %(name)s: %(text)s"),
            "replying": _("Antwort auf %(name)s"), "cancel": _("Abbrechen"),
            "votes": _("Stimmen"), "nobody": _("Niemand"),
            "promote": _("Als Wiki-Tipp übernehmen"),
            "recap": _("Ins Protokoll übernehmen"), "recap_done": _("Ins Protokoll übernommen."),
            "mute_for": _("Stummschalten für"), "unmute": _("Stummschaltung aufheben"),
            "muted_until_short": _("bis %(time)s"),
            "day_time": _("%(day)s.%(month)s., %(time)s"),
            "nobody_muted": _("Niemand ist stummgeschaltet."),
        }


def load_room_panel(kind_name: str, ref_id: int, user) -> RoomPanel:
    """Everything chat/_room.html shows; raises NotFound/PermissionDenied like the page.

    A bounded number of queries: the room, its latest messages, their reactions and
    votes, the questions, the user's mute, for moderators who is muted (plus what the
    kind's callbacks need).
    """
    kind = check_join(user, kind_name, ref_id)
    room = find_room(kind_name, ref_id)
    panel = RoomPanel(
        kind=kind_name, ref_id=ref_id, title=str(kind.title(ref_id)),
        is_open=is_open(room, kind, ref_id),
        can_moderate=bool(kind.can_moderate(user, ref_id)),
        transcript_allowed=bool(kind.transcript_allowed(user, ref_id)),
        retention_days=current_app.config["CHAT_RETENTION_DAYS"], shareable=kind.shareable)
    panel.form = MessageForm(client_id=panel.client_id)
    panel.can_copy_to_recap = panel.can_moderate and \
        signals.chat_message_to_recap.has_receivers_for(kind_name)
    if room is None:
        return panel
    messages = recent_messages(room.id)
    panel.room_id, panel.last_seq, panel.change_seq = room.id, room.last_seq, room.change_seq
    panel.items = list(zip(messages, payloads(messages)))
    panel.questions = payloads(questions(room.id))
    panel.muted_until = muted_until(user=user, room=room)
    if panel.can_moderate:
        panel.muted = muted_members(room.id)
    return panel
