"""Moderators' matching round: an optimal proposal over all open requests, then confirmation."""
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from alumni_hub.accounts.models import User
from alumni_hub.buddies import matching, queries
from alumni_hub.buddies.models import BuddyOffer, BuddyPair, BuddyRequest
from alumni_hub.buddies.services.pairs import lock_in_order, try_start_pair
from alumni_hub.core.urls import site_path
from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Kind
from alumni_hub.notifications.services import notify


# Buddies offered per newcomer when a moderator swaps a proposal.
CANDIDATES = 10


@dataclass
class ProposalRow:
    request: BuddyRequest
    proposed: matching.Score | None
    candidates: list[tuple[BuddyOffer, matching.Score]]
    unmatched_reason: str | None = None


@dataclass
class Outcome:
    pairs: list[BuddyPair] = field(default_factory=list)
    skipped: list[tuple[BuddyRequest, User | None, str]] = field(default_factory=list)


def propose_round() -> list[ProposalRow]:
    """Every open request with its proposed buddy (or why none) and the buddies it could get."""
    requests = queries.open_requests()
    pool, offers = queries.buddy_pool()
    newcomers = [queries.as_newcomer(r) for r in requests]
    blocked = queries.exclusions([r.user_id for r in requests])
    result = matching.matching_round(newcomers, pool, blocked, candidates=CANDIDATES,
                                     latest_position=queries.latest_cohort(),
                                     topic_names=queries.topic_names())
    proposed = dict(result.pairs)
    reasons = dict(result.unmatched)
    rows = []
    for request in requests:
        scores = result.candidates[request.user_id]
        chosen = proposed.get(request.user_id)
        if chosen and chosen.buddy_id not in {s.buddy_id for s in scores}:
            scores = [chosen, *scores]  # the optimum may give someone a buddy outside their top
        candidates = [(offers[s.buddy_id], s) for s in scores]
        rows.append(ProposalRow(request, proposed.get(request.user_id), candidates,
                                reasons.get(request.user_id)))
    return rows


def confirm_round(*, actor, choices: list[tuple[int, int | None]]) -> Outcome:
    """Start the chosen pairs (request id, buddy id); a full buddy or a request matched in the
    meantime is skipped and reported, never overbooked."""
    outcome = Outcome()
    chosen = [(r, b) for r, b in choices if b]
    requests = {r.id: r for r in db.session.scalars(
        select(BuddyRequest).where(BuddyRequest.id.in_([r for r, _b in chosen]))
        .options(joinedload(BuddyRequest.user)))}
    users = {u.id: u for u in db.session.scalars(select(User).where(
        User.id.in_([b for _r, b in chosen])))}
    blocked = queries.exclusions([r.user_id for r in requests.values()])
    lock_in_order(buddy_ids=[b for _r, b in chosen], request_ids=list(requests))
    paused = set(db.session.scalars(select(BuddyOffer.user_id).where(BuddyOffer.paused.is_(True))))
    for request_id, buddy_id in chosen:
        request, buddy = requests.get(request_id), users.get(buddy_id)
        if request is None or buddy is None:
            continue
        # The page offers only active people; a tampered or stale form must not pair others.
        if not (buddy.active and request.user.active):
            outcome.skipped.append((request, buddy, "inactive"))
            continue
        if buddy_id in paused or (buddy_id, request.user_id) in blocked \
                or buddy_id == request.user_id:
            outcome.skipped.append((request, buddy, "blocked"))
            continue
        result = try_start_pair(buddy_id=buddy_id, request=request)
        if isinstance(result, str):
            outcome.skipped.append((request, buddy, result))
            continue
        outcome.pairs.append(result)
        url = site_path("buddies.view_pair", pair_id=result.id)
        for person, partner in ((buddy, request.user), (request.user, buddy)):
            notify(kind=Kind.BUDDY_PROPOSAL, recipients=[person], actor=actor, url=url,
                   params={"title": partner.display_name})
    db.session.flush()
    return outcome


