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
            hits.append(search(member, SearchParams(text=q)).total)
        timings.sort()
        rows.append((name, len(queries), statistics.median(timings),
                     timings[int(len(timings) * 0.95) - 1], min(hits), max(hits)))
        db.session.rollback()
    return rows


def bench_writes(db, n: int) -> tuple[float, float]:
    from alumni_hub.accounts.models import User  # noqa: PLC0415
    from alumni_hub.boards import posts  # noqa: PLC0415
    from alumni_hub.boards.models import Thread  # noqa: PLC0415
    from alumni_hub.search import providers  # noqa: PLC0415

    thread = db.session.scalar(db.select(Thread).order_by(Thread.id.desc()))
    author = db.session.get(User, thread.author_id)
    text = "Wir haben die Experimentierkisten in der Praktikumswoche an Schulen verliehen."

    def reply():
        posts.add_reply(thread=thread, author=author, body_md=text, parent_id=None)
        db.session.commit()

    with_index = statistics.median(_time(reply, n))
    saved = dict(providers._providers)
    providers._providers.clear()
    try:
        without = statistics.median(_time(reply, n))
    finally:
        providers._providers.update(saved)
    return with_index, without


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
        with_index, without = bench_writes(db, args.writes)
        print(f"\nnew reply: {with_index:.2f} ms with indexing, {without:.2f} ms without "
              f"(+{with_index - without:.2f} ms)")
        print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
