"""Benchmark data for search: 200,000 forum posts and 2,000 wiki pages of German text.

    python benchmarks/search_data.py [--db benchmarks/data/search.sqlite3] [--posts 200000]
    python benchmarks/search_data.py --database-url postgresql://... --force

Text is drawn from wordfreq's 20,000 most frequent German words with a Zipf distribution
(rank r drawn with weight 1/r), plus the community's own vocabulary: "Schule" in about a
quarter of the posts and "Netzwerk" in a fifth (the "very common words"), domain words and
compounds (Experimentierkisten, Praktikumswoche, Berufsorientierung …) at decreasing rates.
Rows are written in bulk; the index is then built by the app's own code
(search.indexing.reindex, the same as `flask search-reindex`), and its speed is reported.
"""
import argparse
import itertools
import os
import random
import sys
import time
from collections import Counter
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks.boards_data import (DatabaseInUse, build_app, refuse_if_in_use,  # noqa: E402
                                    sqlite_url)

DEFAULT_DB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "search.sqlite3")
# (word, share of posts that contain it)
DOMAIN = [("Schule", 0.25), ("Netzwerk", 0.20), ("Schülerinnen", 0.08), ("MINT", 0.08),
          ("Berufsorientierung", 0.04), ("Praktikumswoche", 0.01), ("Experimentierkisten", 0.01),
          ("Öffentlichkeitsarbeit", 0.01), ("Förderprogramme", 0.01), ("Feuerwehren", 0.005),
          ("Schwimmvereine", 0.002), ("MINT-Mobil", 0.002), ("Jugendunternehmenswerkstatt", 0.0005)]
BATCH = 2000


class Words:
    """A Zipf sampler over real German words."""

    def __init__(self, rng: random.Random, size: int = 20_000):
        from wordfreq import top_n_list  # noqa: PLC0415

        self.rng = rng
        self.words = [w.capitalize() if i % 3 == 0 else w
                      for i, w in enumerate(top_n_list("de", size)) if w.isalpha()]
        self.cum_weights = list(itertools.accumulate(1 / (rank + 1)
                                                     for rank in range(len(self.words))))

    def text(self, n: int) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cum_weights, k=n)
        words += [w for w, share in DOMAIN if self.rng.random() < share]
        self.rng.shuffle(words)
        sentences = [" ".join(words[i:i + 12]) for i in range(0, len(words), 12)]
        return ". ".join(s[:1].upper() + s[1:] for s in sentences) + "."


def _bulk(db, model, rows):
    for i in range(0, len(rows), BATCH):
        db.session.execute(db.insert(model), rows[i:i + BATCH])


def _forum(db, words, rng, now, n_posts, user_ids):
    from alumni_hub.boards.models import Category, Post, Thread  # noqa: PLC0415

    categories = [Category(name=name, slug=name.lower()) for name in
                  ("Berufsorientierung", "Lernorte", "Projekte", "Netzwerkarbeit", "Förderung")]
    db.session.add_all(categories)
    db.session.flush()
    n_threads = n_posts // 10
    _bulk(db, Thread, [{"category_id": categories[i % 5].id, "title": words.text(6)[:-1],
                        "slug": f"t{i}", "kind": "discussion", "author_id": rng.choice(user_ids),
                        "created_at": now, "last_post_at": now} for i in range(n_threads)])
    thread_ids = db.session.scalars(db.select(Thread.id).order_by(Thread.id)).all()
    rows = []
    for i in range(n_posts):
        text = words.text(rng.randint(20, 100))
        rows.append({"thread_id": thread_ids[i % n_threads], "author_id": rng.choice(user_ids),
                     "body_md": text, "body_html": f"<p>{text}</p>",
                     "created_at": now - timedelta(minutes=n_posts - i),
                     "parent_id": None if i < n_threads else None})
    _bulk(db, Post, rows)


def _wiki(db, words, rng, now, n_pages, user_id, span_minutes):
    from alumni_hub.wiki.models import Page, Revision  # noqa: PLC0415

    # Pages are written over the same years as the posts, not all of them last.
    dates = sorted(now - timedelta(minutes=rng.randrange(span_minutes)) for _ in range(n_pages))
    _bulk(db, Page, [{"title": f"{words.text(3)[:-1]} {i}", "slug": f"seite-{i}",
                      "created_at": dated, "updated_at": dated, "confirmed_at": dated}
                     for i, dated in enumerate(dates)])
    page_ids = db.session.scalars(db.select(Page.id).order_by(Page.id)).all()
    revisions = []
    for page_id, dated in zip(page_ids, dates, strict=True):
        text = words.text(rng.randint(200, 600))
        revisions.append({"page_id": page_id, "number": 1, "title": "x", "body_md": text,
                          "body_html": f"<p>{text}</p>", "author_id": user_id,
                          "created_at": dated})
    _bulk(db, Revision, revisions)
    db.session.execute(db.text("UPDATE pages SET current_revision_id = "
                               "(SELECT id FROM revisions WHERE revisions.page_id = pages.id)"))


def _index(db) -> dict:
    from alumni_hub.search import indexing  # noqa: PLC0415

    counts, started = Counter(), time.perf_counter()
    # As `flask search-reindex` does, but committed in chunks.
    for written in indexing.reindex(db.session):
        counts.update(written)
        db.session.commit()
    seconds = time.perf_counter() - started
    # Planner statistics and merged index segments, as autovacuum and FTS5's automerge
    # give a long-running database; without them PostgreSQL plans the first queries blind.
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(db.text("VACUUM ANALYZE search_documents"))
    else:
        db.session.execute(db.text("INSERT INTO search_fts(search_fts) VALUES('optimize')"))
        db.session.execute(db.text("ANALYZE"))
        db.session.commit()
    return {"indexed": dict(counts), "index_seconds": round(seconds, 1),
            "docs_per_second": round(sum(counts.values()) / seconds)}


def generate(db_url: str, *, posts: int, pages: int, force: bool = False) -> dict:
    from alumni_hub.accounts.models import User  # noqa: PLC0415
    from alumni_hub.core.db import utcnow  # noqa: PLC0415
    from alumni_hub.extensions import db  # noqa: PLC0415

    if not force:
        refuse_if_in_use(db_url)
    app, rng, now = build_app(db_url), random.Random(12), utcnow()
    words = Words(rng)
    with app.app_context():
        db.drop_all()
        db.create_all()
        _bulk(db, User, [{"email": f"s{i}@example.org", "display_name": f"Mitglied {i}",
                          "password_hash": "x", "role": "member", "active": True,
                          "locale": "de", "created_at": now} for i in range(200)])
        user_ids = db.session.scalars(db.select(User.id)).all()
        started = time.perf_counter()
        _forum(db, words, rng, now, posts, user_ids)
        _wiki(db, words, rng, now, pages, user_ids[0], span_minutes=posts)
        db.session.commit()
        generated = round(time.perf_counter() - started, 1)
        return {"posts": posts, "pages": pages, "generate_seconds": generated, **_index(db)}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=DEFAULT_DB)
    parser.add_argument("--database-url", help="write to this database instead (it is wiped!)")
    parser.add_argument("--posts", type=int, default=200_000)
    parser.add_argument("--pages", type=int, default=2_000)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    url = args.database_url
    if not url:
        os.makedirs(os.path.dirname(os.path.abspath(args.db)), exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(args.db + suffix) and args.db == DEFAULT_DB:
                os.remove(args.db + suffix)
        url = sqlite_url(args.db)
    try:
        print(generate(url, posts=args.posts, pages=args.pages, force=args.force))
    except DatabaseInUse as error:
        sys.exit(str(error))


if __name__ == "__main__":
    main()
