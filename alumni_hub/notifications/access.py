"""Who may open which notification: only its recipient."""
from flask_babel import lazy_gettext as _l

from alumni_hub.core.errors import NotFound
from alumni_hub.extensions import db
from alumni_hub.notifications.models import Notification


def get_notification(*, notification_id: int, user_id: int) -> Notification:
    """The user's own notification; anyone else's is 'not found', not 'forbidden'."""
    note = db.session.get(Notification, notification_id)
    if note is None or note.user_id != user_id:
        raise NotFound(_l("Diese Benachrichtigung gibt es nicht."))
    return note
