"""The recap of a meeting: attendees, what was discussed per topic, publishing it."""
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from alumni_hub.boards.services.threads import create_thread
from alumni_hub.core.errors import NotFound, ValidationError
from alumni_hub.core.markup import render
from alumni_hub.extensions import db
from alumni_hub.meetings.models import AgendaItem, Meeting
from alumni_hub.meetings.recurrence import to_berlin
from alumni_hub.meetings.services import auditing, notifying
from alumni_hub.meetings.validation import clean_text
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.services import notify

RECAP_MAX = 20000


def _clean_recap(text: str | None) -> str:
    text = (text or "").strip()
    if len(text) > RECAP_MAX:
        raise ValidationError(_l("Der Text darf höchstens %(max)s Zeichen lang sein.",
                                 max=RECAP_MAX), field="body")
    return text


def save_recap(*, meeting: Meeting, attendees: str, body_md: str,
               notes: dict[int, str], items: list[AgendaItem]) -> Meeting:
    """Store the draft (or the published recap's correction) as Markdown and safe HTML."""
    meeting.recap_attendees = clean_text(attendees, field="attendees")
    meeting.recap_md = _clean_recap(body_md)
    meeting.recap_html = render(meeting.recap_md)
    for item in items:
        if item.id in notes:
            item.notes_md = clean_text(notes[item.id], field=f"notes_{item.id}")
            item.notes_html = render(item.notes_md)
    db.session.flush()
    return meeting


def append_to_recap_draft(*, meeting_id: int, text: str, actor) -> Meeting:
    """Add a paragraph to the recap (the chat uses this to hand over its highlights)."""
    meeting = db.session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound(_l("Dieses Treffen gibt es nicht."))
    text = (text or "").strip()
    if not text:
        raise ValidationError(_l("Bitte schreibe einen Text."), field="body")
    if text in (meeting.recap_md or "").split("\n\n"):
        return meeting   # a second click on "copy to recap" adds nothing twice
    meeting.recap_md = _clean_recap(f"{meeting.recap_md}\n\n{text}".strip())
    meeting.recap_html = render(meeting.recap_md)
    db.session.flush()
    return meeting


def publish_recap(*, meeting: Meeting, actor, now: datetime, category=None) -> Meeting:
    """Make the recap visible; yes/maybe people are told; optionally open a forum thread."""
    if meeting.recap_published_at is not None:
        raise ValidationError(_l("Das Protokoll ist schon veröffentlicht."))
    if meeting.cancelled:
        raise ValidationError(_l("Dieses Treffen ist abgesagt; es bekommt kein Protokoll."))
    if meeting.starts_at > now:
        raise ValidationError(_l("Veröffentlichen kannst du das Protokoll erst, wenn das "
                                 "Treffen begonnen hat. Der Entwurf bleibt gespeichert."))
    if not (meeting.recap_md or meeting.recap_attendees):
        raise ValidationError(_l("Das Protokoll ist noch leer."), field="body")
    meeting.recap_published_at = now
    if category is not None:
        meeting.recap_thread_id = _open_thread(meeting, actor, category).id
    db.session.flush()
    auditing.recap_published(actor=actor, meeting=meeting)
    notify(kind=Kind.RECAP_PUBLISHED, recipients=notifying.attending(meeting), actor=actor,
           url=notifying.meeting_path(meeting), params={"title": meeting.title})
    return meeting


def _open_thread(meeting: Meeting, actor, category):
    """The boards' public service starts the follow-up discussion (boards never imports us)."""
    day = to_berlin(meeting.starts_at).strftime("%d.%m.%Y")
    body = _("Das Protokoll des Treffens vom %(day)s: %(url)s\n\nHier können wir weiter "
             "darüber sprechen.", day=day, url=notifying.meeting_path(meeting))
    return create_thread(author=actor, category=category, kind="discussion", body_md=body,
                         title=_("Rückblick: %(title)s", title=meeting.title)[:200])
