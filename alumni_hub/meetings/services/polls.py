"""Date polls (Terminabstimmung): candidate dates, answers per date, deciding into a meeting."""
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.core.errors import ValidationError
from alumni_hub.extensions import db
from alumni_hub.meetings.models import POLL_ANSWERS, DatePoll, DatePollAnswer, DatePollOption
from alumni_hub.meetings.services import auditing, notifying
from alumni_hub.meetings.services.schedule import apply_place, create_meeting_at
from alumni_hub.meetings.validation import Place, clean_duration, clean_place, clean_title

MAX_OPTIONS = 20


def create_poll(*, actor, title: str, place: Place, duration_minutes: int,
                options: list[datetime], now: datetime) -> DatePoll:
    """A poll with at least two future candidate dates (UTC)."""
    title = clean_title(title)
    duration_minutes = clean_duration(duration_minutes)
    place = clean_place(place)
    options = sorted(set(options))
    if len(options) < 2:
        raise ValidationError(_l("Bitte gib mindestens zwei Termine zur Auswahl an."),
                              field="options")
    if len(options) > MAX_OPTIONS:
        raise ValidationError(_l("Höchstens %(max)s Termine.", max=MAX_OPTIONS), field="options")
    if options[0] <= now:
        raise ValidationError(_l("Alle Termine müssen in der Zukunft liegen."), field="options")
    poll = DatePoll(title=title, duration_minutes=duration_minutes, created_by_id=actor.id,
                    created_at=now)
    apply_place(poll, place)
    poll.options = [DatePollOption(starts_at=moment) for moment in options]
    db.session.add(poll)
    db.session.flush()
    return poll


def answer_poll(*, poll: DatePoll, user, answers: dict[int, str]) -> None:
    """Set (or change) the user's Ja / Wenn nötig / Nein per date; unanswered dates stay."""
    if poll.closed_at is not None:
        raise ValidationError(_l("Diese Abstimmung ist schon beendet."), field="answers")
    option_ids = {o.id for o in poll.options}
    if not answers or any(v not in POLL_ANSWERS for v in answers.values()) \
            or not set(answers) <= option_ids:
        raise ValidationError(_l("Bitte wähle für jeden Termin Ja, Wenn nötig oder Nein."),
                              field="answers")
    mine = {a.option_id: a for a in db.session.scalars(
        select(DatePollAnswer).where(DatePollAnswer.option_id.in_(option_ids),
                                     DatePollAnswer.user_id == user.id))}
    for option_id, value in answers.items():
        if option_id in mine:
            mine[option_id].answer = value
        else:
            db.session.add(DatePollAnswer(option_id=option_id, user_id=user.id, answer=value))
    db.session.flush()


def decide_poll(*, poll: DatePoll, option_id: int | None, actor, now: datetime):
    """The chosen date becomes a meeting; everyone who answered the poll is told."""
    if poll.closed_at is not None:
        raise ValidationError(_l("Diese Abstimmung ist schon beendet."), field="option_id")
    option = next((o for o in poll.options if o.id == option_id), None)
    if option is None:
        raise ValidationError(_l("Bitte wähle einen der Termine."), field="option_id")
    place = Place(format=poll.format, video_url=poll.video_url, venue=poll.venue,
                  address=poll.address, capacity=poll.capacity,
                  description_md=poll.description_md)
    # The exact times, not Berlin wall times again: an evening date may end after midnight.
    meeting = create_meeting_at(
        actor=actor, title=poll.title, place=place, starts_at=option.starts_at,
        ends_at=option.starts_at + timedelta(minutes=poll.duration_minutes), now=now,
        notify=False)
    poll.closed_at, poll.meeting_id = now, meeting.id
    auditing.poll_decided(actor=actor, poll=poll, meeting=meeting)
    answerers = db.session.scalars(
        select(User).join(DatePollAnswer, DatePollAnswer.user_id == User.id)
        .where(DatePollAnswer.option_id.in_([o.id for o in poll.options])).distinct())
    notifying.scheduled(meeting, actor=actor, recipients=list(answerers))
    db.session.flush()
    return meeting
