"""The meetings' part of the daily digest: new, changed or cancelled meetings, recaps."""
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import format_datetime
from sqlalchemy import or_, select

from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.meetings.models import CANCELLED, Meeting
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.sections import MAX_WINDOW, DigestItem, register_digest_section

MAX_ITEMS = 5


@dataclass(frozen=True)
class MeetingRow:
    id: int
    title: str
    starts_at: datetime
    created_at: datetime
    updated_at: datetime
    cancelled: bool
    recap_published_at: datetime | None


def load_meeting_news(now: datetime) -> list[MeetingRow]:
    """Meetings created, changed or with a recap published in the digest window."""
    since = now - MAX_WINDOW
    rows = db.session.execute(
        select(Meeting.id, Meeting.title, Meeting.starts_at, Meeting.created_at,
               Meeting.updated_at, Meeting.status == CANCELLED, Meeting.recap_published_at)
        .where(or_(Meeting.updated_at >= since, Meeting.recap_published_at >= since))
        .order_by(Meeting.starts_at).limit(50))
    return [MeetingRow(*row) for row in rows]


def _text(row: MeetingRow, since: datetime) -> str | None:
    if row.recap_published_at and row.recap_published_at > since:
        return _("Das Protokoll ist online")
    if row.updated_at <= since:
        return None
    when = format_datetime(row.starts_at, "EEEE, d. MMMM y, HH:mm")
    if row.cancelled:
        return _("abgesagt (war am %(when)s)", when=when)
    if row.created_at > since:
        return _("neu: %(when)s", when=when)
    return _("geändert: jetzt am %(when)s", when=when)


@register_digest_section(title=_l("Treffen"), kind=Kind.MEETING_SCHEDULED,
                         prepare=load_meeting_news)
def meeting_news(user, since: datetime, rows: list[MeetingRow]) -> list[DigestItem]:
    items = []
    for row in rows:
        text = _text(row, since)
        if text:
            items.append(DigestItem(title=row.title, text=text, key=f"meeting:{row.id}",
                                    url=site_path("meetings.view_meeting", meeting_id=row.id)))
    return items[:MAX_ITEMS]
