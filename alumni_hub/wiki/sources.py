"""Where wiki tips come from: features register what can be turned into a tip.

The wiki knows a tip's source only as (kind, id). The feature that owns it says what the
text is, who wrote it, where it lives and who may see it; it registers in receivers.py:

    register_tip_source("post", load_post_source)

    def load_post_source(source_id: int, user) -> TipSource:
        ...  # raise core.errors.NotFound when it does not exist or `user` may not see it

`wiki.promote_tip` (/wiki/uebernehmen/<kind>/<id>) then offers the text as a new page or
as an addition, crediting the author with a link back.
"""
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from alumni_hub.core.errors import NotFound


@dataclass(frozen=True)
class TipSource:
    text_md: str       # the Markdown offered as the tip's text
    url: str           # path back to the source, for the credit line
    author_name: str   # who wrote it ("Ehemaliges Mitglied" when unknown)
    title: str         # what the source is about: thread title, meeting title …
    origin: object     # where it was said, for the credit line: _l("im Forum")


_SOURCES: dict[str, Callable] = {}


def register_tip_source(kind: str, load: Callable) -> None:
    """`load(source_id, user) -> TipSource`; it raises NotFound for what `user` may not see."""
    _SOURCES[kind] = load


def get_tip_source(kind: str, source_id: int, user) -> TipSource:
    load = _SOURCES.get(kind)
    if load is None:
        raise NotFound(_l("Diese Quelle für einen Wiki-Tipp gibt es nicht."))
    return load(source_id, user)
