"""The queue of reported posts: moderators dismiss a report, hide or delete the post."""
from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.core.errors import AlumniHubError
from alumni_hub.core.permissions import moderator_required
from alumni_hub.extensions import db
from alumni_hub.moderation import bp
from alumni_hub.moderation.models import Report

ACTIONS = {"verwerfen": "dismissed", "ausblenden": "hidden", "loeschen": "deleted"}


@bp.route("/meldungen")
@moderator_required
def reports():
    from alumni_hub.boards.models import Post  # noqa: PLC0415 - boards owns posts
    from alumni_hub.boards.services.reports import open_reports  # noqa: PLC0415

    # A page of reports with their reporters, then their posts in one more query: the
    # number of queries does not grow with the queue.
    page = db.paginate(open_reports(), per_page=current_app.config["PER_PAGE"],
                       error_out=False)
    post_ids = {r.post_id for r in page.items if r.post_id}
    posts = {p.id: p for p in db.session.scalars(
        select(Post).options(joinedload(Post.author), joinedload(Post.thread))
        .where(Post.id.in_(post_ids)))} if post_ids else {}
    return render_template("moderation/reports.html", page=page, posts=posts)


@bp.route("/meldungen/<int:report_id>/<any(verwerfen,ausblenden,loeschen):action>",
          methods=["POST"])
@moderator_required
def resolve_report(report_id, action):
    from alumni_hub.boards.services.reports import resolve_report as resolve  # noqa: PLC0415

    report = db.session.get(Report, report_id) or abort(404)
    try:
        resolve(report=report, actor=current_user, action=ACTIONS[action])
    except AlumniHubError as error:
        flash(str(error.message), "error")
    else:
        db.session.commit()
        flash(_("Die Meldung ist erledigt."), "success")
    return redirect(url_for("moderation.reports"))
