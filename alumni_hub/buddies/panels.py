"""Panels on the pair page: other features (chat) add their part of a pair's private space.

A feature registers in its receivers.py:

    register_pair_panel("chat.room", template="chat/_pair_panel.html", load=load_room, order=10)

`load(pair, user)` runs on every view of the pair page, only for one of the two members, and
returns the template's context (a dict, given as `panel`) or None to leave the panel out.
It must cost a fixed number of queries.
"""
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    order: int
    load: Callable


@dataclass(frozen=True)
class ShownPanel:
    name: str
    template: str
    context: dict


_PANELS: dict[str, Panel] = {}


def register_pair_panel(name: str, *, template: str, load: Callable, order: int = 50) -> None:
    """Add (or replace, by name) a panel of the pair page."""
    _PANELS[name] = Panel(name, template, order, load)


def unregister_pair_panel(name: str) -> None:
    _PANELS.pop(name, None)


def panels_for(pair, user) -> list[ShownPanel]:
    shown = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.name)):
        context = panel.load(pair, user)
        if context is not None:
            shown.append(ShownPanel(panel.name, panel.template, context))
    return shown
