"""Live chat over Socket.IO: a room per meeting, per buddy pair, or any registered kind."""
from flask import Blueprint

bp = Blueprint("chat", __name__, url_prefix="/chat", cli_group=None)

from alumni_hub.chat import cli, events, receivers, routes  # noqa: E402,F401
