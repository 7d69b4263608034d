"""Per-user delivery choices for each kind; a missing row means the kind's default."""
from sqlalchemy import select, update

from alumni_hub.extensions import db
from alumni_hub.notifications.kinds import Delivery, Kind, default_delivery
from alumni_hub.notifications.models import EmailStatus, Notification, NotificationPreference


def deliveries_for(*, kind: Kind, user_ids: list[int]) -> dict[int, Delivery]:
    """Each user's delivery for one kind, in one query."""
    result = {uid: default_delivery(kind) for uid in user_ids}
    if user_ids:
        rows = db.session.execute(select(NotificationPreference.user_id,
                                         NotificationPreference.delivery).where(
            NotificationPreference.kind == kind.value,
            NotificationPreference.user_id.in_(user_ids)))
        result.update({uid: Delivery(delivery) for uid, delivery in rows})
    return result


def user_deliveries(*, user_id: int) -> dict[Kind, Delivery]:
    """All kinds with the user's effective delivery (their choice or the default)."""
    stored = dict(db.session.execute(select(NotificationPreference.kind,
                                            NotificationPreference.delivery).where(
        NotificationPreference.user_id == user_id)).all())
    return {kind: Delivery(stored[kind.value]) if kind.value in stored else default_delivery(kind)
            for kind in Kind}


def set_deliveries(*, user_id: int, deliveries: dict[Kind, Delivery]) -> None:
    """Store the user's choices; choices equal to the default are stored as no row."""
    current = {p.kind: p for p in db.session.scalars(
        select(NotificationPreference).where(NotificationPreference.user_id == user_id))}
    for kind, delivery in deliveries.items():
        kind, delivery = Kind(kind), Delivery(delivery)
        row = current.get(kind.value)
        if delivery == default_delivery(kind):
            if row is not None:
                db.session.delete(row)
        elif row is None:
            db.session.add(NotificationPreference(user_id=user_id, kind=kind.value,
                                                  delivery=delivery.value))
        else:
            row.delivery = delivery.value
        if delivery not in (Delivery.IMMEDIATE, Delivery.DIGEST):
            _cancel_mail(user_id=user_id, kinds=[kind])


def unsubscribe(*, user_id: int, kind: str) -> list[Kind]:
    """One-click unsubscribe: the kind (or, for "digest", every digest kind) → app only.

    Notifications stay in the inbox; only the emails stop. Returns the kinds changed.
    """
    deliveries = user_deliveries(user_id=user_id)
    if kind == "digest":
        kinds = [k for k, d in deliveries.items() if d == Delivery.DIGEST]
        _cancel_mail(user_id=user_id, kinds=list(Kind), statuses=[EmailStatus.DIGEST])
    else:
        kinds = [Kind(kind)] if deliveries[Kind(kind)] in (Delivery.IMMEDIATE,
                                                           Delivery.DIGEST) else []
    set_deliveries(user_id=user_id, deliveries={k: Delivery.APP for k in kinds})
    return kinds


def _cancel_mail(*, user_id: int, kinds: list[Kind],
                 statuses=(EmailStatus.PENDING, EmailStatus.GROUPED,
                           EmailStatus.DIGEST)) -> None:
    """Mail not yet sent for these kinds is not sent any more (the inbox keeps the rows)."""
    db.session.execute(update(Notification).where(
        Notification.user_id == user_id,
        Notification.kind.in_([k.value for k in kinds]),
        Notification.email_status.in_([s.value for s in statuses]),
    ).values(email_status=EmailStatus.NONE.value))

