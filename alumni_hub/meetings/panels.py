"""Panels on the meeting page that other features add (the live chat), shown in its aside.

A feature registers in its receivers.py:

    register_meeting_panel("chat", template="chat/_meeting_panel.html", load=load_panel)

`load(meeting, user)` returns the template's context (a dict, given as `panel`) or None to
leave the panel out; it must cost a fixed number of queries.
"""
from alumni_hub.core.panels import PanelRegistry, ShownPanel

_PANELS = PanelRegistry()
register_meeting_panel = _PANELS.register
unregister_meeting_panel = _PANELS.unregister


def panels_for(meeting, user) -> list[ShownPanel]:
    return _PANELS.shown(meeting, user)
