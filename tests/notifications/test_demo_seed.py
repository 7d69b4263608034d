"""Demo data: the demo logins find notifications about real demo content in their inbox."""
from urllib.parse import urlsplit

from sqlalchemy import select

from alumni_hub.accounts.models import User
from alumni_hub.extensions import db
from alumni_hub.notifications.models import Notification


def test_demo_notifications_point_at_real_posts_and_diffs(app, runner, client):
    with app.app_context():  # seed-demo is a plain click command (no app context of its own)
        result = runner.invoke(args=["seed-demo"])
        assert result.exit_code == 0, result.output
        notes = db.session.scalars(select(Notification)).all()
        admin_id = db.session.scalar(select(User.id).where(User.email == "admin@example.org"))
        admin_notes = [(n.url, n.params["title"]) for n in notes if n.user_id == admin_id]
        unread = [n for n in notes if n.read_at is None]
        kinds = {n.kind for n in notes}
    assert 0 < len(unread) < len(notes)
    # No kinds of features that do not exist yet (buddies asks one demo buddy).
    assert kinds <= {"reply", "wiki_changed", "buddy_request"}
    assert admin_notes

    client.post("/konto/anmelden", data={"email": "admin@example.org",
                                         "password": "alumni-demo"})
    for url, title in admin_notes:
        parts = urlsplit(url)
        response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""))
        assert response.status_code == 200, url
        assert title in response.get_data(as_text=True)
