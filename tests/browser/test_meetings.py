"""Meetings in a real browser: a series with RSVP, topics, votes and .ics; a poll with a full room."""
from datetime import date, timedelta

from icalendar import Calendar
from sqlalchemy import select

from alumni_hub.extensions import db
from alumni_hub.meetings.models import AgendaItem, Meeting


def _first_meeting_id(app) -> int:
    with app.app_context():
        meeting_id = db.session.scalar(select(Meeting.id).order_by(Meeting.starts_at))
        db.session.remove()
        return meeting_id


def test_series_rsvp_topic_vote_accept_and_ics(app, new_page, login_as, make_user):
    moderator = make_user(role="moderator", display_name="Moni Moderation")
    mia, otto = make_user(display_name="Mia Mitglied"), make_user(display_name="Otto Anders")
    mod = new_page()
    login_as(mod, moderator)
    mod.goto("/treffen/reihe/neu")
    mod.fill("input[name=first_day]", date.today().isoformat())
    mod.fill("input[name=start_time]", "19:00")
    mod.fill("input[name=video_url]", "https://meet.example.org/alumni")
    mod.click("input[name=submit]")
    assert "Die Terminreihe ist angelegt" in mod.content()
    meeting_id = _first_meeting_id(app)

    member = new_page()
    login_as(member, mia)
    member.goto(f"/treffen/{meeting_id}")
    member.click("button[name=answer][value=yes]")
    assert "Du hast zugesagt." in member.content()
    member.fill("#themen input[name=title]", "Feuerwehren als Lernorte")
    member.click("#themen input[name=submit]")
    assert "Danke! Dein Thema steht jetzt zur Abstimmung." in member.content()

    voter = new_page()
    login_as(voter, otto)
    voter.goto(f"/treffen/{meeting_id}")
    voter.get_by_role("button", name="Dafür stimmen").click()
    assert "1 Stimme" in voter.content()

    with app.app_context():
        item_id = db.session.scalar(select(AgendaItem.id))
        db.session.remove()
    mod.goto(f"/treffen/{meeting_id}/tagesordnung")
    mod.select_option(f"select[name=t{item_id}-status]", "accepted")
    mod.click(f"#thema-{item_id} input[type=submit]")
    member.goto(f"/treffen/{meeting_id}")
    assert "Feuerwehren als Lernorte" in member.locator("#tagesordnung").inner_text()

    with member.expect_download() as info:
        member.click("text=Zum Kalender hinzufügen (.ics)")
    with open(info.value.path(), "rb") as handle:
        [event] = Calendar.from_ical(handle.read()).walk("VEVENT")
    start = event.decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Berlin" and (start.hour, start.minute) == (19, 0)


def test_poll_decided_into_full_meeting_with_waiting_list_moving_up(app, new_page, login_as,
                                                                   make_user):
    moderator = make_user(role="moderator")
    anna, ben = make_user(display_name="Anna Anfang"), make_user(display_name="Ben Berger")
    mod = new_page()
    login_as(mod, moderator)
    mod.goto("/treffen/abstimmungen/neu")
    day = date.today() + timedelta(days=30)
    mod.fill("input[name=title]", "Präsenztreffen vor dem MINT:Barcamp")
    mod.fill("textarea[name=options]", f"{day:%d.%m.%Y} 15:00\n{day + timedelta(days=1):%d.%m.%Y} 15:00")
    mod.check("input[name=format][value=in_person]")
    mod.fill("input[name=venue]", "Hamburg")
    mod.fill("input[name=capacity]", "1")
    mod.click("input[name=submit]")
    assert "Die Terminabstimmung läuft." in mod.content()
    poll_url = mod.url

    pages = {}
    for person in (anna, ben):
        pages[person.id] = page = new_page()
        login_as(page, person)
        page.goto(poll_url)
        page.locator("input[type=radio][value=yes]").first.check()
        page.click("text=Antworten speichern")
        assert "Deine Antworten sind gespeichert." in page.content()
    mod.goto(poll_url)
    assert "2 Ja, 0 wenn nötig" in mod.content()
    mod.click("input[name=submit]")
    assert "Der Termin steht" in mod.content()
    meeting_url = mod.url

    first, second = pages[anna.id], pages[ben.id]
    first.goto(meeting_url)
    first.click("button[name=answer][value=yes]")
    second.goto(meeting_url)
    second.click("button[name=answer][value=yes]")
    assert "Platz 1 der Warteliste" in second.content()
    first.click("button[name=answer][value=no]")
    second.goto(meeting_url)
    assert "Deine Antwort: Zusage" in " ".join(second.locator("#antwort").inner_text().split())
    second.goto("/benachrichtigungen/")
    assert "Ein Platz ist frei geworden" in second.content()
