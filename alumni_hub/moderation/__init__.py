"""Moderation and administration: reports queue, audit log, user and role management."""
from flask import Blueprint

bp = Blueprint("moderation", __name__, url_prefix="/moderation", cli_group=None)

from alumni_hub.moderation import receivers, reports, routes  # noqa: E402,F401
