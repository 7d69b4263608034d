"""The .ics output parses with icalendar: Berlin times with VTIMEZONE, UID, SEQUENCE, alarms."""
from datetime import datetime, timedelta, timezone

from icalendar import Calendar

from alumni_hub.meetings.ical import IcsEvent, build_calendar


def _event(**changes):
    values = dict(uid="meeting-1@alumni-hub", sequence=3, title="Alumni-Treffen",
                  starts_at=datetime(2027, 3, 30, 17, tzinfo=timezone.utc),
                  ends_at=datetime(2027, 3, 30, 18, 30, tzinfo=timezone.utc),
                  url="https://alumni.example.org/treffen/1",
                  updated_at=datetime(2027, 3, 1, tzinfo=timezone.utc),
                  description="Themen: MINT-Mobil", location="Online")
    values.update(changes)
    return IcsEvent(**values)


def test_event_has_berlin_local_time_with_vtimezone_uid_sequence_url_and_alarm():
    cal = Calendar.from_ical(build_calendar([_event()], name="Alumni Hub"))
    [event] = cal.walk("VEVENT")
    start = event.decoded("dtstart")
    assert start.tzinfo is not None and str(start.tzinfo) == "Europe/Berlin"
    assert (start.hour, start.minute) == (19, 0)
    assert event["dtstart"].params["TZID"] == "Europe/Berlin"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert str(event["uid"]) == "meeting-1@alumni-hub"
    assert event.decoded("sequence") == 3
    assert str(event["url"]) == "https://alumni.example.org/treffen/1"
    assert str(event["status"]) == "CONFIRMED"
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(hours=-1)


def test_cancelled_event_says_so_and_has_no_alarm():
    cal = Calendar.from_ical(build_calendar([_event(cancelled=True)], name="X"))
    [event] = cal.walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"
    assert event.walk("VALARM") == []


def test_winter_meeting_is_also_nineteen_oclock_berlin():
    cal = Calendar.from_ical(build_calendar([_event(
        starts_at=datetime(2027, 1, 12, 18, tzinfo=timezone.utc),
        ends_at=datetime(2027, 1, 12, 19, 30, tzinfo=timezone.utc))], name="X"))
    assert cal.walk("VEVENT")[0].decoded("dtstart").hour == 19
