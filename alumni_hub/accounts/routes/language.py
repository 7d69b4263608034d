"""The header's language switch: remembered in a cookie, and in the account when logged in."""
from flask import redirect, request, url_for
from flask_login import current_user

from alumni_hub.accounts import bp
from alumni_hub.accounts.services import users as services
from alumni_hub.core.errors import ValidationError
from alumni_hub.core.language import LANGUAGE_COOKIE, LANGUAGES
from alumni_hub.core.urls import safe_next
from alumni_hub.extensions import db

ONE_YEAR = 365 * 24 * 3600


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
    back.set_cookie(LANGUAGE_COOKIE, locale, max_age=ONE_YEAR, samesite="Lax",
                    secure=request.is_secure, httponly=True)
    return back
