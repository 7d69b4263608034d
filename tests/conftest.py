"""Shared fixtures: the app on a real database, clients, login helper and data builders.

Tests hold no application context while they make requests (Flask would reuse it, and
with it `g` and the database session, hiding bugs). Builders open a short context,
commit, and hand back detached objects whose columns can be read.
"""
import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import event, select, text
from werkzeug.security import generate_password_hash

from alumni_hub import create_app
from alumni_hub.accounts.models import User
from alumni_hub.config import TestConfig
from alumni_hub.core.mail import OutboxEmail
from alumni_hub.extensions import db, limiter, socketio

# Each feature's builders (make_meeting, make_thread …) live in tests/<feature>/builders.py
# and are loaded here as plugins, so any test may use any feature's builders.
pytest_plugins = [f"tests.{path.parent.name}.builders"
                  for path in sorted(Path(__file__).parent.glob("*/builders.py"))]

TEST_PASSWORD = "korrekt-pferd-batterie"
_MISSING = object()
_PASSWORD_HASH = generate_password_hash(TEST_PASSWORD)


class ServerLikeClient(FlaskClient):
    """Reads and closes each answer at once, as a WSGI server does after sending it, so
    work deferred until after the answer (core.deferred.after_response) has run when a
    call returns. buffered=False keeps an answer open, to see what waits for its close()."""

    def open(self, *args, buffered=True, **kwargs):
        return super().open(*args, buffered=buffered, **kwargs)


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        database_url = "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")
    app = create_app(type("SuiteConfig", (TestConfig,), {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "UPLOAD_FOLDER": str(tmp_path_factory.mktemp("uploads"))}))
    app.test_client_class = ServerLikeClient
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _clean_database(app):
    """Every test starts with empty tables and fresh rate limits."""
    yield
    with app.app_context():
        db.session.remove()
        tables = [t.name for t in reversed(db.metadata.sorted_tables)]
        if db.engine.dialect.name == "postgresql":
            db.session.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables)
                                    + " RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                db.session.execute(text(f'DELETE FROM "{table}"'))
        db.session.commit()
        limiter.reset()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def detach(obj):
    """Load all column attributes, then detach, so tests can read them after the context."""
    db.session.refresh(obj)
    db.session.expunge(obj)
    return obj


@pytest.fixture
def make_user(app):
    """Builder: make_user(role="moderator", display_name="Ada", email=..., password=...)."""
    counter = {"n": 0}

    def build(*, role="member", display_name=None, email=None, password=None, active=True,
              locale="de", **profile):
        counter["n"] += 1
        n = counter["n"]
        with app.app_context():
            user = User(
                email=email or f"user{n}-{role}@example.org",
                display_name=display_name or f"Testperson {n}",
                role=role, active=active, locale=locale,
                password_hash=generate_password_hash(password) if password else _PASSWORD_HASH,
            )
            db.session.add(user)
            db.session.flush()
            if profile:
                from alumni_hub.members.models import Profile  # noqa: PLC0415

                db.session.add(Profile(user_id=user.id, **profile))
            db.session.commit()
            return detach(user)

    return build


class AuthActions:
    def __init__(self, client, make_user):
        self._client = client
        self._make_user = make_user

    def login(self, user=None, *, role="member", password=TEST_PASSWORD, remember=False):
        """Log in as `user`, or as a new user with `role`; returns the user."""
        if user is None:
            user = self._make_user(role=role)
        response = self._client.post("/konto/anmelden", data={
            "email": user.email, "password": password, "remember": "y" if remember else ""})
        assert response.status_code == 302, response.get_data(as_text=True)
        return user

    def logout(self):
        return self._client.post("/konto/abmelden")


@pytest.fixture
def outbox(app):
    """outbox(to=None) -> the mails kept because no SMTP server is configured, oldest first
    (OutboxEmail rows, detached: .recipient, .subject, .text_body, .html_body …)."""

    def read(to=None):
        with app.app_context():
            query = select(OutboxEmail).order_by(OutboxEmail.id)
            if to is not None:
                query = query.where(OutboxEmail.recipient == to)
            mails = db.session.scalars(query).all()
            db.session.expunge_all()
            return mails

    return read


@pytest.fixture
def auth(client, make_user):
    return AuthActions(client, make_user)


@pytest.fixture
def socket_client(app, client):
    """Socket.IO test client that shares the HTTP client's cookies (log in first)."""
    clients = []
    # The test client swaps the server's packet senders for in-memory ones and turns off
    # async handlers, on the one global server. Put them back afterwards, or a live server
    # in a later test (the browser tests) would never deliver a packet to a real browser.
    server = socketio.server
    patched = ("_send_packet", "_send_eio_packet", "async_handlers")
    before = {name: vars(server).get(name, _MISSING) for name in patched}
    eio_async = server.eio.async_handlers

    def connect(http_client=None, **kwargs):
        sc = socketio.test_client(app, flask_test_client=http_client or client, **kwargs)
        clients.append(sc)
        return sc

    yield connect
    for sc in clients:
        if sc.is_connected():
            sc.disconnect()
    for name, value in before.items():
        if value is _MISSING:
            vars(server).pop(name, None)
        else:
            setattr(server, name, value)
    server.eio.async_handlers = eio_async


@pytest.fixture
def count_queries(app):
    """with count_queries() as queries: client.get(...) — then len(queries) is the SQL count."""

    @contextmanager
    def counting():
        with app.app_context():
            engine = db.engine
        statements: list[str] = []

        def before(conn, cursor, statement, parameters, context, executemany):
            statements.append(statement)

        event.listen(engine, "before_cursor_execute", before)
        try:
            yield statements
        finally:
            event.remove(engine, "before_cursor_execute", before)

    return counting
