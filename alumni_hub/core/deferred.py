"""Work that must wait for the current transaction: after its commit, or after the request.

One connection per request: work that needs the database after a commit (mails, counts,
session bookkeeping) must not open a second connection while the request still holds its
own; it runs when the request (or CLI command, Socket.IO event) is done, on the same
scoped session, whose connection the commit has already returned to the pool.
"""
import logging

from flask import Flask, g
from sqlalchemy import event
from sqlalchemy.orm import Session

from alumni_hub.extensions import db

log = logging.getLogger(__name__)

_ON_COMMIT = "deferred_on_commit"


def on_commit(action) -> None:
    """Call action() right after the current transaction commits; forget it on rollback.

    action must not use the database (the committing session may not emit SQL then).
    """
    db.session.info.setdefault(_ON_COMMIT, []).append(action)


def after_context(action) -> None:
    """Call action() when the current app context ends, before its session is removed."""
    g.setdefault("deferred_work", []).append(action)


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


def _run_deferred_work(exc=None) -> None:
    work = g.pop("deferred_work", None)
    while work:
        # Whatever the request left uncommitted would be discarded anyway; the work
        # starts from a clean transaction.
        db.session.rollback()
        action = work.pop(0)
        try:
            action()
        except Exception:
            db.session.rollback()
            log.exception("Deferred action %r failed", action)
        # Work may defer more work (g was popped; new items land in a fresh list).
        work.extend(g.pop("deferred_work", ()))
