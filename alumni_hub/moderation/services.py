"""Moderation's services: the audit log's record(), and reports of any registered target.

A report is (target_type, target_id); the feature owning the target says in its
ReportTarget (moderation/targets.py) who may report it and how it is loaded, hidden and
deleted. The rules every report shares live here: a reason, and one open report per
person and thing.
"""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.core.audit import record
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import Conflict, NotFound, ValidationError
from alumni_hub.core.validation import required_text
from alumni_hub.extensions import db
from alumni_hub.moderation.models import Report
from alumni_hub.moderation.targets import Reported, ReportTarget, report_target

__all__ = ["record", "AlreadyReported", "check_reportable", "file_report", "open_reports",
           "reported_items", "resolve_report"]

REASON_MAX = 1000
RESOLUTIONS = ("dismissed", "hidden", "deleted")


class AlreadyReported(Conflict):
    """The reporter's earlier report of this thing is still open."""


def _target(target_type: str) -> ReportTarget:
    target = report_target(target_type)
    if target is None:
        raise NotFound(_l("Das lässt sich nicht melden."))
    return target


def check_reportable(*, reporter, target_type: str, target_id: int) -> None:
    """The owner's rules (e.g. not one's own post), then: not twice while the first is open."""
    target = _target(target_type)
    target.can_report(reporter, target_id)
    if db.session.scalar(select(Report.id).where(
            Report.target_type == target_type, Report.target_id == target_id,
            Report.reporter_id == reporter.id, Report.status == "open").limit(1)) is not None:
        raise AlreadyReported(target.already_reported)


def file_report(*, reporter, target_type: str, target_id: int, reason: str) -> Report:
    check_reportable(reporter=reporter, target_type=target_type, target_id=target_id)
    reason = required_text(
        reason, field="reason", max_length=REASON_MAX,
        empty=_l("Bitte beschreibe kurz, was daran nicht stimmt."),
        too_long=_l("Die Begründung darf höchstens %(max)s Zeichen lang sein.", max=REASON_MAX))
    report = Report(reporter_id=reporter.id, target_type=target_type, target_id=target_id,
                    reason=reason, created_at=utcnow())
    db.session.add(report)
    return report


def open_reports():
    """Statement for the open reports, oldest first, with their reporters (one query a page)."""
    return (select(Report).options(joinedload(Report.reporter)).where(Report.status == "open")
            .order_by(Report.created_at, Report.id))


def reported_items(reports) -> dict[tuple[str, int], Reported]:
    """What the queue shows of each reported thing: one load per target type on the page."""
    ids_by_type: dict[str, set[int]] = {}
    for report in reports:
        ids_by_type.setdefault(report.target_type, set()).add(report.target_id)
    items = {}
    for target_type, ids in ids_by_type.items():
        target = report_target(target_type)
        if target is not None:
            loaded = target.load(sorted(ids))
            items.update({(target_type, target_id): item for target_id, item in loaded.items()})
    return items


def resolve_report(*, report: Report, actor, action: str) -> None:
    """action: "dismissed", "hidden" or "deleted"; other open reports of the thing close too."""
    if report.status != "open":
        raise Conflict(_l("Diese Meldung wurde schon bearbeitet."))
    if action not in RESOLUTIONS:
        raise ValidationError(_l("Unbekannte Aktion."))
    target = report_target(report.target_type)
    if target is not None and action == "hidden":
        target.hide(report.target_id, actor, report.reason)
    elif target is not None and action == "deleted":
        target.delete(report.target_id, actor, report.reason)
    siblings = db.session.scalars(select(Report).where(
        Report.target_type == report.target_type, Report.target_id == report.target_id,
        Report.status == "open")).all()
    for item in siblings:
        item.status, item.resolver_id, item.resolved_at = action, actor.id, utcnow()
    record(actor=actor, action=f"report.{action}", target_type="report", target_id=report.id,
           details={"target_type": report.target_type, "target_id": report.target_id})
