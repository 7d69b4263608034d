"""What the chat registers elsewhere (room kinds, panels on the meeting and pair pages, report
target, wiki-tip source) and the signals it hears."""
from flask_babel import lazy_gettext as _l

from alumni_hub.buddies.panels import register_pair_panel
from alumni_hub.chat import live, reporting, room_kinds  # noqa: F401  (room_kinds registers)
from alumni_hub.chat.panel import load_room_panel
from alumni_hub.chat.services import presence
from alumni_hub.core import signals
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.meetings.panels import register_meeting_panel
from alumni_hub.meetings.queries import meeting_window
from alumni_hub.moderation.targets import ReportTarget, register_report_target
from alumni_hub.wiki.sources import register_tip_source

register_report_target(ReportTarget(
    type="chat_message", label=_l("Chat-Nachricht"), load=reporting.load_reported,
    hide=reporting.remove_reported, delete=reporting.remove_reported,
    can_report=reporting.check_reportable))
register_tip_source("chat_message", reporting.tip_source)


def meeting_room(meeting, user):
    """The meeting's live room; after the meeting also its transcript and kept questions."""
    panel = load_room_panel("meeting", meeting.id, user)
    panel.ended = meeting_window(meeting)[1] < utcnow()
    return panel


register_meeting_panel("chat.room", template="chat/_meeting_panel.html", load=meeting_room)
register_pair_panel("chat.room", template="chat/_room.html", order=10,
                    load=lambda pair, user: load_room_panel("pair", pair.id, user))


@signals.socket_disconnected.connect
def forget_connection(sender, *, sid: str, user_id=None, **extra) -> None:
    """A closed tab leaves every room's presence list at once."""
    gone = presence.leave(sid=sid)
    db.session.commit()
    for room_id, user_id in gone:
        live.left(room_id, user_id)


from alumni_hub.chat import searchable  # noqa: E402,F401 - registers the search provider
