"""Check-ins: 30 days after the start and after every alumni meeting, both are asked how it goes."""
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, select
from sqlalchemy.orm import joinedload

from alumni_hub.buddies.models import ANSWERS, PAIR_ACTIVE, BuddyPair, CheckIn
from alumni_hub.buddies.services.pairs import record_activity, require_active
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import Conflict, ValidationError
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.services import notify

FIRST_CHECKIN = timedelta(days=30)
FIRST_OCCASION = "30d"


def meeting_occasion(meeting_id: int) -> str:
    return f"meeting:{meeting_id}"


def ask_pairs(pairs: list[BuddyPair], occasion: str) -> int:
    """Ask both members of each pair once per occasion (asking again adds nothing)."""
    if not pairs:
        return 0
    asked = set(db.session.execute(select(CheckIn.pair_id, CheckIn.user_id).where(
        CheckIn.pair_id.in_([p.id for p in pairs]), CheckIn.occasion == occasion)).all())
    created = 0
    for pair in pairs:
        for user, partner in ((pair.buddy, pair.newcomer), (pair.newcomer, pair.buddy)):
            if (pair.id, user.id) in asked:
                continue
            db.session.add(CheckIn(pair_id=pair.id, user_id=user.id, occasion=occasion))
            notify(kind=Kind.BUDDY_CHECKIN, recipients=[user],
                   url=site_path("buddies.view_pair", pair_id=pair.id) + "#check-in",
                   params={"title": partner.display_name})
            created += 1
    db.session.flush()
    return created


def _active_pairs(*conditions) -> list[BuddyPair]:
    return list(db.session.scalars(
        select(BuddyPair).where(BuddyPair.status == PAIR_ACTIVE, *conditions)
        .options(joinedload(BuddyPair.buddy), joinedload(BuddyPair.newcomer))
        .order_by(BuddyPair.id)))


def send_first_checkins(*, now=None) -> int:
    """Pairs that started 30 days ago or more and were not asked yet (for the hourly timer)."""
    now = now or utcnow()
    asked = select(CheckIn.id).where(and_(CheckIn.pair_id == BuddyPair.id,
                                          CheckIn.occasion == FIRST_OCCASION)).exists()
    return ask_pairs(_active_pairs(BuddyPair.started_at <= now - FIRST_CHECKIN, ~asked),
                     FIRST_OCCASION)


def checkins_after_meeting(*, meeting_id: int) -> int:
    return ask_pairs(_active_pairs(), meeting_occasion(meeting_id))


def answer_checkin(*, checkin: CheckIn, pair: BuddyPair, answer: str) -> None:
    """"Brauchen Hilfe" flags the pair to moderators until one of them says "läuft gut"."""
    require_active(pair)
    if answer not in ANSWERS:
        raise ValidationError(_l("Bitte wähle eine der drei Antworten."), field="answer")
    if checkin.answer is not None:
        raise Conflict(_l("Diese Frage hast du schon beantwortet."))
    checkin.answer, checkin.answered_at = answer, utcnow()
    if answer == "help":
        pair.needs_help = True
    elif answer == "good":
        pair.needs_help = False
    record_activity(pair)
    db.session.flush()
