"""Buddy programme: offers, requests, suggestions, matching rounds, pairs and check-ins."""
from flask import Blueprint

bp = Blueprint("buddies", __name__, url_prefix="/buddys", cli_group=None)

from alumni_hub.buddies import cli, receivers  # noqa: E402,F401
from alumni_hub.buddies.routes import member, moderation, pair  # noqa: E402,F401
