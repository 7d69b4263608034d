"""Digest sections other features contribute: new tips, unanswered questions, next meeting …

A feature registers once, at import time of its package (see boards/digest.py):

    from alumni_hub.notifications.sections import register_digest_section

    def load(now):                      # once per digest run: one bounded query
        return [...plain rows...]

    @register_digest_section(title=_l("Offene Fragen"), kind=Kind.WATCHED_CATEGORY,
                             prepare=load)
    def open_questions(user, since, rows):
        return [DigestItem(title=..., url="/foren/thema/7", text="…", key="thread:7"), ...]

`prepare(now)` runs once per `flask send-digests` run and its result is handed to every
user's call, so a section costs a fixed number of queries however many users and items
there are. Without `prepare` the function is called as `func(user, since)`.

The function gets the recipient, the time of their previous digest (UTC, at most
MAX_WINDOW ago) and returns items (DigestItem or (title, url, text) tuples; url is a path
on this site). An empty list leaves the section out. It runs with the recipient's
language already active. With `kind`, the section appears only for users whose delivery
for that kind is the daily digest. An item whose `key` equals the group_key of a
notification in the same digest is left out (it is already listed there).
"""
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import force_locale

from alumni_hub.core.db import utcnow
from alumni_hub.core.urls import absolute_url
from alumni_hub.notifications.kinds import LABELS, Delivery, Kind

log = logging.getLogger(__name__)
# However long ago the previous digest was, sections look back at most this far.
MAX_WINDOW = timedelta(days=7)
_FAILED = object()  # prepare() raised: the section is left out of this run


@dataclass(frozen=True)
class DigestItem:
    title: str
    url: str
    text: str = ""
    key: str | None = None


@dataclass(frozen=True)
class _Section:
    func: Callable
    title: object  # lazy German string; rendered in the recipient's language
    kind: Kind | None
    prepare: Callable | None


_SECTIONS: dict[str, _Section] = {}


def register_digest_section(func: Callable | None = None, *, title=None, kind=None,
                            prepare=None):
    """Add a section to every digest; usable as @decorator or @decorator(title=...)."""

    def add(f: Callable) -> Callable:
        # Keyed by qualified name, so re-importing (several apps in tests) adds it once.
        _SECTIONS[_name(f)] = _Section(f, title or f.__name__,
                                       Kind(kind) if kind else None, prepare)
        return f

    return add(func) if func is not None else add


def _name(func: Callable) -> str:
    return f"{func.__module__}.{func.__qualname__}"


def unregister_digest_section(func: Callable) -> None:
    _SECTIONS.pop(_name(func), None)


def registered() -> bool:
    return bool(_SECTIONS)


def described() -> list[tuple[str, str]]:
    """(section title, label of the kind that switches it) for the preferences page."""
    return [(str(s.title), str(LABELS[s.kind])) for s in _SECTIONS.values() if s.kind]


def prepare(*, now) -> dict[str, object]:
    """Each section's shared data for one digest run, computed once."""
    prepared = {}
    for name, section in list(_SECTIONS.items()):
        if section.prepare is None:
            continue
        try:
            prepared[name] = section.prepare(now)
        except Exception:  # one broken section must not stop everybody's digest
            log.exception("Preparing digest section %s failed", name)
            prepared[name] = _FAILED
    return prepared


def collect(user, *, since, prepared: Mapping | None = None,
            deliveries: Mapping | None = None,
            skip_keys=frozenset()) -> list[tuple[str, list[DigestItem]]]:
    """(title, items) of every section that has something for this user."""
    prepared = prepared if prepared is not None else {}
    result = []
    with force_locale(user.locale or "de"):
        for name, section in list(_SECTIONS.items()):
            if section.kind and deliveries is not None \
                    and deliveries.get(section.kind) != Delivery.DIGEST:
                continue
            items = _call(name, section, user, since, prepared)
            items = [i for i in items if i.key is None or i.key not in skip_keys]
            if items:
                items = [DigestItem(str(i.title), absolute_url(path=i.url) if i.url.startswith("/")
                                    else i.url, str(i.text), i.key) for i in items]
                result.append((str(section.title), items))
    return result


def _call(name: str, section: _Section, user, since, prepared: Mapping) -> list[DigestItem]:
    try:
        if section.prepare is None:
            raw = section.func(user, since)
        else:
            # Outside a digest run (e.g. a preview) the shared data is loaded on the spot.
            shared = prepared[name] if name in prepared else section.prepare(utcnow())
            if shared is _FAILED:
                return []
            raw = section.func(user, since, shared)
        return [_item(r) for r in raw or []]
    except Exception:  # one broken section must not stop everybody's digest
        log.exception("Digest section %s failed", name)
        return []


def _item(raw) -> DigestItem:
    if isinstance(raw, DigestItem):
        return raw
    title, url, *rest = raw
    return DigestItem(str(title), str(url), str(rest[0]) if rest else "")
