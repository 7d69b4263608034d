"""What meetings make searchable: every meeting's title, place, description and published recap."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.meetings.models import Meeting
from alumni_hub.search.models import MEMBERS
from alumni_hub.search.providers import (Document, SearchProvider, plain_text,
                                         register_search_provider)


def _load(ids):
    return db.session.scalars(select(Meeting).where(Meeting.id.in_(ids)))


def meeting_document(meeting: Meeting) -> Document:
    """Every member sees every meeting (cancelled ones too); a recap only once published."""
    recap = plain_text(meeting.recap_html) if meeting.recap_published_at else ""
    return Document(
        title=meeting.title,
        body=" ".join(part for part in (meeting.venue, plain_text(meeting.description_html),
                                        recap) if part),
        url=site_path("meetings.view_meeting", meeting_id=meeting.id),
        created_at=meeting.starts_at, visibility=MEMBERS)


register_search_provider(SearchProvider(
    source="meeting", kind="meetings", label=_l("Treffen"), model=Meeting, order=30,
    load=_load, document=meeting_document,
    dated_ids=lambda: select(Meeting.id, Meeting.starts_at),
    fields=("title", "venue", "description_html", "recap_html", "recap_published_at",
            "starts_at")))
