"""Database foundations: naming convention, a UTC time type, pool settings, SQLite transactions."""
from datetime import datetime, timezone

from flask import has_request_context, request
from flask_sqlalchemy import SQLAlchemy as FlaskSQLAlchemy
from sqlalchemy import DateTime, MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from alumni_hub.core.urls import page_number

# Named constraints let Alembic alter SQLite tables in batch mode.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SQLAlchemy(FlaskSQLAlchemy):
    """Flask-SQLAlchemy whose paginate() takes only page numbers a list can have."""

    def paginate(self, select, *, page=None, **kwargs):
        """Like db.paginate; `?page=` (or the page given) beyond core.urls.MAX_PAGE, below 1
        or unreadable shows the first page. Unbounded, a 20-digit ?page= made an OFFSET the
        database cannot hold: an error page for a harmless link."""
        if page is None and has_request_context():
            page = request.args.get("page")
        return super().paginate(select, page=page_number(page), **kwargs)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Stores aware datetimes as UTC and always hands back aware UTC datetimes.

    SQLite has no time zones, so without this a value would come back naive.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use core.db.utcnow()")
        return value.astimezone(timezone.utc)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def engine_options(uri: str, config, *, greenlets: bool) -> dict:
    """Pool settings for this server model; a request holds at most one connection.

    Under gevent, an SQLite call blocks the whole process, busy waits included: a second
    in-process connection waiting for a lock held by a paused greenlet would stall every
    request until the timeout. So SQLite gets one connection there, and greenlets queue for
    it on the (gevent-aware) pool instead. PostgreSQL cooperates with gevent (psycopg 3).
    """
    options = {"pool_pre_ping": True, "pool_timeout": config["DATABASE_POOL_TIMEOUT"],
               "pool_size": config["DATABASE_POOL_SIZE"],
               "max_overflow": config["DATABASE_MAX_OVERFLOW"]}
    if uri.startswith("sqlite"):
        options["connect_args"] = {"timeout": config["SQLITE_BUSY_TIMEOUT"]}
        if ":memory:" in uri or uri in ("sqlite://", "sqlite:///"):
            return {"connect_args": options["connect_args"]}
        if greenlets:
            options.update(pool_size=1, max_overflow=0)
    return options


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    """Foreign keys, WAL and IMMEDIATE write transactions on every SQLite connection
    (the busy timeout: engine_options)."""
    module = type(dbapi_connection).__module__
    if not module.startswith("sqlite3"):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # pysqlite begins a transaction right before the first INSERT/UPDATE/DELETE (reads
    # before it run on their own, as under PostgreSQL's READ COMMITTED). IMMEDIATE makes
    # that BEGIN take the write lock at once, waiting for it with the busy timeout, so
    # writers queue instead of failing with "database is locked" (issue 13, Medium 6);
    # readers never wait (WAL).
    dbapi_connection.isolation_level = "IMMEDIATE"


# Database objects that raw DDL creates beside a model (full-text index tables, generated
# columns as "table.column", their indexes) and no model describes. Features add their names; autogenerate
# and tests/core/test_migrations.py leave them alone instead of proposing to drop them.
UNMODELLED: set[str] = set()


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's include_object hook: skip reflected objects named in UNMODELLED."""
    if reflected and compare_to is None and name:
        if type_ == "column":
            name = f"{obj.table.name}.{name}"
        return not any(name == n or name.startswith(n + "_") for n in UNMODELLED)
    return True
