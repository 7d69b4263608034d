"""Builders for wiki tests: pages with revisions, made through the real services."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.wiki.models import Page, Revision
from alumni_hub.wiki.services import revisions
from alumni_hub.wiki.services import creation as pages


class PageInfo:
    """Plain facts about a page, readable without an app context."""

    def __init__(self, page: Page):
        self.id = page.id
        self.slug = page.slug
        self.title = page.title
        self.revision_id = page.current_revision_id
        self.number = page.current_revision.number


@pytest.fixture
def make_page(app, make_user):
    """make_page(title=, body=, author=user, edits=[...], protected=, confirmed_days_ago=)."""
    def build(*, title="Experimentierkisten", body="Was in eine gute Kiste gehört.",
              author=None, edits=(), protected=False, confirmed_days_ago=0, deleted=False):
        author = author or make_user()
        with app.app_context():
            actor = db.session.get(User, author.id)
            page = pages.create_page(actor=actor, title=title, body_md=body)
            for text in edits:
                revisions.add_revision(page=page, actor=actor, body_md=text, summary="Ergänzt")
            page.protected = protected
            page.confirmed_at = utcnow() - timedelta(days=confirmed_days_ago)
            if deleted:
                page.deleted_at = utcnow()
            db.session.commit()
            return PageInfo(page)

    return build


@pytest.fixture
def wiki_db(app):
    """wiki_db(fn) runs fn() in an app context and returns its result (to check storage)."""
    def run(fn):
        with app.app_context():
            return fn()

    return run


@pytest.fixture
def wiki_text(app):
    """wiki_text(slug) -> the page's current Markdown, for tests outside tests/wiki (which use
    this fixture rather than importing this module)."""
    def read(slug: str) -> str:
        with app.app_context():
            return current_text(slug)

    return read


def current_text(slug: str) -> str:
    page = db.session.scalar(select(Page).where(Page.slug == slug))
    return page.current_revision.body_md


def revision_count(slug: str) -> int:
    page = db.session.scalar(select(Page).where(Page.slug == slug))
    return len(db.session.scalars(select(Revision).where(Revision.page_id == page.id)).all())
