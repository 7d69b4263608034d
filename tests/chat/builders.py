"""Chat builders: the test room kinds (tests/chat/kinds.py), logged-in Socket.IO clients."""
import itertools
import uuid

import pytest

from alumni_hub.accounts.services import users as account_services
from alumni_hub.accounts.models import User
from alumni_hub.extensions import db

from tests.chat.kinds import DUOS, WINDOWS

_duo_ids = itertools.count(1)


@pytest.fixture(autouse=True)
def _chat_test_kinds():
    yield
    WINDOWS.clear()
    DUOS.clear()


@pytest.fixture
def make_duo():
    """make_duo(anna, bernd) -> ref_id of a private "duo" room for exactly those two."""

    def build(*users) -> int:
        ref_id = next(_duo_ids)
        DUOS[ref_id] = {u.id for u in users}
        return ref_id

    return build


@pytest.fixture
def chat_window():
    """chat_window(ref_id, opens, closes): the "test" room's opening times."""

    def set_window(ref_id: int, opens, closes) -> None:
        WINDOWS[ref_id] = (opens, closes)

    return set_window


@pytest.fixture
def chat_login(app):
    """chat_login(user) -> a Flask test client with a real server-side login session."""

    def login(user):
        client = app.test_client()
        with app.app_context():
            token = account_services.start_session(db.session.get(User, user.id))
            db.session.commit()
        with client.session_transaction() as session:
            session["_user_id"] = token
            session["_fresh"] = True
        return client

    return login


class ChatSocket:
    """A logged-in Socket.IO test client in one room, with helpers for the chat events."""

    def __init__(self, socket, http):
        self.socket, self.http, self.room = socket, http, None

    def join(self, kind="test", ref_id=1, **extra):
        answer = self.socket.emit("chat:join", {"kind": kind, "ref_id": ref_id, **extra},
                                  callback=True)
        if answer.get("ok"):
            self.room = answer["room"]
        return answer

    def send(self, body="Hallo zusammen", client_id=None, **extra):
        return self.socket.emit("chat:send", {"room": self.room, "body": body,
                                              "client_id": client_id or str(uuid.uuid4()),
                                              **extra}, callback=True)

    def emit(self, event, **data):
        return self.socket.emit(event, data, callback=True)

    def received(self, name=None):
        events = self.socket.get_received()
        return [e["args"][0] for e in events if name is None or e["name"] == name]


@pytest.fixture
def chat_socket(socket_client, chat_login):
    """chat_socket(user) -> ChatSocket connected as `user` (not yet in a room)."""

    def connect(user, **kwargs):
        http = chat_login(user)
        return ChatSocket(socket_client(http, **kwargs), http)

    return connect
