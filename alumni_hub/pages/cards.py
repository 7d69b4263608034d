"""Start-page cards: each feature registers what it shows on the start page.

A feature adds a card in its receivers.py:

    register_card("meetings.next", template="meetings/_home_card.html", order=10,
                  load=next_meeting_card)

`load(user)` runs once per start-page view and returns the template's context (a dict),
or None to leave the card out. It must cost a fixed number of queries, however much data
exists. Cards are shown in `order`; the template gets the dict as `card`. A card in the
area "hint" is a notice above the grid (e.g. "your profile is empty"), not a grid card.
"""
from collections.abc import Callable
from dataclasses import dataclass

GRID, HINT = "grid", "hint"


@dataclass(frozen=True)
class Card:
    name: str
    template: str
    order: int
    load: Callable
    area: str = GRID


@dataclass(frozen=True)
class ShownCard:
    name: str
    template: str
    context: dict
    area: str = GRID


_CARDS: dict[str, Card] = {}


def register_card(name: str, *, template: str, load: Callable, order: int = 50,
                  area: str = GRID) -> None:
    """Add (or replace, by name) a start-page card."""
    _CARDS[name] = Card(name, template, order, load, area)


def cards_for(user) -> list[ShownCard]:
    """The cards this user sees, in order, each with its loaded context."""
    shown = []
    for card in sorted(_CARDS.values(), key=lambda c: (c.order, c.name)):
        context = card.load(user)
        if context is not None:
            shown.append(ShownCard(card.name, card.template, context, card.area))
    return shown
