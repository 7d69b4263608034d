"""Demo notifications: features hand in examples about their own demo content; seed() stores them.

Boards and wiki seed before notifications (FEATURES order) and call add_demo_notification()
for things that really concern a demo login (a reply to their post, a change to a page), so
each notification points at the exact post or diff it speaks of, as a live one would.
"""
from datetime import timedelta

from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.models import Notification

# The newest few are unread, so the badge and the inbox show both states.
UNREAD = 2


def demo_recipients(ctx: dict) -> list:
    """The demo logins, who find notifications in their inbox."""
    return ctx["users"][:3]


def add_demo_notification(ctx: dict, *, recipient, kind: Kind, actor, url: str, title: str,
                          when) -> None:
    """Queue one example for `recipient`; seed() writes them, newest UNREAD ones unread."""
    ctx.setdefault("demo_notifications", {}).setdefault(recipient.id, []).append(
        (kind, actor, url, title, when))


def seed(ctx: dict) -> None:
    # Written directly (not via notify()) so that seeding sends no demo emails.
    db.session.flush()
    now = utcnow()
    queued = ctx.get("demo_notifications", {})
    for recipient in demo_recipients(ctx):
        examples = sorted(queued.get(recipient.id, []), key=lambda item: item[-1], reverse=True)
        for index, (kind, actor, url, title, when) in enumerate(examples):
            created = min(when, now)
            db.session.add(Notification(
                user_id=recipient.id, kind=kind.value, actor_id=actor.id if actor else None,
                url=url, params={"title": title, "actor": actor.display_name if actor else ""},
                group_key=f"demo:{kind.value}:{url}", created_at=created,
                read_at=None if index < UNREAD else created + timedelta(hours=1)))
