"""Login, logout and the account settings (language, password)."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from alumni_hub.accounts import bp, services
from alumni_hub.accounts.forms import ChangePasswordForm, LanguageForm, LoginForm, add_error
from alumni_hub.accounts.links import LinkGone
from alumni_hub.core import signals
from alumni_hub.core.errors import ValidationError
from alumni_hub.core.urls import safe_next
from alumni_hub.extensions import db, limiter


def login_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


def link_error(error):
    """A clear page for an unknown (404) or no longer usable (410) emailed link."""
    code = 410 if isinstance(error, LinkGone) else 404
    return render_template("accounts/link_invalid.html", message=error.message,
                           reason=getattr(error, "reason", "unknown")), code


@bp.route("/anmelden", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("pages.home"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        try:
            user = services.authenticate(email=form.email.data, password=form.password.data)
        except ValidationError as error:
            form.password.errors.append(error.message)
        else:
            services.start_session(user, user_agent=request.user_agent.string)
            db.session.commit()
            login_user(user, remember=form.remember.data)
            return redirect(safe_next(form.next.data, url_for("pages.home")))
    return render_template("accounts/login.html", form=form)


@bp.route("/abmelden", methods=["POST"])
@login_required
def logout():
    user, login_id = current_user._get_current_object(), current_user.get_id()
    services.end_session(user)
    # Before the commit: the receivers close this browser's sockets now and once more
    # after the commit (core.realtime).
    signals.user_logged_out.send(current_app._get_current_object(), user=user, login_id=login_id)
    db.session.commit()
    logout_user()
    flash(_("Du bist abgemeldet."), "success")
    return redirect(url_for("accounts.login"))


def _settings_page(language=None, password=None):
    return render_template("accounts/settings.html",
                           language=language or LanguageForm(locale=current_user.locale),
                           password=password or ChangePasswordForm(formdata=None))


@bp.route("/einstellungen", methods=["GET", "POST"])
@login_required
def settings():
    form = LanguageForm(locale=current_user.locale)
    if form.validate_on_submit():
        services.set_locale(user=current_user, locale=form.locale.data)
        db.session.commit()
        flash(_("Die Sprache ist gespeichert."), "success")
        return redirect(url_for("accounts.settings"))
    return _settings_page(language=form)


@bp.route("/einstellungen/passwort", methods=["POST"])
@login_required
def change_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(user=current_user, current_password=form.current_password.data,
                                     new_password=form.password.data)
        except ValidationError as error:
            add_error(form, error)
        else:
            db.session.commit()
            flash(_("Dein Passwort ist geändert. Auf anderen Geräten bist du jetzt abgemeldet."),
                  "success")
            return redirect(url_for("accounts.settings"))
    return _settings_page(password=form)
