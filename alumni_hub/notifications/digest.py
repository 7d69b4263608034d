"""The daily digest: one mail per user and day, never twice, resumable after a crash."""
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from alumni_hub.accounts.models import User
from alumni_hub.core.db import utcnow
from alumni_hub.extensions import db
from alumni_hub.notifications import sections
from alumni_hub.core.urls import absolute_url
from alumni_hub.notifications.emails import send_digest_email
from alumni_hub.notifications.kinds import Delivery, render_text
from alumni_hub.notifications.models import DigestRun, EmailStatus, Notification
from alumni_hub.notifications.preferences import user_deliveries

log = logging.getLogger(__name__)
BERLIN = ZoneInfo("Europe/Berlin")
# A claim older than this belongs to a run that crashed; the next run takes it over.
CLAIM_LEASE = timedelta(minutes=30)
MAX_NOTES = 200


@dataclass
class DigestGroup:
    """Notifications of one kind about one thing (e.g. a thread), shown as one line."""

    kind: str
    notes: list = field(default_factory=list)

    @property
    def group_key(self) -> str | None:
        return self.notes[0].group_key

    def rendered(self) -> dict:
        newest = self.notes[0]
        # One line stands for the whole group, so opening it marks the whole group read.
        extra = {"gruppe": 1} if len(self.notes) > 1 else {}
        return {"text": render_text(newest.kind, newest.params), "count": len(self.notes),
                "url": absolute_url("notifications.open_notification",
                                    notification_id=newest.id, **extra)}


def digest_day(now: datetime) -> date:
    return now.astimezone(BERLIN).date()


def send_digests(*, now: datetime | None = None) -> dict[str, int]:
    """Send today's digest to every user who has something in it; returns counts by outcome."""
    now = now or utcnow()
    day = digest_day(now)
    outcomes: dict[str, int] = {}
    prepared = sections.prepare(now=now)  # shared section data: once per run, not per user
    for user_id in candidate_user_ids(now):
        outcome = send_digest_for(user_id=user_id, day=day, now=now, prepared=prepared)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


def candidate_user_ids(now: datetime) -> list[int]:
    """Active users with digest notifications, plus everyone while sections are registered."""
    active = select(User.id).where(User.active.is_(True))
    if not sections.registered():
        active = active.where(User.id.in_(select(Notification.user_id).where(_DIGESTIBLE)))
    return list(db.session.scalars(active.order_by(User.id)))


# Only notifications of kinds set to the digest; "right away" ones that could not be sent
# or were grouped go out by followups.py, so a user without a digest never gets one.
_DIGESTIBLE = Notification.email_status == EmailStatus.DIGEST.value


def send_digest_for(*, user_id: int, day: date, now: datetime,
                    prepared: dict | None = None) -> str:
    """One user's digest: claim (own transaction), send, then mark sent + digested at once."""
    run = claim_run(user_id=user_id, day=day, now=now)
    if run is None:
        return "skipped"
    try:
        outcome = _build_and_send(run, now, prepared)
    except Exception:
        db.session.rollback()
        db.session.execute(update(DigestRun).where(DigestRun.id == run.id)
                           .values(status="failed", finished_at=utcnow()))
        db.session.commit()
        log.exception("Digest for user %s failed; the next run retries it", user_id)
        return "failed"
    return outcome


def claim_run(*, user_id: int, day: date, now: datetime) -> DigestRun | None:
    """The day's run for this user, claimed by us and committed; None if not ours to send."""
    run = db.session.scalar(select(DigestRun).where(DigestRun.user_id == user_id,
                                                    DigestRun.day == day))
    if run is None:
        run = DigestRun(user_id=user_id, day=day, status="claimed", claimed_at=now)
        db.session.add(run)
        try:
            db.session.commit()
        except IntegrityError:  # another process claimed it a moment ago
            db.session.rollback()
            return None
        return run
    retry = run.status == "failed" or (run.status == "claimed"
                                       and run.claimed_at < now - CLAIM_LEASE)
    if not retry:
        return None
    result = db.session.execute(
        update(DigestRun).where(DigestRun.id == run.id, DigestRun.status == run.status,
                                DigestRun.claimed_at == run.claimed_at)
        .values(status="claimed", claimed_at=now))
    db.session.commit()
    return run if result.rowcount == 1 else None


def _build_and_send(run: DigestRun, now: datetime, prepared: dict | None) -> str:
    user = db.session.get(User, run.user_id)
    notes = list(db.session.scalars(
        select(Notification).where(Notification.user_id == user.id, _DIGESTIBLE)
        .order_by(Notification.created_at.desc(), Notification.id.desc()).limit(MAX_NOTES)))
    deliveries = user_deliveries(user_id=user.id)
    # Whoever moved every kind away from the digest gets no digest at all; the
    # notifications stay in the inbox.
    wants = Delivery.DIGEST in deliveries.values()
    groups, contributed = [], []
    if wants:
        groups = group_notes([n for n in notes if n.read_at is None])
        since = max(_previous_digest_at(user.id, run.day, now), now - sections.MAX_WINDOW)
        contributed = sections.collect(user, since=since, prepared=prepared,
                                       deliveries=deliveries,
                                       skip_keys={g.group_key for g in groups} - {None})
    if groups or contributed:
        send_digest_email(user, groups=groups, sections=contributed)
    status = "sent" if groups or contributed else "empty"
    if notes:  # already read in the app (or no digest wanted): not mailed later either
        db.session.execute(update(Notification).where(
            Notification.id.in_([n.id for n in notes]),
            Notification.email_status == EmailStatus.DIGEST.value,
        ).values(email_status=(EmailStatus.DIGESTED if wants else EmailStatus.NONE).value,
                 emailed_at=now if wants else None))
    item_count = len(notes) + sum(len(items) for _, items in contributed)
    db.session.execute(update(DigestRun).where(DigestRun.id == run.id).values(
        status=status, finished_at=utcnow(), item_count=item_count))
    db.session.commit()
    return status


def group_notes(notes: list) -> list[DigestGroup]:
    """Newest first; notes of one kind about one thing (same group_key) become one group."""
    groups: dict[tuple, DigestGroup] = {}
    for note in notes:
        key = (note.kind, note.group_key or f"note:{note.id}")
        groups.setdefault(key, DigestGroup(kind=note.kind)).notes.append(note)
    return list(groups.values())


def _previous_digest_at(user_id: int, day: date, now: datetime) -> datetime:
    previous = db.session.scalar(
        select(DigestRun.finished_at).where(DigestRun.user_id == user_id, DigestRun.day < day,
                                            DigestRun.status.in_(["sent", "empty"]))
        .order_by(DigestRun.day.desc()).limit(1))
    return previous or now - timedelta(days=1)
