"""What moderation registers elsewhere: user-menu entries."""
from flask_babel import lazy_gettext as _l

from alumni_hub.core.navigation import USER, register_nav_item
from alumni_hub.core.permissions import Role

register_nav_item("moderation.index", _l("Moderation"), menu=USER, order=60,
                  role=Role.MODERATOR)
register_nav_item("moderation.users", _l("Benutzerverwaltung"), menu=USER, order=70,
                  role=Role.ADMIN)
