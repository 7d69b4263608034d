"""Digest sections other features contribute: new tips, unanswered questions, next meeting …

A feature registers once, at import time of its package:

    from alumni_hub.notifications.sections import register_digest_section

    @register_digest_section(title=_l("Unbeantwortete Fragen"))
    def unanswered_questions(user, since):
        return [DigestItem(title=..., url="/foren/thema/7", text="…"), ...]

The function gets the recipient and the time of their previous digest (UTC) and returns
items (DigestItem or (title, url, text) tuples; url is a path on this site). An empty
list leaves the section out. It runs with the recipient's language already active.
"""
import logging
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import force_locale

from alumni_hub.notifications.emails import absolute_url

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DigestItem:
    title: str
    url: str
    text: str = ""


@dataclass(frozen=True)
class _Section:
    func: Callable
    title: object  # lazy German string; rendered in the recipient's language


_SECTIONS: dict[str, _Section] = {}


def register_digest_section(func: Callable | None = None, *, title=None):
    """Add a section to every digest; usable as @decorator or @decorator(title=...)."""

    def add(f: Callable) -> Callable:
        # Keyed by qualified name, so re-importing (several apps in tests) adds it once.
        _SECTIONS[f"{f.__module__}.{f.__qualname__}"] = _Section(f, title or f.__name__)
        return f

    return add(func) if func is not None else add


def unregister_digest_section(func: Callable) -> None:
    _SECTIONS.pop(f"{func.__module__}.{func.__qualname__}", None)


def registered() -> bool:
    return bool(_SECTIONS)


def collect(user, *, since) -> list[tuple[str, list[DigestItem]]]:
    """(title, items) of every section that has something for this user."""
    result = []
    with force_locale(user.locale or "de"):
        for section in list(_SECTIONS.values()):
            try:
                items = [_item(raw) for raw in section.func(user, since) or []]
            except Exception:  # one broken section must not stop everybody's digest
                log.exception("Digest section %s failed", section.func)
                continue
            if items:
                items = [DigestItem(str(i.title), absolute_url(path=i.url) if i.url.startswith("/")
                                    else i.url, str(i.text)) for i in items]
                result.append((str(section.title), items))
    return result


def _item(raw) -> DigestItem:
    if isinstance(raw, DigestItem):
        return raw
    title, url, *rest = raw
    return DigestItem(str(title), str(url), str(rest[0]) if rest else "")
