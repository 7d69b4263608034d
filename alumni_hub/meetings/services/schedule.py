"""Scheduling: series that generate their meetings, one-off meetings, moving and cancelling."""
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from alumni_hub.core.errors import ValidationError
from alumni_hub.core.markup import render
from alumni_hub.extensions import db
from alumni_hub.meetings.models import CANCELLED, Meeting, MeetingSeries
from alumni_hub.meetings.recurrence import (LAST, Existing, Rule, exists_in_berlin, occurrences,
                                            plan_series_edit, to_berlin, window)
from alumni_hub.meetings.services import auditing, notifying
from alumni_hub.meetings.services.rsvp import promote_waiting
from alumni_hub.meetings.validation import Place, clean_duration, clean_place, clean_title

PLACE_FIELDS = ("format", "video_url", "venue", "address", "capacity")


@dataclass(frozen=True)
class SeriesInput:
    title: str
    start_time: time
    first_day: date
    interval_months: int = 2
    day_rule: str = "weekday"
    week_of_month: int = 2
    weekday: int = 1
    day_of_month: int = 1
    duration_minutes: int = 90
    place: Place = Place()


@dataclass(frozen=True)
class MeetingInput:
    title: str
    day: date
    start_time: time
    end_time: time
    place: Place = Place()


def new_uid() -> str:
    """Stable for the meeting's life: calendar apps update it instead of adding a copy."""
    return f"meeting-{uuid.uuid4().hex}@alumni-hub"


def apply_place(target, place: Place) -> None:
    for name in PLACE_FIELDS:
        setattr(target, name, getattr(place, name))
    target.description_md = place.description_md
    target.description_html = render(place.description_md)


def _clean_series(data: SeriesInput) -> SeriesInput:
    if not 1 <= (data.interval_months or 0) <= 12:
        raise ValidationError(_l("Bitte wähle einen Abstand zwischen 1 und 12 Monaten."),
                              field="interval_months")
    if data.day_rule == "day" and not 1 <= (data.day_of_month or 0) <= 31:
        raise ValidationError(_l("Der Tag im Monat muss zwischen 1 und 31 liegen."),
                              field="day_of_month")
    if data.day_rule == "weekday" and (data.week_of_month not in (1, 2, 3, 4, 5, LAST)
                                       or not 0 <= data.weekday <= 6):
        raise ValidationError(_l("Bitte wähle Woche und Wochentag."), field="week_of_month")
    if data.day_rule not in ("day", "weekday"):
        raise ValidationError(_l("Bitte wähle eine Regel für den Tag."), field="day_rule")
    return replace(data, title=clean_title(data.title),
                   duration_minutes=clean_duration(data.duration_minutes),
                   place=clean_place(data.place))


def _rule(series: MeetingSeries) -> Rule:
    return Rule(interval_months=series.interval_months, day_rule=series.day_rule,
                week_of_month=series.week_of_month, weekday=series.weekday,
                day_of_month=series.day_of_month)


def _set_series(series: MeetingSeries, data: SeriesInput) -> None:
    for name in ("title", "start_time", "first_day", "interval_months", "day_rule",
                 "week_of_month", "weekday", "day_of_month", "duration_minutes"):
        setattr(series, name, getattr(data, name))
    apply_place(series, data.place)


def _from_series(meeting: Meeting, series: MeetingSeries, day: date) -> None:
    meeting.title = series.title
    meeting.starts_at, meeting.ends_at = window(day, series.start_time, series.duration_minutes)
    for name in (*PLACE_FIELDS, "description_md", "description_html"):
        setattr(meeting, name, getattr(series, name))


def create_series(*, actor, data: SeriesInput, now: datetime,
                  notify: bool = True) -> MeetingSeries:
    """A series and its meetings of the next twelve months; members hear of the first."""
    data = _clean_series(data)
    series = MeetingSeries()
    _set_series(series, data)
    db.session.add(series)
    db.session.flush()
    created, _changed = sync_series(series, now=now, apply_to_all=False)
    auditing.series_created(actor=actor, series=series, created=len(created))
    if created and notify:
        notifying.scheduled(created[0], actor=actor)
    return series


def update_series(*, actor, series: MeetingSeries, data: SeriesInput, apply_to_all: bool,
                  now: datetime) -> tuple[list[Meeting], list[Meeting]]:
    """Change the series; its past meetings stay as they were. Returns (created, changed)."""
    data = _clean_series(data)
    before = auditing.series_facts(series)
    _set_series(series, data)
    created, changed = sync_series(series, now=now, apply_to_all=apply_to_all)
    auditing.series_edited(actor=actor, series=series, before=before, apply_to_all=apply_to_all,
                           created=len(created), changed=len(changed))
    for meeting in changed:
        notifying.changed(meeting, actor=actor)
    return created, changed


def sync_series(series: MeetingSeries, *, now: datetime,
                apply_to_all: bool) -> tuple[list[Meeting], list[Meeting]]:
    """Create the missing meetings of the horizon; with apply_to_all retime/cancel the rest."""
    today = to_berlin(now).date()
    meetings = list(db.session.scalars(select(Meeting).where(Meeting.series_id == series.id)))
    by_key = {m.occurrence_key: m for m in meetings}
    existing = [Existing(key=m.occurrence_key, past=m.starts_at <= now, detached=m.detached,
                         cancelled=m.status == CANCELLED) for m in meetings]
    wanted = occurrences(_rule(series), first_day=series.first_day, start=today)
    wanted = [o for o in wanted if window(o.day, series.start_time, 1)[0] > now]
    plan = plan_series_edit(existing, wanted, apply_to_all=apply_to_all)
    created = []
    for occurrence in plan.create:
        meeting = Meeting(uid=new_uid(), series_id=series.id, occurrence_key=occurrence.key,
                          updated_at=now)
        _from_series(meeting, series, occurrence.day)
        db.session.add(meeting)
        created.append(meeting)
    changed = []
    for occurrence in plan.retime:
        meeting = by_key[occurrence.key]
        _from_series(meeting, series, occurrence.day)
        changed.append(_bump(meeting, now))
    for key in plan.cancel:
        by_key[key].status = CANCELLED
        changed.append(_bump(by_key[key], now))
    db.session.flush()
    for meeting in changed:
        promote_waiting(meeting)
    return created, changed


def _bump(meeting: Meeting, now: datetime) -> Meeting:
    """Every change raises SEQUENCE, so calendar apps take the new version."""
    meeting.sequence += 1
    meeting.updated_at = now
    return meeting


def _clean_meeting(data: MeetingInput) -> tuple[str, Place, datetime, datetime]:
    title = clean_title(data.title)
    if data.day is None or data.start_time is None or data.end_time is None:
        raise ValidationError(_l("Bitte gib Datum, Beginn und Ende an."), field="day")
    if data.end_time <= data.start_time:
        raise ValidationError(_l("Das Ende muss nach dem Beginn liegen."), field="end_time")
    for name, at in (("start_time", data.start_time), ("end_time", data.end_time)):
        if not exists_in_berlin(data.day, at):
            raise ValidationError(_l("Diese Uhrzeit gibt es an diesem Tag wegen der Umstellung "
                                     "auf Sommerzeit nicht."), field=name)
    starts_at, _ = window(data.day, data.start_time, 0)
    ends_at, _ = window(data.day, data.end_time, 0)
    return title, clean_place(data.place), starts_at, ends_at


def create_meeting(*, actor, data: MeetingInput, now: datetime, notify: bool = True) -> Meeting:
    """A one-off meeting (not part of a series); everybody hears of it."""
    title, place, starts_at, ends_at = _clean_meeting(data)
    return create_meeting_at(actor=actor, title=title, place=place, starts_at=starts_at,
                             ends_at=ends_at, now=now, notify=notify)


def create_meeting_at(*, actor, title: str, place: Place, starts_at: datetime,
                      ends_at: datetime, now: datetime, notify: bool = True) -> Meeting:
    """A one-off meeting at exact UTC times (a decided poll's date may run past midnight)."""
    if starts_at <= now:
        raise ValidationError(_l("Ein neues Treffen kann nicht in der Vergangenheit liegen."),
                              field="day")
    meeting = Meeting(uid=new_uid(), title=title, starts_at=starts_at, ends_at=ends_at,
                      updated_at=now)
    apply_place(meeting, place)
    db.session.add(meeting)
    db.session.flush()
    auditing.meeting_created(actor=actor, meeting=meeting)
    if notify:
        notifying.scheduled(meeting, actor=actor)
    return meeting


UNCHANGED, CORRECTED, ANNOUNCED = "unchanged", "corrected", "announced"


def edit_meeting(*, actor, meeting: Meeting, data: MeetingInput, now: datetime) -> str:
    """Move or edit this one meeting; series edits leave it alone from now on. Returns
    UNCHANGED (saved as it was), CORRECTED (after its end: nobody is told) or ANNOUNCED."""
    if meeting.cancelled:
        raise ValidationError(_l("Ein abgesagtes Treffen lässt sich nicht mehr ändern."))
    title, place, starts_at, ends_at = _clean_meeting(data)
    starts_at = _same_wall_time(meeting.starts_at, data.day, data.start_time, starts_at)
    ends_at = _same_wall_time(meeting.ends_at, data.day, data.end_time, ends_at)
    if starts_at != meeting.starts_at and starts_at <= now:
        raise ValidationError(_l("Ein Treffen kann nicht in die Vergangenheit verschoben "
                                 "werden."), field="day")
    before = auditing.meeting_facts(meeting)
    meeting.title, meeting.starts_at, meeting.ends_at = title, starts_at, ends_at
    apply_place(meeting, place)
    if not db.session.is_modified(meeting):
        # Saved unchanged: no new calendar version, no mail, the series still applies.
        return UNCHANGED
    meeting.detached = True
    _bump(meeting, now)
    db.session.flush()
    promote_waiting(meeting)
    auditing.meeting_edited(actor=actor, meeting=meeting, before=before)
    # Correcting a past meeting's details (title, room for the minutes) is no news to
    # the people who were there; the audit log still has it.
    if meeting.ends_at <= now:
        return CORRECTED
    notifying.changed(meeting, actor=actor)
    return ANNOUNCED


def _same_wall_time(stored: datetime, day: date, at: time, parsed: datetime) -> datetime:
    """The stored instant when the form shows it unchanged: in the hour the clocks repeat in
    autumn, 02:30 is two instants and the form cannot say which one (parsing picks the
    first), so re-saving would move a meeting set at the second 02:30 an hour earlier."""
    if to_berlin(stored).replace(tzinfo=None) == datetime.combine(day, at):
        return stored
    return parsed


def cancel_meeting(*, actor, meeting: Meeting, now: datetime) -> Meeting:
    if meeting.cancelled:
        raise ValidationError(_l("Dieses Treffen ist schon abgesagt."))
    if meeting.starts_at <= now:
        raise ValidationError(_l("Ein Treffen, das schon begonnen hat, kann nicht mehr "
                                 "abgesagt werden."))
    meeting.status = CANCELLED
    meeting.detached = True
    _bump(meeting, now)
    db.session.flush()
    auditing.meeting_cancelled(actor=actor, meeting=meeting)
    notifying.changed(meeting, actor=actor)
    return meeting


def top_up_all_series(*, now: datetime) -> int:
    """Keep every series twelve months ahead (run by cron); returns how many were created."""
    total = 0
    for series in db.session.scalars(select(MeetingSeries)):
        created, _ = sync_series(series, now=now, apply_to_all=False)
        total += len(created)
    return total
