"""`python -m tests.chat.serve`: the app as `python wsgi.py` runs it, plus the test room kinds
(for tests/chat/test_multiprocess.py and benchmarks/chat_load.py).

With CHAT_SERVE_GEVENT=1 the process is monkey-patched by gevent first, so every thread
(request, WebSocket, Redis listener) is a greenlet: the chat code must not care.
"""
import os

if os.environ.get("CHAT_SERVE_GEVENT") == "1":
    from gevent import monkey

    monkey.patch_all()

import tests.chat.kinds  # noqa: E402,F401 - registers the "test" and "duo" room kinds
from wsgi import app, socketio  # noqa: E402

if __name__ == "__main__":
    socketio.run(app, host="127.0.0.1", port=int(os.environ["PORT"]),
                 allow_unsafe_werkzeug=True)
