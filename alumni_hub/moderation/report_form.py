"""The report form's flow, shared by every feature's "Melden" route (posts, chat messages …)."""
from flask import flash, redirect

from alumni_hub.core.errors import AlumniHubError
from alumni_hub.core.forms import show_error
from alumni_hub.extensions import db
from alumni_hub.moderation.services import AlreadyReported, check_reportable, file_report


def handle_report_form(form, *, reporter, target_type: str, target_id: int, back: str,
                       thanks: str):
    """A redirect when the report is filed or was filed before; None to show the form again
    (first view, or a refusal shown next to the reason, which keeps what was typed)."""
    try:
        # Checked on the first view too, so nobody writes a reason that cannot be sent.
        check_reportable(reporter=reporter, target_type=target_type, target_id=target_id)
        if form.validate_on_submit():
            file_report(reporter=reporter, target_type=target_type, target_id=target_id,
                        reason=form.reason.data)
            db.session.commit()
            flash(thanks, "success")
            return redirect(back)
    except AlreadyReported as error:
        db.session.rollback()
        flash(str(error.message), "info")
        return redirect(back)
    except AlumniHubError as error:
        db.session.rollback()
        show_error(form, error, field="reason")
    return None
