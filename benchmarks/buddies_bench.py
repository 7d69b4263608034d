"""Matching round speed: 500 buddies (capacity 1–3), 500/1,000/2,000 requests, scoring included.

    .venv/bin/python benchmarks/buddies_bench.py [--repeat 3] [--seed 10]

Pure matching (buddies/matching.py): no database, so the figure is the algorithm's own cost;
random topics (1–4 of 16), Länder and network types, cohorts 1–10, 5 % paused buddies,
30 % of newcomers wanting a buddy nearby, 1 % excluded pairs.
"""
import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from alumni_hub.buddies import matching  # noqa: E402
from alumni_hub.members.models import BUNDESLAENDER, NETWORK_TYPES  # noqa: E402

LANDS = sorted(BUNDESLAENDER)


def _topics(rng):
    return frozenset(rng.sample(range(16), rng.randint(1, 4)))


def instance(rng, newcomers: int, buddies: int):
    people = [matching.Newcomer(id=i, topics=_topics(rng), bundesland=rng.choice(LANDS),
                                network_type=rng.choice(NETWORK_TYPES),
                                near_only=rng.random() < 0.3)
              for i in range(newcomers)]
    pool = [matching.Buddy(id=100_000 + j, topics=_topics(rng), bundesland=rng.choice(LANDS),
                           network_type=rng.choice(NETWORK_TYPES),
                           cohort_position=rng.randint(1, 10), free_slots=rng.randint(1, 3),
                           paused=rng.random() < 0.05)
            for j in range(buddies)]
    excluded = {(rng.choice(pool).id, rng.choice(people).id) for _ in range(newcomers // 100)}
    return people, pool, excluded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--buddies", type=int, default=500)
    args = parser.parse_args()
    print(f"| requests | buddies | slots | matched | unmatched | total score | median s | max s |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for newcomers in (500, 1000, 2000):
        times, result = [], None
        for r in range(args.repeat):
            people, pool, excluded = instance(random.Random(args.seed + r), newcomers, args.buddies)
            started = time.perf_counter()
            result = matching.matching_round(people, pool, excluded, latest_position=10)
            times.append(time.perf_counter() - started)
        slots = sum(b.free_slots for b in pool)
        print(f"| {newcomers:,} | {args.buddies} | {slots} | {len(result.pairs)} | "
              f"{len(result.unmatched)} | {result.total:,} | {statistics.median(times):.2f} | "
              f"{max(times):.2f} |")


if __name__ == "__main__":
    main()
