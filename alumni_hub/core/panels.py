"""Parts of one page that other features add (the chat on the meeting page, on a pair's page).

The page's feature owns a PanelRegistry; other features register into it from their
receivers.py, so the page never imports them. Each part's `load(*args)` runs once per view
and returns its template's context (a dict) or None to leave the part out.
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


class PanelRegistry:
    """The parts registered for one page, shown in `order` (then by name)."""

    def __init__(self) -> None:
        self._panels: dict[str, Panel] = {}

    def register(self, name: str, *, template: str, load: Callable, order: int = 50) -> None:
        """Add (or replace, by name: importing a feature twice adds it once)."""
        self._panels[name] = Panel(name, template, load, order)

    def unregister(self, name: str) -> None:
        self._panels.pop(name, None)

    def shown(self, *args) -> list[ShownPanel]:
        shown = []
        for panel in sorted(self._panels.values(), key=lambda p: (p.order, p.name)):
            context = panel.load(*args)
            if context is not None:
                shown.append(ShownPanel(panel.name, panel.template, context))
        return shown
