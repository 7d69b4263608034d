"""Read-side queries of the wiki, each a fixed number of SQL statements however much data exists."""
import unicodedata
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from alumni_hub.accounts.models import User
from alumni_hub.extensions import db
from alumni_hub.wiki.models import Page, PageLink, PageSlug, Revision


def backlinks(page: Page) -> list[Page]:
    """Pages (not deleted) whose text links to this page under any of its titles."""
    slugs = select(PageSlug.slug).where(PageSlug.page_id == page.id)
    return db.session.scalars(
        select(Page).join(PageLink, PageLink.from_page_id == Page.id)
        .where(PageLink.to_slug.in_(slugs), Page.deleted_at.is_(None), Page.id != page.id)
        .distinct().order_by(Page.title)).all()


def contributors(page: Page) -> list[tuple[User, int]]:
    """Authors of the page with their number of revisions, most active first."""
    rows = db.session.execute(
        select(User, func.count(Revision.id).label("n"))
        .join(Revision, Revision.author_id == User.id)
        .where(Revision.page_id == page.id).group_by(User.id)
        .order_by(func.count(Revision.id).desc(), User.display_name))
    return [(user, n) for user, n in rows.all()]


def history_query(page: Page):
    return (select(Revision).where(Revision.page_id == page.id)
            .options(joinedload(Revision.author)).order_by(Revision.number.desc()))


def recent_changes_query():
    return (select(Revision).join(Page, Revision.page_id == Page.id)
            .where(Page.deleted_at.is_(None))
            .options(joinedload(Revision.author), joinedload(Revision.page))
            .order_by(Revision.created_at.desc(), Revision.id.desc()))


def _letter(title: str) -> str:
    first = unicodedata.normalize("NFKD", title[:1]).encode("ascii", "ignore").decode().upper()
    return first if first.isalpha() else "#"


def index_groups() -> tuple[list[tuple], list[tuple[str, list[Page]]], list[Page]]:
    """All live pages grouped by topic and by first letter (Ä under A); plus the untagged ones."""
    all_pages = db.session.scalars(
        select(Page).where(Page.deleted_at.is_(None)).options(selectinload(Page.topics))
        .order_by(func.lower(Page.title))).all()
    by_topic, by_letter, untagged = defaultdict(list), defaultdict(list), []
    for page in all_pages:
        by_letter[_letter(page.title)].append(page)
        for topic in page.topics:
            by_topic[topic].append(page)
        if not page.topics:
            untagged.append(page)
    topics = sorted(by_topic.items(), key=lambda item: item[0].name.lower())
    return topics, sorted(by_letter.items()), untagged


def wanted_pages(limit: int = 30) -> list[tuple[str, int]]:
    """Link targets without a (live) page: (title, number of pages linking), most wanted first."""
    live = (select(PageSlug.slug).join(Page, PageSlug.page_id == Page.id)
            .where(Page.deleted_at.is_(None)))
    rows = db.session.execute(
        select(func.min(PageLink.to_title), func.count(PageLink.id))
        .join(Page, PageLink.from_page_id == Page.id)
        .where(Page.deleted_at.is_(None), PageLink.to_slug.not_in(live))
        .group_by(PageLink.to_slug).order_by(func.count(PageLink.id).desc()).limit(limit))
    return [(title, n) for title, n in rows.all()]


def pages_for_select() -> list[Page]:
    return db.session.scalars(select(Page).where(Page.deleted_at.is_(None))
                              .order_by(func.lower(Page.title))).all()


def latest_changes(limit: int = 5) -> list[Page]:
    """The most recently changed pages with their last author, for the start page."""
    stmt = select(Page).where(Page.deleted_at.is_(None)) \
        .options(joinedload(Page.current_revision).joinedload(Revision.author)) \
        .order_by(Page.updated_at.desc(), Page.id.desc()).limit(limit)
    return list(db.session.scalars(stmt))
