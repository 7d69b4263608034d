"""Freshness: members confirm that a page is still correct; old confirmations surface in a list."""
from datetime import timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from alumni_hub.core.db import utcnow
from alumni_hub.wiki.models import Page

STALE_AFTER = timedelta(days=365)


def confirm_page(*, page: Page, actor) -> None:
    """'noch aktuell': any member may confirm a page that is not deleted."""
    page.confirmed_at = utcnow()
    page.confirmed_by_id = actor.id


def is_stale(page: Page, now=None) -> bool:
    return page.confirmed_at < (now or utcnow()) - STALE_AFTER


def stale_pages_query(now=None) -> Select:
    """Pages not confirmed for over 12 months, the oldest confirmation first."""
    cutoff = (now or utcnow()) - STALE_AFTER
    return (select(Page).where(Page.deleted_at.is_(None), Page.confirmed_at < cutoff)
            .options(joinedload(Page.confirmed_by))
            .order_by(Page.confirmed_at, Page.id))
