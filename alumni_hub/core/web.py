"""Everything every page shares: error pages, security headers, template filters and globals."""
from flask import Flask, current_app, render_template, request, send_from_directory, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DataError
from werkzeug.exceptions import Forbidden, NotFound, SecurityError

from alumni_hub.core import navigation, timeutil
from alumni_hub.core.errors import NotFound as ObjectNotFound
from alumni_hub.core.errors import PermissionDenied
from alumni_hub.core.permissions import Role, has_role
from alumni_hub.core.text import initials
from alumni_hub.core.urls import plain_query_args
from alumni_hub.extensions import db

ERROR_CODES = (400, 403, 404, 405, 413, 429, 500)

# No inline scripts or styles anywhere: every script and stylesheet is a file in static/.
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'")


def init_app(app: Flask) -> None:
    for code in ERROR_CODES:
        app.register_error_handler(code, _error_page)
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(SecurityError, _unknown_host)
    # access.get_<thing>() raises these; routes let them through to the German error pages.
    app.register_error_handler(ObjectNotFound, _object_error(404))
    app.register_error_handler(PermissionDenied, _object_error(403))
    # Last line of defence: a number too large for a database column that slipped past the
    # capped URL converter names nothing. Query parameters and form fields are checked
    # before they reach a query (core.urls.page_number, core.forms.int_in_range, db_id).
    app.register_error_handler(OverflowError, _out_of_range)
    app.register_error_handler(DataError, _out_of_range)
    app.after_request(_security_headers)
    # Browsers ask for /favicon.ico before reading any <link rel="icon">.
    app.add_url_rule("/favicon.ico", "favicon", _favicon)
    app.jinja_env.filters["datetime"] = timeutil.datetime_filter
    app.jinja_env.filters["date"] = timeutil.date_filter
    app.jinja_env.filters["ago"] = timeutil.ago_filter
    # base.html writes it into <html lang="...">, so screen readers use the right voice.
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.globals["has_role"] = lambda role: has_role(current_user, Role(role))
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.globals["main_nav"] = navigation.main_nav
    app.jinja_env.globals["user_menu"] = navigation.user_menu
    app.jinja_env.globals["page_url"] = page_url
    app.jinja_env.globals["initials"] = initials


def page_url(endpoint: str, page_number: int) -> str:
    """The current page's URL with another ?page=, keeping the visitor's other filters."""
    args = plain_query_args(request.args, request.view_args)
    args.pop("page", None)  # set anew, so it comes last in the link
    return url_for(endpoint, **args, **(request.view_args or {}), page=page_number)


def _favicon():
    return send_from_directory(current_app.static_folder, "favicon.ico",
                               mimetype="image/vnd.microsoft.icon", max_age=7 * 24 * 3600)


def _error_page(error):
    code = getattr(error, "code", 500) or 500
    if code == 500:
        db.session.rollback()
    wants_json = request.accept_mimetypes.best == "application/json"
    if wants_json:
        return {"error": _error_title(code)}, code
    return render_template("errors/error.html", code=code, title=_error_title(code),
                           text=_error_text(code)), code


def _unknown_host(error):
    """A Host outside TRUSTED_HOSTS: no URL can be built for it, so no page template."""
    return _("Diese Adresse bedient der Alumni Hub nicht."), 400, {
        "Content-Type": "text/plain; charset=utf-8"}


def _object_error(code: int):
    http_error = {404: NotFound, 403: Forbidden}[code]

    def handle(error):
        db.session.rollback()
        return _error_page(http_error())

    return handle


def _out_of_range(error):
    db.session.rollback()
    current_app.logger.warning("Out-of-range value in %s %s: %s", request.method,
                               request.full_path, error)
    return _error_page(NotFound())


def _csrf_error(error):
    return render_template("errors/error.html", code=400,
                           title=_("Formular abgelaufen"),
                           text=_("Das Formular war zu lange offen oder wurde aus einem anderen "
                                  "Fenster abgeschickt. Bitte lade die Seite neu und versuche "
                                  "es noch einmal.")), 400


def _error_title(code: int) -> str:
    return {
        400: _("Ungültige Anfrage"),
        403: _("Kein Zugriff"),
        404: _("Seite nicht gefunden"),
        405: _("Nicht erlaubt"),
        413: _("Datei zu groß"),
        429: _("Zu viele Versuche"),
        500: _("Interner Fehler"),
    }.get(code, _("Fehler"))


def _error_text(code: int) -> str:
    return {
        400: _("Die Anfrage konnte nicht verarbeitet werden."),
        403: _("Für diese Seite fehlen dir die Rechte. Wenn du glaubst, dass das ein Irrtum "
               "ist, wende dich an die Moderation."),
        404: _("Diese Seite gibt es nicht (mehr). Vielleicht wurde sie verschoben oder "
               "gelöscht."),
        405: _("Diese Aktion ist hier nicht möglich."),
        413: _("Die gesendeten Daten sind zu groß. Bitte kürze den Text oder wähle eine "
               "kleinere Datei."),
        429: _("Zu viele Versuche in kurzer Zeit. Bitte warte ein paar Minuten und versuche "
               "es dann noch einmal."),
        500: _("Da ist bei uns etwas schiefgegangen. Der Fehler wurde protokolliert; bitte "
               "versuche es später noch einmal."),
    }.get(code, "")


def _security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if current_app.config["ENV_NAME"] == "production" and current_app.config["HSTS_HEADER"]:
        response.headers.setdefault("Strict-Transport-Security", current_app.config["HSTS_HEADER"])
    if response.mimetype == "text/html":
        # Pages show private content: never store them in shared caches.
        response.headers.setdefault("Cache-Control", "private, no-store")
    return response
