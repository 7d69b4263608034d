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
    candidates: dict[int, list[Score]] = field(default_factory=dict)  # best buddies, if asked

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


def _land_matrices(newcomers, buddies) -> tuple[np.ndarray, np.ndarray]:
    """(same Land, neighbouring Land) for every pair; an unknown Land matches nothing."""
    lands = {land: i for i, land in enumerate(sorted(NEIGHBOURS))}
    border = np.zeros((len(lands) + 1, len(lands) + 1), dtype=bool)  # last row: unknown
    for land, around in NEIGHBOURS.items():
        border[lands[land], [lands[a] for a in around]] = True
    n_land = np.array([lands.get(n.bundesland, len(lands)) for n in newcomers], dtype=int)
    b_land = np.array([lands.get(b.bundesland, len(lands)) for b in buddies], dtype=int)
    same = (n_land[:, None] == b_land[None, :]) & (n_land[:, None] < len(lands))
    return same, border[n_land[:, None], b_land[None, :]]


def _score_matrix(newcomers: list[Newcomer], buddies: list[Buddy], exclusions,
                  latest_position: int) -> tuple[np.ndarray, np.ndarray]:
    """Every pair's total as score() computes it, at once (0 where blocked or no shared
    topic), and the shared-topic counts; numpy, because a round scores every pair."""
    topics = {t: i for i, t in enumerate(sorted({t for p in (*newcomers, *buddies)
                                                 for t in p.topics}, key=str))}

    def topic_matrix(people):
        matrix = np.zeros((len(people), max(1, len(topics))), dtype=np.int32)
        for row, person in enumerate(people):
            matrix[row, [topics[t] for t in person.topics]] = 1
        return matrix

    shared = topic_matrix(newcomers) @ topic_matrix(buddies).T
    same, near = _land_matrices(newcomers, buddies)
    n_net = np.array([n.network_type or "" for n in newcomers], dtype=object)
    b_net = np.array([b.network_type or "" for b in buddies], dtype=object)
    network = (n_net[:, None] == b_net[None, :]) & (n_net[:, None] != "")
    n_pos = np.array([latest_position + 1 if n.cohort_position is None else n.cohort_position
                      for n in newcomers])
    b_pos = np.array([b.cohort_position if b.cohort_position is not None else 10**9
                      for b in buddies])
    experience = np.clip(n_pos[:, None] - b_pos[None, :], 0, MAX_EXPERIENCE_POINTS)
    free = np.array([b.free_slots for b in buddies], dtype=int)
    total = (TOPIC_POINTS * shared + SAME_STATE_POINTS * same + NEIGHBOUR_POINTS * (near & ~same)
             + NETWORK_POINTS * network + experience
             + np.clip(free, 0, MAX_CAPACITY_POINTS)[None, :])
    allowed = (shared > 0) & ~np.array([b.paused or b.free_slots <= 0 for b in buddies],
                                        dtype=bool)[None, :]
    allowed &= ~(np.array([n.near_only for n in newcomers], dtype=bool)[:, None] & ~(same | near))
    allowed &= np.array([n.id for n in newcomers])[:, None] != np.array([b.id for b in buddies])
    row = {n.id: i for i, n in enumerate(newcomers)}
    column = {b.id: j for j, b in enumerate(buddies)}
    for buddy_id, newcomer_id in exclusions:
        if buddy_id in column and newcomer_id in row:
            allowed[row[newcomer_id], column[buddy_id]] = False
    return np.where(allowed, total, 0), shared


def matching_round(newcomers: list[Newcomer], buddies: list[Buddy], exclusions=frozenset(), *,
                   latest_position: int = 0, topic_names: dict | None = None,
                   candidates: int = 0) -> Round:
    """The assignment with the highest total score that fills no buddy beyond their free slots.

    Each buddy becomes as many columns as they have free slots (at most as many as there
    are newcomers); linear_sum_assignment minimises -score. A blocked pair costs 0, the
    same as staying unmatched, so it is never preferred to a real pair and is dropped after.
    With `candidates`, each newcomer's best that many buddies are listed too (for swapping).
    """
    result = Round()
    if not newcomers:
        return result
    scores, shared = _score_matrix(newcomers, buddies, frozenset(exclusions), latest_position)
    rows = np.flatnonzero(scores.max(axis=1, initial=0) > 0)
    useful = scores[rows].max(axis=0, initial=0) > 0  # buddies someone could get
    repeats = np.where(useful, np.minimum([b.free_slots for b in buddies], len(rows)), 0) \
        if len(buddies) else np.zeros(0, int)
    slot_buddy = np.repeat(np.arange(len(buddies)), repeats)
    detail = {"latest_position": latest_position, "topic_names": topic_names}
    if len(rows) and len(slot_buddy):
        cost = -scores[np.ix_(rows, slot_buddy)]
        for i, j in zip(*linear_sum_assignment(cost)):
            if cost[i, j] < 0:
                newcomer, buddy = newcomers[rows[i]], buddies[slot_buddy[j]]
                result.pairs.append((newcomer.id, score(newcomer, buddy, **detail)))
    matched = {newcomer_id for newcomer_id, _score in result.pairs}
    paused = np.array([b.paused for b in buddies], dtype=bool)
    for i, newcomer in enumerate(newcomers):
        if candidates:
            best = [j for j in np.argsort(-scores[i], kind="stable")[:candidates]
                    if scores[i, j] > 0]
            result.candidates[newcomer.id] = [score(newcomer, buddies[j], **detail) for j in best]
        if newcomer.id not in matched:
            result.unmatched.append((newcomer.id, _why(newcomer, buddies, shared[i], paused,
                                                       exclusions)))
    return result


def _why(newcomer: Newcomer, buddies: list[Buddy], shared_row, paused, exclusions) -> str:
    topical = [buddies[j] for j in np.flatnonzero((shared_row > 0) & ~paused)
               if buddies[j].id != newcomer.id and (buddies[j].id, newcomer.id) not in exclusions]
    if not topical:
        return NO_SHARED_TOPIC
    if newcomer.near_only and not any(is_near(newcomer.bundesland, b.bundesland) for b in topical):
        return NONE_NEARBY
    return CAPACITY_USED
