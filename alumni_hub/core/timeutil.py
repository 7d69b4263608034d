"""Time helpers for display: everything is stored in UTC and shown in Europe/Berlin."""
from datetime import datetime

from flask_babel import format_date, format_datetime, format_timedelta

from alumni_hub.core.db import utcnow


def datetime_filter(value: datetime | None, fmt: str = "medium") -> str:
    return format_datetime(value, fmt) if value else ""


def date_filter(value, fmt: str = "medium") -> str:
    return format_date(value, fmt) if value else ""


def ago_filter(value: datetime | None) -> str:
    """'vor 3 Stunden' — relative to now, in the user's language."""
    if not value:
        return ""
    return format_timedelta(value - utcnow(), add_direction=True, threshold=1.0)
