"""Benchmark data for the boards, in its own SQLite file (or DATABASE_URL).

    python benchmarks/boards_data.py [--db benchmarks/data/boards.sqlite3]

Creates: 50 members (login bench@example.org / bench-passwort), a thread with 200 replies
(mixed nesting), a thread with 1,000 replies nested in long chains, and a category with
10,000 threads. Rows are written in bulk; HTML is rendered once per distinct text, as on save.
"""
import argparse
import os
import random
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

DEFAULT_DB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "boards.sqlite3")
BENCH_EMAIL, BENCH_PASSWORD = "bench@example.org", "bench-passwort"
TEXTS = [
    "Bei uns hat sich bewährt, die **Jugendfeuerwehr** früh einzubinden. Die Kinder lernen "
    "Wärmelehre und Druck ganz praktisch, und die Feuerwehr gewinnt Nachwuchs.",
    "Wir haben gute Erfahrungen mit Ferienpass-Aktionen gemacht:\n\n- zwei Vormittage\n"
    "- kleine Gruppen\n- Azubis als Guides\n\nDie Anmeldungen haben sich verdoppelt.",
    "Danke für den Tipp! Habt ihr dafür eine eigene Versicherung abgeschlossen oder lief das "
    "über die Schule? Mehr unter https://example.org/versicherung",
    "Kurze Rückfrage: Wie viele Kisten verleiht ihr pro Halbjahr, und wer kümmert sich um die "
    "Rückgabe-Checkliste? Bei uns fehlt nach drei Monaten regelmäßig die Hälfte.",
]


def build_app(db_url: str):
    from alumni_hub import create_app  # noqa: PLC0415

    return create_app({"SQLALCHEMY_DATABASE_URI": db_url, "SECRET_KEY": "bench-secret"})


def _users(db, now):
    from werkzeug.security import generate_password_hash  # noqa: PLC0415

    from alumni_hub.accounts.models import User  # noqa: PLC0415

    rows = [{"email": BENCH_EMAIL, "display_name": "Bea Benchmark", "role": "member",
             "password_hash": generate_password_hash(BENCH_PASSWORD), "active": True,
             "locale": "de", "created_at": now}]
    rows += [{"email": f"m{i}@example.org", "display_name": f"Mitglied {i:02d}", "role": "member",
              "password_hash": "x", "active": True, "locale": "de", "created_at": now}
             for i in range(49)]
    db.session.execute(db.insert(User), rows)
    return [u.id for u in db.session.scalars(db.select(User).order_by(User.id))]


def _thread(db, *, category_id, title, author_id, now):
    from alumni_hub.boards.models import Thread  # noqa: PLC0415

    thread = Thread(category_id=category_id, title=title, slug="bench", kind="question",
                    author_id=author_id, created_at=now, last_post_at=now,
                    last_post_author_id=author_id)
    db.session.add(thread)
    db.session.flush()
    return thread


def _replies(db, *, thread, user_ids, count, chain, rng, now, html):
    """Opening post plus `count` replies; every `chain`-th reply starts a new branch."""
    from alumni_hub.boards.models import Post  # noqa: PLC0415
    from alumni_hub.boards.posts import refresh_thread_stats  # noqa: PLC0415

    opening = Post(thread_id=thread.id, author_id=thread.author_id, body_md=TEXTS[0],
                   body_html=html[0], created_at=now)
    db.session.add(opening)
    db.session.flush()
    ids = [opening.id]
    for i in range(count):
        parent = opening.id if i % chain == 0 else rng.choice(ids[-3:])
        k = rng.randrange(len(TEXTS))
        post = Post(thread_id=thread.id, parent_id=parent, author_id=rng.choice(user_ids),
                    body_md=TEXTS[k], body_html=html[k], created_at=now + timedelta(minutes=i))
        db.session.add(post)
        db.session.flush()
        ids.append(post.id)
    refresh_thread_stats(thread)


def _many_threads(db, *, category_id, user_ids, count, now, rng):
    from alumni_hub.boards.models import Thread  # noqa: PLC0415

    rows = [{"category_id": category_id, "title": f"Erfahrungsaustausch Nr. {i}",
             "slug": f"erfahrungsaustausch-{i}", "kind": rng.choice(["question", "discussion"]),
             "author_id": rng.choice(user_ids), "created_at": now - timedelta(minutes=i),
             "last_post_at": now - timedelta(minutes=i), "reply_count": rng.randint(0, 40),
             "last_post_author_id": rng.choice(user_ids), "pinned": i < 2, "locked": False}
            for i in range(count)]
    db.session.execute(db.insert(Thread), rows)


def generate(db_url: str) -> dict:
    from alumni_hub.boards.models import Category  # noqa: PLC0415
    from alumni_hub.core.db import utcnow  # noqa: PLC0415
    from alumni_hub.core.markup import render  # noqa: PLC0415
    from alumni_hub.extensions import db  # noqa: PLC0415

    app, rng, now = build_app(db_url), random.Random(7), utcnow()
    with app.app_context():
        db.drop_all()
        db.create_all()
        user_ids = _users(db, now)
        small, big = Category(name="Fragen & Antworten", slug="fragen-antworten"), \
            Category(name="Tipps & Erfahrungen", slug="tipps-erfahrungen")
        db.session.add_all([small, big])
        db.session.flush()
        html = [render(t) for t in TEXTS]
        t200 = _thread(db, category_id=small.id, title="200 Antworten", author_id=user_ids[1],
                       now=now)
        _replies(db, thread=t200, user_ids=user_ids, count=200, chain=4, rng=rng, now=now,
                 html=html)
        t1000 = _thread(db, category_id=small.id, title="1000 verschachtelte Antworten",
                        author_id=user_ids[2], now=now)
        _replies(db, thread=t1000, user_ids=user_ids, count=1000, chain=100, rng=rng,
                 now=now, html=html)
        _many_threads(db, category_id=big.id, user_ids=user_ids, count=10_000, now=now, rng=rng)
        db.session.commit()
        return {"thread_200": t200.id, "thread_1000": t1000.id, "category": big.slug}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=DEFAULT_DB, help="SQLite file (ignored with DATABASE_URL)")
    args = parser.parse_args()
    os.makedirs(os.path.dirname(os.path.abspath(args.db)), exist_ok=True)
    url = os.environ.get("DATABASE_URL") or "sqlite:///" + os.path.abspath(args.db)
    print(generate(url))


if __name__ == "__main__":
    main()
