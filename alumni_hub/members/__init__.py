"""Members: profiles, cohorts, topics, the member directory and the Germany map."""
from flask import Blueprint

bp = Blueprint("members", __name__, url_prefix="/mitglieder", cli_group=None)

from alumni_hub.members import receivers  # noqa: E402,F401
from alumni_hub.members.routes import curation, photo_upload, profiles  # noqa: E402,F401
