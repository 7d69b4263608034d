"""Measure the boards' thread and category pages: in-process timings and gunicorn throughput.

    python benchmarks/boards_data.py          # once: writes benchmarks/data/boards.sqlite3
    python benchmarks/boards_bench.py [--seconds 15] [--requests 60]
    python benchmarks/boards_bench.py --database-url postgresql://...   # data made there

Reads the SQLite file from boards_data.py unless --database-url is given; DATABASE_URL is
ignored, so a shell set up for the app never points the benchmark at a real database.

In-process: median and p95 over --requests views with Flask's test client. Under load:
gunicorn with 2 sync workers on 127.0.0.1, 8 client threads (http.client) for --seconds
per page; prints requests/s and the error count. Bounded in time and count.
"""
import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from benchmarks.boards_data import BENCH_EMAIL, BENCH_PASSWORD, DEFAULT_DB, sqlite_url  # noqa: E402

_CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|'
                   r'name="csrf_token" value="([^"]+)"')


def _pages(db_url):
    from alumni_hub import create_app  # noqa: PLC0415
    from alumni_hub.boards.models import Category, Thread  # noqa: PLC0415
    from alumni_hub.extensions import db  # noqa: PLC0415

    app = create_app({"SQLALCHEMY_DATABASE_URI": db_url, "SECRET_KEY": "bench-secret",
                      "RATELIMIT_ENABLED": False})
    with app.app_context():
        t200 = db.session.scalar(db.select(Thread.id).where(Thread.title == "200 Antworten"))
        t1000 = db.session.scalar(db.select(Thread.id).where(Thread.title.like("1000%")))
        big = db.session.scalar(db.select(Category.slug).where(Category.name.like("Tipps%")))
    pages = {"thread, 200 replies": f"/foren/thema/{t200}",
             "thread, 1000 nested replies": f"/foren/thema/{t1000}",
             "category, 10000 threads (page 1)": f"/foren/{big}",
             "category, 10000 threads (page 250)": f"/foren/{big}?page=250"}
    return app, pages


def _token(html: str) -> str:
    match = _CSRF.search(html)
    return match.group(1) or match.group(2)


def in_process(app, pages, n):
    client = app.test_client()
    token = _token(client.get("/konto/anmelden").get_data(as_text=True))
    client.post("/konto/anmelden", data={"email": BENCH_EMAIL, "password": BENCH_PASSWORD,
                                          "csrf_token": token})
    results = {}
    for name, url in pages.items():
        for _ in range(5):
            assert client.get(url).status_code == 200, url
        times = []
        for _ in range(n):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        results[name] = (statistics.median(times), times[int(len(times) * 0.95) - 1])
    return results


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _request(port, method, path, cookie="", body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    hdrs = {"Cookie": cookie, **(headers or {})}
    conn.request(method, path, body=body, headers=hdrs)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response, data


def _login(port) -> str:
    from urllib.parse import urlencode  # noqa: PLC0415

    response, data = _request(port, "GET", "/konto/anmelden")
    cookie = response.getheader("Set-Cookie").split(";", 1)[0]
    form = urlencode({"email": BENCH_EMAIL, "password": BENCH_PASSWORD,
                      "csrf_token": _token(data.decode())})
    response, _ = _request(port, "POST", "/konto/anmelden", cookie, form,
                           {"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status == 302, response.status
    return response.getheader("Set-Cookie").split(";", 1)[0]


def _load(port, path, cookie, seconds, clients=8):
    counts, errors, stop = [0] * clients, [0] * clients, time.monotonic() + seconds

    def worker(i):
        while time.monotonic() < stop:
            try:
                response, _ = _request(port, "GET", path, cookie)
                counts[i] += 1
                errors[i] += response.status != 200
            except OSError:
                errors[i] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts) / (time.monotonic() - start), sum(errors)


def _worker_cpu_seconds(master_pid: int) -> float:
    """CPU time (user + system) the gunicorn workers have used so far (Linux /proc)."""
    try:
        with open(f"/proc/{master_pid}/task/{master_pid}/children") as f:
            pids = f.read().split()
    except OSError:
        return 0.0
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except OSError:
            pass
    return total / os.sysconf("SC_CLK_TCK")


def _measure(port, path, cookie, seconds, master_pid):
    """requests/s, errors, and server CPU ms per request (independent of other load)."""
    cpu_before = _worker_cpu_seconds(master_pid)
    stop_at = time.monotonic() + seconds
    rps, errors = _load(port, path, cookie, seconds)
    elapsed = seconds + max(0.0, time.monotonic() - stop_at)
    cpu_ms = (_worker_cpu_seconds(master_pid) - cpu_before) * 1000 / max(rps * elapsed, 1)
    return rps, errors, cpu_ms


def under_gunicorn(db_url, pages, seconds):
    port = _free_port()
    env = dict(os.environ, DATABASE_URL=db_url, SECRET_KEY="bench-secret",
               LOGIN_RATE_LIMIT="100 per minute")
    proc = subprocess.Popen([os.path.join(os.path.dirname(sys.executable), "gunicorn"),
                             "-w", "2", "-k", "sync", "-b", f"127.0.0.1:{port}", "wsgi:app"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                cookie = _login(port)
                break
            except OSError:
                time.sleep(0.2)
        return {name: _measure(port, url, cookie, seconds, proc.pid)
                for name, url in pages.items()}
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=DEFAULT_DB, help="SQLite file made by boards_data.py")
    parser.add_argument("--database-url", help="use this database instead of the SQLite file")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--requests", type=int, default=60)
    return parser.parse_args(argv)


def database_url(args) -> str:
    """--database-url if given, else the benchmark's SQLite file; never DATABASE_URL."""
    return args.database_url or sqlite_url(args.db)


def main(argv=None) -> None:
    args = parse_args(argv)
    db_url = database_url(args)
    app, pages = _pages(db_url)
    print("In-process (Flask test client), ms:")
    for name, (median, p95) in in_process(app, pages, args.requests).items():
        print(f"  {name:38s} median {median:7.1f}  p95 {p95:7.1f}")
    print("gunicorn -w 2 -k sync, 8 concurrent clients on 127.0.0.1:")
    print(f"  (load average before: {os.getloadavg()[0]:.2f}; the machine may be shared)")
    for name, (rps, errors, cpu_ms) in under_gunicorn(db_url, pages, args.seconds).items():
        print(f"  {name:38s} {rps:7.1f} requests/s  ({errors} errors)  "
              f"server CPU {cpu_ms:5.1f} ms/request")


if __name__ == "__main__":
    main()
