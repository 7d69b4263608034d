"""20 members posting at once to a live threaded server: nothing lost, no 500 (issue 13,
High 4 and Medium 6). The suite's own database: SQLite here, PostgreSQL in CI's second pass.
The full figures (4, 20, 50 writers, both databases) come from benchmarks/write_load.py."""
import pytest

from benchmarks import write_load
from tests.core import servers

WRITERS, POSTS = 20, 2


@pytest.fixture(scope="module")
def live_server(app, tmp_path_factory):
    port = servers.free_port()
    env = write_load.server_env(app.config["SQLALCHEMY_DATABASE_URI"])
    with servers.running_servers([servers.python_server(port, env)],
                                 tmp_path_factory.mktemp("write-load")):
        yield f"http://127.0.0.1:{port}"


def test_twenty_concurrent_posters_lose_nothing_and_see_no_server_error(app, live_server):
    emails, thread_id = write_load.seed(app, live_server, WRITERS)
    figures = write_load.run(live_server, emails, thread_id, POSTS)
    assert figures["server_errors"] == 0 and figures["errors"] == 0, figures
    assert figures["sent"] == WRITERS * POSTS
    assert write_load.stored(app, thread_id, figures["marker"]) == figures["sent"]
    # Every reply recounts the thread; concurrent recounts must not overwrite each other.
    assert write_load.counted(app, thread_id) == figures["sent"]
