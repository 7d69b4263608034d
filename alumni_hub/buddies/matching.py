"""Buddy matching without Flask or a database: scores with reasons, suggestions, optimal rounds.

Reasons are data — (code, params) — that the caller translates (buddies/labels.py), so the
same scores read in German and English.
"""
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

# Which German Länder share a border (symmetric; Berlin and Bremen are enclaves).
NEIGHBOURS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in {
    "BW": {"BY", "HE", "RP"},
    "BY": {"BW", "HE", "TH", "SN"},
    "BE": {"BB"},
    "BB": {"BE", "MV", "NI", "SN", "ST"},
    "HB": {"NI"},
    "HH": {"NI", "SH"},
    "HE": {"BW", "BY", "NI", "NW", "RP", "TH"},
    "MV": {"BB", "NI", "SH"},
    "NI": {"BB", "HB", "HE", "HH", "MV", "NW", "SH", "ST", "TH"},
    "NW": {"HE", "NI", "RP"},
    "RP": {"BW", "HE", "NW", "SL"},
    "SL": {"RP"},
    "SN": {"BB", "BY", "ST", "TH"},
    "ST": {"BB", "NI", "SN", "TH"},
    "SH": {"HH", "MV", "NI"},
    "TH": {"BY", "HE", "NI", "SN", "ST"},
}.items()}

# Points per part. A shared topic outweighs everything else: it is why people pair up.
TOPIC_POINTS = 10
SAME_STATE_POINTS = 6
NEIGHBOUR_POINTS = 3
NETWORK_POINTS = 2
MAX_EXPERIENCE_POINTS = 3   # one per course cohort the buddy is ahead
MAX_CAPACITY_POINTS = 2     # spreads newcomers over buddies with room

# Why a newcomer ends up without a buddy.
NO_SHARED_TOPIC, NONE_NEARBY, CAPACITY_USED = "no_shared_topic", "none_nearby", "capacity_used"


@dataclass(frozen=True)
class Newcomer:
    id: int                       # the request's key (e.g. the user id)
    topics: frozenset
    bundesland: str | None = None
    network_type: str | None = None
    near_only: bool = False       # only the same or a neighbouring Land
    cohort_position: int | None = None  # None: not an alumna/alumnus yet (newest)


@dataclass(frozen=True)
class Buddy:
    id: int
    topics: frozenset
    bundesland: str | None = None
    network_type: str | None = None
    cohort_position: int | None = None
    free_slots: int = 1
    paused: bool = False


@dataclass(frozen=True)
class Score:
    buddy_id: int
    total: int
    reasons: tuple  # ((code, params), ...), in the order the parts were added


@dataclass
class Round:
    pairs: list[tuple[int, Score]] = field(default_factory=list)  # (newcomer id, score)
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # (newcomer id, reason)

    @property
    def total(self) -> int:
        return sum(score.total for _newcomer, score in self.pairs)


def experience_points(buddy_position: int | None, newcomer_position: int | None,
                      latest_position: int) -> int:
    """Cohorts the buddy is ahead (a newcomer without a cohort counts as the next one)."""
    if buddy_position is None:
        return 0
    newcomer = latest_position + 1 if newcomer_position is None else newcomer_position
    return max(0, min(MAX_EXPERIENCE_POINTS, newcomer - buddy_position))


def is_near(a: str | None, b: str | None) -> bool:
    return bool(a and b and (a == b or b in NEIGHBOURS.get(a, ())))


def blocked(newcomer: Newcomer, buddy: Buddy, exclusions: frozenset | set) -> bool:
    """Never proposed: oneself, paused or full buddies, excluded pairs, and (if wished) far away."""
    return (buddy.id == newcomer.id or buddy.paused or buddy.free_slots <= 0
            or (buddy.id, newcomer.id) in exclusions
            or (newcomer.near_only and not is_near(newcomer.bundesland, buddy.bundesland)))


def score(newcomer: Newcomer, buddy: Buddy, *, latest_position: int = 0,
          topic_names: dict | None = None) -> Score | None:
    """The pair's points and reasons; None without a shared topic (nothing to help with)."""
    shared = newcomer.topics & buddy.topics
    if not shared:
        return None
    names = sorted((topic_names or {}).get(t, str(t)) for t in shared)
    total = TOPIC_POINTS * len(shared)
    reasons = [("topics", {"count": len(shared), "names": names})]
    if newcomer.bundesland and newcomer.bundesland == buddy.bundesland:
        total += SAME_STATE_POINTS
        reasons.append(("same_state", {"state": buddy.bundesland}))
    elif is_near(newcomer.bundesland, buddy.bundesland):
        total += NEIGHBOUR_POINTS
        reasons.append(("neighbour_state", {"state": buddy.bundesland}))
    if newcomer.network_type and newcomer.network_type == buddy.network_type:
        total += NETWORK_POINTS
        reasons.append(("network", {"type": buddy.network_type}))
    ahead = experience_points(buddy.cohort_position, newcomer.cohort_position, latest_position)
    if ahead:
        total += ahead
        reasons.append(("experience", {"cohorts": ahead}))
    room = min(MAX_CAPACITY_POINTS, buddy.free_slots)
    if room > 0:
        total += room
        reasons.append(("capacity", {"free": buddy.free_slots}))
    return Score(buddy.id, total, tuple(reasons))


def eligible_scores(newcomer: Newcomer, buddies: Iterable[Buddy], exclusions=frozenset(),
                    **kwargs) -> list[Score]:
    """Every allowed buddy's score for this newcomer, best first (ties: lower id)."""
    scores = []
    for buddy in buddies:
        if blocked(newcomer, buddy, exclusions):
            continue
        result = score(newcomer, buddy, **kwargs)
        if result is not None:
            scores.append(result)
    return sorted(scores, key=lambda s: (-s.total, s.buddy_id))


def suggestions(newcomer: Newcomer, buddies: Iterable[Buddy], exclusions=frozenset(), *,
                limit: int = 5, **kwargs) -> list[Score]:
    """The newcomer's top suggestions."""
    return eligible_scores(newcomer, buddies, exclusions, **kwargs)[:limit]


def why_unmatched(newcomer: Newcomer, buddies: list[Buddy], exclusions=frozenset()) -> str:
    """The plainest reason this newcomer got nobody."""
    topical = [b for b in buddies if b.id != newcomer.id and not b.paused
               and (b.id, newcomer.id) not in exclusions and newcomer.topics & b.topics]
    if not topical:
        return NO_SHARED_TOPIC
    if newcomer.near_only and not any(is_near(newcomer.bundesland, b.bundesland) for b in topical):
        return NONE_NEARBY
    return CAPACITY_USED


def matching_round(newcomers: list[Newcomer], buddies: list[Buddy], exclusions=frozenset(),
                   **kwargs) -> Round:
    """The assignment with the highest total score that fills no buddy beyond their free slots.

    Each buddy becomes as many columns as they have free slots (at most as many as there
    are newcomers); linear_sum_assignment minimises -score. A blocked pair costs 0, the
    same as staying unmatched, so it is never preferred to a real pair and is dropped after.
    """
    exclusions = frozenset(exclusions)
    rows = {n.id: {s.buddy_id: s for s in eligible_scores(n, buddies, exclusions, **kwargs)}
            for n in newcomers}
    candidates = [n for n in newcomers if rows[n.id]]
    slots = [b for b in buddies for _ in range(min(b.free_slots, len(candidates)))
             if not b.paused and any(b.id in rows[n.id] for n in candidates)]
    result = Round()
    if candidates and slots:
        column = {}
        for j, buddy in enumerate(slots):
            column.setdefault(buddy.id, []).append(j)
        cost = np.zeros((len(candidates), len(slots)))
        for i, newcomer in enumerate(candidates):
            for buddy_id, s in rows[newcomer.id].items():
                cost[i, column[buddy_id]] = -s.total
        for i, j in zip(*linear_sum_assignment(cost)):
            found = rows[candidates[i].id].get(slots[j].id)
            if found is not None and cost[i, j] < 0:
                result.pairs.append((candidates[i].id, found))
    matched = {newcomer_id for newcomer_id, _score in result.pairs}
    result.unmatched = [(n.id, why_unmatched(n, buddies, exclusions))
                        for n in newcomers if n.id not in matched]
    return result
