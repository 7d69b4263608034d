"""What the boards register elsewhere: navigation entries."""
from flask_babel import lazy_gettext as _l

from alumni_hub.core.navigation import register_nav_item

register_nav_item("boards.index", _l("Foren"), order=10)
