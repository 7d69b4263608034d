"""Database foundations: UTC round-trips, naive datetimes refused, SQLite pragmas in effect."""
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select, text
from sqlalchemy.exc import StatementError

from alumni_hub.core.db import UTCDateTime, utcnow
from alumni_hub.extensions import db


@pytest.fixture
def engine(tmp_path):
    engine = create_engine("sqlite:///" + str(tmp_path / "types.sqlite3"))
    yield engine
    engine.dispose()


@pytest.fixture
def stamps(engine):
    table = Table("stamps", MetaData(), Column("id", Integer, primary_key=True),
                  Column("at", UTCDateTime()))
    table.create(engine)
    return table


def _round_trip(engine, table, value):
    with engine.begin() as connection:
        connection.execute(insert(table).values(id=1, at=value))
        return connection.scalar(select(table.c.at).where(table.c.id == 1))


def test_utcnow_is_aware_utc():
    now = utcnow()
    assert now.tzinfo is not None and now.utcoffset() == timedelta(0)


def test_aware_datetime_comes_back_as_the_same_instant_in_utc(engine, stamps):
    berlin_summer = timezone(timedelta(hours=2))
    value = datetime(2026, 7, 1, 18, 30, tzinfo=berlin_summer)
    stored = _round_trip(engine, stamps, value)
    assert stored == value
    assert stored.utcoffset() == timedelta(0)
    assert stored.hour == 16


def test_none_is_stored_as_null(engine, stamps):
    assert _round_trip(engine, stamps, None) is None


def test_naive_datetime_is_refused(engine, stamps):
    with pytest.raises(StatementError, match="naive datetime"):
        _round_trip(engine, stamps, datetime(2026, 7, 1, 18, 30))


def test_app_database_hands_back_aware_utc(app, make_user):
    user = make_user()
    with app.app_context():
        from alumni_hub.accounts.models import User  # noqa: PLC0415

        created = db.session.get(User, user.id).created_at
    assert created.utcoffset() == timedelta(0)
    assert abs(utcnow() - created) < timedelta(minutes=5)


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(engine):
    with engine.connect() as connection:
        assert connection.scalar(text("PRAGMA foreign_keys")) == 1
        assert connection.scalar(text("PRAGMA journal_mode")).lower() == "wal"
        assert connection.scalar(text("PRAGMA busy_timeout")) == 5000


def test_sqlite_refuses_a_dangling_foreign_key(engine):
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE parents (id INTEGER PRIMARY KEY)"))
        connection.execute(text("CREATE TABLE children (id INTEGER PRIMARY KEY, "
                                "parent_id INTEGER REFERENCES parents(id))"))
    with pytest.raises(Exception, match="FOREIGN KEY"):
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO children (id, parent_id) VALUES (1, 99)"))
