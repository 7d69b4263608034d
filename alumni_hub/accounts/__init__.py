"""Accounts: users, invitations, login and sessions, password reset, roles."""
from flask import Blueprint

bp = Blueprint("accounts", __name__, url_prefix="/konto", cli_group=None)

from alumni_hub.accounts import (  # noqa: E402,F401
    cli, invite_routes, language_routes, receivers, reset_routes, routes)
