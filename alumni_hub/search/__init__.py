"""One search over everything members may read: providers register what they make searchable."""
from flask import Blueprint

bp = Blueprint("search", __name__, url_prefix="/suche", cli_group=None)

from alumni_hub.search import cli, indexing, routes  # noqa: E402,F401
