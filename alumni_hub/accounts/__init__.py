"""Accounts: users, invitations, login and sessions, password reset, roles."""
from flask import Blueprint

bp = Blueprint("accounts", __name__, url_prefix="/konto", cli_group=None)

from alumni_hub.accounts import cli, receivers  # noqa: E402,F401
from alumni_hub.accounts.routes import (  # noqa: E402,F401
    account, invitations, language, password_reset)
