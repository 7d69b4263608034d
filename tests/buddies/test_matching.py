"""The pure matching: each score part, the rules that block a pair, and optimal rounds."""
import itertools
import random

import pytest

from alumni_hub.buddies import matching
from alumni_hub.buddies.matching import Buddy, Newcomer


def _n(id=1, topics=(1,), **kw):
    return Newcomer(id=id, topics=frozenset(topics), **kw)


def _b(id=100, topics=(1,), **kw):
    return Buddy(id=id, topics=frozenset(topics), **kw)


def _parts(result):
    return dict(result.reasons)


def test_each_shared_topic_counts_and_is_named():
    result = matching.score(_n(topics={1, 2, 3}), _b(topics={2, 3, 4}, free_slots=0),
                            topic_names={2: "Öffentlichkeitsarbeit", 3: "Fördermittel"})
    assert _parts(result)["topics"] == {"count": 2, "names": ["Fördermittel",
                                                             "Öffentlichkeitsarbeit"]}
    assert result.total == 2 * matching.TOPIC_POINTS


def test_no_shared_topic_gives_no_score():
    assert matching.score(_n(topics={1}), _b(topics={2})) is None


def test_same_state_scores_more_than_a_neighbouring_one():
    same = matching.score(_n(bundesland="NI"), _b(bundesland="NI", free_slots=0))
    near = matching.score(_n(bundesland="NI"), _b(bundesland="HB", free_slots=0))
    far = matching.score(_n(bundesland="NI"), _b(bundesland="BY", free_slots=0))
    assert _parts(same)["same_state"] == {"state": "NI"}
    assert _parts(near)["neighbour_state"] == {"state": "HB"}
    assert same.total - far.total == matching.SAME_STATE_POINTS
    assert near.total - far.total == matching.NEIGHBOUR_POINTS


def test_neighbour_table_is_symmetric_and_covers_all_sixteen_laender():
    assert len(matching.NEIGHBOURS) == 16
    for land, neighbours in matching.NEIGHBOURS.items():
        for other in neighbours:
            assert land in matching.NEIGHBOURS[other], (land, other)
    assert matching.NEIGHBOURS["BE"] == {"BB"} and "NI" in matching.NEIGHBOURS["MV"]


def test_same_network_type_adds_points():
    with_type = matching.score(_n(network_type="zdi"), _b(network_type="zdi", free_slots=0))
    other = matching.score(_n(network_type="zdi"), _b(network_type="mint_region", free_slots=0))
    assert with_type.total - other.total == matching.NETWORK_POINTS
    assert _parts(with_type)["network"] == {"type": "zdi"}


@pytest.mark.parametrize(("buddy", "newcomer", "latest", "points"), [
    (1, 3, 5, 2), (1, None, 5, 3), (4, None, 4, 1), (3, 3, 5, 0), (5, 2, 5, 0), (None, 1, 5, 0)])
def test_experience_counts_cohorts_ahead_up_to_three(buddy, newcomer, latest, points):
    assert matching.experience_points(buddy, newcomer, latest) == points


def test_remaining_capacity_adds_up_to_two_points():
    totals = [matching.score(_n(), _b(free_slots=k)).total for k in (1, 2, 5)]
    assert totals == [matching.TOPIC_POINTS + 1, matching.TOPIC_POINTS + 2,
                      matching.TOPIC_POINTS + 2]


def test_paused_full_excluded_self_and_far_buddies_are_never_suggested():
    newcomer = _n(id=1, bundesland="NI", near_only=True)
    buddies = [_b(id=1), _b(id=2, paused=True), _b(id=3, free_slots=0), _b(id=4),
               _b(id=5, bundesland="BY"), _b(id=6, bundesland="HB")]
    shown = matching.suggestions(newcomer, buddies, {(4, 1)})
    assert [s.buddy_id for s in shown] == [6]


def test_suggestions_are_best_first_and_limited():
    buddies = [_b(id=i, topics=set(range(1, i + 1))) for i in range(1, 9)]
    shown = matching.suggestions(_n(id=99, topics=range(1, 9)), buddies, limit=3)
    assert [s.buddy_id for s in shown] == [8, 7, 6]


def test_round_never_exceeds_capacity_and_lists_unmatched_with_reasons():
    newcomers = [_n(id=i, topics={1}) for i in range(1, 5)] + [_n(id=9, topics={7})]
    buddies = [_b(id=100, free_slots=2), _b(id=101, free_slots=1)]
    result = matching.matching_round(newcomers, buddies)
    per_buddy = {}
    for _newcomer, s in result.pairs:
        per_buddy[s.buddy_id] = per_buddy.get(s.buddy_id, 0) + 1
    assert per_buddy == {100: 2, 101: 1}
    reasons = dict(result.unmatched)
    assert reasons[9] == matching.NO_SHARED_TOPIC
    assert sorted(reasons.values()).count(matching.CAPACITY_USED) == 1


def test_round_reports_none_nearby_when_only_far_buddies_share_a_topic():
    result = matching.matching_round([_n(id=1, bundesland="SH", near_only=True)],
                                     [_b(id=2, bundesland="BY")])
    assert result.pairs == [] and result.unmatched == [(1, matching.NONE_NEARBY)]


def _brute_force(newcomers, buddies, exclusions):
    by_id = {b.id: b for b in buddies}
    options = [[None] + [s.buddy_id for s in matching.eligible_scores(n, buddies, exclusions)]
               for n in newcomers]
    best = 0
    for choice in itertools.product(*options):
        used = [c for c in choice if c is not None]
        if any(used.count(b) > by_id[b].free_slots for b in set(used)):
            continue
        best = max(best, sum(matching.score(n, by_id[c]).total
                             for n, c in zip(newcomers, choice) if c is not None))
    return best


@pytest.mark.parametrize("seed", range(40))
def test_round_total_equals_brute_force_optimum_on_small_random_instances(seed):
    rng = random.Random(seed)
    lands = ["NI", "HB", "HH", "BY", "SN"]

    def topics():
        return frozenset(rng.sample(range(5), rng.randint(1, 3)))

    newcomers = [Newcomer(id=i, topics=topics(), bundesland=rng.choice(lands),
                          near_only=rng.random() < 0.3, network_type=rng.choice("ab"))
                 for i in range(rng.randint(1, 5))]
    buddies = [Buddy(id=10 + j, topics=topics(), bundesland=rng.choice(lands),
                     network_type=rng.choice("ab"), free_slots=rng.randint(0, 2),
                     paused=rng.random() < 0.15, cohort_position=rng.randint(1, 4))
               for j in range(rng.randint(1, 4))]
    exclusions = {(b.id, n.id) for b in buddies for n in newcomers if rng.random() < 0.15}
    result = matching.matching_round(newcomers, buddies, exclusions)
    assert result.total == _brute_force(newcomers, buddies, exclusions)
    by_id = {b.id: b for b in buddies}
    for newcomer_id, s in result.pairs:
        buddy = by_id[s.buddy_id]
        assert not buddy.paused and (buddy.id, newcomer_id) not in exclusions
    for buddy in buddies:
        assert sum(1 for _n, s in result.pairs if s.buddy_id == buddy.id) <= buddy.free_slots
    assert len(result.pairs) + len(result.unmatched) == len(newcomers)


@pytest.mark.parametrize("seed", range(5))
def test_round_scores_every_pair_exactly_as_the_single_pair_score(seed):
    rng = random.Random(seed)
    lands = [None, "NI", "HB", "BE", "BY"]
    newcomers = [Newcomer(id=i, topics=frozenset(rng.sample(range(6), rng.randint(1, 3))),
                          bundesland=rng.choice(lands), network_type=rng.choice([None, "a", "b"]),
                          cohort_position=rng.choice([None, 2, 5]))
                 for i in range(8)]
    buddies = [Buddy(id=100 + j, topics=frozenset(rng.sample(range(6), rng.randint(1, 3))),
                     bundesland=rng.choice(lands), network_type=rng.choice([None, "a", "b"]),
                     cohort_position=rng.choice([None, 1, 3]), free_slots=rng.randint(1, 4))
               for j in range(6)]
    result = matching.matching_round(newcomers, buddies, latest_position=6, candidates=10)
    for newcomer in newcomers:
        expected = matching.eligible_scores(newcomer, buddies, latest_position=6)
        assert result.candidates[newcomer.id] == expected


def test_round_without_buddies_or_newcomers_lists_everyone_as_unmatched():
    assert matching.matching_round([_n(id=1)], []).unmatched == [(1, matching.NO_SHARED_TOPIC)]
    assert matching.matching_round([], [_b()]).pairs == []
