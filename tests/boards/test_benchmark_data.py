"""The boards benchmark scripts never wipe a real database by accident."""
import os

import pytest
from sqlalchemy import create_engine, text

from benchmarks import boards_bench, boards_data


def _database_with_users(path) -> str:
    url = "sqlite:///" + str(path)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)"))
        conn.execute(text("INSERT INTO users (email) VALUES ('echt@example.org')"))
    engine.dispose()
    return url


def _emails(url):
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT email FROM users")).scalars().all()
    engine.dispose()
    return rows


def test_data_script_refuses_to_drop_a_database_with_users(tmp_path):
    url = _database_with_users(tmp_path / "echt.sqlite3")
    with pytest.raises(boards_data.DatabaseInUse, match="users table has 1 rows"):
        boards_data.generate(url)
    assert _emails(url) == ["echt@example.org"]


def test_data_script_exits_with_a_message_instead_of_wiping(tmp_path):
    path = tmp_path / "echt.sqlite3"
    url = _database_with_users(path)
    with pytest.raises(SystemExit, match="--force"):
        boards_data.main(["--db", str(path)])
    with pytest.raises(SystemExit, match="--force"):
        boards_data.main(["--database-url", url])
    assert _emails(url) == ["echt@example.org"]


def test_scripts_use_their_own_sqlite_file_unless_a_url_is_passed(tmp_path):
    # Even where DATABASE_URL is set (as in CI), only an explicit argument picks the database.
    own, other = tmp_path / "bench.sqlite3", "postgresql://bench@localhost/bench"
    assert boards_data.target_url(boards_data.parse_args(["--db", str(own)])) == \
        "sqlite:///" + str(own)
    assert boards_data.target_url(boards_data.parse_args(["--database-url", other])) == other
    assert boards_bench.database_url(boards_bench.parse_args([])) == \
        "sqlite:///" + os.path.abspath(boards_data.DEFAULT_DB)
    assert boards_bench.database_url(boards_bench.parse_args(["--database-url", other])) == other
