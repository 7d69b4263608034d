"""Agenda topics: members propose and vote; moderators accept, order, time and carry them over."""
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from alumni_hub.core.errors import PermissionDenied, ValidationError
from alumni_hub.core.markup import render
from alumni_hub.extensions import db
from alumni_hub.meetings.access import topic_locked
from alumni_hub.meetings.models import (ACCEPTED, CANCELLED, PROPOSED, TOPIC_STATES, AgendaItem,
                                        AgendaVote, Meeting)
from alumni_hub.meetings.services.notifying import meeting_path
from alumni_hub.meetings.validation import clean_text, clean_title
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.services import notify

MOVE = "moved"  # not a state: the topic goes to the next meeting
POSITION_MAX = 1000


def _open_for_topics(meeting: Meeting, now: datetime, *, field: str) -> None:
    if meeting.cancelled:
        raise ValidationError(_l("Dieses Treffen ist abgesagt."), field=field)
    if meeting.starts_at <= now:
        raise ValidationError(_l("Das Treffen hat schon begonnen. Schlag dein Thema fürs "
                                 "nächste Treffen vor."), field=field)


def propose(*, meeting: Meeting, user, title: str, description_md: str, now: datetime,
            thread_id: int | None = None) -> AgendaItem:
    _open_for_topics(meeting, now, field="title")
    title = clean_title(title)
    description_md = clean_text(description_md, field="description")
    item = AgendaItem(meeting_id=meeting.id, proposer_id=user.id, title=title,
                      description_md=description_md, description_html=render(description_md),
                      thread_id=thread_id, created_at=now)
    db.session.add(item)
    db.session.flush()
    return item


class TopicLocked(PermissionDenied):
    """The proposer tried to change a topic after the meeting began."""


def edit_topic(*, item: AgendaItem, actor, title: str, description_md: str,
               now: datetime) -> AgendaItem:
    if topic_locked(actor, item, now):
        raise TopicLocked(_l("Das Treffen hat schon begonnen: Jetzt kann nur noch die "
                             "Moderation das Thema ändern."))
    item.title = clean_title(title)
    item.description_md = clean_text(description_md, field="description")
    item.description_html = render(item.description_md)
    db.session.flush()
    return item


def vote(*, item: AgendaItem, user, now: datetime) -> None:
    """One vote per person and topic; the unique key also stops a double click racing."""
    _open_for_topics(item.meeting, now, field=None)
    if item.proposer_id == user.id:
        raise ValidationError(_l("Für dein eigenes Thema kannst du nicht abstimmen."))
    try:
        with db.session.begin_nested():
            db.session.add(AgendaVote(item_id=item.id, user_id=user.id))
    except IntegrityError:
        raise ValidationError(_l("Du hast für dieses Thema schon abgestimmt.")) from None


def unvote(*, item: AgendaItem, user, now: datetime) -> None:
    _open_for_topics(item.meeting, now, field=None)
    removed = db.session.execute(delete(AgendaVote).where(AgendaVote.item_id == item.id,
                                                          AgendaVote.user_id == user.id))
    if not removed.rowcount:
        raise ValidationError(_l("Du hattest für dieses Thema nicht abgestimmt."))


def next_meeting_after(meeting: Meeting) -> Meeting | None:
    """The following meeting of the same series (for one-offs: the next meeting at all)."""
    stmt = (select(Meeting).where(Meeting.starts_at > meeting.starts_at,
                                  Meeting.status != CANCELLED)
            .order_by(Meeting.starts_at).limit(1))
    if meeting.series_id is not None:
        stmt = stmt.where(Meeting.series_id == meeting.series_id)
    return db.session.scalar(stmt)


def manage(*, item: AgendaItem, actor, status: str, position: int | None,
           slot_minutes: int | None, presenter_id: int | None) -> AgendaItem:
    """A moderator's decision on a topic; a newly accepted one is announced to its proposer."""
    if slot_minutes is not None and not 1 <= slot_minutes <= 600:
        raise ValidationError(_l("Die Zeit muss zwischen 1 und 600 Minuten liegen."),
                              field="slot_minutes")
    if position is not None and not 0 <= position <= POSITION_MAX:
        raise ValidationError(_l("Die Reihenfolge muss eine Zahl zwischen 0 und %(max)s sein.",
                                 max=POSITION_MAX), field="position")
    item.position = position if position is not None else item.position
    item.slot_minutes, item.presenter_id = slot_minutes, presenter_id
    if status == MOVE:
        return _move_to_next(item)
    if status not in TOPIC_STATES:
        raise ValidationError(_l("Bitte wähle einen Status."), field="status")
    newly_accepted = status == ACCEPTED and item.status != ACCEPTED
    item.status = status
    db.session.flush()
    if newly_accepted and item.proposer is not None:
        notify(kind=Kind.AGENDA_ACCEPTED, recipients=[item.proposer], actor=actor,
               url=meeting_path(item.meeting), params={"title": item.title})
    return item


def _move_to_next(item: AgendaItem) -> AgendaItem:
    """Carry the topic over with its votes and proposer, at the end of the next agenda."""
    target = next_meeting_after(item.meeting)
    if target is None:
        raise ValidationError(_l("Es gibt noch kein nächstes Treffen, auf das das Thema "
                                 "verschoben werden kann."), field="status")
    last = db.session.scalar(select(func.max(AgendaItem.position))
                             .where(AgendaItem.meeting_id == target.id)) or 0
    item.meeting_id, item.meeting = target.id, target
    item.status = ACCEPTED if item.status == ACCEPTED else PROPOSED
    item.position = last + 1
    db.session.flush()
    return item
