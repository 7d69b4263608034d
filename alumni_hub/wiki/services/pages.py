"""Creating pages and finding them by slug, with the rules on titles and who may edit."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import NotFound, PermissionDenied, ValidationError
from alumni_hub.core.permissions import Role, has_role
from alumni_hub.core.text import german_sort_key
from alumni_hub.extensions import db
from alumni_hub.members.models import Topic
from alumni_hub.wiki.models import Page, PageSlug, Revision
from alumni_hub.wiki.services import revisions
from alumni_hub.wiki.slugs import normalize_title, page_slug

MAX_TITLE_LENGTH = 150


def check_title(title: str | None, *, page: Page | None = None) -> tuple[str, str]:
    """Return (title, slug) or raise a German ValidationError on the title field."""
    title = normalize_title(title)
    if not title:
        raise ValidationError(_l("Bitte gib der Seite einen Titel."), field="title")
    if len(title) > MAX_TITLE_LENGTH:
        raise ValidationError(_l("Der Titel ist zu lang (höchstens %(n)s Zeichen).",
                                 n=MAX_TITLE_LENGTH), field="title")
    if "[" in title or "]" in title or "|" in title:
        raise ValidationError(_l("Der Titel darf keine eckigen Klammern und keinen senkrechten "
                                 "Strich enthalten."), field="title")
    slug = page_slug(title)
    if not slug:
        raise ValidationError(_l("Der Titel braucht mindestens einen Buchstaben oder eine "
                                 "Ziffer."), field="title")
    owner = db.session.scalar(select(Page).join(PageSlug, PageSlug.page_id == Page.id)
                              .where(PageSlug.slug == slug))
    if owner is not None and (page is None or owner.id != page.id):
        if owner.is_deleted:
            raise ValidationError(_l("Es gibt schon eine (gelöschte) Seite „%(title)s“. Die "
                                     "Moderation kann sie wiederherstellen.", title=owner.title),
                                  field="title")
        if owner.slug != slug:
            raise ValidationError(_l("Dieser Titel gehörte früher zur Seite „%(title)s“ und "
                                     "leitet dorthin weiter. Bitte wähle einen anderen Titel.",
                                     title=owner.title), field="title")
        raise ValidationError(_l("Es gibt schon eine Seite mit dem Titel „%(title)s“.",
                                 title=owner.title), field="title")
    return title, slug


def can_edit(user, page: Page) -> bool:
    if page.is_deleted:
        return False
    return not page.protected or has_role(user, Role.MODERATOR)


def require_edit(user, page: Page) -> None:
    if not can_edit(user, page):
        raise PermissionDenied(_l("Diese Seite ist geschützt; nur die Moderation kann sie "
                                  "bearbeiten."))


def topic_choices(selected_ids=()) -> list[Topic]:
    """Active topics, plus archived ones a page already carries (so they are not lost)."""
    topics = db.session.scalars(select(Topic).where(
        (Topic.archived.is_(False)) | (Topic.id.in_(list(selected_ids) or [0])))).all()
    return sorted(topics, key=lambda topic: german_sort_key(topic.name))


def set_topics(page: Page, topic_ids) -> None:
    ids = {int(i) for i in topic_ids or ()}
    page.topics = db.session.scalars(select(Topic).where(Topic.id.in_(ids))).all() if ids else []


def create_page(*, actor, title: str, body_md: str, summary: str = "",
                topic_ids=()) -> Page:
    """A new page with its first revision; pages that already link to the title now find it."""
    title, slug = check_title(title)
    revisions.check_body(revisions.clean_body(body_md))
    now = utcnow()
    page = Page(title=title, slug=slug, created_by_id=actor.id, created_at=now,
                updated_at=now, confirmed_at=now, confirmed_by_id=actor.id)
    db.session.add(page)
    db.session.flush()
    db.session.add(PageSlug(slug=slug, page_id=page.id))
    set_topics(page, topic_ids)
    db.session.flush()
    revisions.add_revision(page=page, actor=actor, body_md=body_md, summary=summary)
    revisions.refresh_linking_pages({slug})
    return page


def find_page(slug: str, *, include_deleted: bool = False) -> Page:
    """The page with this current slug, with what its view shows loaded; raises NotFound."""
    page = db.session.scalar(
        select(Page).where(Page.slug == slug)
        .options(joinedload(Page.current_revision).joinedload(Revision.author),
                 joinedload(Page.confirmed_by), selectinload(Page.topics)))
    if page is None or (page.is_deleted and not include_deleted):
        raise NotFound(_l("Diese Wiki-Seite gibt es nicht."))
    return page


def current_slug_for(old_slug: str, *, include_deleted: bool = False) -> str | None:
    """The current slug of the page that once had `old_slug` (for 301 redirects).

    Deleted pages count only with include_deleted: a redirect would reveal their title.
    """
    query = (select(Page.slug).join(PageSlug, PageSlug.page_id == Page.id)
             .where(PageSlug.slug == old_slug, Page.slug != old_slug))
    if not include_deleted:
        query = query.where(Page.deleted_at.is_(None))
    return db.session.scalar(query)
