"""Every schema change is a migration: upgrading a fresh database to head gives the models."""
import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

import flask_migrate
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from alumni_hub.core.db import include_object
from alumni_hub.extensions import db
from tests.core.apps import config_like, isolated_app

MIGRATIONS = str(Path(__file__).resolve().parents[2] / "migrations")


def _differences(app) -> list:
    """Upgrade the app's (empty) database to head, then diff it against the models."""
    with app.app_context():
        flask_migrate.upgrade(directory=MIGRATIONS)
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={
                "compare_type": True, "target_metadata": db.metadata,
                "include_object": include_object})
            diff = compare_metadata(context, db.metadata)
        db.session.remove()
        db.engine.dispose()
    return diff


def _assert_no_differences(app) -> None:
    diff = _differences(app)
    assert diff == [], ("The models differ from the migrated schema; generate a migration "
                        "with `flask --app wsgi db migrate -m ...`:\n"
                        + "\n".join(repr(d) for d in diff[:20]))


def test_sqlite_upgrade_to_head_matches_the_models(app, tmp_path):
    url = "sqlite:///" + str(tmp_path / "migrated.sqlite3")
    with isolated_app(config_like(app, SQLALCHEMY_DATABASE_URI=url)) as migrated:
        _assert_no_differences(migrated)


@contextmanager
def _scratch_postgres_database(server_url: str):
    """A new, empty PostgreSQL database on the same server, dropped afterwards."""
    name = f"alumni_hub_migrations_{uuid.uuid4().hex[:8]}"
    admin = create_engine(make_url(server_url).set(database="postgres"),
                          isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.skipif(not os.environ.get("DATABASE_URL", "").startswith("postgres"),
                    reason="runs where DATABASE_URL points at PostgreSQL (CI's second pass)")
def test_postgres_upgrade_to_head_matches_the_models(app):
    server_url = app.config["SQLALCHEMY_DATABASE_URI"]
    with _scratch_postgres_database(server_url) as url:
        with isolated_app(config_like(app, SQLALCHEMY_DATABASE_URI=url)) as migrated:
            _assert_no_differences(migrated)



_LIST_MODEL_MODULES = """
from alumni_hub import create_app
from alumni_hub.config import TestConfig
from alumni_hub.extensions import db
create_app(type("C", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": "sqlite://"}))
print(" ".join(sorted({m.class_.__module__ for m in db.Model.registry.mappers})))
"""


def test_create_app_registers_every_model_module():
    """`flask db migrate` sees only imported models, so create_app alone must import them all."""
    root = Path(__file__).resolve().parents[2]
    expected = {f"alumni_hub.{path.parent.name}.models"
                for path in (root / "alumni_hub").glob("*/models.py")}
    expected.add("alumni_hub.core.mail")
    result = subprocess.run([sys.executable, "-c", _LIST_MODEL_MODULES], cwd=root, check=True,
                            capture_output=True, text=True, timeout=60)
    registered = set(result.stdout.split())
    assert expected <= registered, f"not imported by create_app: {expected - registered}"
