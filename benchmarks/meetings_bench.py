"""Meetings: page timings with many meetings, answers and topics, and answers under contention.

    python benchmarks/meetings_bench.py [--requests 40] [--threads 20]

Builds its own SQLite file, benchmarks/data/meetings.sqlite3 (replaced on every run;
DATABASE_URL is ignored): 300 members, 120 meetings, one with 300 answers, 60 topics and
3,000 votes. Prints median and p95 of --requests views per page (Flask test client, after
3 warm-ups), then --threads people answering "Zusage" at once for 5 places: the time it
took and how many got a place (must be 5; at most 15 threads: the pool has 15 connections).
"""
import argparse
import os
import statistics
import sys
import threading
import time
from datetime import timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
DB_FILE = os.path.join(ROOT, "benchmarks", "data", "meetings.sqlite3")


def build(app):
    from alumni_hub.accounts.models import User  # noqa: PLC0415
    from alumni_hub.core.db import utcnow  # noqa: PLC0415
    from alumni_hub.extensions import db  # noqa: PLC0415
    from alumni_hub.meetings.models import AgendaItem, AgendaVote, Meeting, Rsvp  # noqa: PLC0415
    from alumni_hub.meetings.services.schedule import new_uid  # noqa: PLC0415

    now = utcnow()
    with app.app_context():
        db.drop_all()
        db.create_all()
        users = [User(email=f"m{i}@example.org", display_name=f"Mitglied {i}", role="member",
                      password_hash="x") for i in range(300)]
        db.session.add_all(users)
        meetings = [Meeting(uid=new_uid(), title=f"Treffen {i}",
                            starts_at=now + timedelta(days=i * 7 - 400),
                            ends_at=now + timedelta(days=i * 7 - 400, hours=2),
                            recap_published_at=now if i < 57 else None)
                    for i in range(120)]
        db.session.add_all(meetings)
        db.session.flush()
        big = next(m for m in meetings if m.starts_at > now)
        db.session.add_all(Rsvp(meeting_id=big.id, user_id=u.id, answer="yes") for u in users)
        items = [AgendaItem(meeting_id=big.id, proposer_id=users[i].id, title=f"Thema {i}")
                 for i in range(60)]
        db.session.add_all(items)
        db.session.flush()
        db.session.add_all(AgendaVote(item_id=item.id, user_id=users[v].id)
                           for n, item in enumerate(items) for v in range(n, n + 50))
        contested = Meeting(uid=new_uid(), title="Volles Haus", capacity=5, format="in_person",
                            venue="Hamburg", starts_at=now + timedelta(days=3),
                            ends_at=now + timedelta(days=3, hours=2))
        db.session.add(contested)
        db.session.commit()
        return big.id, contested.id, users[0].id


def timings(app, meeting_id, user_id, n):
    from alumni_hub.accounts.services.users import start_session  # noqa: PLC0415
    from alumni_hub.accounts.models import User  # noqa: PLC0415
    from alumni_hub.extensions import db  # noqa: PLC0415

    client = app.test_client()
    with app.app_context():
        token = start_session(db.session.get(User, user_id))
        db.session.commit()
    with client.session_transaction() as session:
        session["_user_id"], session["_fresh"] = token, True
    for label, url in (("overview /treffen/", "/treffen/"),
                       ("meeting, 300 answers, 60 topics", f"/treffen/{meeting_id}"),
                       ("meeting .ics", f"/treffen/{meeting_id}.ics")):
        for _ in range(3):
            client.get(url)
        spent = []
        for _ in range(n):
            start = time.perf_counter()
            assert client.get(url).status_code == 200
            spent.append((time.perf_counter() - start) * 1000)
        spent.sort()
        print(f"{label:34} median {statistics.median(spent):6.1f} ms   "
              f"p95 {spent[int(len(spent) * 0.95) - 1]:6.1f} ms")


def contention(app, meeting_id, threads):
    from alumni_hub.accounts.models import User  # noqa: PLC0415
    from alumni_hub.core.db import utcnow  # noqa: PLC0415
    from alumni_hub.extensions import db  # noqa: PLC0415
    from alumni_hub.meetings.models import Meeting, Rsvp  # noqa: PLC0415
    from alumni_hub.meetings.services import rsvp  # noqa: PLC0415

    barrier = threading.Barrier(threads)

    def answer(user_id):
        with app.app_context():
            user, meeting = db.session.get(User, user_id), db.session.get(Meeting, meeting_id)
            barrier.wait()
            rsvp.answer(meeting=meeting, user=user, answer="yes", now=utcnow())
            db.session.commit()
            db.session.remove()

    workers = [threading.Thread(target=answer, args=(i + 1,)) for i in range(threads)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    spent = (time.perf_counter() - start) * 1000
    with app.app_context():
        confirmed = db.session.scalar(db.select(db.func.count(Rsvp.id)).where(
            Rsvp.meeting_id == meeting_id, Rsvp.waitlist_position.is_(None)))
    print(f"{threads} Zusagen at once for 5 places: {spent:.0f} ms, {confirmed} confirmed")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--threads", type=int, default=12)
    args = parser.parse_args()
    os.makedirs(os.path.dirname(DB_FILE), exist_ok=True)
    if os.path.exists(DB_FILE):
        os.remove(DB_FILE)
    from alumni_hub import create_app  # noqa: PLC0415

    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite:///" + DB_FILE,
                      "SECRET_KEY": "bench-secret", "RATELIMIT_ENABLED": False})
    big, contested, user_id = build(app)
    timings(app, big, user_id, args.requests)
    contention(app, contested, args.threads)


if __name__ == "__main__":
    main()
