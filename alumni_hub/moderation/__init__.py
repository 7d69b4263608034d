"""Moderation and administration: reports queue, audit log, user and role management."""
from flask import Blueprint

bp = Blueprint("moderation", __name__, url_prefix="/moderation", cli_group=None)

from alumni_hub.moderation import receivers  # noqa: E402,F401
from alumni_hub.moderation.routes import admin, reports  # noqa: E402,F401
