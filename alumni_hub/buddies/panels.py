"""Panels on the pair page: other features (chat) add their part of a pair's private space.

A feature registers in its receivers.py:

    register_pair_panel("chat.room", template="chat/_pair_panel.html", load=load_room, order=10)

`load(pair, user)` runs on every view of the pair page, only for one of the two members, and
returns the template's context (a dict, given as `panel`) or None to leave the panel out.
It must cost a fixed number of queries.
"""
from alumni_hub.core.panels import PanelRegistry, ShownPanel

_PANELS = PanelRegistry()
register_pair_panel = _PANELS.register
unregister_pair_panel = _PANELS.unregister


def panels_for(pair, user) -> list[ShownPanel]:
    return _PANELS.shown(pair, user)
