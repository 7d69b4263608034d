"""Alumni meetings: series, one-off meetings, RSVP, agenda, date polls, iCal, recaps."""
from flask import Blueprint

bp = Blueprint("meetings", __name__, url_prefix="/treffen", cli_group=None)

from alumni_hub.meetings import cli, digest, receivers, routes  # noqa: E402,F401
