"""What the wiki registers elsewhere: navigation entries, the start-page card."""
from flask_babel import lazy_gettext as _l

from alumni_hub.core.navigation import register_nav_item
from alumni_hub.pages.cards import register_card
from alumni_hub.wiki import queries

register_nav_item("wiki.index", _l("Wiki"), order=20)


def latest_changes_card(user) -> dict:
    return {"pages": queries.latest_changes()}


register_card("wiki.latest_changes", template="wiki/_home_latest_changes.html", order=70,
              load=latest_changes_card)

from alumni_hub.wiki import searchable  # noqa: E402,F401 - registers the search provider
