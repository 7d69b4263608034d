"""Settings read from environment variables, with defaults that are safe on one machine."""
import os
from datetime import timedelta

DEFAULT_SECRET_KEY = "dev-only-change-me"


def _list(name: str) -> list[str] | None:
    """A comma-separated variable as a list; None when unset or empty."""
    items = [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]
    return items or None


def _bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class Config:
    """Everything the app reads from the environment lives here, nowhere else."""

    ENV_NAME = os.environ.get("ALUMNI_HUB_ENV", "development")
    SECRET_KEY = os.environ.get("SECRET_KEY", DEFAULT_SECRET_KEY)
    # Empty means: SQLite file in the instance folder (set in create_app).
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "")
    # Connections per app process; create_app() turns these into SQLALCHEMY_ENGINE_OPTIONS
    # for the server model (see core.db.engine_options). A request holds at most one.
    DATABASE_POOL_SIZE = int(os.environ.get("DATABASE_POOL_SIZE", 10))
    DATABASE_MAX_OVERFLOW = int(os.environ.get("DATABASE_MAX_OVERFLOW", 10))
    DATABASE_POOL_TIMEOUT = int(os.environ.get("DATABASE_POOL_TIMEOUT", 30))
    # How long an SQLite writer waits for another one to commit before it gives up.
    SQLITE_BUSY_TIMEOUT = float(os.environ.get("SQLITE_BUSY_TIMEOUT", 30))
    REDIS_URL = os.environ.get("REDIS_URL", "")

    # 8 MiB is generous for Markdown text and an avatar; anything larger is a mistake.
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_CONTENT_LENGTH", 8 * 1024 * 1024))

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _bool("SESSION_COOKIE_SECURE", False)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    REMEMBER_COOKIE_DURATION = timedelta(days=30)
    PERMANENT_SESSION_LIFETIME = timedelta(days=14)
    # Behind a TLS-terminating proxy: number of proxies to trust for X-Forwarded-*.
    PROXY_FIX = int(os.environ.get("PROXY_FIX", 0))

    WTF_CSRF_TIME_LIMIT = None  # the token lives as long as the session

    BABEL_DEFAULT_LOCALE = "de"
    BABEL_DEFAULT_TIMEZONE = "Europe/Berlin"
    LANGUAGES = ("de", "en")

    RATELIMIT_STORAGE_URI = REDIS_URL or "memory://"
    RATELIMIT_HEADERS_ENABLED = False
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per 5 minutes")

    # Several app processes share Socket.IO events through this queue (Redis).
    SOCKETIO_MESSAGE_QUEUE = os.environ.get("SOCKETIO_MESSAGE_QUEUE", REDIS_URL)
    # Empty: gevent under `gunicorn -k gevent` (the production command), threading otherwise.
    SOCKETIO_ASYNC_MODE = os.environ.get("SOCKETIO_ASYNC_MODE", "")
    # Socket.IO: only the app's own origin may connect (None = same host as the request);
    # a comma-separated list names the origins explicitly ("*" is never honoured).
    SOCKETIO_CORS_ORIGINS = [origin.strip() for origin in
                             os.environ.get("SOCKETIO_CORS_ORIGINS", "").split(",")
                             if origin.strip()] or None

    # Mail: without MAIL_SERVER, mail is logged and kept in the admin outbox.
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", 587))
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_USE_TLS = _bool("MAIL_USE_TLS", True)
    MAIL_USE_SSL = _bool("MAIL_USE_SSL", False)
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "Alumni Hub <noreply@example.org>")
    # Absolute links in emails (there is no request when cron sends the digest).
    BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:5000")
    # Host names the app answers to (Flask refuses others with 400, the Socket.IO handshake
    # with 401, see core.realtime). Unset in production:
    # the host of BASE_URL. Unset elsewhere: any host, so `make run` works on every address.
    TRUSTED_HOSTS = _list("TRUSTED_HOSTS")
    # Sent by the app itself in production (nginx sends it too; a setup without nginx
    # should not lose it). Subdomains are the operator's business: not included.
    HSTS_HEADER = os.environ.get("HSTS_HEADER", "max-age=31536000")

    # Chat: messages are deleted this many days after they were written (`flask purge-chat`).
    CHAT_RETENTION_DAYS = int(os.environ.get("CHAT_RETENTION_DAYS", 365))
    # A meeting's room opens this long before its start and closes this long after its end.
    CHAT_OPENS_BEFORE_MINUTES = int(os.environ.get("CHAT_OPENS_BEFORE_MINUTES", 30))
    CHAT_CLOSES_AFTER_MINUTES = int(os.environ.get("CHAT_CLOSES_AFTER_MINUTES", 120))
    # At most this many messages per person within CHAT_RATE_SECONDS (all rooms together).
    CHAT_RATE_COUNT = int(os.environ.get("CHAT_RATE_COUNT", 5))
    CHAT_RATE_SECONDS = int(os.environ.get("CHAT_RATE_SECONDS", 5))

    INVITATION_DAYS = 14
    PASSWORD_RESET_HOURS = 2
    PASSWORD_MIN_LENGTH = 10
    PER_PAGE = 20
    # Profile photos (and later other uploads); empty = instance/uploads. In production a
    # directory outside the code that survives deployments and is backed up.
    UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER", "")

    # Impressum / Datenschutz: operator details shown on the legal pages.
    OPERATOR_NAME = os.environ.get("OPERATOR_NAME", "Alumni-Netzwerk Netzwerkkoordinator:innen")
    OPERATOR_ADDRESS = os.environ.get("OPERATOR_ADDRESS", "Musterstraße 1, 26121 Oldenburg")
    OPERATOR_EMAIL = os.environ.get("OPERATOR_EMAIL", "kontakt@example.org")
    OPERATOR_REPRESENTATIVE = os.environ.get("OPERATOR_REPRESENTATIVE", "Erika Mustermann")


class TestConfig(Config):
    TESTING = True
    ENV_NAME = "testing"
    SECRET_KEY = "test-secret"
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = True
    # Flask-SocketIO's test client cannot run over a message queue; the Redis fan-out is
    # tested with real server processes instead (tests/core/test_scale_redis.py).
    SOCKETIO_MESSAGE_QUEUE = ""
    MAIL_SERVER = ""
    SERVER_NAME = None
    UPLOAD_FOLDER = ""  # set per test session to a temporary directory (tests/conftest.py)
