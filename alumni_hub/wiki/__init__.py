"""Tips wiki: pages, revisions, diffs, wiki links and backlinks, edit conflicts."""
from flask import Blueprint

bp = Blueprint("wiki", __name__, url_prefix="/wiki", cli_group=None)

from alumni_hub.wiki import digest, receivers  # noqa: E402,F401
from alumni_hub.wiki.routes import (edit, history, member_actions, moderation,  # noqa: E402,F401
                                    promote, read)
