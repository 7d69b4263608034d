"""Admin user management: roles, deactivation, the last-admin rule, and the audit trail."""
import pytest
from sqlalchemy import select

from alumni_hub.accounts.models import LoginSession, User
from alumni_hub.extensions import db
from alumni_hub.core.audit import AuditLogEntry
from tests.conftest import TEST_PASSWORD


def _audit(app):
    with app.app_context():
        entries = db.session.scalars(select(AuditLogEntry).order_by(AuditLogEntry.id))
        return [(e.action, e.actor_id, e.target_id, e.details) for e in entries]


def _user(app, user_id):
    with app.app_context():
        return db.session.get(User, user_id)


def test_admin_changes_a_role_and_the_audit_log_records_it(app, client, auth, make_user):
    admin = auth.login(role="admin")
    member = make_user(display_name="Bea Beispiel")
    response = client.post(f"/moderation/benutzer/{member.id}/rolle", data={"role": "moderator"})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Bea Beispiel hat jetzt die Rolle „Moderator:in“." in page
    assert _user(app, member.id).role == "moderator"
    [(action, actor_id, target_id, details)] = _audit(app)
    assert (action, actor_id, target_id) == ("user.role_changed", admin.id, member.id)
    assert details["from"] == "member" and details["to"] == "moderator"


def test_admin_cannot_demote_themself(app, client, auth, make_user):
    make_user(role="admin")  # another admin exists, still the own role stays
    admin = auth.login(role="admin")
    response = client.post(f"/moderation/benutzer/{admin.id}/rolle", data={"role": "member"})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Du kannst deine eigene Rolle nicht ändern." in page
    assert _user(app, admin.id).role == "admin" and _audit(app) == []


def test_admin_cannot_deactivate_themself(app, client, auth):
    admin = auth.login(role="admin")
    response = client.post(f"/moderation/benutzer/{admin.id}/aktiv", data={"active": "0"})
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Du kannst dein eigenes Konto nicht deaktivieren." in page
    assert _user(app, admin.id).active is True


def test_the_last_active_admin_cannot_be_demoted(app, make_user):
    from alumni_hub.accounts.services import user_admin  # noqa: PLC0415
    from alumni_hub.core.errors import ValidationError  # noqa: PLC0415

    only_admin = make_user(role="admin")
    acting = make_user(role="admin", active=False)
    with app.test_request_context():
        target, actor = db.session.get(User, only_admin.id), db.session.get(User, acting.id)
        with pytest.raises(ValidationError, match="mindestens eine aktive Administration"):
            user_admin.change_role(actor=actor, user=target, role="member")


def test_deactivation_ends_all_sessions_and_reactivation_allows_login(app, client, auth, make_user):
    auth.login(role="admin")
    member = make_user()
    victim = app.test_client()
    victim.post("/konto/anmelden", data={"email": member.email, "password": TEST_PASSWORD})
    client.post(f"/moderation/benutzer/{member.id}/aktiv", data={"active": "0"})
    assert victim.get("/").status_code == 302
    with app.app_context():
        assert db.session.scalars(select(LoginSession).where(
            LoginSession.user_id == member.id)).all() == []
    client.post(f"/moderation/benutzer/{member.id}/aktiv", data={"active": "1"})
    again = victim.post("/konto/anmelden", data={"email": member.email, "password": TEST_PASSWORD})
    assert again.status_code == 302
    assert [a[0] for a in _audit(app)] == ["user.deactivated", "user.reactivated"]


def test_user_list_searches_by_name_and_email(client, auth, make_user):
    auth.login(role="admin")
    make_user(display_name="Karla Kolumna", email="karla@example.org")
    make_user(display_name="Otto Normal", email="otto@example.org")
    page = client.get("/moderation/benutzer?q=kolum").get_data(as_text=True)
    assert "Karla Kolumna" in page and "Otto Normal" not in page
    page = client.get("/moderation/benutzer?q=OTTO@").get_data(as_text=True)
    assert "Otto Normal" in page and "Karla Kolumna" not in page


def test_user_list_paginates_with_bounded_queries(app, client, auth, make_user, count_queries):
    auth.login(role="admin")
    for n in range(25):
        make_user(display_name=f"Person {n:02d}")
    with count_queries() as queries:
        first = client.get("/moderation/benutzer").get_data(as_text=True)
    assert "Seite 1 von 2" in first and len(queries) <= 6
    assert "Person 24" in client.get("/moderation/benutzer?page=2").get_data(as_text=True)


def test_audit_log_shows_newest_first_with_actor_names(client, auth, make_user, count_queries):
    auth.login(role="admin")
    for n in range(3):
        member = make_user(display_name=f"Ziel {n}")
        client.post(f"/moderation/benutzer/{member.id}/aktiv", data={"active": "0"})
    moderator = make_user(role="moderator", display_name="Mona Moderatorin")
    client.post("/konto/abmelden")
    client.post("/konto/anmelden", data={"email": moderator.email, "password": TEST_PASSWORD})
    client.post("/konto/einladen", data={"emails": "neu@example.org", "role": "member"})
    with count_queries() as queries:
        page = client.get("/moderation/protokoll").get_data(as_text=True)
    assert len(queries) <= 5
    assert page.index("Einladung verschickt") < page.index("Konto deaktiviert")
    assert "Mona Moderatorin" in page and "Ziel 2" in page


def test_outbox_lists_mails_and_shows_one(app, client, auth, make_user):
    admin = auth.login(role="admin")
    client.post("/konto/einladen", data={"emails": "a@example.org\nb@example.org",
                                         "role": "member"})
    page = client.get("/moderation/postausgang").get_data(as_text=True)
    assert page.index("b@example.org") < page.index("a@example.org")
    with app.app_context():
        from alumni_hub.core.mail import OutboxEmail  # noqa: PLC0415

        mail_id = db.session.scalar(select(OutboxEmail.id).order_by(OutboxEmail.id))
    detail = client.get(f"/moderation/postausgang/{mail_id}").get_data(as_text=True)
    assert "a@example.org" in detail and "/konto/einladung/" in detail
    assert f"{admin.display_name} lädt dich" in detail
    assert "&lt;a href=" in detail  # the HTML version is shown as source, never rendered
    assert client.get("/moderation/postausgang/9999").status_code == 404


def test_moderation_overview_links_the_tools_of_the_role(client, auth):
    auth.login(role="moderator")
    page = client.get("/moderation/").get_data(as_text=True)
    assert 'href="/moderation/protokoll"' in page and 'href="/konto/einladen"' in page
    assert 'href="/moderation/benutzer"' not in page
    client.post("/konto/abmelden")
    auth.login(role="admin")
    page = client.get("/moderation/").get_data(as_text=True)
    assert 'href="/moderation/benutzer"' in page and 'href="/moderation/postausgang"' in page
