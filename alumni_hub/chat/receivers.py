"""What the chat registers elsewhere (report target, wiki-tip source) and the signals it hears."""
from flask_babel import lazy_gettext as _l

from alumni_hub.chat import live, reporting
from alumni_hub.chat.services import presence
from alumni_hub.core import signals
from alumni_hub.extensions import db
from alumni_hub.moderation.targets import ReportTarget, register_report_target
from alumni_hub.wiki.sources import register_tip_source

register_report_target(ReportTarget(
    type="chat_message", label=_l("Chat-Nachricht"), load=reporting.load_reported,
    hide=reporting.remove_reported, delete=reporting.remove_reported,
    can_report=reporting.check_reportable))
register_tip_source("chat_message", reporting.tip_source)


@signals.socket_disconnected.connect
def forget_connection(sender, *, sid: str, user_id=None, **extra) -> None:
    """A closed tab leaves every room's presence list at once."""
    gone = presence.leave(sid=sid)
    db.session.commit()
    for room_id, user_id in gone:
        live.left(room_id, user_id)
