"""Buddy programme: offers, requests, suggestions, matching rounds, pairs and check-ins."""
from flask import Blueprint

bp = Blueprint("buddies", __name__, url_prefix="/buddys", cli_group=None)
