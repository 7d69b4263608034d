"""The wiki's part of the daily digest: pages others changed since the reader's last digest.

The revisions of the last days are loaded once per digest run (one bounded query, see
notifications/sections.py); each reader's pages are picked from them in Python.
"""
from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.sections import MAX_WINDOW, DigestItem, register_digest_section
from alumni_hub.wiki.models import Page, Revision

MAX_ITEMS = 5
MAX_NAMES = 3
# Newest revisions loaded per run; far more than five pages' worth of edits on a normal day.
CANDIDATES = 300


@dataclass(frozen=True)
class RevisionRow:
    page_id: int
    slug: str
    title: str
    number: int
    author_id: int | None
    author_name: str | None
    created_at: datetime


def load_changes(now: datetime) -> list[RevisionRow]:
    """Revisions of live pages from the longest window any reader can have, newest first."""
    rows = db.session.execute(
        select(Page.id, Page.slug, Page.title, Revision.number, Revision.author_id,
               User.display_name, Revision.created_at)
        .join(Page, Page.id == Revision.page_id)
        .outerjoin(User, User.id == Revision.author_id)
        .where(Page.deleted_at.is_(None), Revision.created_at >= now - MAX_WINDOW)
        .order_by(Revision.created_at.desc(), Revision.id.desc()).limit(CANDIDATES))
    return [RevisionRow(*row) for row in rows.all()]


def _item(revs: list[RevisionRow], user_id: int) -> DigestItem:
    """One page: a link to everything that changed in the window, as one diff."""
    first, last = min(r.number for r in revs), max(r.number for r in revs)
    names = list(dict.fromkeys(r.author_name or _("ein ehemaliges Mitglied")
                               for r in revs if r.author_id != user_id))[:MAX_NAMES]
    page = revs[0]
    if first == 1:  # the page is new: there is nothing to compare with
        url = site_path("wiki.view_page", slug=page.slug)
        text = _("neu angelegt von %(names)s", names=", ".join(names))
    else:
        url = site_path("wiki.compare_revisions", slug=page.slug, von=first - 1, bis=last)
        text = _("geändert von %(names)s", names=", ".join(names))
    return DigestItem(title=page.title, url=url, text=text, key=f"wiki:{page.page_id}")


@register_digest_section(title=_l("Geänderte Wiki-Seiten"), kind=Kind.WIKI_CHANGED,
                         prepare=load_changes)
def changed_pages(user, since: datetime, rows: list[RevisionRow]) -> list[DigestItem]:
    """Pages with a revision by someone else since the previous digest, latest change first."""
    by_page: dict[int, list[RevisionRow]] = {}
    for row in rows:
        if row.created_at > since:
            by_page.setdefault(row.page_id, []).append(row)
    changed = [revs for revs in by_page.values() if any(r.author_id != user.id for r in revs)]
    return [_item(revs, user.id) for revs in changed[:MAX_ITEMS]]
