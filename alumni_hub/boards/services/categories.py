"""Categories: moderators create, rename, order and archive them; the index lists them."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from alumni_hub.accounts.models import User
from alumni_hub.boards.models import Category, Thread
from alumni_hub.core.text import slugify
from alumni_hub.core.validation import required_text
from alumni_hub.core.errors import NotFound, ValidationError
from alumni_hub.extensions import db
from alumni_hub.moderation.services import record

# Fixed paths below /foren/ that a category slug must not shadow.
RESERVED_SLUGS = {"thema", "beitrag", "neu", "offene-fragen", "kategorien", "mitglieder-suche"}


def list_categories(*, include_archived: bool = False) -> list[Category]:
    stmt = select(Category).order_by(Category.position, Category.name)
    if not include_archived:
        stmt = stmt.where(Category.archived.is_(False))
    return list(db.session.scalars(stmt))


def category_stats() -> dict[int, tuple[int, object]]:
    """category id -> (number of threads, last activity), in one grouped query."""
    rows = db.session.execute(select(Thread.category_id, func.count(Thread.id),
                                     func.max(Thread.last_post_at)).group_by(Thread.category_id))
    return {cid: (count, last) for cid, count, last in rows}


def get_category(slug: str) -> Category:
    category = db.session.scalar(select(Category).where(Category.slug == slug))
    if category is None:
        raise NotFound(_l("Diese Kategorie gibt es nicht."))
    return category


def _clean(name: str, category_id: int | None) -> tuple[str, str]:
    name = required_text(name, field="name", max_length=80, single_line=True,
                         empty=_l("Bitte gib einen Namen ein."),
                         too_long=_l("Der Name darf höchstens 80 Zeichen lang sein."))
    slug = slugify(name) or "kategorie"
    if slug in RESERVED_SLUGS:
        slug += "-1"
    clash = db.session.scalar(select(Category.id).where(
        (Category.slug == slug) | (Category.name == name), Category.id != (category_id or 0)))
    if clash is not None:
        raise ValidationError(_l("Eine Kategorie mit diesem Namen gibt es schon."), field="name")
    return name, slug


def create_category(*, actor: User, name: str, description: str = "",
                    position: int = 0) -> Category:
    name, slug = _clean(name, None)
    category = Category(name=name, slug=slug, description=(description or "").strip()[:300],
                        position=position or 0)
    db.session.add(category)
    db.session.flush()
    record(actor=actor, action="category.created", target_type="category",
           target_id=category.id, details={"name": name})
    return category


def update_category(*, actor: User, category: Category, name: str, description: str,
                    position: int, archived: bool) -> None:
    """Rename, describe, reorder or (un)archive; the slug follows the name."""
    old = {"name": category.name, "position": category.position, "archived": category.archived}
    category.name, category.slug = _clean(name, category.id)
    category.description = (description or "").strip()[:300]
    category.position = position or 0
    category.archived = bool(archived)
    record(actor=actor, action="category.updated", target_type="category",
           target_id=category.id, details={"before": old, "after": {
               "name": category.name, "position": category.position,
               "archived": category.archived}})
