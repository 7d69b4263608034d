"""Members report posts; moderators resolve reports (dismiss, hide, delete)."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.accounts.models import User
from alumni_hub.boards.models import Post
from alumni_hub.boards.services.moderation import moderator_delete, set_hidden
from alumni_hub.boards.validation import required_text
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import Conflict, ValidationError
from alumni_hub.extensions import db
from alumni_hub.moderation.models import Report
from alumni_hub.moderation.services import record

REASON_MAX = 1000


class AlreadyReported(Conflict):
    """The reporter's earlier report of this post is still open."""


def check_reportable(*, reporter: User, post: Post) -> None:
    """Refuse reports of one's own post and a second open report by the same person."""
    if post.author_id == reporter.id:
        raise ValidationError(_l("Deinen eigenen Beitrag kannst du nicht melden. Du kannst "
                                 "ihn bearbeiten oder löschen."), field="reason")
    if db.session.scalar(select(Report.id).where(
            Report.post_id == post.id, Report.reporter_id == reporter.id,
            Report.status == "open").limit(1)) is not None:
        raise AlreadyReported(_l("Du hast diesen Beitrag schon gemeldet. Die Moderation sieht "
                                 "ihn sich an."))


def report_post(*, reporter: User, post: Post, reason: str) -> Report:
    check_reportable(reporter=reporter, post=post)
    reason = required_text(
        reason, field="reason", max_length=REASON_MAX,
        empty=_l("Bitte beschreibe kurz, was an dem Beitrag nicht stimmt."),
        too_long=_l("Die Begründung darf höchstens %(max)s Zeichen lang sein.", max=REASON_MAX))
    report = Report(reporter_id=reporter.id, post_id=post.id, target_type="post",
                    target_id=post.id, reason=reason, created_at=utcnow())
    db.session.add(report)
    return report


def open_reports():
    """Statement for the open reports, oldest first, with their reporters (one query a page)."""
    return (select(Report).options(joinedload(Report.reporter)).where(Report.status == "open")
            .order_by(Report.created_at, Report.id))


def resolve_report(*, report: Report, actor: User, action: str) -> None:
    """action: "dismissed", "hidden" or "deleted"; other open reports of the post close too."""
    if report.status != "open":
        raise Conflict(_l("Diese Meldung wurde schon bearbeitet."))
    if action not in ("dismissed", "hidden", "deleted"):
        raise ValidationError(_l("Unbekannte Aktion."))
    post = db.session.get(Post, report.post_id) if report.post_id else None
    if post is not None and action == "hidden" and post.hidden_at is None:
        set_hidden(post=post, actor=actor, hidden=True, reason=report.reason)
    elif post is not None and action == "deleted" and post.deleted_at is None:
        moderator_delete(post=post, actor=actor, reason=report.reason)
    siblings = [report] if post is None else db.session.scalars(select(Report).where(
        Report.post_id == post.id, Report.status == "open")).all()
    for item in siblings:
        item.status, item.resolver_id, item.resolved_at = action, actor.id, utcnow()
    record(actor=actor, action=f"report.{action}", target_type="report", target_id=report.id,
           details={"post_id": report.post_id})
