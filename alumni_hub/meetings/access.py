"""Loading meeting objects with their checks: NotFound / PermissionDenied."""
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import joinedload, selectinload

from alumni_hub.core.errors import NotFound, PermissionDenied
from alumni_hub.core.permissions import Role, has_role
from alumni_hub.extensions import db
from alumni_hub.meetings.models import AgendaItem, DatePoll, Meeting, MeetingSeries


def can_moderate(user) -> bool:
    """Moderators (and admins) schedule, edit, cancel, run polls and publish recaps."""
    return has_role(user, Role.MODERATOR)


def can_edit_topic(user, item: AgendaItem) -> bool:
    return can_moderate(user) or (item.proposer_id is not None and item.proposer_id == user.id)


def topic_locked(user, item: AgendaItem, now) -> bool:
    """Once the meeting has begun, its topics are the moderators' to change."""
    return item.meeting.starts_at <= now and not can_moderate(user)


def get_meeting(meeting_id: int) -> Meeting:
    meeting = db.session.get(Meeting, meeting_id, options=[joinedload(Meeting.series)])
    if meeting is None:
        raise NotFound(_l("Dieses Treffen gibt es nicht."))
    return meeting


def get_series(series_id: int) -> MeetingSeries:
    series = db.session.get(MeetingSeries, series_id)
    if series is None:
        raise NotFound(_l("Diese Terminreihe gibt es nicht."))
    return series


def get_topic(item_id: int, *, user=None, check_editor: bool = False) -> AgendaItem:
    item = db.session.get(AgendaItem, item_id, options=[joinedload(AgendaItem.meeting)])
    if item is None:
        raise NotFound(_l("Dieses Thema gibt es nicht."))
    if check_editor and not can_edit_topic(user, item):
        raise PermissionDenied(_l("Nur wer das Thema vorgeschlagen hat, und die Moderation "
                                  "können es bearbeiten."))
    return item


def get_poll(poll_id: int) -> DatePoll:
    poll = db.session.get(DatePoll, poll_id, options=[selectinload(DatePoll.options)])
    if poll is None:
        raise NotFound(_l("Diese Terminabstimmung gibt es nicht."))
    return poll
