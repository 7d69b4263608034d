"""The personal calendar feed's secret: one per user, renewing it revokes the old one."""
from datetime import datetime

from sqlalchemy import select

from alumni_hub.accounts.models import hash_token, new_token
from alumni_hub.extensions import db
from alumni_hub.meetings.models import CalendarToken


def renew_feed_token(*, user, now: datetime) -> str:
    """A new secret for the user's feed; the previous address stops working at once."""
    token = new_token()
    row = db.session.scalar(select(CalendarToken).where(CalendarToken.user_id == user.id))
    if row is None:
        row = CalendarToken(user_id=user.id)
        db.session.add(row)
    row.token_hash, row.created_at = hash_token(token), now
    db.session.flush()
    return token
