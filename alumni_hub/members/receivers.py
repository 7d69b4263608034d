"""What members register elsewhere: navigation entries."""
from flask_babel import lazy_gettext as _l

from alumni_hub.core.navigation import USER, register_nav_item

register_nav_item("members.directory", _l("Mitglieder"), order=40)
register_nav_item("members.map", _l("Karte"), order=50)
register_nav_item("members.edit_profile", _l("Mein Profil"), menu=USER, order=10)
from alumni_hub.members import searchable  # noqa: E402,F401 - registers the search provider
