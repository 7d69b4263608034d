"""Database foundations: naming convention, a UTC time type, pool settings, SQLite transactions."""
from datetime import datetime, timezone

import click
from flask import g, has_app_context, has_request_context, request
from sqlalchemy import DateTime, MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

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


# g flag: this app context's transactions will write (set for work after a request).
WRITING = "db_writing"


def _begins_writing() -> bool:
    """Whether a new transaction should take SQLite's write lock at once.

    Form posts and Socket.IO events write, page views (GET) only read; outside a request,
    CLI commands and work flagged with WRITING write. Other app contexts (tests, shells)
    stay DEFERRED, so a nested context can still read while an outer one writes.
    """
    if has_request_context():
        return (request.method not in ("GET", "HEAD", "OPTIONS")
                or getattr(request, "sid", None) is not None)  # Socket.IO events carry a sid
    if has_app_context() and g.get(WRITING):
        return True
    return click.get_current_context(silent=True) is not None


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    """Foreign keys and WAL on every SQLite connection (the busy timeout: engine_options)."""
    module = type(dbapi_connection).__module__
    if not module.startswith("sqlite3"):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin(conn) -> None:
    """Writing transactions start IMMEDIATE: they take the write lock first, waiting for it
    with the busy timeout (issue 13, Medium 6).

    Otherwise pysqlite begins a DEFERRED transaction right before the first INSERT/UPDATE
    (reads before it run on their own); a transaction that reads after that and writes
    again, or a writer waiting past the timeout, gets "database is locked". Page views
    and other contexts keep pysqlite's way, so readers never wait for writers (WAL).
    """
    if conn.dialect.name != "sqlite" or not _begins_writing():
        return
    # On the driver connection, so query counts in tests see only the application's SQL;
    # pysqlite sees the open transaction and neither begins another nor skips the COMMIT.
    conn.connection.driver_connection.execute("BEGIN IMMEDIATE")
