"""Links in mails come from BASE_URL, never from the request; production answers only its host."""
from pathlib import Path

import pytest

from alumni_hub.accounts.services import mails
from alumni_hub.accounts.models import Invitation
from alumni_hub.core.db import utcnow
from alumni_hub.core.mail import OutboxEmail
from alumni_hub.extensions import db, socketio
from tests.conftest import TEST_PASSWORD
from tests.core.apps import config_like, isolated_app

PRODUCTION = {"ENV_NAME": "production", "SECRET_KEY": "a-long-random-value-" * 3,
              "BASE_URL": "https://hub.example.org", "TRUSTED_HOSTS": None}


def _mail_bodies(app):
    with app.app_context():
        return [mail.text_body + mail.html_body for mail in db.session.query(OutboxEmail)]


def test_reset_mail_link_ignores_a_forged_host_header(app, client, make_user):
    make_user(email="opfer@example.org")
    client.post("/konto/passwort-vergessen", data={"email": "opfer@example.org"},
                headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example"})
    [body] = _mail_bodies(app)
    assert "evil.example" not in body
    assert f"{app.config['BASE_URL']}/konto/passwort-neu/" in body


def test_invitation_mail_link_ignores_a_forged_host_header(app, make_user):
    inviter = make_user(role="moderator")
    with app.test_request_context("/konto/einladen", base_url="http://evil.example"):
        mails.send_invitation(Invitation(email="neu@example.org", expires_at=utcnow()), "tok",
                              inviter=inviter)
        db.session.commit()
    [body] = _mail_bodies(app)
    assert "evil.example" not in body
    assert f"{app.config['BASE_URL']}/konto/einladung/" in body


@pytest.mark.parametrize("host", ["evil.example", "hub.example.org.evil.example", "localhost"])
def test_production_refuses_requests_for_other_hosts(app, host):
    with isolated_app(config_like(app, **PRODUCTION)) as production:
        response = production.test_client().post(
            "/konto/passwort-vergessen", data={"email": "x@example.org"},
            headers={"Host": host})
    assert response.status_code == 400
    assert "Diese Adresse bedient der Alumni Hub nicht." in response.get_data(as_text=True)


def test_production_answers_its_own_host_and_sends_hsts(app):
    with isolated_app(config_like(app, **PRODUCTION)) as production:
        response = production.test_client().get("/konto/anmelden",
                                                headers={"Host": "hub.example.org"})
    assert response.status_code == 200 and "Anmelden" in response.get_data(as_text=True)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_trusted_hosts_can_name_more_hosts(app):
    config = config_like(app, **{**PRODUCTION, "TRUSTED_HOSTS": ["hub.example.org",
                                                                 "alumni.example.org"]})
    with isolated_app(config) as production:
        response = production.test_client().get("/konto/anmelden",
                                                headers={"Host": "alumni.example.org"})
    assert response.status_code == 200


def test_development_sends_no_hsts_and_answers_any_host(client):
    response = client.get("/konto/anmelden", headers={"Host": "192.168.1.20:5000"})
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response.headers


def test_nginx_example_passes_no_client_host_through_and_drops_unknown_hosts():
    conf = (Path(__file__).parents[2] / "deploy" / "nginx.conf").read_text()
    directives = [line.split("#")[0] for line in conf.splitlines()]
    assert not any("$http_host" in line for line in directives)
    assert any("default_server" in line for line in directives)
    assert any(line.strip() == "return 444;" for line in directives)


def _proxied_locations(conf: str) -> dict[str, list[str]]:
    """location path -> its directives, for each location of the example that proxies."""
    blocks, path, lines = {}, None, []
    for raw in conf.splitlines():
        line = raw.split("#")[0].strip()
        if line.startswith("location "):
            path, lines = line.split()[1], []
        elif line == "}" and path:
            if any(d.startswith("proxy_pass ") for d in lines):
                blocks[path] = lines
            path = None
        elif path and line:
            lines.append(" ".join(line.split()))
    return blocks


def test_nginx_example_sets_every_forwarded_header_itself_in_each_proxied_location():
    """With PROXY_FIX=1 the app believes one X-Forwarded-Host; one the client sent and nginx
    passed on would name any host the client likes (also for Socket.IO's same-origin check)."""
    conf = (Path(__file__).parents[2] / "deploy" / "nginx.conf").read_text()
    locations = _proxied_locations(conf)
    assert {"/", "/socket.io/"} <= set(locations)
    for path, directives in locations.items():
        for header in ("proxy_set_header Host $host;",
                       "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
                       "proxy_set_header X-Forwarded-Proto $scheme;",
                       "proxy_set_header X-Forwarded-Host $host;"):
            assert header in directives, f"{path}: {header}"


def _socketio_handshake(http, host):
    """An Engine.IO polling handshake, as the browser's Socket.IO client opens it."""
    return http.get("/socket.io/?EIO=4&transport=polling", base_url=f"https://{host}",
                    headers={"Origin": f"https://{host}"})


@pytest.mark.parametrize("host", ["evil.example", "localhost"])
def test_production_refuses_socketio_handshakes_for_other_hosts(app, make_user, host):
    user = make_user()
    with isolated_app(config_like(app, **PRODUCTION)) as production:
        http = production.test_client()
        login = http.post("/konto/anmelden", base_url="https://hub.example.org",
                          data={"email": user.email, "password": TEST_PASSWORD})
        assert login.status_code == 302
        # The same login cookie, sent to the forged host (as a DNS-rebinding page would).
        http.set_cookie("session", http.get_cookie("session", domain="hub.example.org").value,
                        domain=host)
        sockets = socketio.server.eio.sockets  # the production app's own server
        refused = _socketio_handshake(http, host)
        sockets_after_refusal = len(sockets)
        own_host = _socketio_handshake(http, "hub.example.org")
        sockets_after_own_host = len(sockets)
    assert refused.status_code == 401 and b"sid" not in refused.data
    assert sockets_after_refusal == 0
    assert own_host.status_code == 200 and b"sid" in own_host.data
    assert sockets_after_own_host == 1


def test_development_socketio_handshake_answers_any_host(client, auth):
    auth.login()
    client.set_cookie("session", client.get_cookie("session").value, domain="192.168.1.20")
    response = _socketio_handshake(client, "192.168.1.20:5000")
    assert response.status_code == 200 and b"sid" in response.data
