"""Recurrence is pure: month ends, missing 5th weekdays, DST, and series edits keeping identity."""
from datetime import date, datetime, time, timezone

from alumni_hub.meetings.recurrence import (LAST, Existing, Occurrence, Rule, day_in_month,
                                            month_key, occurrences, plan_series_edit, to_berlin,
                                            to_utc, window)


def test_second_tuesday_every_two_months_from_the_first_month():
    rule = Rule(interval_months=2, week_of_month=2, weekday=1)
    days = [o.day for o in occurrences(rule, first_day=date(2027, 1, 1), start=date(2027, 1, 1),
                                       months=7)]
    assert days == [date(2027, 1, 12), date(2027, 3, 9), date(2027, 5, 11), date(2027, 7, 13)]


def test_last_thursday_of_the_month():
    rule = Rule(interval_months=1, week_of_month=LAST, weekday=3)
    assert day_in_month(rule, 2027, 2) == date(2027, 2, 25)
    assert day_in_month(rule, 2027, 9) == date(2027, 9, 30)


def test_fifth_tuesday_is_skipped_in_months_without_one():
    rule = Rule(interval_months=1, week_of_month=5, weekday=1)
    days = [o.day for o in occurrences(rule, first_day=date(2027, 1, 1), start=date(2027, 1, 1),
                                       months=4)]
    # Tuesdays: March 2027 has five (2, 9, 16, 23, 30); January, February and April do not.
    assert days == [date(2027, 3, 30)]


def test_a_series_on_the_31st_falls_on_the_last_day_of_shorter_months():
    rule = Rule(interval_months=1, day_rule="day", day_of_month=31)
    days = [o.day for o in occurrences(rule, first_day=date(2027, 1, 1), start=date(2027, 1, 1),
                                       months=4)]
    assert days == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)]
    assert day_in_month(rule, 2028, 2) == date(2028, 2, 29)


def test_later_start_keeps_the_series_rhythm_and_skips_days_already_past():
    rule = Rule(interval_months=2, week_of_month=2, weekday=1)
    found = occurrences(rule, first_day=date(2027, 1, 1), start=date(2027, 3, 10), months=5)
    assert [o.day for o in found] == [date(2027, 5, 11), date(2027, 7, 13)]
    assert found[0].key == month_key(date(2027, 5, 1))


def test_nineteen_oclock_stays_nineteen_oclock_across_both_dst_switches():
    before_spring, after_spring = to_utc(date(2027, 3, 23), time(19)), to_utc(date(2027, 3, 30),
                                                                              time(19))
    assert before_spring == datetime(2027, 3, 23, 18, tzinfo=timezone.utc)
    assert after_spring == datetime(2027, 3, 30, 17, tzinfo=timezone.utc)
    before_autumn, after_autumn = to_utc(date(2027, 10, 26), time(19)), to_utc(
        date(2027, 11, 2), time(19))
    assert before_autumn.hour == 17 and after_autumn.hour == 18
    assert {to_berlin(m).hour for m in (before_spring, after_spring, before_autumn,
                                        after_autumn)} == {19}


def test_window_across_the_dst_night_lasts_the_given_minutes():
    start, end = window(date(2027, 3, 27), time(23), 180)
    assert (end - start).total_seconds() == 3 * 3600
    assert to_berlin(end).hour == 3  # 23:00 CET + 3 h = 03:00 CEST


def _existing(key, *, past=False, detached=False, cancelled=False):
    return Existing(key=key, past=past, detached=detached, cancelled=cancelled)


def test_edit_for_all_future_retimes_free_meetings_and_keeps_past_moved_and_cancelled():
    wanted = [Occurrence(100, date(2030, 5, 1)), Occurrence(102, date(2030, 7, 1)),
              Occurrence(104, date(2030, 9, 1))]
    existing = [_existing(98, past=True), _existing(100), _existing(102, detached=True),
                _existing(104, cancelled=True), _existing(106)]
    plan = plan_series_edit(existing, wanted, apply_to_all=True)
    assert [o.key for o in plan.retime] == [100]
    assert plan.cancel == [106]  # its month is no longer due under the new rule
    assert plan.create == []     # a month with a meeting (even cancelled) never gets a second


def test_edit_for_new_meetings_only_creates_missing_months():
    wanted = [Occurrence(100, date(2030, 5, 1)), Occurrence(103, date(2030, 8, 1))]
    plan = plan_series_edit([_existing(100)], wanted, apply_to_all=False)
    assert [o.key for o in plan.create] == [103]
    assert plan.retime == [] and plan.cancel == []
