"""`python -m tests.chat.serve`: the app as `python wsgi.py` runs it, plus the test room kinds
(for tests/chat/test_multiprocess.py and benchmarks/chat_load.py)."""
import os

import tests.chat.kinds  # noqa: F401 - registers the "test" and "duo" room kinds
from wsgi import app, socketio

if __name__ == "__main__":
    socketio.run(app, host="127.0.0.1", port=int(os.environ["PORT"]),
                 allow_unsafe_werkzeug=True)
