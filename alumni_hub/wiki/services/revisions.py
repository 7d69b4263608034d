"""Saving revisions: wiki links become Markdown links, Markdown becomes HTML, links are indexed."""
from urllib.parse import quote

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select
from sqlalchemy.orm import joinedload

from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import ValidationError
from alumni_hub.core.markup import render
from alumni_hub.extensions import db
from alumni_hub.wiki import wikilinks
from alumni_hub.wiki.merging import normalize
from alumni_hub.wiki.models import Page, PageLink, PageSlug, Revision
from alumni_hub.wiki.services import watching
from alumni_hub.wiki.slugs import page_slug

MAX_BODY_LENGTH = 200_000


def clean_body(body_md: str | None) -> str:
    return normalize(body_md).rstrip()


def check_body(body_md: str) -> list[wikilinks.WikiLink]:
    """Raise a German ValidationError (field body) for empty text or malformed links."""
    if not body_md.strip():
        raise ValidationError(_l("Bitte schreib etwas Text für die Seite."), field="body")
    if len(body_md) > MAX_BODY_LENGTH:
        raise ValidationError(_l("Der Text ist zu lang (höchstens %(n)s Zeichen).",
                                 n=MAX_BODY_LENGTH), field="body")
    try:
        return wikilinks.find_links(body_md)
    except wikilinks.LinkSyntaxError as error:
        raise ValidationError(error.message, field="body") from error


def live_slugs(slugs: set[str]) -> dict[str, str]:
    """Map each given slug (old or current) of a non-deleted page to that page's current slug."""
    if not slugs:
        return {}
    rows = db.session.execute(
        select(PageSlug.slug, Page.slug).join(Page, PageSlug.page_id == Page.id)
        .where(PageSlug.slug.in_(slugs), Page.deleted_at.is_(None)))
    return dict(rows.all())


def create_url(title: str) -> str:
    return "/wiki/neu?titel=" + quote(title, safe="")


def render_body(body_md: str) -> str:
    """HTML for a page text: live pages link to /wiki/<slug>, missing ones to the create form.

    No words are added: stored HTML is shared by readers of every language, so the hint on
    missing links is added when shown (links.wiki_body).
    """
    links = wikilinks.find_links(body_md)
    existing = live_slugs({page_slug(link.target) for link in links})

    def href_for(target: str) -> tuple[str, str | None]:
        slug = existing.get(page_slug(target))
        if slug:
            return "/wiki/" + slug, None
        return create_url(target), None

    return render(wikilinks.to_markdown(body_md, href_for))


def _store_links(page: Page, links: list[wikilinks.WikiLink]) -> None:
    db.session.execute(delete(PageLink).where(PageLink.from_page_id == page.id))
    seen = set()
    for link in links:
        slug = page_slug(link.target)
        if slug and slug not in seen:
            seen.add(slug)
            db.session.add(PageLink(from_page_id=page.id, to_slug=slug, to_title=link.target))


def add_revision(*, page: Page, actor, body_md: str, summary: str = "",
                 restored_from: Revision | None = None) -> Revision:
    """Append a revision and make it current; the author starts watching the page."""
    body_md = clean_body(body_md)
    links = check_body(body_md)
    current = page.current_revision
    revision = Revision(page=page, number=(current.number + 1) if current else 1,
                        title=page.title, body_md=body_md, body_html=render_body(body_md),
                        summary=(summary or "").strip()[:200],
                        author_id=actor.id if actor else None,
                        restored_from_id=restored_from.id if restored_from else None)
    db.session.add(revision)
    db.session.flush()
    page.current_revision = revision
    page.updated_at = utcnow()
    _store_links(page, links)
    if actor is not None:
        watching.watch(page=page, user=actor)
    db.session.flush()
    return revision


def refresh_linking_pages(slugs: set[str]) -> None:
    """Re-render pages linking to these slugs: links to created or deleted pages change look."""
    if not slugs:
        return
    pages = db.session.scalars(
        select(Page).join(PageLink, PageLink.from_page_id == Page.id)
        .where(PageLink.to_slug.in_(slugs)).options(joinedload(Page.current_revision))
        .distinct()).all()
    for page in pages:
        if page.current_revision is not None:
            page.current_revision.body_html = render_body(page.current_revision.body_md)


def restore_revision(*, page: Page, actor, revision: Revision) -> Revision:
    """Bring back an old text as a new revision; history keeps everything in between."""
    if revision.page_id != page.id:
        raise ValidationError(_l("Diese Version gehört zu einer anderen Seite."))
    return add_revision(page=page, actor=actor, body_md=revision.body_md, restored_from=revision,
                        summary=_("Version %(n)s wiederhergestellt", n=revision.number))


def get_revision(page: Page, number: int) -> Revision | None:
    return db.session.scalar(select(Revision).where(Revision.page_id == page.id,
                                                    Revision.number == number)
                             .options(joinedload(Revision.author)))
