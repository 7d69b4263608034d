"""Demo meetings: a bimonthly series with a past meeting (recap, a wiki tip) and the next one."""
from datetime import date, time, timedelta

from sqlalchemy import select

from alumni_hub.core.db import utcnow
from alumni_hub.core.markup import render
from alumni_hub.extensions import db
from alumni_hub.meetings.models import DISCUSSED, YES, AgendaItem, AgendaVote, Meeting, Rsvp
from alumni_hub.meetings.receivers import recap_item_tip_source
from alumni_hub.meetings.recurrence import Rule, day_in_month, month_key, to_berlin, window
from alumni_hub.meetings.services import agenda, rsvp, schedule
from alumni_hub.meetings.validation import Place
from alumni_hub.wiki.services.promote import promote_text

VIDEO = "https://meet.example.org/alumni-netzwerk"
TOPICS = [("Feuerwehren und Schwimmvereine als Lernorte",
           "Wer hat schon Kooperationen mit der Feuerwehr? Was hat funktioniert?"),
          ("Was gehört in ein MINT-Mobil?", "Ausstattung, Versicherung, Personal."),
          ("Praktikumswoche 2027", "Terminabstimmung mit den Kammern.")]
PAST_NOTES = ("Fünf Betriebe an fünf Tagen: Die Jugendlichen melden sich online an, die "
              "Betriebe bekommen eine Checkliste. Wichtig ist ein fester Ansprechpartner "
              "in jeder Schule.")


def seed(ctx: dict) -> None:
    users = ctx["users"]
    moderator = next(u for u in users if u.role in ("moderator", "admin"))
    members = [u for u in users if u is not moderator]
    now = utcnow()
    today = to_berlin(now).date()
    data = schedule.SeriesInput(
        title="Alumni-Treffen", start_time=time(19), first_day=date(today.year - 1, 1, 1),
        duration_minutes=90, place=Place(video_url=VIDEO, description_md=(
            "Unser digitales Treffen alle zwei Monate: Neuigkeiten aus den Netzwerken, "
            "Themen aus dem Forum, Verabredungen.")))
    # Quietly: the notifications demo decides what lands in the demo inboxes.
    series = schedule.create_series(actor=moderator, now=now, notify=False, data=data)
    db.session.flush()
    past = _past_meeting(series, members, now)
    _recap(past, moderator, members)
    upcoming = db.session.scalar(select(Meeting).where(
        Meeting.series_id == series.id, Meeting.starts_at > now).order_by(Meeting.starts_at))
    for index, (title, text) in enumerate(TOPICS):
        item = agenda.propose(meeting=upcoming, user=members[index % len(members)], title=title,
                              description_md=text, now=now)
        for voter in members[index + 1:index + 4]:
            db.session.add(AgendaVote(item_id=item.id, user_id=voter.id))
    for person, answer in zip(members[:8], ("yes", "yes", "yes", "maybe", "yes", "no", "yes",
                                            "maybe")):
        rsvp.answer(meeting=upcoming, user=person, answer=answer, now=now)
    ctx["meetings"] = [past, upcoming]


def _past_meeting(series, members, now) -> Meeting:
    """The series' meeting two months back, as if it had taken place."""
    month = month_key(to_berlin(now).date()) - 2
    day = day_in_month(Rule(), month // 12, month % 12 + 1)
    starts_at, ends_at = window(day, time(19), 90)
    meeting = Meeting(uid=schedule.new_uid(), series_id=series.id, occurrence_key=month,
                      title=series.title, starts_at=starts_at, ends_at=ends_at,
                      video_url=VIDEO, ended_handled_at=ends_at,
                      created_at=starts_at - timedelta(days=60), updated_at=starts_at)
    db.session.add(meeting)
    db.session.flush()
    for person in members[:6]:
        db.session.add(Rsvp(meeting_id=meeting.id, user_id=person.id, answer=YES,
                            updated_at=starts_at - timedelta(days=5)))
    return meeting


def _recap(meeting, moderator, members) -> None:
    item = AgendaItem(meeting_id=meeting.id, proposer_id=members[0].id, title="Praktikumswoche",
                      status=DISCUSSED, position=1, slot_minutes=20, notes_md=PAST_NOTES,
                      notes_html=render(PAST_NOTES), created_at=meeting.created_at)
    db.session.add(item)
    meeting.recap_attendees = ", ".join(p.display_name for p in members[:5])
    meeting.recap_md = ("Wir haben über die **Praktikumswoche** gesprochen und Termine fürs "
                        "nächste Präsenztreffen gesammelt.\n\nLinks: "
                        "https://www.praktikumswoche.de")
    meeting.recap_html = render(meeting.recap_md)
    meeting.recap_published_at = meeting.ends_at + timedelta(days=1)
    db.session.flush()
    source = recap_item_tip_source(item.id, moderator)
    promote_text(actor=moderator, text_md=source.text_md, source_url=source.url,
                 source_author_name=source.author_name, source_title=source.title,
                 origin=source.origin, new_title="Praktikumswoche organisieren")
