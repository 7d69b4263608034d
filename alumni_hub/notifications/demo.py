"""Demo content: a few notifications in the demo logins' inboxes, some of them unread."""
from datetime import timedelta

from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.models import Notification

# (kind, title, hours ago); links point to the start page until the features seed their own.
_EXAMPLES = [
    (Kind.REPLY, "Feuerwehren und Schwimmvereine als außerschulische Lernorte", 2),
    (Kind.MENTION, "Was gehört in ein MINT-Mobil?", 5),
    (Kind.WIKI_CHANGED, "Förderprogramme für MINT-Regionen", 20),
    (Kind.MEETING_SCHEDULED, "Digitales Alumni-Treffen im Juni", 30),
    (Kind.AGENDA_ACCEPTED, "Jugendliche für Berufsorientierung in den Ferien gewinnen", 50),
    (Kind.RECAP_PUBLISHED, "Alumni-Treffen vor dem MINT:Barcamp", 120),
]


def seed(ctx: dict) -> None:
    # Written directly (not via notify()) so that seeding sends no demo emails.
    rng, users = ctx["rng"], ctx["users"]
    now = utcnow()
    for recipient in users[:3]:
        for index, (kind, title, hours) in enumerate(_EXAMPLES):
            actor = rng.choice([u for u in users if u is not recipient])
            created = now - timedelta(hours=hours)
            db.session.add(Notification(
                user_id=recipient.id, kind=kind.value, actor_id=actor.id, url="/",
                params={"title": title, "actor": actor.display_name},
                group_key=f"demo:{index}", created_at=created,
                read_at=created + timedelta(hours=1) if hours > 24 else None))
