"""Bad input gets a German message next to the field and keeps what was typed; never a 500."""
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from alumni_hub.extensions import db
from alumni_hub.meetings.models import AgendaItem, AgendaVote, DatePollAnswer, Meeting


def _meeting_form(**changes):
    day = (date.today() + timedelta(days=14)).isoformat()
    data = {"title": "Präsenztreffen vor dem MINT:Barcamp", "day": day, "start_time": "15:00",
            "end_time": "18:00", "format": "in_person", "video_url": "", "venue": "Hamburg",
            "address": "Kehrwieder 12", "capacity": "20", "description": "Kaffee und Kuchen"}
    data.update(changes)
    return data


def _spring_forward() -> date:
    """The next last Sunday of March, when Berlin's clocks skip from 02:00 to 03:00."""
    year = date.today().year + 1
    last = date(year, 3, 31)
    return last - timedelta(days=(last.weekday() - 6) % 7)


def _count_meetings(app):
    with app.app_context():
        return db.session.scalar(select(func.count(Meeting.id)))


@pytest.mark.parametrize(("changes", "message"), [
    ({"end_time": "14:00"}, "Das Ende muss nach dem Beginn liegen."),
    ({"day": (date.today() - timedelta(days=2)).isoformat()},
     "Ein neues Treffen kann nicht in der Vergangenheit liegen."),
    ({"format": "hybrid", "video_url": "javascript:alert(1)"},
     "Der Videolink muss eine Webadresse sein"),
    ({"capacity": "0"}, "Die Zahl der Plätze muss zwischen 1 und 10000 liegen"),
    ({"capacity": str(10 ** 20)}, "Die Zahl der Plätze muss zwischen 1 und 10000 liegen"),
    ({"format": "hybrid", "video_url": "https://meet.example.org/" + "x" * 500},
     "Der Videolink darf höchstens 500 Zeichen lang sein."),
    ({"day": _spring_forward().isoformat(), "start_time": "02:30", "end_time": "04:00"},
     "Diese Uhrzeit gibt es an diesem Tag wegen der Umstellung auf Sommerzeit nicht."),
    ({"capacity": "viele"}, "Bitte gib eine ganze Zahl ein."),
    ({"day": "2027-02-31"}, "Bitte gib ein gültiges Datum an."),
    ({"start_time": "abends"}, "Bitte gib eine Uhrzeit wie 19:00 an."),
])
def test_bad_meeting_input_shows_german_message_and_keeps_typed_text(app, client, auth, changes,
                                                                     message):
    auth.login(role="moderator")
    response = client.post("/treffen/neu", data=_meeting_form(**changes))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page or message.replace("ä", "&auml;") in page
    assert 'class="field-error"' in page
    assert "Präsenztreffen vor dem MINT:Barcamp" in page and "Kaffee und Kuchen" in page
    assert _count_meetings(app) == 0


def test_voting_twice_is_refused_with_a_message(app, client, auth, make_meeting, make_agenda_topic,
                                                make_user):
    meeting = make_meeting()
    item = make_agenda_topic(meeting, make_user())
    auth.login()
    client.post(f"/treffen/thema/{item.id}/stimme")
    page = client.post(f"/treffen/thema/{item.id}/stimme", follow_redirects=True).get_data(
        as_text=True)
    assert "Du hast für dieses Thema schon abgestimmt." in page
    with app.app_context():
        assert db.session.scalar(select(func.count(AgendaVote.id))) == 1


def test_proposing_after_the_meeting_started_is_refused_keeping_the_text(client, auth,
                                                                         make_meeting):
    auth.login()
    meeting = make_meeting(days=-2)
    page = client.post(f"/treffen/{meeting.id}/themen", data={
        "title": "Feuerwehren als Lernorte", "description": "Erfahrungen aus Cloppenburg"}
    ).get_data(as_text=True)
    assert "Schlag dein Thema fürs nächste Treffen vor." in page
    assert "Feuerwehren als Lernorte" in page


def test_empty_topic_title_gets_a_message_next_to_the_field(client, auth, make_meeting):
    auth.login()
    meeting = make_meeting()
    page = client.post(f"/treffen/{meeting.id}/themen", data={
        "title": "  ", "description": "Nur Beschreibung"}).get_data(as_text=True)
    assert "Bitte gib einen Titel ein." in page and "Nur Beschreibung" in page


def test_answering_a_closed_poll_is_refused(app, client, auth, make_poll, make_user):
    poll = make_poll()
    auth.login(role="moderator")
    client.post(f"/treffen/abstimmungen/{poll.id}/festlegen",
                data={"option_id": poll.options[0].id})
    auth.logout()
    auth.login(make_user())
    page = client.post(f"/treffen/abstimmungen/{poll.id}/antworten",
                       data={f"option_{poll.options[0].id}": "yes"}).get_data(as_text=True)
    assert "Diese Abstimmung ist schon beendet." in page
    with app.app_context():
        assert db.session.scalar(select(func.count(DatePollAnswer.id))) == 0


def test_poll_with_an_unreadable_date_line_keeps_the_lines(client, auth):
    auth.login(role="moderator")
    page = client.post("/treffen/abstimmungen/neu", data={
        "title": "Barcamp", "options": "14.03.2030 18:00\nirgendwann", "duration_minutes": "120",
        "format": "in_person", "venue": "Hamburg"}).get_data(as_text=True)
    assert "Zeile 2 ist kein Termin" in page and "irgendwann" in page


def test_series_with_interval_zero_is_refused(client, auth):
    auth.login(role="moderator")
    page = client.post("/treffen/reihe/neu", data={
        "title": "Alumni-Treffen", "interval_months": "0", "day_rule": "weekday",
        "week_of_month": "2", "weekday": "1", "start_time": "19:00", "duration_minutes": "90",
        "first_day": date.today().isoformat(), "format": "online"}).get_data(as_text=True)
    assert "Bitte wähle einen Abstand zwischen 1 und 12 Monaten." in page


def test_agenda_position_out_of_range_gets_a_message_not_an_error_page(
        app, client, auth, make_meeting, make_agenda_topic, make_user):
    meeting = make_meeting()
    item = make_agenda_topic(meeting, make_user(), title="MINT-Mobil")
    auth.login(role="moderator")
    response = client.post(f"/treffen/thema/{item.id}/verwalten", data={
        f"t{item.id}-status": "accepted", f"t{item.id}-position": str(10 ** 20),
        f"t{item.id}-slot_minutes": "20", f"t{item.id}-presenter_id": "0"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Die Reihenfolge muss eine Zahl zwischen 0 und 1000 sein." in page
    with app.app_context():
        stored = db.session.get(AgendaItem, item.id)
        assert (stored.status, stored.position) == ("proposed", 0)


def test_poll_date_in_the_skipped_spring_hour_is_refused(client, auth):
    auth.login(role="moderator")
    day = _spring_forward().strftime("%d.%m.%Y")
    page = client.post("/treffen/abstimmungen/neu", data={
        "title": "Barcamp", "options": f"{day} 18:00\n{day} 02:30", "duration_minutes": "120",
        "format": "in_person", "venue": "Hamburg"}).get_data(as_text=True)
    assert "Zeile 2: Diese Uhrzeit gibt es an diesem Tag wegen der Umstellung" in page
