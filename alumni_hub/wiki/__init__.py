"""Tips wiki: pages, revisions, diffs, wiki links and backlinks, edit conflicts."""
from flask import Blueprint

bp = Blueprint("wiki", __name__, url_prefix="/wiki", cli_group=None)

from alumni_hub.wiki import (digest, edit_routes, history_routes,  # noqa: E402,F401
                             member_routes, moderation_routes, promote_routes, receivers,
                             routes)
