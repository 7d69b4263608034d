"""Builders for meetings tests: meetings, series, RSVPs, topics, polls (detached objects)."""
from datetime import timedelta

import pytest

from alumni_hub.accounts.models import User
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.meetings.models import AgendaItem, Meeting
from alumni_hub.meetings.recurrence import to_berlin
from alumni_hub.meetings.services import agenda, polls, rsvp, schedule
from alumni_hub.meetings.validation import Place
from tests.conftest import detach


def _user(user):
    return db.session.get(User, user.id)


@pytest.fixture
def make_meeting(app, make_user):
    """make_meeting(days=7, capacity=None, format="online", attendees=()) -> detached Meeting.

    With days < 0 the meeting lies in the past: it is created in the future (with the
    Zusagen of `attendees`) and then moved back in the database, as time passing would do.
    """

    def build(*, title="Alumni-Treffen", days=7, hours=0, capacity=None, format="online",
              venue="", video_url="https://meet.example.org/alumni", duration=90, actor=None,
              attendees=()):
        actor = actor or make_user(role="moderator")
        start = to_berlin(utcnow() + timedelta(days=abs(days) + 1, hours=hours)).replace(
            hour=19, minute=0, second=0, microsecond=0)
        end = start + timedelta(minutes=duration)
        with app.app_context():
            meeting = schedule.create_meeting(
                actor=_user(actor), now=utcnow(), notify=False, data=schedule.MeetingInput(
                    title=title, day=start.date(), start_time=start.time(),
                    end_time=end.time(), place=Place(format=format, video_url=video_url,
                                                     venue=venue or _venue(format),
                                                     capacity=capacity)))
            for person in attendees:
                rsvp.answer(meeting=meeting, user=_user(person), answer="yes", now=utcnow())
            if days < 0:
                shift = timedelta(days=2 * abs(days) + 1)
                meeting.starts_at -= shift
                meeting.ends_at -= shift
            db.session.commit()
            return detach(meeting)

    return build


def _venue(format: str) -> str:
    return "" if format == "online" else "Körber-Forum, Hamburg"


@pytest.fixture
def make_rsvp(app):
    def build(meeting, user, answer="yes"):
        with app.app_context():
            row = rsvp.answer(meeting=db.session.get(Meeting, meeting.id), user=_user(user),
                              answer=answer, now=utcnow())
            db.session.commit()
            return detach(row)

    return build


@pytest.fixture
def make_agenda_topic(app):
    def build(meeting, user, title="MINT-Mobil auf dem Land", description="Erfahrungen?"):
        with app.app_context():
            item = agenda.propose(meeting=db.session.get(Meeting, meeting.id), user=_user(user),
                                  title=title, description_md=description,
                                  now=utcnow())
            db.session.commit()
            return detach(item)

    return build


@pytest.fixture
def make_poll(app, make_user):
    def build(*, title="Präsenztreffen vor dem MINT:Barcamp", capacity=None, actor=None):
        actor = actor or make_user(role="moderator")
        base = utcnow().replace(minute=0, second=0, microsecond=0) + timedelta(days=20)
        with app.app_context():
            poll = polls.create_poll(
                actor=_user(actor), title=title, duration_minutes=120, now=utcnow(),
                options=[base, base + timedelta(days=1)],
                place=Place(format="in_person", venue="Hamburg", capacity=capacity))
            db.session.commit()
            poll.options  # noqa: B018 - loaded before detaching
            db.session.expunge_all()
            return poll

    return build


def topic_of(app, item_id: int) -> AgendaItem:
    with app.app_context():
        return detach(db.session.get(AgendaItem, item_id))



def start_meeting(app, meeting_id: int, minutes_ago: int = 10) -> None:
    """Let time pass: the meeting began `minutes_ago` minutes ago (keeping its length)."""
    with app.app_context():
        meeting = db.session.get(Meeting, meeting_id)
        shift = meeting.starts_at - (utcnow() - timedelta(minutes=minutes_ago))
        meeting.starts_at -= shift
        meeting.ends_at -= shift
        db.session.commit()
