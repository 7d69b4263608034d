"""Concurrent posters against a live server: sent / stored / errors / p50 / p99 (issue 13).

    python benchmarks/write_load.py                      # 4, 20, 50 writers on SQLite
    python benchmarks/write_load.py --database-url postgresql+psycopg://postgres@127.0.0.1/x
    python benchmarks/write_load.py --server gunicorn --writers 20 --posts 10

Every writer is a member with their own login (one requests.Session), who replies to the
same question as fast as the server answers, through the real form with CSRF token; the
thread's author is notified of every reply ("right away" mail, live badge), so the
after-commit dispatch runs too. One reader meanwhile loads the forum overview. Afterwards
the replies carrying this run's marker are counted in the database: sent == stored, and no
5xx, is the bar. The database's tables are dropped and created anew: never point it at a
database whose data you need (DATABASE_URL is ignored for that reason).
"""
import argparse
import os
import re
import statistics
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import func, select  # noqa: E402
from werkzeug.security import generate_password_hash  # noqa: E402

from tests.core import servers  # noqa: E402

CATEGORY_SLUG = "last"


def seed(app, base_url: str, writers: int) -> tuple[list[str], int]:
    """Members (one per writer, plus the asker) and one question; returns (emails, thread id)."""
    from alumni_hub.accounts.models import User  # noqa: PLC0415
    from alumni_hub.boards.models import Category  # noqa: PLC0415
    from alumni_hub.extensions import db  # noqa: PLC0415

    password_hash = generate_password_hash(servers.PASSWORD)
    emails = [f"writer{i}-{uuid.uuid4().hex[:6]}@example.org" for i in range(writers + 1)]
    with app.app_context():
        for i, email in enumerate(emails):
            db.session.add(User(email=email, display_name=f"Schreiberin {i}", role="member",
                                active=True, locale="de", password_hash=password_hash))
        if not db.session.scalar(select(Category).where(Category.slug == CATEGORY_SLUG)):
            db.session.add(Category(name="Lasttest", slug=CATEGORY_SLUG))
        db.session.commit()
    return emails[1:], _ask(base_url, emails[0])


def _ask(base_url: str, email: str) -> int:
    """The asker opens the question through the site itself, so they watch it."""
    http = servers.login(base_url, email)
    response = http.post(f"{base_url}/foren/{CATEGORY_SLUG}/neu", timeout=10, data={
        "csrf_token": _token(http, f"{base_url}/foren/{CATEGORY_SLUG}/neu"),
        "title": "Wie plant ihr die Praktikumswoche?", "kind": "question",
        "body": "Wir suchen **Ideen** für Betriebe, die mitmachen."}, allow_redirects=False)
    assert response.status_code == 302, response.text[:500]
    return int(re.search(r"/thema/(\d+)", response.headers["Location"]).group(1))


def _token(http, url: str) -> str:
    page = http.get(url, timeout=10).text
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def _writer(base_url: str, http, thread_id: int, posts: int, marker: str):
    """Post `posts` replies as the logged-in `http`; returns [(status, seconds)]."""
    token = _token(http, f"{base_url}/foren/thema/{thread_id}")
    results = []
    for n in range(posts):
        began = time.perf_counter()
        try:
            response = http.post(f"{base_url}/foren/thema/{thread_id}/antworten", timeout=60,
                                 allow_redirects=False,
                                 data={"csrf_token": token, "body": f"{marker} {id(http)} {n}"})
            status = response.status_code
        except Exception:  # a timeout or a dropped connection counts as an error  # noqa: BLE001
            status = 599
        results.append((status, time.perf_counter() - began))
    return results


def _reader(base_url: str, http, stop: threading.Event) -> list[float]:
    times = []
    while not stop.is_set():
        began = time.perf_counter()
        http.get(f"{base_url}/foren/", timeout=60)
        times.append(time.perf_counter() - began)
    return times


def run(base_url: str, emails: list[str], thread_id: int, posts: int) -> dict:
    """All writers post at once; returns the figures of this run (stored is counted later)."""
    marker = "lauf-" + uuid.uuid4().hex[:10]
    # Logins first, one after the other: password hashing is not what is measured here.
    sessions = [servers.login(base_url, email) for email in emails]
    stop = threading.Event()
    with ThreadPoolExecutor(max_workers=len(emails) + 1) as pool:
        began = time.perf_counter()
        futures = [pool.submit(_writer, base_url, http, thread_id, posts, marker)
                   for http in sessions]
        reader = pool.submit(_reader, base_url, sessions[0], stop)
        results = [r for future in futures for r in future.result()]
        elapsed = time.perf_counter() - began
        stop.set()
        page_times = reader.result()
    ok = [seconds for status, seconds in results if status == 302]
    return {"marker": marker, "writers": len(emails), "sent": len(ok),
            "errors": sum(1 for status, _ in results if status != 302),
            "server_errors": sum(1 for status, _ in results if status >= 500),
            "p50": _pct(ok, 50), "p99": _pct(ok, 99), "seconds": elapsed,
            "posts_per_s": len(ok) / elapsed if elapsed else 0.0,
            "page_p99": _pct(page_times, 99), "pages": len(page_times)}


def stored(app, thread_id: int, marker: str) -> int:
    from alumni_hub.boards.models import Post  # noqa: PLC0415
    from alumni_hub.extensions import db  # noqa: PLC0415

    with app.app_context():
        return db.session.scalar(select(func.count(Post.id)).where(
            Post.thread_id == thread_id, Post.body_md.like(f"{marker} %")))


def counted(app, thread_id: int) -> int:
    """The thread's reply counter, which every reply recounts in its own transaction."""
    from alumni_hub.boards.models import Thread  # noqa: PLC0415
    from alumni_hub.extensions import db  # noqa: PLC0415

    with app.app_context():
        return db.session.get(Thread, thread_id).reply_count


def _pct(values: list[float], pct: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def server_env(database_url: str) -> dict:
    """A server for this run: its own secret, the given database, logins not throttled."""
    env = servers.server_env(Path("unused"), LOGIN_RATE_LIMIT="10000 per minute")
    env["DATABASE_URL"] = database_url
    return env


def _fresh_app(database_url: str):
    from alumni_hub import create_app  # noqa: PLC0415
    from alumni_hub.extensions import db  # noqa: PLC0415

    app = create_app({"SQLALCHEMY_DATABASE_URI": database_url, "SECRET_KEY": "load-secret"})
    with app.app_context():
        db.drop_all()
        db.create_all()
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="", help="default: a fresh SQLite file")
    parser.add_argument("--server", choices=("dev", "gunicorn", "gthread"), default="dev",
                        help="dev = python wsgi.py (make run); gunicorn = README command; "
                             "gthread = the former production command")
    parser.add_argument("--app-root", default="",
                        help="run the server from another checkout (e.g. `git archive` of an "
                             "older commit), to compare")
    parser.add_argument("--writers", type=int, nargs="+", default=[4, 20, 50])
    parser.add_argument("--posts", type=int, default=5, help="replies per writer")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="write-load-"))
    database_url = args.database_url or f"sqlite:///{folder / 'load.sqlite3'}"
    app = _fresh_app(database_url)
    port = servers.free_port()
    base_url = f"http://127.0.0.1:{port}"
    start = {"dev": servers.python_server, "gunicorn": servers.gunicorn_server,
             "gthread": servers.gthread_server}[args.server]
    if args.app_root:
        servers.ROOT = Path(args.app_root).resolve()
    print(f"server: {args.server} {args.app_root}, database: {database_url.split(':')[0]}, "
          f"load average: {os.getloadavg()}, log: {folder}")
    with servers.running_servers([start(port, server_env(database_url))], folder):
        for writers in args.writers:
            emails, thread_id = seed(app, base_url, writers)
            figures = run(base_url, emails, thread_id, args.posts)
            figures["stored"] = stored(app, thread_id, figures["marker"])
            figures["counted"] = counted(app, thread_id)
            print("{writers:>3} writers: sent {sent:>4}  stored {stored:>4}  errors {errors:>3} "
                  "(5xx {server_errors})  p50 {p50:6.3f}s  p99 {p99:6.3f}s  "
                  "{posts_per_s:5.1f} posts/s  counter {counted:>4}  | "
                  "/foren/ p99 {page_p99:6.3f}s ({pages} views)".format(**figures), flush=True)


if __name__ == "__main__":
    main()
