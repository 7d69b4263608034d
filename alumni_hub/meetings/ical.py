"""Pure iCalendar (RFC 5545) output with the `icalendar` package: plain data in, bytes out."""
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from alumni_hub.meetings.recurrence import BERLIN

PRODID = "-//Alumni Hub//Treffen//DE"


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    sequence: int
    title: str
    starts_at: datetime      # aware (UTC)
    ends_at: datetime
    url: str                 # absolute link back to the meeting
    updated_at: datetime
    description: str = ""
    location: str = ""
    cancelled: bool = False


def _event(item: IcsEvent, alarm_text: str) -> Event:
    event = Event()
    event.add("uid", item.uid)
    event.add("sequence", item.sequence)
    event.add("summary", item.title)
    # Local Berlin times with TZID, so calendar apps keep 19:00 across DST switches.
    event.add("dtstart", item.starts_at.astimezone(BERLIN))
    event.add("dtend", item.ends_at.astimezone(BERLIN))
    event.add("dtstamp", item.updated_at)
    event.add("last-modified", item.updated_at)
    event.add("url", item.url)
    event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    if item.description:
        event.add("description", item.description)
    if item.location:
        event.add("location", item.location)
    if not item.cancelled:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", alarm_text or item.title)
        alarm.add("trigger", timedelta(hours=-1))
        event.add_component(alarm)
    return event


def build_calendar(events: list[IcsEvent], *, name: str, alarm_text: str = "") -> bytes:
    """A VCALENDAR with one VEVENT per meeting and the VTIMEZONE for Europe/Berlin."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Berlin")
    for item in events:
        cal.add_component(_event(item, alarm_text))
    # The zone's rules only for the years the events need: a short, still valid VTIMEZONE.
    years = [e.starts_at.year for e in events] or [date.today().year]
    cal.add_missing_timezones(first_date=date(min(years) - 1, 1, 1),
                              last_date=date(max(years) + 2, 1, 1))
    return cal.to_ical()
