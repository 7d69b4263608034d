"""Alumni Hub: the community platform of the IHK Netzwerkkoordinator:innen alumni."""
import os
from urllib.parse import urlsplit

from flask import Flask
from flask_babel import lazy_gettext as _l
from werkzeug.middleware.proxy_fix import ProxyFix

from alumni_hub.config import DEFAULT_SECRET_KEY, Config
from alumni_hub.core import deferred, realtime
from alumni_hub.core.db import engine_options
from alumni_hub.core.language import select_locale
from alumni_hub.core.urls import BoundedIntegerConverter
from alumni_hub.extensions import babel, csrf, db, limiter, login_manager, migrate

# Every feature package, in the order their demo data is seeded (a feature's demo may use
# what earlier ones created). Adding a feature is one line here; everything else it brings
# (navigation, start-page cards, digest sections …) it registers itself.
FEATURES = ("accounts", "members", "moderation", "boards", "wiki", "meetings", "buddies",
            "chat", "notifications", "pages", "search")


def create_app(config: type | dict | None = None) -> Flask:
    """Build the application: settings, extensions, blueprints, CLI commands."""
    app = Flask(__name__, instance_relative_config=True,
                template_folder="../templates", static_folder="../static")
    # Before any route is added: every <int:...> in a URL must fit a database integer.
    app.url_map.converters["int"] = BoundedIntegerConverter
    _configure(app, config)
    _init_extensions(app)
    _register_blueprints(app)
    from alumni_hub.core import web  # noqa: PLC0415 - request hooks, error pages, template filters

    web.init_app(app)
    from alumni_hub import cli  # noqa: PLC0415

    cli.init_app(app)
    return app


def _configure(app: Flask, config) -> None:
    app.config.from_object(Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    os.makedirs(app.instance_path, exist_ok=True)
    if not app.config.get("UPLOAD_FOLDER"):
        app.config["UPLOAD_FOLDER"] = os.path.join(app.instance_path, "uploads")
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if not uri:
        uri = "sqlite:///" + os.path.join(app.instance_path, "alumni_hub.sqlite3")
    elif uri.startswith(("postgres://", "postgresql://")):
        # The psycopg (3) driver is the one we install; plain URLs would ask for psycopg2.
        uri = "postgresql+psycopg://" + uri.split("://", 1)[1]
    app.config["SQLALCHEMY_DATABASE_URI"] = uri
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options(
        uri, app.config, greenlets=realtime.async_mode(app.config) == "gevent")
    if app.config["ENV_NAME"] == "production":
        if app.config["SECRET_KEY"] in ("", DEFAULT_SECRET_KEY):
            raise RuntimeError("SECRET_KEY must be set to a long random value in production.")
        if os.environ.get("SESSION_COOKIE_SECURE") is None:
            app.config["SESSION_COOKIE_SECURE"] = app.config["REMEMBER_COOKIE_SECURE"] = True
        if not app.config.get("TRUSTED_HOSTS"):
            # A request for another host (a forged Host or X-Forwarded-Host) gets 400,
            # before anything could build a link from it.
            app.config["TRUSTED_HOSTS"] = [urlsplit(app.config["BASE_URL"]).hostname]
    if app.config["PROXY_FIX"]:
        n = app.config["PROXY_FIX"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)


def _init_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db, render_as_batch=True)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message_category = "info"
    # Flask-Login's own default is English; str() translates it when it is flashed.
    login_manager.login_message = _l("Bitte melde dich an, um diese Seite zu sehen.")
    login_manager.localize_callback = str
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale,
                   default_translation_directories="../translations")
    limiter.init_app(app)
    deferred.init_app(app)
    realtime.init_app(app)


def _register_blueprints(app: Flask) -> None:
    import importlib  # noqa: PLC0415
    import importlib.util  # noqa: PLC0415

    for name in FEATURES:
        package = importlib.import_module(f"alumni_hub.{name}")
        app.register_blueprint(package.bp)
        # Every model must be in db.metadata, or `flask db migrate` and create_all miss it.
        if importlib.util.find_spec(f"alumni_hub.{name}.models"):
            importlib.import_module(f"alumni_hub.{name}.models")
    importlib.import_module("alumni_hub.core.mail")  # OutboxEmail lives there
    importlib.import_module("alumni_hub.core.audit")  # AuditLogEntry too
