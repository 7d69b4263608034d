"""What can be reported to moderation: each feature registers its reportable things.

Moderation knows reports only as (target_type, target_id); the feature that owns the
thing says how it is loaded, shown, linked and hidden. A feature registers in its
receivers.py:

    register_report_target(ReportTarget(
        type="chat_message", label=_l("Chat-Nachricht"),
        load=load_messages,        # (ids) -> {id: Reported}, one query for a page of reports
        hide=hide_message,         # (target_id, actor, reason) -> None, writes the audit log
        delete=delete_message,     # (target_id, actor, reason) -> None, soft delete
        can_report=check_message,  # (reporter, target_id) -> None, raises AlumniHubError
        already_reported=_l("Du hast diese Nachricht schon gemeldet. …"),
    ))
"""
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Reported:
    """How the report queue shows one reported thing."""

    title: str            # e.g. the thread title or the room name
    excerpt: str          # plain text, a few lines
    url: str              # where a moderator sees it in context
    author_name: str = ""
    gone: bool = False    # already hidden or deleted
    state: str = ""       # shown next to it when gone, e.g. "Ausgeblendet"


@dataclass(frozen=True)
class ReportTarget:
    type: str
    label: object          # lazy German noun, e.g. _l("Beitrag")
    load: Callable         # (ids: list[int]) -> dict[int, Reported]
    hide: Callable         # (target_id: int, actor, reason: str) -> None
    delete: Callable       # (target_id: int, actor, reason: str) -> None
    can_report: Callable   # (reporter, target_id: int) -> None; raises NotFound/ValidationError
    # Said to someone who reports the same thing again while their report is open.
    already_reported: object = _l("Du hast das schon gemeldet. Die Moderation sieht es sich an.")


_TARGETS: dict[str, ReportTarget] = {}


def register_report_target(target: ReportTarget) -> None:
    _TARGETS[target.type] = target


def report_target(target_type: str) -> ReportTarget | None:
    return _TARGETS.get(target_type)


def registered_types() -> list[str]:
    return sorted(_TARGETS)
