"""Work that must wait: after the transaction's commit, after the request, after the answer.

One connection per request: work that needs the database after a commit (mails, counts,
session bookkeeping) must not open a second connection while the request still holds its
own; it runs when the request (or CLI command, Socket.IO event) is done, on the same
scoped session, whose connection the commit has already returned to the pool. Work the
person must not wait for (a mail whose sending would betray that an account exists) runs
once the answer has been sent.
"""
import logging
from functools import partial

from flask import Flask, current_app, g, has_request_context
from sqlalchemy import event
from sqlalchemy.orm import Session

from alumni_hub.extensions import db

log = logging.getLogger(__name__)

_ON_COMMIT = "deferred_on_commit"
_AFTER_RESPONSE = "deferred_after_response"


def on_commit(action) -> None:
    """Call action() right after the current transaction commits; forget it on rollback.

    action must not use the database (the committing session may not emit SQL then).
    """
    db.session.info.setdefault(_ON_COMMIT, []).append(action)


def after_context(action) -> None:
    """Call action() when the current app context ends, before its session is removed."""
    g.setdefault("deferred_work", []).append(action)


def after_response(action) -> None:
    """Call action() once, after the answer to the current request has been sent.

    The WSGI server calls it when it closes the finished response, in an app context of
    its own (the request's connection is back in the pool by then); action commits what it
    writes. Where no answer goes out (a CLI command, a Socket.IO event, an exception that
    propagates to the server), it runs when the context ends, like after_context. An error
    page is an answer too: the work still runs, once, after it.
    """
    if has_request_context():
        g.setdefault(_AFTER_RESPONSE, []).append(action)
    else:
        after_context(action)


@event.listens_for(Session, "after_commit")
def _run_on_commit(session: Session) -> None:
    for action in session.info.pop(_ON_COMMIT, ()):
        try:
            action()
        except Exception:  # the transaction is committed; one failed follow-up must not 500
            log.exception("After-commit action %r failed", action)


@event.listens_for(Session, "after_rollback")
def _forget_on_rollback(session: Session) -> None:
    session.info.pop(_ON_COMMIT, None)


def init_app(app: Flask) -> None:
    # Registered after db.init_app, so it runs before Flask-SQLAlchemy removes the session
    # (teardown functions run in reverse order of registration).
    app.teardown_appcontext(_run_deferred_work)
    app.after_request(_run_after_the_answer)


def _run_after_the_answer(response):
    work = g.pop(_AFTER_RESPONSE, None)
    if work:
        response.call_on_close(partial(_run_after_response_work,
                                       current_app._get_current_object(), work))
    return response


def _run_after_response_work(app: Flask, work: list) -> None:
    # Popped one by one: a second close() of the same response (test clients allow it)
    # finds nothing left to run.
    with app.app_context():
        while work:
            _run(work.pop(0))


def _run_deferred_work(exc=None) -> None:
    # After-response work still here had no answer to wait for (see after_response).
    work = g.pop("deferred_work", []) + g.pop(_AFTER_RESPONSE, [])
    while work:
        # Whatever the request left uncommitted would be discarded anyway; the work
        # starts from a clean transaction.
        db.session.rollback()
        _run(work.pop(0))
        # Work may defer more work (g was popped; new items land in a fresh list).
        work.extend(g.pop("deferred_work", ()))


def _run(action) -> None:
    """One action; its failure is logged and rolled back, the others still run."""
    try:
        action()
    except Exception:
        db.session.rollback()
        log.exception("Deferred action %r failed", action)
