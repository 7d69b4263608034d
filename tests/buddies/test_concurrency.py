"""Capacity and lock order hold under concurrency: two buddies' accepts racing for a last
slot, one buddy accepting two asks at once, a withdrawal or an ending meeting an accept or a
round, each in its own thread, connection and transaction."""
import threading
import time

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import OperationalError

from alumni_hub.accounts.models import User
from alumni_hub.buddies.models import BuddyAsk, BuddyOffer, BuddyPair, BuddyRequest
from alumni_hub.buddies.services import asks, offers, pairs, rounds
from alumni_hub.core.errors import Conflict
from alumni_hub.extensions import db


def _attempt(app, job, *, before=None, after=None, done=None) -> str:
    """job() in an app context and transaction of its own, committed: "ok", or the German
    message of the Conflict it raised. before/after run around job, done() in any case."""
    with app.app_context():
        try:
            if before:
                before()
            job()
            if after:
                after()
            db.session.commit()
            return "ok"
        except Conflict as error:
            db.session.rollback()
            return str(error.message)
        finally:
            if done:
                done()
            db.session.remove()


def _race(app, jobs):
    """Run each job(session-bound) in its own thread, released together; returns outcomes."""
    barrier = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def run(i, job):
        outcomes[i] = _attempt(app, job, before=barrier.wait)

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcomes


def _in_turn(app, first, second, *, checked=None):
    """first() runs and keeps its transaction (and row locks) open; then second() starts and
    has to wait for them; first commits after a moment (or once `checked()` has looked at the
    waiting second). Returns both outcomes, as _race does."""
    first_done, second_started = threading.Event(), threading.Event()
    outcomes = [None, None]

    def wait_for_first():
        first_done.wait(10)
        second_started.set()

    def hold_then_let_go():
        first_done.set()
        second_started.wait(10)
        time.sleep(0.5)  # time enough for second to reach the lock it waits for
        if checked:
            checked()

    def run(i, job):
        outcomes[i] = _attempt(app, job, before=wait_for_first if i == 1 else None,
                               after=hold_then_let_go if i == 0 else None,
                               done=first_done.set)

    threads = [threading.Thread(target=run, args=(i, job))
               for i, job in enumerate((first, second))]
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


def test_a_newcomer_withdrawing_while_the_buddy_accepts_cannot_undo_the_match(
        app, make_buddy_offer, make_buddy_request, buddies_db):
    """The accept holds the request's lock; the withdrawal waits for it and then finds the
    request matched: the pair keeps its request, the newcomer hears it is not open."""
    buddy, newcomer = make_buddy_offer(), make_buddy_request()
    ask_id = _ask(app, newcomer, buddy)

    def withdraw():
        offers.withdraw_request(user=db.session.get(User, newcomer.id))

    outcomes = _in_turn(app, _accept(ask_id, buddy.id), withdraw)
    assert outcomes == ["ok", "Du hast keine offene Buddy-Anfrage."], outcomes
    assert buddies_db(lambda: db.session.get(BuddyRequest, newcomer.request_id).status) \
        == "matched"
    assert buddies_db(lambda: db.session.scalar(select(BuddyPair.request_id))) \
        == newcomer.request_id


def test_a_withdrawal_before_the_accept_leaves_the_accept_nothing_to_take(
        app, make_buddy_offer, make_buddy_request, buddies_db):
    buddy, newcomer = make_buddy_offer(), make_buddy_request()
    ask_id = _ask(app, newcomer, buddy)

    def withdraw():
        offers.withdraw_request(user=db.session.get(User, newcomer.id))

    outcomes = _in_turn(app, withdraw, _accept(ask_id, buddy.id))
    assert outcomes[0] == "ok" and "zurückgezogen" in outcomes[1], outcomes
    assert buddies_db(lambda: db.session.scalar(select(BuddyOffer.active_count))) == 0
    assert buddies_db(lambda: db.session.scalars(select(BuddyPair)).all()) == []


def _pair_row_is_free(app, pair_id):
    """From a third connection: could the pair row be locked right now (NOWAIT)?"""
    with app.app_context():
        try:
            db.session.execute(text("SELECT id FROM buddy_pairs WHERE id = :id "
                                    "FOR UPDATE NOWAIT"), {"id": pair_id})
            return True
        except OperationalError:
            return False
        finally:
            db.session.rollback()
            db.session.remove()


def test_ending_a_pair_waits_for_a_round_at_the_buddys_offer_before_locking_the_pair(
        app, make_user, make_buddy_pair, make_buddy_request, buddies_db):
    """Ending takes the offer's lock before the pair's, in the order every start takes its
    locks: while a round holds the buddy's offer, the ending holds nothing a round could
    need. (Row locks can only be looked at on PostgreSQL.)"""
    if buddies_db(lambda: db.engine.dialect.name) != "postgresql":
        pytest.skip("row locks: PostgreSQL only")
    pair = make_buddy_pair(capacity=2)
    other = make_buddy_request(display_name="Otto Neu")
    moderator = make_user(role="moderator")
    free = []

    def confirm():
        rounds.confirm_round(actor=db.session.get(User, moderator.id),
                             choices=[(other.request_id, pair.buddy.id)])

    def end():
        pairs.end_pair(pair=db.session.get(BuddyPair, pair.id),
                       user=db.session.get(User, pair.newcomer.id), rating=None)

    outcomes = _in_turn(app, confirm, end,
                        checked=lambda: free.append(_pair_row_is_free(app, pair.id)))
    assert free == [True]
    assert outcomes == ["ok", "ok"], outcomes
    assert buddies_db(lambda: db.session.get(BuddyPair, pair.id).status) == "ended"
    assert buddies_db(lambda: db.session.scalar(select(BuddyOffer.active_count))) == 1
