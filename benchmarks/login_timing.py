"""Login and reset timing for addresses with and without an account (issue 13, Medium 7).

    .venv/bin/python benchmarks/login_timing.py [--rounds 30]

In-process (Flask test client, temporary SQLite file, no mail server: mails go to the
outbox). Prints the median of each kind of request; the two of each pair should match.
"""
import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _app(path: str):
    from alumni_hub import create_app  # noqa: PLC0415
    from alumni_hub.config import TestConfig  # noqa: PLC0415
    from alumni_hub.extensions import db  # noqa: PLC0415

    app = create_app(type("BenchConfig", (TestConfig,), {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "RATELIMIT_ENABLED": False,
        "TESTING": False}))
    with app.app_context():
        db.create_all()
    return app


def _users(app, count: int) -> list[str]:
    from alumni_hub.accounts.services.users import create_user  # noqa: PLC0415
    from alumni_hub.extensions import db  # noqa: PLC0415

    with app.app_context():
        emails = [create_user(email=f"bench{n}@example.org", display_name=f"Bench {n}",
                              password="Kiebitz-Watt-2031", role="member").email
                  for n in range(count)]
        db.session.commit()
    return emails


def _median_ms(client, path: str, forms: list[dict]) -> float:
    times = []
    for form in forms:
        start = time.perf_counter()
        client.post(path, data=form)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory() as folder:
        app = _app(str(Path(folder) / "bench.sqlite3"))
        known = _users(app, rounds)
        unknown = [f"nobody{n}@example.org" for n in range(rounds)]
        client = app.test_client()
        # One failure per address: below the pause, which would make both sides instant.
        for label, emails in (("login, wrong password, known address", known),
                              ("login, unknown address", unknown)):
            forms = [{"email": e, "password": "falsch-falsch-falsch"} for e in emails]
            print(f"{label:42} {_median_ms(client, '/konto/anmelden', forms):8.1f} ms")
        for label, emails in (("reset request, known address", known),
                              ("reset request, unknown address", unknown)):
            forms = [{"email": e} for e in emails]
            print(f"{label:42} "
                  f"{_median_ms(client, '/konto/passwort-vergessen', forms):8.1f} ms")


if __name__ == "__main__":
    main()
