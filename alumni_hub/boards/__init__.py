"""Discussion boards: categories, threads, nested replies, reactions, accepted answers."""
from flask import Blueprint

bp = Blueprint("boards", __name__, url_prefix="/foren", cli_group=None)

from alumni_hub.boards import digest, receivers  # noqa: E402,F401
from alumni_hub.boards.routes import moderation, posts, threads  # noqa: E402,F401
