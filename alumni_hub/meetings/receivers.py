"""What meetings register elsewhere (navigation, start-page card, recap items as wiki tips)
and chat messages a moderator copies into a meeting's recap draft."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from alumni_hub.core import signals
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import NotFound
from alumni_hub.core.navigation import register_nav_item
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.meetings import queries
from alumni_hub.meetings.models import AgendaItem
from alumni_hub.meetings.services import append_to_recap_draft
from alumni_hub.pages.cards import register_card
from alumni_hub.wiki.sources import TipSource, register_tip_source

register_nav_item("meetings.index", _l("Treffen"), order=30)


def next_meeting_card(user) -> dict | None:
    """The next meeting and the reader's own answer, in one query."""
    found = queries.next_meeting_with_answer(utcnow(), user)
    if found is None:
        return None
    return {"meeting": found[0], "answer": found[1]}


register_card("meetings.next", template="meetings/_home_card.html", load=next_meeting_card,
              order=10)


def recap_item_tip_source(item_id: int, user) -> TipSource:
    """What was noted on a topic of a published recap, credited to whoever proposed it."""
    item = db.session.get(AgendaItem, item_id)
    if item is None or item.meeting.recap_published_at is None or not item.notes_md:
        raise NotFound(_l("Diesen Punkt aus einem Protokoll gibt es nicht."))
    return TipSource(text_md=item.notes_md,
                     url=site_path("meetings.view_meeting", meeting_id=item.meeting_id)
                     + f"#thema-{item.id}",
                     author_name=item.proposer.display_name if item.proposer
                     else _("Ehemaliges Mitglied"),
                     title=f"{item.meeting.title}: {item.title}", origin=_l("beim Treffen"))


register_tip_source("recap_item", recap_item_tip_source)


@signals.chat_message_to_recap.connect_via("meeting")
def copy_chat_message_to_recap(sender, *, ref_id: int, text_md: str, author_name: str, actor,
                               **extra) -> None:
    """The message goes into the draft as a quote with its author; the chat commits."""
    quoted = "\n".join(f"> {line}" for line in text_md.strip().splitlines())
    append_to_recap_draft(meeting_id=ref_id, actor=actor,
                          text=f"{quoted}\n>\n> — {_('%(name)s im Chat', name=author_name)}")


from alumni_hub.meetings import searchable  # noqa: E402,F401 - registers the search provider
