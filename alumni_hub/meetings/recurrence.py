"""Pure recurrence: which days a series meets, Berlin wall time to UTC, and series edits.

Plain data in, plain data out; no Flask, no database.
"""
import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
LAST = -1
HORIZON_MONTHS = 12


@dataclass(frozen=True)
class Rule:
    interval_months: int = 2
    day_rule: str = "weekday"   # "weekday" (nth weekday) or "day" (fixed day of month)
    week_of_month: int = 2      # 1..5, or LAST
    weekday: int = 1            # Monday = 0
    day_of_month: int = 1


@dataclass(frozen=True)
class Occurrence:
    key: int    # the month, year * 12 + month - 1: a series meeting's identity
    day: date


@dataclass(frozen=True)
class Existing:
    key: int
    past: bool
    detached: bool   # moved/edited/cancelled on its own
    cancelled: bool


@dataclass(frozen=True)
class Plan:
    create: list       # Occurrence
    retime: list       # Occurrence whose meeting gets the rule's new day/time
    cancel: list       # keys


def month_key(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month(key: int) -> tuple[int, int]:
    return key // 12, key % 12 + 1


def day_in_month(rule: Rule, year: int, month: int) -> date | None:
    """The rule's day in that month; None when the month has no such day (a 5th Tuesday).

    A fixed day beyond the month's end (the 31st) falls on its last day, so a series on
    the 31st still meets in every month it is due.
    """
    days = calendar.monthrange(year, month)[1]
    if rule.day_rule == "day":
        return date(year, month, min(rule.day_of_month, days))
    if rule.week_of_month == LAST:
        last = date(year, month, days)
        return last - timedelta(days=(last.weekday() - rule.weekday) % 7)
    first = date(year, month, 1)
    day = 1 + (rule.weekday - first.weekday()) % 7 + 7 * (rule.week_of_month - 1)
    return date(year, month, day) if day <= days else None


def occurrences(rule: Rule, *, first_day: date, start: date,
                months: int = HORIZON_MONTHS) -> list[Occurrence]:
    """Meeting days on or after `start` in the `months` months from there.

    The series counts its months from `first_day`'s month, every `interval_months`.
    """
    interval = max(rule.interval_months, 1)
    origin = month_key(first_day)
    begin = month_key(start)
    key = origin + max(0, -(-(begin - origin) // interval)) * interval
    result = []
    while key < begin + months:
        day = day_in_month(rule, *_month(key))
        if day is not None and day >= start and day >= first_day:
            result.append(Occurrence(key, day))
        key += interval
    return result


def to_utc(day: date, at: time) -> datetime:
    """Berlin wall time on that day as UTC: 19:00 stays 19:00 across the DST switches."""
    return datetime.combine(day, at, tzinfo=BERLIN).astimezone(timezone.utc)


def exists_in_berlin(day: date, at: time) -> bool:
    """False for the hour the clocks skip in spring (02:00-03:00 on the last Sunday of
    March): zoneinfo would quietly read 02:30 as 03:30 there."""
    return to_berlin(to_utc(day, at)).replace(tzinfo=None) == datetime.combine(day, at)


def moved_by_spring_switch(at: time, starts: list[datetime]) -> list[datetime]:
    """Those of a series' meeting starts (UTC) that the skipped spring hour moved: `at`
    (02:30) does not exist on their Berlin day, so to_utc placed them an hour later (03:30).
    A series at 02:30 is fine on every other day, so these are shown, not refused."""
    moved = []
    for start in starts:
        day = to_berlin(start).date()
        if not exists_in_berlin(day, at) and start == to_utc(day, at):
            moved.append(start)
    return moved


def to_berlin(moment: datetime) -> datetime:
    return moment.astimezone(BERLIN)


def window(day: date, at: time, duration_minutes: int) -> tuple[datetime, datetime]:
    """Start and end in UTC; the end is counted in real minutes, so a meeting across the
    night of a DST switch still lasts what it says."""
    start = to_utc(day, at)
    return start, start + timedelta(minutes=duration_minutes)


def plan_series_edit(existing: list[Existing], wanted: list[Occurrence], *,
                     apply_to_all: bool) -> Plan:
    """What a series edit (or a horizon top-up) does to its meetings.

    Past meetings are never touched, nor are ones moved, edited or cancelled on their own.
    With apply_to_all, every other future meeting follows the new rule (retimed when its
    month is still due, cancelled when not); otherwise only months without a meeting get
    one. A month that already has a meeting — even a cancelled one — never gets a second.
    """
    by_key = {e.key: e for e in existing}
    wanted_keys = {o.key for o in wanted}
    create = [o for o in wanted if o.key not in by_key]
    if not apply_to_all:
        return Plan(create=create, retime=[], cancel=[])
    free = {e.key for e in existing if not (e.past or e.detached or e.cancelled)}
    retime = [o for o in wanted if o.key in free]
    cancel = sorted(k for k in free if k not in wanted_keys)
    return Plan(create=create, retime=retime, cancel=cancel)
