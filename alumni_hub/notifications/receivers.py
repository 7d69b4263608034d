"""What notifications register elsewhere: user-menu entries."""
from flask_babel import lazy_gettext as _l

from alumni_hub.core.navigation import USER, register_nav_item

register_nav_item("notifications.inbox", _l("Benachrichtigungen"), menu=USER, order=20)
register_nav_item("notifications.preferences", _l("Benachrichtigungs-Einstellungen"),
                  menu=USER, order=30)
