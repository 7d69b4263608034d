"""Panels on the meeting page that other features add (the live chat), shown in its aside.

A feature registers in its receivers.py:

    register_meeting_panel("chat", template="chat/_meeting_panel.html", load=load_panel)

`load(meeting, user)` returns the template's context (a dict, given as `panel`) or None to
leave the panel out; it must cost a fixed number of queries.
"""
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    load: Callable
    order: int


@dataclass(frozen=True)
class ShownPanel:
    name: str
    template: str
    context: dict


_PANELS: dict[str, Panel] = {}


def register_meeting_panel(name: str, *, template: str, load: Callable, order: int = 50) -> None:
    """Add (or replace, by name) a panel of the meeting page."""
    _PANELS[name] = Panel(name, template, load, order)


def unregister_meeting_panel(name: str) -> None:
    _PANELS.pop(name, None)


def panels_for(meeting, user) -> list[ShownPanel]:
    shown = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.name)):
        context = panel.load(meeting, user)
        if context is not None:
            shown.append(ShownPanel(panel.name, panel.template, context))
    return shown
