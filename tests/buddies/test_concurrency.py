"""Capacity holds under concurrency: two buddies' accepts racing for a last slot, and one
buddy accepting two asks at once, each in its own thread, connection and transaction."""
import threading

from sqlalchemy import delete, select, update

from alumni_hub.accounts.models import User
from alumni_hub.buddies.models import BuddyAsk, BuddyOffer, BuddyPair, BuddyRequest
from alumni_hub.buddies.services import asks, pairs, rounds
from alumni_hub.core.errors import Conflict
from alumni_hub.extensions import db


def _race(app, jobs):
    """Run each job(session-bound) in its own thread, released together; returns outcomes."""
    barrier = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def run(i, job):
        with app.app_context():
            try:
                barrier.wait()
                job()
                db.session.commit()
                outcomes[i] = "ok"
            except Conflict as error:
                db.session.rollback()
                outcomes[i] = str(error.message)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcomes


def _accept(ask_id, buddy_id):
    def job():
        ask = db.session.get(BuddyAsk, ask_id)
        asks.accept_ask(ask=ask, user=db.session.get(User, buddy_id))
    return job


def _ask(app, newcomer, buddy):
    with app.app_context():
        ask = asks.ask_buddy(newcomer=db.session.get(User, newcomer.id), buddy_id=buddy.id)
        db.session.commit()
        return ask.id


def test_one_buddy_accepting_two_asks_at_once_never_exceeds_capacity(
        app, make_buddy_offer, make_buddy_request, buddies_db):
    for _attempt in range(3):
        buddy = make_buddy_offer(capacity=1, display_name=f"Bea {_attempt}")
        ask_ids = [_ask(app, make_buddy_request(display_name=f"Neu {_attempt}-{i}"), buddy)
                   for i in range(2)]
        outcomes = _race(app, [_accept(a, buddy.id) for a in ask_ids])
        assert outcomes.count("ok") == 1, outcomes
        assert any("Plätze" in o for o in outcomes if o != "ok")
        offer = buddies_db(lambda: db.session.scalar(
            select(BuddyOffer).where(BuddyOffer.user_id == buddy.id)))
        assert offer.active_count == 1
        assert buddies_db(lambda: len(db.session.scalars(select(BuddyPair).where(
            BuddyPair.buddy_id == buddy.id)).all())) == 1
        statuses = buddies_db(lambda: sorted(db.session.scalars(select(BuddyAsk.status).where(
            BuddyAsk.id.in_(ask_ids)))))
        assert statuses == ["accepted", "pending"]  # the loser's answer was rolled back


def test_two_starts_racing_for_the_last_slot_give_one_pair(app, make_buddy_offer,
                                                           make_buddy_request, buddies_db):
    buddy = make_buddy_offer(capacity=2)
    taken = make_buddy_request(display_name="Schon dabei")
    with app.app_context():
        pairs.start_pair(buddy_id=buddy.id, request=db.session.get(BuddyRequest, taken.request_id))
        db.session.commit()
    newcomers = [make_buddy_request(display_name=f"Neu {i}") for i in range(2)]

    def start(request_id):
        def job():
            pairs.start_pair(buddy_id=buddy.id, request=db.session.get(BuddyRequest, request_id))
        return job

    outcomes = _race(app, [start(n.request_id) for n in newcomers])
    assert outcomes.count("ok") == 1, outcomes
    assert buddies_db(lambda: db.session.scalar(select(BuddyOffer.active_count))) == 2
    assert buddies_db(lambda: len(db.session.scalars(select(BuddyPair)).all())) == 2


def test_two_buddies_accepting_the_same_newcomer_at_once_give_one_pair(
        app, make_buddy_offer, make_buddy_request, buddies_db):
    """Asks are one at a time, but a moderator's round can race a buddy's accept."""
    first, second = make_buddy_offer(display_name="Bea"), make_buddy_offer(display_name="Carl")
    newcomer = make_buddy_request()

    def start(buddy_id):
        def job():
            pairs.start_pair(buddy_id=buddy_id,
                             request=db.session.get(BuddyRequest, newcomer.request_id))
        return job

    outcomes = _race(app, [start(first.id), start(second.id)])
    assert outcomes.count("ok") == 1, outcomes
    assert any("schon einen Buddy" in o for o in outcomes if o != "ok")
    assert buddies_db(lambda: sum(db.session.scalars(select(BuddyOffer.active_count)))) == 1


def test_two_moderators_confirming_the_same_newcomer_at_once_leave_the_losers_slot_free(
        app, make_user, make_buddy_offer, make_buddy_request, buddies_db):
    first, second = make_buddy_offer(display_name="Bea"), make_buddy_offer(display_name="Carl")
    newcomer = make_buddy_request()
    moderators = [make_user(role="moderator") for _i in range(2)]

    def confirm(moderator, buddy):
        def job():
            rounds.confirm_round(actor=db.session.get(User, moderator.id),
                                 choices=[(newcomer.request_id, buddy.id)])
        return job

    _race(app, [confirm(moderators[0], first), confirm(moderators[1], second)])
    assert buddies_db(lambda: len(db.session.scalars(select(BuddyPair)).all())) == 1
    assert buddies_db(lambda: sum(db.session.scalars(select(BuddyOffer.active_count)))) == 1


def test_two_rounds_pairing_the_same_newcomers_crosswise_at_once_do_not_deadlock(
        app, make_user, make_buddy_offer, make_buddy_request, buddies_db):
    """Moderator A gives Nele to Bea and Otto to Carl, moderator B the other way round, at
    the same moment. Each round takes its rows' locks in one order (PostgreSQL): one waits
    for the other instead of both waiting for each other until the database kills one."""
    bea, carl = make_buddy_offer(display_name="Bea"), make_buddy_offer(display_name="Carl")
    nele, otto = make_buddy_request(display_name="Nele"), make_buddy_request(display_name="Otto")
    moderator = make_user(role="moderator")

    def confirm(choices):
        def job():
            rounds.confirm_round(actor=db.session.get(User, moderator.id), choices=choices)
        return job

    for _attempt in range(3):
        outcomes = _race(app, [
            confirm([(nele.request_id, bea.id), (otto.request_id, carl.id)]),
            confirm([(nele.request_id, carl.id), (otto.request_id, bea.id)])])
        assert outcomes == ["ok", "ok"], outcomes
        assert buddies_db(lambda: len(db.session.scalars(select(BuddyPair)).all())) == 2
        assert buddies_db(lambda: sorted(db.session.scalars(select(BuddyOffer.active_count)))) \
            == [1, 1]
        with app.app_context():  # the next attempt starts from two open requests again
            db.session.execute(delete(BuddyPair))
            db.session.execute(update(BuddyOffer).values(active_count=0))
            db.session.execute(update(BuddyRequest).values(status="open"))
            db.session.commit()
