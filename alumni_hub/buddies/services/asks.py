"""A newcomer asks one buddy directly; the buddy accepts or declines; silence expires in 7 days."""
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from alumni_hub.accounts.models import User
from alumni_hub.buddies.models import (ASK_ACCEPTED, ASK_DECLINED, ASK_EXPIRED, ASK_PENDING,
                                       EXCLUDE_DECLINED, BuddyAsk, BuddyExclusion, BuddyOffer,
                                       BuddyPair)
from alumni_hub.buddies.services.offers import open_request_of
from alumni_hub.buddies.services.pairs import exclude, guarded, lock_in_order, start_pair
from alumni_hub.core.db import utcnow
from alumni_hub.core.errors import Conflict, PermissionDenied, ValidationError
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.services import notify

ASK_DAYS = 7
MAX_MESSAGE = 1000


def _message(text: str, field: str) -> str:
    text = (text or "").strip()
    if len(text) > MAX_MESSAGE:
        raise ValidationError(_l("Bitte höchstens 1000 Zeichen."), field=field)
    return text


def _check_buddy(newcomer, buddy_id: int) -> BuddyOffer:
    offer = db.session.scalar(select(BuddyOffer).where(BuddyOffer.user_id == buddy_id))
    if offer is None or buddy_id == newcomer.id or not offer.user.active:
        raise ValidationError(_l("Diese Person bietet keine Buddy-Begleitung an."))
    if offer.paused:
        raise ValidationError(_l("%(name)s macht als Buddy gerade eine Pause.",
                                 name=offer.user.display_name))
    if offer.free_slots <= 0:
        raise ValidationError(_l("%(name)s hat gerade keinen freien Platz.",
                                 name=offer.user.display_name))
    if db.session.scalar(select(BuddyExclusion.id).where(
            BuddyExclusion.buddy_id == buddy_id, BuddyExclusion.newcomer_id == newcomer.id)):
        raise ValidationError(_l("Diese Person kann dir nicht mehr vorgeschlagen werden."))
    return offer


def ask_buddy(*, newcomer, buddy_id: int, message: str = "") -> BuddyAsk:
    """One pending ask at a time, so two buddies can never both say yes to one newcomer."""
    message = _message(message, "message")
    request = open_request_of(newcomer.id)
    if request is None:
        raise ValidationError(_l("Bitte stelle zuerst eine Buddy-Anfrage."))
    offer = _check_buddy(newcomer, buddy_id)
    pending = db.session.scalar(select(BuddyAsk).where(BuddyAsk.request_id == request.id,
                                                       BuddyAsk.status == ASK_PENDING))
    if pending is not None:
        raise Conflict(_l("Du wartest noch auf eine Antwort von %(name)s.",
                          name=pending.buddy.display_name))
    ask = BuddyAsk(request_id=request.id, newcomer_id=newcomer.id, buddy_id=buddy_id,
                   message=message, status=ASK_PENDING, created_at=utcnow())
    db.session.add(ask)
    db.session.flush()
    notify(kind=Kind.BUDDY_REQUEST, recipients=[offer.user], actor=newcomer,
           url=site_path("buddies.index") + f"#anfrage-{ask.id}", group_key=f"buddy-ask:{ask.id}")
    return ask


def _claim_answer(ask: BuddyAsk, user, status: str, answer: str) -> None:
    if ask.buddy_id != user.id:
        raise PermissionDenied(_l("Diese Anfrage ist nicht an dich gerichtet."))
    if not guarded(update(BuddyAsk).where(BuddyAsk.id == ask.id, BuddyAsk.status == ASK_PENDING)
                    .values(status=status, answer=answer, answered_at=utcnow())):
        raise Conflict(_l("Diese Anfrage ist schon beantwortet, abgelaufen oder zurückgezogen."))
    db.session.expire(ask)


def accept_ask(*, ask: BuddyAsk, user, answer: str = "") -> BuddyPair:
    """Accepting starts the pair and takes one slot; the last slot goes to one ask only."""
    answer = _message(answer, "answer")
    lock_in_order(buddy_ids=[user.id], request_ids=[ask.request_id])
    _claim_answer(ask, user, ASK_ACCEPTED, answer)
    pair = start_pair(buddy_id=user.id, request=ask.request)
    notify(kind=Kind.BUDDY_ACCEPTED, recipients=[ask.newcomer], actor=user,
           url=site_path("buddies.view_pair", pair_id=pair.id))
    return pair


def decline_ask(*, ask: BuddyAsk, user, answer: str = "") -> None:
    """A no is respected: the two are not suggested to each other again."""
    answer = _message(answer, "answer")
    _claim_answer(ask, user, ASK_DECLINED, answer)
    exclude(buddy_id=user.id, newcomer_id=ask.newcomer_id, reason=EXCLUDE_DECLINED)
    notify(kind=Kind.BUDDY_DECLINED, recipients=[ask.newcomer], actor=user,
           url=site_path("buddies.index"))
    db.session.flush()


def expire_asks(*, now=None) -> int:
    """Close asks unanswered for ASK_DAYS and tell the newcomer (safe to run again)."""
    now = now or utcnow()
    asks = db.session.scalars(select(BuddyAsk).where(
        BuddyAsk.status == ASK_PENDING, BuddyAsk.created_at <= now - timedelta(days=ASK_DAYS))
        .order_by(BuddyAsk.id)).all()
    users = {u.id: u for u in db.session.scalars(select(User).where(
        User.id.in_({a.newcomer_id for a in asks} | {a.buddy_id for a in asks})))}
    expired = 0
    for ask in asks:
        if not guarded(update(BuddyAsk).where(BuddyAsk.id == ask.id,
                                               BuddyAsk.status == ASK_PENDING)
                        .values(status=ASK_EXPIRED)):
            continue  # answered meanwhile
        expired += 1
        notify(kind=Kind.BUDDY_EXPIRED, recipients=[users[ask.newcomer_id]],
               url=site_path("buddies.index"),
               params={"title": users[ask.buddy_id].display_name})
    db.session.flush()
    return expired
