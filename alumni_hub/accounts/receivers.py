"""What accounts register elsewhere: user-menu entries."""
from flask_babel import lazy_gettext as _l

from alumni_hub.core.navigation import USER, register_nav_item
from alumni_hub.core.permissions import Role

register_nav_item("accounts.settings", _l("Konto & Passwort"), menu=USER, order=40)
register_nav_item("accounts.invite", _l("Einladen"), menu=USER, order=50, role=Role.MODERATOR)
