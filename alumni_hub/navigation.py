"""The header navigation, in one place, so features add a line here instead of editing base.html."""
from flask_babel import lazy_gettext as _l
from flask import current_app
from flask_login import current_user

from alumni_hub.core.permissions import Role, has_role


def _existing(items):
    # A feature's entry shows up once its blueprint provides the endpoint.
    return [(endpoint, label) for endpoint, label in items
            if endpoint in current_app.view_functions]


def main_nav() -> list[tuple[str, str]]:
    return _existing([
        ("boards.index", _l("Foren")),
        ("wiki.index", _l("Wiki")),
        ("members.directory", _l("Mitglieder")),
        ("members.map", _l("Karte")),
    ])


def user_menu() -> list[tuple[str, str]]:
    items = [
        ("members.edit_profile", _l("Mein Profil")),
        ("notifications.inbox", _l("Benachrichtigungen")),
        ("notifications.preferences", _l("Benachrichtigungs-Einstellungen")),
        ("accounts.settings", _l("Konto & Passwort")),
    ]
    if has_role(current_user, Role.MODERATOR):
        items += [
            ("accounts.invite", _l("Einladen")),
            ("moderation.index", _l("Moderation")),
        ]
    if has_role(current_user, Role.ADMIN):
        items.append(("moderation.users", _l("Benutzerverwaltung")))
    return _existing(items)
