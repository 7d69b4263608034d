"""Demo data: the demo logins find notifications in their inbox."""
from sqlalchemy import func, select

from alumni_hub.extensions import db
from alumni_hub.notifications.models import Notification


def test_demo_logins_have_read_and_unread_notifications(app, runner):
    with app.app_context():  # seed-demo is a plain click command (no app context of its own)
        result = runner.invoke(args=["seed-demo"])
        assert result.exit_code == 0, result.output
        unread = db.session.scalar(select(func.count(Notification.id))
                                   .where(Notification.read_at.is_(None)))
        total = db.session.scalar(select(func.count(Notification.id)))
    assert total == 18 and 0 < unread < total
