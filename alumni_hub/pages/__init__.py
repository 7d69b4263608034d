"""Pages that belong to no feature: the start page and the legal pages (Impressum, Datenschutz)."""
from flask import Blueprint

bp = Blueprint("pages", __name__)

from alumni_hub.pages import routes  # noqa: E402,F401
