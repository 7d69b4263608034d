"""Benchmark data for the boards, in its own SQLite file (another database only on request).

    python benchmarks/boards_data.py [--db benchmarks/data/boards.sqlite3]
    python benchmarks/boards_data.py --database-url postgresql://... [--force]

Creates: 50 members (login bench@example.org / bench-passwort), a thread with 200 replies
(mixed nesting), a thread with 1,000 replies nested in long chains, and a category with
10,000 threads. Rows are written in bulk; HTML is rendered once per distinct text, as on save.

The script drops every table first. DATABASE_URL is ignored on purpose (in a shell set up
for the app it points at a real database); a database that already holds users is refused
unless --force is given. The default file is the script's own and is simply replaced.
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
    from alumni_hub.boards.services.posts import refresh_thread_stats  # noqa: PLC0415

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


class DatabaseInUse(RuntimeError):
    """The target database holds real-looking data; dropping it needs --force."""


def refuse_if_in_use(db_url: str) -> None:
    """Checked with a plain engine, before any app exists, so a refusal changes nothing."""
    from sqlalchemy import create_engine, inspect, text  # noqa: PLC0415

    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            if "users" not in inspect(conn).get_table_names():
                return
            count = conn.execute(text("SELECT COUNT(*) FROM users")).scalar()
    finally:
        engine.dispose()
    if count:
        raise DatabaseInUse(
            f"Refusing to drop {engine.url.render_as_string(hide_password=True)}: its "
            f"users table has {count} rows. Use a separate database, or --force if you "
            "really mean to wipe it.")


def generate(db_url: str, *, force: bool = False) -> dict:
    from alumni_hub.boards.models import Category  # noqa: PLC0415
    from alumni_hub.core.db import utcnow  # noqa: PLC0415
    from alumni_hub.core.markup import render  # noqa: PLC0415
    from alumni_hub.extensions import db  # noqa: PLC0415

    if not force:
        refuse_if_in_use(db_url)
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


def sqlite_url(path: str) -> str:
    return "sqlite:///" + os.path.abspath(path)


def _remove_own_file(path: str) -> None:
    """The default file only ever holds this script's data, so it is replaced, not checked."""
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=DEFAULT_DB,
                        help="SQLite file to write (default: %(default)s)")
    parser.add_argument("--database-url", help="write to this database instead (it is wiped!)")
    parser.add_argument("--force", action="store_true",
                        help="drop the database even if its users table has rows")
    return parser.parse_args(argv)


def target_url(args) -> str:
    """The database to write: --database-url if given, else the SQLite file (never the
    environment's DATABASE_URL)."""
    if args.database_url:
        return args.database_url
    os.makedirs(os.path.dirname(os.path.abspath(args.db)), exist_ok=True)
    if os.path.abspath(args.db) == os.path.abspath(DEFAULT_DB):
        _remove_own_file(DEFAULT_DB)
    return sqlite_url(args.db)


def main(argv=None) -> None:
    args = parse_args(argv)
    try:
        print(generate(target_url(args), force=args.force))
    except DatabaseInUse as error:
        sys.exit(str(error))


if __name__ == "__main__":
    main()
