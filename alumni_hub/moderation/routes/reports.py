"""The queue of reported things: moderators dismiss a report, or hide or delete what it names."""
from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from alumni_hub.core.errors import AlumniHubError
from alumni_hub.core.permissions import moderator_required
from alumni_hub.extensions import db
from alumni_hub.moderation import bp
from alumni_hub.moderation.models import Report
from alumni_hub.moderation.services import open_reports, reported_items, resolve_report as resolve
from alumni_hub.moderation.targets import report_target

ACTIONS = {"verwerfen": "dismissed", "ausblenden": "hidden", "loeschen": "deleted"}


@bp.route("/meldungen")
@moderator_required
def reports():
    # A page of reports with their reporters, then each target type's things in one more
    # query: the number of queries does not grow with the queue.
    page = db.paginate(open_reports(), per_page=current_app.config["PER_PAGE"],
                       error_out=False)
    return render_template("moderation/reports.html", page=page,
                           items=reported_items(page.items), target_of=report_target)


@bp.route("/meldungen/<int:report_id>/<any(verwerfen,ausblenden,loeschen):action>",
          methods=["POST"])
@moderator_required
def resolve_report(report_id, action):
    report = db.session.get(Report, report_id) or abort(404)
    try:
        resolve(report=report, actor=current_user, action=ACTIONS[action])
    except AlumniHubError as error:
        db.session.rollback()
        flash(str(error.message), "error")
    else:
        db.session.commit()
        flash(_("Die Meldung ist erledigt."), "success")
    return redirect(url_for("moderation.reports"))
