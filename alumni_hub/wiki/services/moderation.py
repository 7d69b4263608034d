"""Moderator actions on pages — protect, rename, delete, restore — each written to the audit log."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import ValidationError
from alumni_hub.extensions import db
from alumni_hub.moderation.services import record
from alumni_hub.wiki.models import Page, PageSlug
from alumni_hub.wiki.services import revisions
from alumni_hub.wiki.services import creation


def _all_slugs(page: Page) -> set[str]:
    return set(db.session.scalars(select(PageSlug.slug).where(PageSlug.page_id == page.id)))


def set_protected(*, page: Page, actor, protected: bool) -> None:
    page.protected = protected
    record(actor=actor, action="wiki.page_protected" if protected else "wiki.page_unprotected",
           target_type="wiki_page", target_id=page.id, details={"title": page.title})


def rename_page(*, page: Page, actor, title: str) -> None:
    """New title and slug; the old slug stays and redirects, history records the rename."""
    if page.is_deleted:
        # A rename adds a revision and a slug; a deleted page stays as it was deleted.
        raise ValidationError(_l("Eine gelöschte Seite kann nicht umbenannt werden. Stelle sie "
                                 "zuerst wieder her."), field="title")
    new_title, new_slug = creation.check_title(title, page=page)
    old_title = page.title
    if new_title == old_title:
        return
    if new_slug not in _all_slugs(page):
        db.session.add(PageSlug(slug=new_slug, page_id=page.id))
    page.title, page.slug = new_title, new_slug
    db.session.flush()
    revisions.add_revision(page=page, actor=actor, body_md=page.current_revision.body_md,
                           summary=_("Umbenannt von „%(old)s“ in „%(new)s“", old=old_title,
                                     new=new_title))
    revisions.refresh_linking_pages({new_slug})
    record(actor=actor, action="wiki.page_renamed", target_type="wiki_page", target_id=page.id,
           details={"from": old_title, "to": new_title})


def delete_page(*, page: Page, actor) -> None:
    """Soft delete: hidden from members, history kept, restorable by moderators."""
    if page.is_deleted:  # a second click (or two moderators at once) changes nothing
        raise ValidationError(_l("Die Seite „%(title)s“ ist schon gelöscht.", title=page.title))
    page.deleted_at = utcnow()
    db.session.flush()
    revisions.refresh_linking_pages(_all_slugs(page))
    record(actor=actor, action="wiki.page_deleted", target_type="wiki_page", target_id=page.id,
           details={"title": page.title})


def restore_page(*, page: Page, actor) -> None:
    if not page.is_deleted:
        raise ValidationError(_l("Die Seite „%(title)s“ ist nicht gelöscht.", title=page.title))
    page.deleted_at = None
    db.session.flush()
    revisions.refresh_linking_pages(_all_slugs(page))
    record(actor=actor, action="wiki.page_restored", target_type="wiki_page", target_id=page.id,
           details={"title": page.title})


def deleted_pages_query():
    return select(Page).where(Page.deleted_at.is_not(None)).order_by(Page.deleted_at.desc())
