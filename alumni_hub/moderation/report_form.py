"""The report form and its flow, shared by every feature's "Melden" route (posts, chat
messages …)."""
from flask import flash, redirect
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from alumni_hub.core.errors import AlumniHubError
from alumni_hub.core.forms import show_error
from alumni_hub.extensions import db
from alumni_hub.moderation.services import (REASON_MAX, AlreadyReported, check_reportable,
                                            file_report)

_TOO_LONG = Length(max=REASON_MAX, message=_l(
    "Die Begründung darf höchstens %(max)s Zeichen lang sein.", max=REASON_MAX))


class ReportForm(FlaskForm):
    """The reason for a report. The feature names the reported thing in the label and in the
    message for an empty reason: German cases ("dem Beitrag", "der Nachricht") leave no
    wording that fits every thing."""

    # Declared here so the field renders as required and with its maxlength.
    reason = TextAreaField(validators=[DataRequired(), _TOO_LONG])
    submit = SubmitField(_l("Melden"))

    def __init__(self, *, label, required, **kwargs):
        super().__init__(**kwargs)
        self.reason.label.text = label
        # A new list for this form only: the declared one is shared by every instance.
        self.reason.validators = [DataRequired(required), _TOO_LONG]


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
