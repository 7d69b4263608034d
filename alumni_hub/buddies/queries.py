"""Read queries of the buddy programme, each a fixed number of statements; the public ones
(get_pair, pair_member_ids, is_pair_member, active_pairs_of) are for other features (chat)."""
from datetime import timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from alumni_hub.accounts.models import User
from alumni_hub.buddies import matching
from alumni_hub.buddies.models import (ASK_DECLINED, ASK_EXPIRED, ASK_PENDING, PAIR_ACTIVE,
                                       REGION_NEAR, REQUEST_OPEN, BuddyAsk, BuddyExclusion,
                                       BuddyOffer, BuddyPair, BuddyRequest)
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.members.models import Cohort, Profile, Topic

INACTIVE_AFTER = timedelta(days=60)


def get_pair(pair_id: int) -> BuddyPair | None:
    """The pair with both members loaded, or None."""
    return db.session.get(BuddyPair, pair_id, options=[joinedload(BuddyPair.buddy),
                                                       joinedload(BuddyPair.newcomer)])


def pair_member_ids(pair_id: int) -> tuple[int, ...]:
    """(buddy id, newcomer id) of the pair, or () if there is no such pair."""
    row = db.session.execute(select(BuddyPair.buddy_id, BuddyPair.newcomer_id)
                             .where(BuddyPair.id == pair_id)).first()
    return tuple(row) if row else ()


def is_pair_member(user, pair_id: int) -> bool:
    """True for the two people of the pair (also after it ended), never for anyone else."""
    return bool(user is not None and getattr(user, "id", None) in pair_member_ids(pair_id))


def active_pairs_of(user) -> list[BuddyPair]:
    """The user's active pairs (as buddy or newcomer), both members loaded."""
    return list(db.session.scalars(
        select(BuddyPair).where(BuddyPair.status == PAIR_ACTIVE,
                                or_(BuddyPair.buddy_id == user.id,
                                    BuddyPair.newcomer_id == user.id))
        .options(joinedload(BuddyPair.buddy), joinedload(BuddyPair.newcomer))
        .order_by(BuddyPair.started_at)))


def buddy_status_counts(user_id: int) -> tuple[int, int, int]:
    """(active pairs, open requests, asks waiting for this buddy) in one statement."""
    def count(column, *where):
        return select(func.count(column)).where(*where).scalar_subquery()

    return tuple(db.session.execute(select(
        count(BuddyPair.id, BuddyPair.status == PAIR_ACTIVE,
              or_(BuddyPair.buddy_id == user_id, BuddyPair.newcomer_id == user_id)),
        count(BuddyRequest.id, BuddyRequest.user_id == user_id,
              BuddyRequest.status == REQUEST_OPEN),
        count(BuddyAsk.id, BuddyAsk.buddy_id == user_id, BuddyAsk.status == ASK_PENDING))).one())


def offer_of(user_id: int) -> BuddyOffer | None:
    return db.session.scalar(select(BuddyOffer).where(BuddyOffer.user_id == user_id)
                             .options(selectinload(BuddyOffer.topics)))


def open_request_of(user_id: int) -> BuddyRequest | None:
    return db.session.scalar(select(BuddyRequest).where(
        BuddyRequest.user_id == user_id, BuddyRequest.status == REQUEST_OPEN)
        .options(selectinload(BuddyRequest.topics)).order_by(BuddyRequest.id.desc()).limit(1))


def pending_ask_of(request_id: int) -> BuddyAsk | None:
    return db.session.scalar(select(BuddyAsk).where(BuddyAsk.request_id == request_id,
                                                    BuddyAsk.status == ASK_PENDING)
                             .options(joinedload(BuddyAsk.buddy)))


def incoming_asks(user_id: int) -> list[BuddyAsk]:
    """Pending asks addressed to this buddy, oldest first, with the request's topics."""
    return list(db.session.scalars(
        select(BuddyAsk).where(BuddyAsk.buddy_id == user_id, BuddyAsk.status == ASK_PENDING)
        .options(joinedload(BuddyAsk.newcomer),
                 joinedload(BuddyAsk.request).selectinload(BuddyRequest.topics))
        .order_by(BuddyAsk.created_at)))


def latest_cohort() -> int:
    return db.session.scalar(select(func.max(Cohort.position))) or 0


def topic_names() -> dict[int, str]:
    return dict(db.session.execute(select(Topic.id, Topic.name)).all())


def buddy_pool() -> tuple[list[matching.Buddy], dict[int, BuddyOffer]]:
    """Every active user's offer as matching input, and the offers by user id."""
    offers = db.session.scalars(
        select(BuddyOffer).join(User, User.id == BuddyOffer.user_id).where(User.active.is_(True))
        .options(joinedload(BuddyOffer.user).joinedload(User.profile).joinedload(Profile.cohort),
                 selectinload(BuddyOffer.topics))).unique().all()
    pool = []
    for offer in offers:
        profile = offer.user.profile
        pool.append(matching.Buddy(
            id=offer.user_id, topics=frozenset(t.id for t in offer.topics),
            bundesland=profile.bundesland if profile else None,
            network_type=profile.network_type if profile else None,
            cohort_position=profile.cohort.position if profile and profile.cohort else None,
            free_slots=offer.free_slots, paused=offer.paused))
    return pool, {offer.user_id: offer for offer in offers}


def as_newcomer(request: BuddyRequest) -> matching.Newcomer:
    profile = request.user.profile
    return matching.Newcomer(
        id=request.user_id, topics=frozenset(t.id for t in request.topics),
        bundesland=request.bundesland, network_type=request.network_type,
        near_only=request.region == REGION_NEAR,
        cohort_position=profile.cohort.position if profile and profile.cohort else None)


def exclusions(newcomer_ids=None) -> set[tuple[int, int]]:
    """(buddy id, newcomer id) never to propose: declined or ended badly."""
    stmt = select(BuddyExclusion.buddy_id, BuddyExclusion.newcomer_id)
    if newcomer_ids is not None:
        stmt = stmt.where(BuddyExclusion.newcomer_id.in_(list(newcomer_ids)))
    return set(db.session.execute(stmt).all())


def suggestions_for(request: BuddyRequest,
                    limit: int = 5) -> list[tuple[BuddyOffer, matching.Score]]:
    """The newcomer's best buddies; one whose ask expired or was declined comes no more."""
    pool, offers = buddy_pool()
    blocked = exclusions([request.user_id]) | {
        (buddy_id, request.user_id) for buddy_id in db.session.scalars(
            select(BuddyAsk.buddy_id).where(BuddyAsk.request_id == request.id,
                                            BuddyAsk.status.in_((ASK_EXPIRED, ASK_DECLINED))))}
    scores = matching.suggestions(as_newcomer(request), pool, blocked, limit=limit,
                                  latest_position=latest_cohort(), topic_names=topic_names())
    return [(offers[s.buddy_id], s) for s in scores]


def open_requests() -> list[BuddyRequest]:
    return list(db.session.scalars(
        select(BuddyRequest).join(User, User.id == BuddyRequest.user_id)
        .where(BuddyRequest.status == REQUEST_OPEN, User.active.is_(True))
        .options(joinedload(BuddyRequest.user).joinedload(User.profile).joinedload(Profile.cohort),
                 selectinload(BuddyRequest.topics))
        .order_by(BuddyRequest.created_at)).unique())


def open_request_count() -> int:
    return db.session.scalar(select(func.count(BuddyRequest.id))
                             .join(User, User.id == BuddyRequest.user_id)
                             .where(BuddyRequest.status == REQUEST_OPEN, User.active.is_(True)))


def flag_condition(now=None):
    """'Brauchen Hilfe' answered, or nothing done together for INACTIVE_AFTER."""
    now = now or utcnow()
    return or_(BuddyPair.needs_help.is_(True), BuddyPair.last_activity_at <= now - INACTIVE_AFTER)


def is_flagged(pair: BuddyPair, now=None) -> bool:
    now = now or utcnow()
    return pair.status == PAIR_ACTIVE and (
        pair.needs_help or pair.last_activity_at <= now - INACTIVE_AFTER)


def flagged_pairs(now=None) -> list[BuddyPair]:
    return list(db.session.scalars(
        select(BuddyPair).where(BuddyPair.status == PAIR_ACTIVE, flag_condition(now))
        .options(joinedload(BuddyPair.buddy), joinedload(BuddyPair.newcomer))
        .order_by(BuddyPair.last_activity_at)))


def pairs_for_moderators():
    """Select of all pairs, active first, newest first, for a paginated list."""
    return (select(BuddyPair)
            .options(joinedload(BuddyPair.buddy), joinedload(BuddyPair.newcomer))
            .order_by((BuddyPair.status == PAIR_ACTIVE).desc(), BuddyPair.started_at.desc(),
                      BuddyPair.id.desc()))
