"""Build a second application inside the test session without disturbing the suite's `app`.

create_app() binds the module-level extensions (socketio, limiter, babel, migrate, ...)
to the new app; some keep that state on the extension object itself (socketio.server,
the limiter's storage). We snapshot that state and put it back afterwards, so the
session's `app` (and a live server built from it) keeps its own Socket.IO server.
"""
import copy
from contextlib import contextmanager

from alumni_hub import create_app
from alumni_hub import extensions
from tests.conftest import ServerLikeClient

_EXTENSIONS = ("db", "migrate", "login_manager", "csrf", "socketio", "babel", "limiter")


def _snapshot() -> dict:
    return {name: {key: copy.copy(value) if isinstance(value, (dict, list, set)) else value
                   for key, value in vars(getattr(extensions, name)).items()}
            for name in _EXTENSIONS}


def _restore(snapshot: dict) -> None:
    for name, state in snapshot.items():
        ext = getattr(extensions, name)
        vars(ext).clear()
        vars(ext).update(state)


@contextmanager
def isolated_app(config):
    """with isolated_app(config) as other_app: ... — the globals are restored on exit."""
    snapshot = _snapshot()
    try:
        other_app = create_app(config)
        other_app.test_client_class = ServerLikeClient
        yield other_app
    finally:
        _restore(snapshot)


def config_like(app, **overrides) -> dict:
    """The suite app's configuration with a few keys changed (e.g. the database URI)."""
    config = {key: value for key, value in app.config.items() if key.isupper()}
    config.update(overrides)
    return config
