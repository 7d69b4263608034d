"""Forgotten password: request an emailed link, then set a new password with it."""
from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from alumni_hub.accounts import bp
from alumni_hub.accounts.services import mails
from alumni_hub.accounts.services import password_reset as resets
from alumni_hub.accounts.forms import RequestResetForm, ResetPasswordForm
from alumni_hub.accounts.services.links import LinkGone
from alumni_hub.accounts.routes.account import link_error, login_limit
from alumni_hub.core.errors import NotFound, ValidationError
from alumni_hub.core.forms import show_error
from alumni_hub.extensions import db, limiter


@bp.route("/passwort-vergessen", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
def request_reset():
    form = RequestResetForm()
    if form.validate_on_submit():
        found = resets.request_reset(email=form.email.data)
        db.session.commit()  # the link must exist before the mail that carries it
        if found:
            # A failed mail is logged; the answer below must not tell whether it was tried.
            mails.send_password_reset_after_response(*found)
        # The same answer whether or not the address has an account.
        flash(_("Wenn es zu dieser Adresse ein Konto gibt, haben wir eben einen Link zum "
                "Zurücksetzen geschickt. Er gilt %(hours)s Stunden.",
                hours=current_app.config["PASSWORD_RESET_HOURS"]), "info")
        return redirect(url_for("accounts.login"))
    return render_template("accounts/request_reset.html", form=form)


@bp.route("/passwort-neu/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    try:
        reset = resets.find_reset(token)
    except (NotFound, LinkGone) as error:
        db.session.rollback()
        return link_error(error)
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            resets.reset_password(reset=reset, password=form.password.data)
        except LinkGone as error:
            return link_error(error)
        except ValidationError as error:
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            if current_user.is_authenticated:
                logout_user()
            flash(_("Dein Passwort ist geändert. Bitte melde dich mit dem neuen Passwort an."),
                  "success")
            return redirect(url_for("accounts.login"))
    return render_template("accounts/reset_password.html", form=form)
