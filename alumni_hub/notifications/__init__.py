"""Notifications: in-app inbox, live unread badge, email right away or as a daily digest."""
from flask import Blueprint

bp = Blueprint("notifications", __name__, url_prefix="/benachrichtigungen", cli_group=None)

from alumni_hub.notifications import cli, dispatch, events, receivers, routes  # noqa: E402,F401
