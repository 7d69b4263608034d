"""Starting a pair without ever overbooking a buddy; the pair's checklist, contacts and ending."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from alumni_hub.buddies.models import (EXCLUDE_ENDED_BADLY, PAIR_ACTIVE, PAIR_ENDED,
                                       REQUEST_MATCHED, REQUEST_OPEN, BuddyExclusion, BuddyOffer,
                                       BuddyPair, BuddyRequest, PairContact, PairGoal)
from alumni_hub.buddies.services.offers import cancel_pending_asks
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import Conflict, ValidationError
from alumni_hub.extensions import db

NO_SLOT, REQUEST_TAKEN = "no_slot", "request_taken"
# A rating this low means the pairing went badly: the two are not proposed to each other again.
BAD_RATING = 2
MAX_GOALS = 30


def guarded(stmt) -> bool:
    """Run a conditional UPDATE; True if it changed the one row.

    These UPDATEs are the concurrency guard: PostgreSQL locks the row and re-checks the
    WHERE after a rival commits; SQLite lets one writer at a time past the first write of a
    transaction (the driver begins it there), so the rival sees the committed count.
    """
    return db.session.execute(stmt.execution_options(synchronize_session=False)).rowcount == 1


def lock_in_order(*, buddy_ids=(), request_ids=()) -> None:
    """Lock the buddies' offers, then the requests, each in id order, before pairs start or end.

    Everything that writes more than one of these rows takes its locks in this one order
    (as try_start_pair's UPDATEs do): a buddy's accept, a matching round, ending a pair
    (the offer before the pair row); withdrawing touches only its one request. So two of
    them wait for each other instead of each holding what the other needs until PostgreSQL
    kills one. FOR NO KEY UPDATE, so that inserting an ask or a pair (a foreign-key share
    lock) is not held up. SQLite lets one writer at a time in, so there is nothing to order.
    """
    if db.session.get_bind().dialect.name != "postgresql":
        return
    db.session.execute(select(BuddyOffer.id).where(BuddyOffer.user_id.in_(set(buddy_ids)))
                       .order_by(BuddyOffer.id).with_for_update(key_share=True))
    db.session.execute(select(BuddyRequest.id).where(BuddyRequest.id.in_(set(request_ids)))
                       .order_by(BuddyRequest.id).with_for_update(key_share=True))


def try_start_pair(*, buddy_id: int, request: BuddyRequest) -> BuddyPair | str:
    """Claim one of the buddy's free slots and the open request; the pair, or why not."""
    if not guarded(update(BuddyOffer).where(BuddyOffer.user_id == buddy_id,
                                             BuddyOffer.active_count < BuddyOffer.capacity)
                    .values(active_count=BuddyOffer.active_count + 1)):
        return NO_SLOT
    if not guarded(update(BuddyRequest).where(BuddyRequest.id == request.id,
                                               BuddyRequest.status == REQUEST_OPEN)
                    .values(status=REQUEST_MATCHED)):
        # A matching round goes on with its other rows and commits: give the slot back.
        _release_slot(buddy_id)
        return REQUEST_TAKEN
    cancel_pending_asks(request_id=request.id)
    now = utcnow()
    pair = BuddyPair(buddy_id=buddy_id, newcomer_id=request.user_id, request_id=request.id,
                     status=PAIR_ACTIVE, started_at=now, last_activity_at=now)
    db.session.add(pair)
    db.session.flush()
    db.session.expire(request)
    return pair


def start_pair(*, buddy_id: int, request: BuddyRequest) -> BuddyPair:
    result = try_start_pair(buddy_id=buddy_id, request=request)
    if result == NO_SLOT:
        raise Conflict(_l("Alle Plätze sind inzwischen vergeben – es kann niemand mehr "
                          "dazukommen."))
    if result == REQUEST_TAKEN:
        raise Conflict(_l("Diese Anfrage hat inzwischen schon einen Buddy."))
    return result


def _release_slot(buddy_id: int) -> None:
    db.session.execute(update(BuddyOffer).where(BuddyOffer.user_id == buddy_id,
                                                BuddyOffer.active_count > 0)
                       .values(active_count=BuddyOffer.active_count - 1)
                       .execution_options(synchronize_session=False))


def record_activity(pair: BuddyPair) -> None:
    """Anything the two do together counts (chat may call this too): not 'inactive' then."""
    pair.last_activity_at = utcnow()


def require_active(pair: BuddyPair) -> None:
    if pair.status != PAIR_ACTIVE:
        raise Conflict(_l("Diese Begleitung ist beendet."))


def add_goal(*, pair: BuddyPair, user, text: str) -> PairGoal:
    require_active(pair)
    text = (text or "").strip()
    if not text:
        raise ValidationError(_l("Bitte schreib ein Ziel auf."), field="text")
    if len(text) > 200:
        raise ValidationError(_l("Bitte fasse das Ziel in höchstens 200 Zeichen."), field="text")
    # A double click adds the goal once; the second click finds it on the list.
    same = db.session.scalar(select(PairGoal).where(PairGoal.pair_id == pair.id,
                                                    PairGoal.text == text).limit(1))
    if same is not None:
        return same
    count = db.session.scalar(select(db.func.count(PairGoal.id)).where(PairGoal.pair_id == pair.id))
    if count >= MAX_GOALS:
        raise ValidationError(_l("Die Liste ist voll – hakt erst ein paar Ziele ab."), field="text")
    goal = PairGoal(pair_id=pair.id, text=text, created_by_id=user.id)
    db.session.add(goal)
    record_activity(pair)
    db.session.flush()
    return goal


def toggle_goal(*, pair: BuddyPair, goal: PairGoal, done: bool | None = None) -> None:
    """Tick or untick; the page says which (`done`), so a double click or both members
    ticking at once leave it ticked. Without it (a page from before) the goal flips."""
    require_active(pair)
    goal.done = (not goal.done) if done is None else done
    record_activity(pair)
    db.session.flush()


def share_contact(*, pair: BuddyPair, user, details: str) -> None:
    """What this member shows their partner (phone, mail, times); empty shares nothing."""
    require_active(pair)
    details = (details or "").strip()
    if len(details) > 500:
        raise ValidationError(_l("Bitte höchstens 500 Zeichen."), field="details")
    contact = db.session.get(PairContact, (pair.id, user.id))
    if contact is None:
        contact = PairContact(pair_id=pair.id, user_id=user.id)
        db.session.add(contact)
    contact.details = details
    record_activity(pair)
    db.session.flush()


def end_pair(*, pair: BuddyPair, user, rating: int | None, comment: str = "") -> None:
    """End the pairing with optional feedback; frees the buddy's slot exactly once."""
    if rating is not None and not 1 <= rating <= 5:
        raise ValidationError(_l("Bitte wähle eine Bewertung von 1 bis 5."), field="rating")
    lock_in_order(buddy_ids=[pair.buddy_id])
    if not guarded(update(BuddyPair).where(BuddyPair.id == pair.id,
                                            BuddyPair.status == PAIR_ACTIVE)
                    .values(status=PAIR_ENDED, ended_at=utcnow(), ended_by_id=user.id,
                            rating=rating, comment=(comment or "").strip())):
        raise Conflict(_l("Diese Begleitung ist schon beendet."))
    _release_slot(pair.buddy_id)
    if rating is not None and rating <= BAD_RATING:
        exclude(buddy_id=pair.buddy_id, newcomer_id=pair.newcomer_id, reason=EXCLUDE_ENDED_BADLY)
    db.session.flush()
    db.session.expire_all()


def exclude(*, buddy_id: int, newcomer_id: int, reason: str) -> None:
    exists = db.session.scalar(select(BuddyExclusion.id).where(
        BuddyExclusion.buddy_id == buddy_id, BuddyExclusion.newcomer_id == newcomer_id))
    if exists is None:
        db.session.add(BuddyExclusion(buddy_id=buddy_id, newcomer_id=newcomer_id, reason=reason))
