"""Search speed on the data of search_data.py: median and p95 per query class, write overhead.

    python benchmarks/search_data.py && python benchmarks/search_bench.py
    python benchmarks/search_bench.py --database-url postgresql://...   (after search_data.py
                                                                          on that database)

Each query runs the whole search of the results page in process (counts per kind, the
ranked top 20, highlighted snippets), as a member; no HTTP, no template. The write path
is a forum reply (posts.add_reply + commit), timed with the search providers registered
and with them removed.
"""
import argparse
import os
import random
import statistics
import sys
import time
from types import SimpleNamespace

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks.boards_data import build_app, sqlite_url  # noqa: E402
from benchmarks.search_data import DEFAULT_DB  # noqa: E402

COMMON = ["Schule", "Netzwerk", "Schülerinnen", "Jahr", "Zeit"]
PREFIX = ["Schul*", "Netz*", "Prakt*", "Exper*", "Berufs*"]
COMPOUND = ["Kiste", "Praktikum", "Feuerwehr", "Verein", "Orientierung"]


def _rare_and_pairs(rng):
    from wordfreq import top_n_list  # noqa: PLC0415

    from alumni_hub.search.analysis import STOP_WORDS  # noqa: PLC0415

    words = [w for w in top_n_list("de", 20_000) if w.isalpha() and w not in STOP_WORDS
             and len(w) > 3]
    rare = rng.sample(words[15_000:], 8)
    mid = words[200:2000]
    pairs = [f"{rng.choice(mid)} {rng.choice(mid)}" for _ in range(8)]
    return rare, pairs


def _phrases(db, rng) -> list[str]:
    from alumni_hub.boards.models import Post  # noqa: PLC0415
    from alumni_hub.search.analysis import STOP_WORDS  # noqa: PLC0415

    phrases = []
    for body in db.session.scalars(db.select(Post.body_md).limit(200)).all()[::25]:
        words = [w.strip(".") for w in body.split() if w.strip(".").lower() not in STOP_WORDS]
        start = rng.randrange(len(words) - 2)
        phrases.append(f'"{words[start]} {words[start + 1]}"')
    return phrases


def _time(fn, repeat: int) -> list[float]:
    fn()  # warm caches once, as a running server has them warm
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def query_classes(db, rng) -> dict[str, list[str]]:
    rare, pairs = _rare_and_pairs(rng)
    return {"rare word": rare, "common word": COMMON, "two words": pairs,
            "phrase": _phrases(db, rng), "prefix": PREFIX, "compound part": COMPOUND}


def bench_queries(db, repeat: int) -> list[tuple]:
    from alumni_hub.search.queries import SearchParams, search  # noqa: PLC0415

    member = SimpleNamespace(id=1, is_moderator=False)
    rows = []
    for name, queries in query_classes(db, random.Random(3)).items():
        timings, hits = [], []
        for q in queries:
            timings += _time(lambda q=q: search(member, SearchParams(text=q)), repeat)
            found = search(member, SearchParams(text=q))
            hits.append(found.total + found.capped)  # 1,001: "more than 1,000"
        timings.sort()
        rows.append((name, len(queries), statistics.median(timings),
                     timings[int(len(timings) * 0.95) - 1], min(hits), max(hits)))
        db.session.rollback()
    return rows


def bench_writes(db, n: int) -> dict:
    from alumni_hub.accounts.models import User  # noqa: PLC0415
    from alumni_hub.boards.services import posts  # noqa: PLC0415
    from alumni_hub.boards.models import Thread  # noqa: PLC0415
    from alumni_hub.search import providers  # noqa: PLC0415

    thread = db.session.scalar(db.select(Thread).order_by(Thread.id.desc()))
    author = db.session.get(User, thread.author_id)
    text = "Wir haben die Experimentierkisten in der Praktikumswoche an Schulen verliehen."

    def reply():
        posts.add_reply(thread=thread, author=author, body_md=text, parent_id=None)
        db.session.commit()

    # Alternating with and without indexing, so that the machine's load drifts alike
    # for both; CPU time of this process is reported too (less sensitive to that load).
    saved = dict(providers._providers)
    timings = {True: [], False: []}
    reply()
    try:
        for i in range(2 * n):
            indexing_on = i % 2 == 0
            providers._providers.update(saved) if indexing_on else providers._providers.clear()
            wall, cpu = time.perf_counter(), time.process_time()
            reply()
            timings[indexing_on].append(((time.perf_counter() - wall) * 1000,
                                         (time.process_time() - cpu) * 1000))
    finally:
        providers._providers.update(saved)
    return {on: (statistics.median(w for w, _ in rows), statistics.median(c for _, c in rows))
            for on, rows in timings.items()}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument("--database-url")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--writes", type=int, default=50)
    args = parser.parse_args(argv)
    from alumni_hub.extensions import db  # noqa: PLC0415

    app = build_app(args.database_url or sqlite_url(args.db))
    with app.test_request_context():
        print(f"load average before: {os.getloadavg()}")
        print("| query class | queries | median ms | p95 ms | hits (min–max) |")
        print("| --- | --- | --- | --- | --- |")
        for name, count, median, p95, low, high in bench_queries(db, args.repeat):
            print(f"| {name} | {count} | {median:.1f} | {p95:.1f} | {low:,}–{high:,} |")
        writes = bench_writes(db, args.writes)
        (wall_on, cpu_on), (wall_off, cpu_off) = writes[True], writes[False]
        print(f"\nnew reply, median wall ms: {wall_on:.2f} with indexing, {wall_off:.2f} without "
              f"(+{wall_on - wall_off:.2f}); median CPU ms: {cpu_on:.2f} / {cpu_off:.2f} "
              f"(+{cpu_on - cpu_off:.2f})")
        print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
