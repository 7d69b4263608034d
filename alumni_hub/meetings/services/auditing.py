"""What moderators do to meetings, series and date polls, written to the audit log.

The details are plain values (times as Berlin wall time), so the log page
(moderation/audit_labels.py) can show them without knowing meetings.
"""
from datetime import datetime

from alumni_hub.meetings.models import Meeting, MeetingSeries
from alumni_hub.meetings.recurrence import to_berlin
from alumni_hub.moderation.services import record


def _when(moment: datetime) -> str:
    return to_berlin(moment).strftime("%d.%m.%Y %H:%M")


def meeting_facts(meeting: Meeting) -> dict:
    """The facts a member relies on; an edit's entry lists the ones that changed."""
    return {"title": meeting.title, "starts": _when(meeting.starts_at),
            "ends": _when(meeting.ends_at), "venue": meeting.venue,
            "video_url": meeting.video_url, "capacity": meeting.capacity}


def series_facts(series: MeetingSeries) -> dict:
    return {"title": series.title, "start_time": series.start_time.strftime("%H:%M"),
            "duration_minutes": series.duration_minutes,
            "interval_months": series.interval_months, "venue": series.venue,
            "video_url": series.video_url, "capacity": series.capacity}


def meeting_created(*, actor, meeting: Meeting) -> None:
    record(actor=actor, action="meeting.created", target_type="meeting", target_id=meeting.id,
           details={"title": meeting.title, "starts": _when(meeting.starts_at)})


def meeting_edited(*, actor, meeting: Meeting, before: dict) -> None:
    record(actor=actor, action="meeting.edited", target_type="meeting", target_id=meeting.id,
           details={"before": before, "after": meeting_facts(meeting)})


def meeting_cancelled(*, actor, meeting: Meeting) -> None:
    record(actor=actor, action="meeting.cancelled", target_type="meeting",
           target_id=meeting.id,
           details={"title": meeting.title, "starts": _when(meeting.starts_at)})


def series_created(*, actor, series: MeetingSeries, created: int) -> None:
    record(actor=actor, action="meeting_series.created", target_type="meeting_series",
           target_id=series.id, details={"title": series.title, "created": created})


def series_edited(*, actor, series: MeetingSeries, before: dict, apply_to_all: bool,
                  created: int, changed: int) -> None:
    record(actor=actor, action="meeting_series.edited", target_type="meeting_series",
           target_id=series.id,
           details={"before": before, "after": series_facts(series),
                    "apply_to_all": apply_to_all, "created": created, "changed": changed})


def poll_decided(*, actor, poll, meeting: Meeting) -> None:
    record(actor=actor, action="date_poll.decided", target_type="date_poll", target_id=poll.id,
           details={"title": poll.title, "starts": _when(meeting.starts_at),
                    "meeting_id": meeting.id})


def recap_published(*, actor, meeting: Meeting) -> None:
    record(actor=actor, action="meeting.recap_published", target_type="meeting",
           target_id=meeting.id, details={"title": meeting.title})
