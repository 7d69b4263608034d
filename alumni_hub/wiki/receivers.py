"""What the wiki registers elsewhere: navigation entries."""
from flask_babel import lazy_gettext as _l

from alumni_hub.core.navigation import register_nav_item

register_nav_item("wiki.index", _l("Wiki"), order=20)
from alumni_hub.wiki import searchable  # noqa: E402,F401 - registers the search provider
