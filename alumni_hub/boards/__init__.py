"""Discussion boards: categories, threads, nested replies, reactions, accepted answers."""
from flask import Blueprint

bp = Blueprint("boards", __name__, url_prefix="/foren", cli_group=None)

from alumni_hub.boards import digest, receivers, routes  # noqa: E402,F401
