"""Login, logout and the account settings (language, password)."""
from flask import current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from alumni_hub.accounts import bp
from alumni_hub.accounts.forms import ChangePasswordForm, LanguageForm, LoginForm
from alumni_hub.accounts.services import mails
from alumni_hub.accounts.services import users as services
from alumni_hub.accounts.services.links import LinkGone
from alumni_hub.accounts.routes.language import take_choice_before_login
from alumni_hub.accounts.services.throttle import LoginPaused
from alumni_hub.core.errors import ValidationError
from alumni_hub.core.forms import show_error
from alumni_hub.core.urls import safe_next
from alumni_hub.extensions import db, limiter


def login_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


def link_error(error):
    """A clear page for an unknown (404) or no longer usable (410) emailed link."""
    code = 410 if isinstance(error, LinkGone) else 404
    return render_template("accounts/link_invalid.html", message=error.message,
                           reason=getattr(error, "reason", "unknown")), code


def _failed_login_only(response) -> bool:
    # A successful login redirects; only failures use up the address's allowance, so the
    # right password is not refused after ten logins from one office network.
    return response.status_code != 302


@bp.route("/anmelden", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"], deduct_when=_failed_login_only)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("pages.home"))
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        device = services.device_user_id(request.cookies.get(services.DEVICE_COOKIE))
        try:
            user = services.authenticate(email=form.email.data, password=form.password.data,
                                         device_user_id=device)
        except LoginPaused as error:
            form.password.errors.append(error.message)
            return render_template("accounts/login.html", form=form), 429
        except ValidationError as error:
            _count_failure(error)  # commits the counted failure: no rollback here
            show_error(form, error, field="password")
        else:
            return _logged_in(user, form)
    return render_template("accounts/login.html", form=form)


def _count_failure(error: ValidationError) -> None:
    db.session.commit()  # the failure counts although the login did not happen
    if getattr(error, "notify", None) is not None:
        mails.try_send_login_notice(error.notify)
        db.session.commit()  # the outbox row, when no mail server is configured


def renew_csrf_token() -> None:
    """A new CSRF token for a new login: one read before it (on a shared computer, by a
    script on the login or registration page) is worthless afterwards."""
    session.pop("csrf_token", None)
    g.pop("csrf_token", None)


def _logged_in(user, form):
    services.start_session(user, user_agent=request.user_agent.string)
    # A language picked on the login page is meant for this visit and the ones after it.
    if (chosen := take_choice_before_login()) and chosen != user.locale:
        services.set_locale(user=user, locale=chosen)
    db.session.commit()
    renew_csrf_token()
    login_user(user, remember=form.remember.data)
    response = redirect(safe_next(form.next.data, url_for("pages.home")))
    response.set_cookie(services.DEVICE_COOKIE, services.device_token(user),
                        max_age=int(services.DEVICE_MAX_AGE.total_seconds()), httponly=True,
                        samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


@bp.route("/abmelden", methods=["POST"])
@login_required
def logout():
    # end_session tells core.realtime to close this browser's sockets (now and once more
    # after the commit), not those of the user's other browsers.
    services.end_session(current_user._get_current_object())
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
            db.session.rollback()
            show_error(form, error)
        else:
            db.session.commit()
            flash(_("Dein Passwort ist geändert. Auf anderen Geräten bist du jetzt abgemeldet."),
                  "success")
            return redirect(url_for("accounts.settings"))
    return _settings_page(password=form)
