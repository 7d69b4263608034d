"""What the wiki makes searchable: every page's current text; deleted pages for moderators."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.accounts.models import User
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.search.models import MEMBERS, MODERATORS
from alumni_hub.search.providers import (Document, Related, SearchProvider, plain_text,
                                         register_search_provider)
from alumni_hub.wiki.models import Page, Revision


def _load(ids):
    return db.session.scalars(select(Page).where(Page.id.in_(ids)).options(
        joinedload(Page.current_revision).joinedload(Revision.author)))


def page_document(page: Page) -> Document:
    revision = page.current_revision
    author = revision.author if revision else None
    return Document(
        title=page.title, body=plain_text(revision.body_html if revision else ""),
        url=site_path("wiki.view_page", slug=page.slug), created_at=page.updated_at,
        author_id=author.id if author else None,
        author_name=author.display_name if author else "",
        visibility=MODERATORS if page.deleted_at is not None else MEMBERS)


register_search_provider(SearchProvider(
    source="page", kind="wiki", label=_l("Wiki"), model=Page, order=20,
    load=_load, document=page_document,
    dated_ids=lambda: select(Page.id, Page.updated_at),
    fields=("title", "slug", "current_revision_id", "deleted_at", "updated_at"),
    related=(Related(User, ("display_name",), lambda user: select(Page.id).join(
        Revision, Page.current_revision_id == Revision.id).where(Revision.author_id == user.id)),)))
