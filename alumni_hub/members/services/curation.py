"""Curating the shared lists: topics (moderators) and course cohorts (admins), audit-logged."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from alumni_hub.accounts.models import User
from alumni_hub.core.errors import NotFound, ValidationError
from alumni_hub.core.text import slugify
from alumni_hub.extensions import db
from alumni_hub.members.models import Cohort, Topic
from alumni_hub.moderation.services import record


def _clean_name(name: str, max_length: int = 60) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(_l("Bitte gib einen Namen an."), field="name")
    if len(name) > max_length:
        raise ValidationError(_l("Bitte höchstens %(max)d Zeichen.", max=max_length),
                              field="name")
    return name


# Per list: the audit target type, and the messages for a taken name and a missing row.
_KINDS = {
    Topic: ("topic", _l("Dieses Thema gibt es schon."), _l("Dieses Thema gibt es nicht.")),
    Cohort: ("cohort", _l("Diesen Kursdurchgang gibt es schon."),
             _l("Diesen Kursdurchgang gibt es nicht.")),
}


def _get(model, item_id: int):
    item = db.session.get(model, item_id)
    if item is None:
        raise NotFound(_KINDS[model][2])
    return item


def _free_name(model, name: str, *, except_id: int | None = None) -> str:
    """The cleaned name, if no other row of `model` has it (case-insensitively)."""
    name = _clean_name(name)
    stmt = select(model.id).where(func.lower(model.name) == name.lower())
    if except_id is not None:
        stmt = stmt.where(model.id != except_id)
    if db.session.scalar(stmt) is not None:
        raise ValidationError(_KINDS[model][1], field="name")
    return name


def _add(actor: User, item):
    db.session.add(item)
    db.session.flush()
    target_type = _KINDS[type(item)][0]
    record(actor=actor, action=f"{target_type}.created", target_type=target_type,
           target_id=item.id, details={"name": item.name})
    return item


def _rename(actor: User, item, name: str):
    name = _free_name(type(item), name, except_id=item.id)
    if name != item.name:
        target_type = _KINDS[type(item)][0]
        record(actor=actor, action=f"{target_type}.renamed", target_type=target_type,
               target_id=item.id, details={"from": item.name, "to": name})
        item.name = name
    return item


def _unique_slug(name: str) -> str:
    base = slugify(name, max_length=70) or "thema"
    taken = set(db.session.scalars(select(Topic.slug).where(Topic.slug.like(f"{base}%"))))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def create_topic(*, actor: User, name: str) -> Topic:
    name = _free_name(Topic, name)
    return _add(actor, Topic(name=name, slug=_unique_slug(name), archived=False))


def rename_topic(*, actor: User, topic_id: int, name: str) -> Topic:
    """The slug stays as it was, so links that other features stored keep working."""
    return _rename(actor, _get(Topic, topic_id), name)


def set_topic_archived(*, actor: User, topic_id: int, archived: bool) -> Topic:
    topic = _get(Topic, topic_id)
    if topic.archived != archived:
        topic.archived = archived
        record(actor=actor, action="topic.archived" if archived else "topic.unarchived",
               target_type="topic", target_id=topic.id, details={"name": topic.name})
    return topic


def create_cohort(*, actor: User, name: str) -> Cohort:
    """New cohorts go to the end of the list."""
    name = _free_name(Cohort, name)
    last = db.session.scalar(select(func.max(Cohort.position))) or 0
    return _add(actor, Cohort(name=name, position=last + 1))


def rename_cohort(*, actor: User, cohort_id: int, name: str) -> Cohort:
    return _rename(actor, _get(Cohort, cohort_id), name)


def move_cohort(*, actor: User, cohort_id: int, offset: int) -> Cohort:
    """Move a cohort one step up (-1) or down (+1); positions are renumbered 1..n."""
    cohorts = list(db.session.scalars(select(Cohort).order_by(Cohort.position, Cohort.id)))
    cohort = _get(Cohort, cohort_id)
    index = cohorts.index(cohort)
    target = index + (1 if offset > 0 else -1)
    if 0 <= target < len(cohorts):
        cohorts[index], cohorts[target] = cohorts[target], cohorts[index]
        record(actor=actor, action="cohort.moved", target_type="cohort", target_id=cohort.id,
               details={"name": cohort.name, "position": target + 1})
    for position, item in enumerate(cohorts, start=1):
        item.position = position
    return cohort
