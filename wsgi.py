"""The objects gunicorn and `flask` load: `app` and `socketio`."""
import os

from alumni_hub import create_app
from alumni_hub.extensions import socketio

app = create_app()

if __name__ == "__main__":
    # Development server with WebSocket support (Werkzeug + simple-websocket).
    socketio.run(app, host=os.environ.get("HOST", "127.0.0.1"),
                 port=int(os.environ.get("PORT", 5000)), allow_unsafe_werkzeug=True)
