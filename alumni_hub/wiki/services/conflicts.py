"""Saving an edit without losing work: detect a newer revision, merge, or report the conflict."""
from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.core.errors import Conflict
from alumni_hub.core.validation import bounded_int
from alumni_hub.extensions import db
from alumni_hub.wiki.diffing import word_diff
from alumni_hub.wiki.merging import ConflictRegion, three_way_merge
from alumni_hub.wiki.models import Page, Revision
from alumni_hub.wiki.services import revisions
from alumni_hub.wiki.services import creation


class EditConflict(Conflict):
    """Someone saved in between and both changed the same lines; nothing was saved.

    `merged` is what the edit box should hold now: the other person's changes where they
    do not clash with mine, and my text where they do. Saving it (based on `current`)
    therefore keeps their non-clashing changes and everything I typed.
    """

    def __init__(self, *, base: Revision | None, current: Revision, mine: str, merged: str,
                 regions: list[ConflictRegion]):
        super().__init__(_l("Während du geschrieben hast, hat %(name)s die Seite geändert – "
                            "zum Teil an denselben Stellen wie du. Im Textfeld sind die "
                            "Änderungen an verschiedenen Stellen schon zusammengeführt; wo ihr "
                            "beide dieselbe Stelle geändert habt, steht dort dein Text. Unten "
                            "siehst du diese Stellen nebeneinander: übernimm, was du von der "
                            "anderen Fassung behalten willst, und speichere dann.",
                            name=_author_name(current)), field="body")
        self.base = base
        self.current = current
        self.mine = mine
        self.merged = merged
        self.regions = regions
        # What the other person(s) changed, word by word, relative to where this edit started.
        self.their_change = word_diff(base.body_md if base else "", current.body_md)


@dataclass
class SaveResult:
    revision: Revision | None  # None when nothing changed
    merged_with: list[str] = field(default_factory=list)  # names of those merged with


def _author_name(revision: Revision) -> str:
    return revision.author.display_name if revision.author else _("Ehemaliges Mitglied")


def _base_revision(page: Page, base_revision_id) -> Revision | None:
    base_id = bounded_int(base_revision_id)
    if base_id is None:
        return None
    return db.session.scalar(select(Revision).where(Revision.id == base_id,
                                                    Revision.page_id == page.id))


def _authors_since(page: Page, base: Revision | None) -> list[str]:
    since = base.number if base else 0
    authors = db.session.scalars(
        select(Revision).where(Revision.page_id == page.id, Revision.number > since)
        .options(joinedload(Revision.author)).order_by(Revision.number)).all()
    return list(dict.fromkeys(_author_name(r) for r in authors))


def save_edit(*, page: Page, actor, base_revision_id, body_md: str, summary: str = "",
              topic_ids=None) -> SaveResult:
    """Save `body_md`, written starting from revision `base_revision_id`.

    If the page changed since then, the two edits are merged (three-way, by lines); if they
    overlap, EditConflict is raised with everything needed to show both texts.
    """
    creation.require_edit(actor, page)
    mine = revisions.clean_body(body_md)
    revisions.check_body(mine)
    current = page.current_revision
    base = _base_revision(page, base_revision_id)
    merged_with: list[str] = []
    if base is None or base.id != current.id:
        result = three_way_merge(base.body_md if base else "", current.body_md, mine)
        if not result.clean:
            raise EditConflict(base=base, current=current, mine=body_md,
                               merged=revisions.clean_body(result.text),
                               regions=result.conflicts)
        merged_with = _authors_since(page, base)
        mine = revisions.clean_body(result.text)
    if topic_ids is not None:
        creation.set_topics(page, topic_ids)
    if mine == current.body_md:
        return SaveResult(None, merged_with)
    revision = revisions.add_revision(page=page, actor=actor, body_md=mine, summary=summary)
    return SaveResult(revision, merged_with)
