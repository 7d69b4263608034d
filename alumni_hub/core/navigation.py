"""The header navigation: features register their entries; base.html shows them.

A feature adds itself in its receivers.py, e.g.

    register_nav_item("meetings.index", _l("Treffen"), order=30)
    register_nav_item("moderation.index", _l("Moderation"), menu="user", role=Role.MODERATOR)

so neither base.html nor this module changes when a feature arrives.
"""
from dataclasses import dataclass

from flask_login import current_user

from alumni_hub.core.permissions import Role, has_role

MAIN, USER = "main", "user"


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: object  # a lazy string: rendered in the reader's language
    menu: str
    order: int
    role: Role


_ITEMS: dict[str, NavItem] = {}


def register_nav_item(endpoint: str, label, *, menu: str = MAIN, order: int = 50,
                      role: Role = Role.MEMBER) -> None:
    """Show a link to `endpoint` in the main navigation or the user menu (keyed by endpoint,
    so importing a feature twice, as the tests do with several apps, adds it once)."""
    if menu not in (MAIN, USER):
        raise ValueError(f"unknown menu {menu!r}")
    _ITEMS[endpoint] = NavItem(endpoint, label, menu, order, role)


def _items(menu: str) -> list[tuple[str, object]]:
    items = sorted((i for i in _ITEMS.values() if i.menu == menu and has_role(current_user, i.role)),
                   key=lambda item: (item.order, item.endpoint))
    return [(item.endpoint, item.label) for item in items]


def main_nav() -> list[tuple[str, object]]:
    return _items(MAIN)


def user_menu() -> list[tuple[str, object]]:
    return _items(USER)
