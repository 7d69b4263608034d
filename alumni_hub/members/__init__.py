"""Members: profiles, cohorts, topics, the member directory and the Germany map."""
from flask import Blueprint

bp = Blueprint("members", __name__, url_prefix="/mitglieder", cli_group=None)

from alumni_hub.members import manage, photo_routes, receivers, routes  # noqa: E402,F401
