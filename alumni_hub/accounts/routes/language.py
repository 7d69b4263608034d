"""The header's language switch: remembered in a cookie, and in the account when logged in
(a visitor's choice at the next login)."""
from flask import redirect, request, session, url_for
from flask_login import current_user

from alumni_hub.accounts import bp
from alumni_hub.accounts.services import users as services
from alumni_hub.core.errors import ValidationError
from alumni_hub.core.language import LANGUAGE_COOKIE, LANGUAGES
from alumni_hub.core.urls import safe_next
from alumni_hub.extensions import db

ONE_YEAR = 365 * 24 * 3600
# Only a switch used before this login counts, not the cookie: the cookie also outlives a
# later change in the settings, and would undo it at every login.
_CHOSEN_BEFORE_LOGIN = "locale_chosen_before_login"


def take_choice_before_login() -> str | None:
    """The language a visitor picked with the switch before logging in, once."""
    locale = session.pop(_CHOSEN_BEFORE_LOGIN, None)
    return locale if locale in LANGUAGES else None


@bp.route("/sprache", methods=["POST"])
def set_language():
    locale = request.form.get("locale", "")
    back = redirect(safe_next(request.form.get("next"), url_for("pages.home")))
    if locale not in LANGUAGES:
        return back
    if current_user.is_authenticated:
        try:
            services.set_locale(user=current_user, locale=locale)
        except ValidationError:
            db.session.rollback()
            return back
        db.session.commit()
    else:
        session[_CHOSEN_BEFORE_LOGIN] = locale
    back.set_cookie(LANGUAGE_COOKIE, locale, max_age=ONE_YEAR, samesite="Lax",
                    secure=request.is_secure, httponly=True)
    return back
