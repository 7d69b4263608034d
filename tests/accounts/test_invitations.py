"""Invitations: who may invite whom, the emailed link, and links that no longer work."""
import pytest
from sqlalchemy import select

from alumni_hub.accounts.models import Invitation, hash_token
from alumni_hub.extensions import db
from alumni_hub.core.audit import AuditLogEntry
from tests.accounts.builders import link_in


def _invite(client, emails, role="member"):
    return client.post("/konto/einladen", data={"emails": emails, "role": role})


def _invitations(app):
    with app.app_context():
        return [(i.email, i.role, i.token_hash) for i in
                db.session.scalars(select(Invitation).order_by(Invitation.id))]


def test_moderator_invites_several_addresses_by_mail_with_absolute_link(app, client, auth, outbox):
    auth.login(role="moderator")
    response = _invite(client, "a@example.org, B@Example.org\nc@example.org\n\na@example.org")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "3 Einladungen verschickt." in page
    assert "b@example.org" in page and "Offene Einladungen" in page
    mails = outbox()
    assert [m.recipient for m in mails] == ["a@example.org", "b@example.org", "c@example.org"]
    subject, text, html = mails[0].subject, mails[0].text_body, mails[0].html_body
    assert "Einladung" in subject
    assert "http://127.0.0.1:5000/konto/einladung/" in text and "14 Tage" in text
    assert 'href="http://127.0.0.1:5000/konto/einladung/' in html


def test_only_a_hash_of_the_invitation_token_is_stored(app, client, auth, outbox):
    auth.login(role="moderator")
    _invite(client, "a@example.org")
    token = link_in(outbox()[0].text_body).rsplit("/", 1)[1]
    [(email, role, token_hash)] = _invitations(app)
    assert token_hash == hash_token(token) and token not in token_hash


def test_inviting_a_registered_address_invites_the_others_and_names_it(client, auth,
                                                                        make_user, outbox):
    auth.login(role="moderator")
    make_user(email="schon@example.org")
    page = _invite(client, "neu@example.org\nschon@example.org").get_data(as_text=True)
    assert "Bereits registriert (bitte entfernen): schon@example.org" in page
    assert "1 Einladung verschickt." in page
    assert [m.recipient for m in outbox()] == ["neu@example.org"]


def test_one_typo_does_not_hold_back_the_batch_and_stays_in_the_box(app, client, auth, outbox):
    auth.login(role="admin")
    page = _invite(client, "gut@example.org, kaputt@\nauch@example.org").get_data(as_text=True)
    assert "Keine gültigen E-Mail-Adressen: kaputt@" in page
    assert 'class="field-error"' in page
    assert [m.recipient for m in outbox()] == ["gut@example.org", "auch@example.org"]
    textarea = page[page.index('<textarea'):page.index('</textarea>')]
    assert textarea.rstrip().endswith("kaputt@") and "gut@example.org" not in textarea
    assert [email for email, _role, _hash in _invitations(app)] == [
        "gut@example.org", "auch@example.org"]


@pytest.mark.parametrize("role", ["moderator", "admin"])
def test_moderator_cannot_invite_with_a_higher_role(app, client, auth, role, outbox):
    auth.login(role="moderator")
    response = _invite(client, "neu@example.org", role=role)
    assert response.status_code == 403
    assert _invitations(app) == [] and outbox() == []


def test_moderator_is_offered_only_the_member_role(client, auth):
    auth.login(role="moderator")
    page = client.get("/konto/einladen").get_data(as_text=True)
    assert 'value="member"' in page and 'value="admin"' not in page


def test_admin_can_invite_a_moderator(app, client, auth):
    auth.login(role="admin")
    assert _invite(client, "mod@example.org", role="moderator").status_code == 302
    assert _invitations(app)[0][:2] == ("mod@example.org", "moderator")


def test_member_cannot_invite(app, client, auth):
    auth.login(role="member")
    assert client.get("/konto/einladen").status_code == 403
    assert _invite(client, "neu@example.org").status_code == 403
    assert _invitations(app) == []


def test_invitations_are_written_to_the_audit_log(app, client, auth):
    moderator = auth.login(role="moderator")
    _invite(client, "a@example.org")
    with app.app_context():
        entry = db.session.scalar(select(AuditLogEntry))
        assert (entry.action, entry.actor_id) == ("invitation.created", moderator.id)
        assert entry.details == {"email": "a@example.org", "role": "member"}


def test_revoked_invitation_link_shows_a_clear_page(app, client, auth, outbox):
    auth.login(role="moderator")
    _invite(client, "a@example.org")
    with app.app_context():
        invitation_id = db.session.scalar(select(Invitation.id))
    response = client.post(f"/konto/einladungen/{invitation_id}/zurueckziehen")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "zurückgezogen" in page and "Keine offenen Einladungen." in page
    auth.logout()
    response = client.get(link_in(outbox()[0].text_body))
    assert response.status_code == 410
    assert "Dieser Link wurde zurückgezogen." in response.get_data(as_text=True)


def test_moderator_cannot_revoke_an_invitation_for_an_admin(client, auth, make_invitation, app):
    auth.login(role="moderator")
    make_invitation(email="chef@example.org", role="admin")
    with app.app_context():
        invitation_id = db.session.scalar(select(Invitation.id))
    assert "Zurückziehen" not in client.get("/konto/einladen").get_data(as_text=True)
    assert client.post(f"/konto/einladungen/{invitation_id}/zurueckziehen").status_code == 403


def test_reinviting_an_address_replaces_the_old_link(client, auth, outbox):
    auth.login(role="moderator")
    _invite(client, "a@example.org")
    _invite(client, "a@example.org")
    auth.logout()
    first, second = (link_in(mail.text_body) for mail in outbox())
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200


def test_valid_invitation_shows_the_form_with_the_invited_address(client, make_invitation):
    token = make_invitation(email="neu@example.org")
    page = client.get(f"/konto/einladung/{token}").get_data(as_text=True)
    assert "Konto anlegen" in page and 'value="neu@example.org" readonly' in page


@pytest.mark.parametrize(("state", "text"), [
    ("expired", "Dieser Link ist abgelaufen."),
    ("used", "Dieser Link wurde bereits verwendet."),
    ("revoked", "Dieser Link wurde zurückgezogen."),
])
def test_unusable_invitation_gives_a_german_gone_page(client, make_invitation, state, text):
    token = make_invitation(state=state)
    for response in (client.get(f"/konto/einladung/{token}"),
                     client.post(f"/konto/einladung/{token}", data={"display_name": "X"})):
        assert response.status_code == 410
        assert text in response.get_data(as_text=True)


def test_unknown_invitation_link_gives_a_german_not_found_page(client):
    response = client.get("/konto/einladung/gibt-es-nicht")
    assert response.status_code == 404
    assert "Diesen Link kennen wir nicht." in response.get_data(as_text=True)


def test_invitation_page_loads_with_bounded_queries(client, auth, make_user, make_invitation,
                                                    count_queries):
    admin = auth.login(role="admin")
    for n in range(15):
        make_invitation(email=f"p{n}@example.org", invited_by=make_user(role="moderator")
                        if n % 2 else admin)
    with count_queries() as queries:
        page = client.get("/konto/einladen").get_data(as_text=True)
    assert "p14@example.org" in page and len(queries) <= 5
