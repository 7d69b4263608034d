"""The meetings' routes in the route matrix (see tests/test_route_matrix.py)."""
from datetime import date, time, timedelta

from alumni_hub.accounts.models import User
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.meetings.services import agenda, calendar, polls, schedule
from alumni_hub.meetings.validation import Place

MEMBER, OWNER_OR_MOD, MODERATOR, PUBLIC = "member", "owner or moderator", "moderator", "public"

ACCESS = {
    "meetings.index": MEMBER, "meetings.view_meeting": MEMBER,
    "meetings.answer_meeting": MEMBER, "meetings.propose_topic": MEMBER,
    "meetings.vote_topic": MEMBER, "meetings.unvote_topic": MEMBER,
    "meetings.propose_thread": MEMBER, "meetings.download_ics": MEMBER,
    "meetings.series_ics": MEMBER, "meetings.calendar_settings": MEMBER,
    "meetings.list_polls": MEMBER, "meetings.view_poll": MEMBER, "meetings.answer_poll": MEMBER,
    "meetings.edit_topic": OWNER_OR_MOD,
    "meetings.feed": PUBLIC,
    "meetings.new_series": MODERATOR, "meetings.edit_series": MODERATOR,
    "meetings.new_meeting": MODERATOR, "meetings.edit_meeting": MODERATOR,
    "meetings.cancel_meeting": MODERATOR, "meetings.manage_agenda": MODERATOR,
    "meetings.update_topic": MODERATOR, "meetings.edit_recap": MODERATOR,
    "meetings.publish_recap": MODERATOR, "meetings.new_poll": MODERATOR,
    "meetings.decide_poll": MODERATOR,
}
ARG_KEYS = {"meetings.feed": {"token": "meeting_feed_token"}}
# Ids restart at 1 in every world, so the first thread is the one _build_world makes.
QUERY = {"meetings.propose_thread": {"thread": 1}}


def build(users, values) -> dict:
    member, moderator = (db.session.get(User, users[r].id) for r in ("member", "moderator"))
    now = utcnow()
    series = schedule.create_series(actor=moderator, now=now, data=schedule.SeriesInput(
        title="Alumni-Treffen", start_time=time(19), first_day=date.today()))
    soon = (now + timedelta(days=10)).date()
    meeting = schedule.create_meeting(actor=moderator, now=now, data=schedule.MeetingInput(
        title="Präsenztreffen", day=soon, start_time=time(15), end_time=time(18),
        place=Place(format="in_person", venue="Hamburg", capacity=20)))
    item = agenda.propose(meeting=meeting, user=member, title="MINT-Mobil", description_md="",
                          now=now)
    poll = polls.create_poll(actor=moderator, title="Barcamp", duration_minutes=120, now=now,
                             place=Place(format="in_person", venue="Hamburg"),
                             options=[now + timedelta(days=30), now + timedelta(days=31)])
    return {"meeting_id": meeting.id, "series_id": series.id, "item_id": item.id,
            "poll_id": poll.id,
            "meeting_feed_token": calendar.renew_feed_token(user=member, now=now)}


# The accessibility gate (tests/browser/test_accessibility.py), on the demo data.
A11Y_PAGES = [
    ("member", "/treffen/"), ("member", "/treffen/{a11y_meeting_id}"),
    ("member", "/treffen/{a11y_past_meeting_id}"), ("member", "/treffen/abstimmungen"),
    ("member", "/treffen/kalender"), ("moderator", "/treffen/neu"),
    ("moderator", "/treffen/{a11y_meeting_id}/bearbeiten"),
    ("moderator", "/treffen/{a11y_past_meeting_id}/protokoll"),
]


def a11y_values() -> dict:
    """The next meeting of the demo data and the latest past one (with its recap and chat)."""
    from sqlalchemy import select  # noqa: PLC0415 - only the gate needs it

    from alumni_hub.meetings.models import Meeting  # noqa: PLC0415

    now = utcnow()
    return {
        "a11y_meeting_id": db.session.scalar(select(Meeting.id).where(Meeting.ends_at > now)
                                             .order_by(Meeting.starts_at).limit(1)),
        "a11y_past_meeting_id": db.session.scalar(
            select(Meeting.id).where(Meeting.ends_at <= now)
            .order_by(Meeting.starts_at.desc()).limit(1))}
