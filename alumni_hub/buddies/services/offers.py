"""Offering to be a buddy, and asking for one (one open request per person)."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from sqlalchemy.orm import joinedload

from alumni_hub.buddies.models import (ASK_CANCELLED, ASK_PENDING, MAX_CAPACITY, MIN_CAPACITY,
                                       PAIR_ACTIVE, REGION_ANY, REGION_NEAR, REQUEST_OPEN,
                                       REQUEST_WITHDRAWN, BuddyAsk, BuddyOffer, BuddyPair,
                                       BuddyRequest)
from alumni_hub.core.errors import Conflict, ValidationError
from alumni_hub.extensions import db
from alumni_hub.members.models import BUNDESLAENDER, NETWORK_TYPES, Topic


def _topics(topic_ids) -> list[Topic]:
    ids = sorted({int(i) for i in topic_ids or ()})
    if not ids:
        raise ValidationError(_l("Bitte wähle mindestens ein Thema."), field="topics")
    topics = db.session.scalars(select(Topic).where(Topic.id.in_(ids),
                                                    Topic.archived.is_(False))).all()
    if len(topics) != len(ids):
        raise ValidationError(_l("Dieses Thema gibt es nicht (mehr)."), field="topics")
    return list(topics)


def save_offer(*, user, capacity: int, topic_ids, note: str = "",
               paused: bool = False) -> BuddyOffer:
    """Create or change the user's offer. Capacity stays 1–5 and above current pairs."""
    if capacity is None or not MIN_CAPACITY <= capacity <= MAX_CAPACITY:
        raise ValidationError(_l("Bitte gib eine Zahl von 1 bis 5 an."), field="capacity")
    topics = _topics(topic_ids)
    offer = offer_of(user.id)
    if offer is None:
        offer = BuddyOffer(user_id=user.id, active_count=0)
        db.session.add(offer)
    elif capacity < offer.active_count:
        raise ValidationError(_l("Du begleitest gerade %(n)s Personen; weniger Plätze gehen erst, "
                                 "wenn eine Begleitung endet.", n=offer.active_count),
                              field="capacity")
    offer.capacity, offer.topics = capacity, topics
    offer.note, offer.paused = (note or "").strip(), bool(paused)
    # A double click on a first offer fails here on the unique user_id (IntegrityError), as
    # does a capacity lowered while an accept took a slot (the within_capacity check); the
    # route rolls back and says so.
    db.session.flush()
    return offer


def offer_of(user_id: int) -> BuddyOffer | None:
    return db.session.scalar(select(BuddyOffer).where(BuddyOffer.user_id == user_id))


def _check_request_fields(bundesland, network_type, region) -> None:
    if bundesland and bundesland not in BUNDESLAENDER:
        raise ValidationError(_l("Bitte wähle ein Bundesland aus der Liste."), field="bundesland")
    if network_type and network_type not in NETWORK_TYPES:
        raise ValidationError(_l("Bitte wähle eine Netzwerkart aus der Liste."),
                              field="network_type")
    if region not in (REGION_ANY, REGION_NEAR):
        raise ValidationError(_l("Bitte wähle eine der Möglichkeiten."), field="region")
    if region == REGION_NEAR and not bundesland:
        raise ValidationError(_l("Für „in meiner Nähe“ brauchen wir dein Bundesland."),
                              field="bundesland")


def save_request(*, user, topic_ids, bundesland: str | None, network_type: str | None,
                 region: str = REGION_ANY, note: str = "") -> BuddyRequest:
    """Create the user's open request, or change it if there is one."""
    topics = _topics(topic_ids)
    _check_request_fields(bundesland, network_type, region)
    # One buddy per newcomer at a time: a second would take a place another newcomer waits for.
    current = db.session.scalar(select(BuddyPair).where(
        BuddyPair.newcomer_id == user.id, BuddyPair.status == PAIR_ACTIVE)
        .options(joinedload(BuddyPair.buddy)).limit(1))
    if current is not None:
        raise Conflict(_l("Du hast schon einen Buddy: %(name)s. Eine neue Anfrage kannst du "
                          "stellen, wenn eure Begleitung endet.", name=current.buddy.display_name))
    request = open_request_of(user.id)
    if request is None:
        request = BuddyRequest(user_id=user.id, status=REQUEST_OPEN)
        db.session.add(request)
    request.topics, request.bundesland = topics, bundesland or None
    request.network_type, request.region = network_type or None, region
    request.note = (note or "").strip()
    # A second tab saving a new request at the same moment fails here on the partial unique
    # index (IntegrityError); the route rolls back and says so.
    db.session.flush()
    return request


def open_request_of(user_id: int) -> BuddyRequest | None:
    return db.session.scalar(select(BuddyRequest).where(
        BuddyRequest.user_id == user_id, BuddyRequest.status == REQUEST_OPEN)
        .order_by(BuddyRequest.id.desc()).limit(1))


def withdraw_request(*, user) -> None:
    """Close the open request; a pending ask to a buddy is cancelled with it.

    Only while it is still open: an accept or a round that matched it a moment ago (and
    held its row lock, which this UPDATE waits for) wins, instead of its new pair being
    left with a withdrawn request and the newcomer being told it was withdrawn.
    """
    request = open_request_of(user.id)
    withdrawn = request is not None and db.session.execute(
        update(BuddyRequest).where(BuddyRequest.id == request.id,
                                   BuddyRequest.status == REQUEST_OPEN)
        .values(status=REQUEST_WITHDRAWN).execution_options(synchronize_session=False)
    ).rowcount == 1
    if not withdrawn:
        raise Conflict(_l("Du hast keine offene Buddy-Anfrage."))
    cancel_pending_asks(request_id=request.id)
    db.session.expire(request)


def cancel_pending_asks(*, request_id: int) -> None:
    db.session.execute(update(BuddyAsk).where(BuddyAsk.request_id == request_id,
                                              BuddyAsk.status == ASK_PENDING)
                       .values(status=ASK_CANCELLED)
                       .execution_options(synchronize_session=False))
