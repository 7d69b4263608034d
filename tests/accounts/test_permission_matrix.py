"""Who may open what: every route of the app for anonymous visitors, plus role rows.

The anonymous rows are generated from the app's URL map, so routes that other features
add later are covered without touching this file.
"""
import importlib
from urllib.parse import urlsplit

import pytest
from flask import Flask
from werkzeug.routing import AnyConverter, FloatConverter, IntegerConverter, UUIDConverter

from alumni_hub import FEATURES

PUBLIC = {"accounts.login", "accounts.register", "accounts.request_reset",
          "accounts.reset_password", "pages.imprint", "pages.privacy", "static",
          "notifications.unsubscribe", "accounts.set_language", "favicon",
          # Calendar apps fetch the personal feed without a cookie; its secret token is the key.
          "meetings.feed"}
IGNORED_METHODS = {"HEAD", "OPTIONS"}


def _rules(app):
    return sorted(app.url_map.iter_rules(), key=lambda r: (r.endpoint, r.rule))


def _probe_rules():
    """The blueprints' routes, known at collection time without a second full app
    (extensions such as Socket.IO bind to the last app built). Routes added to the app
    itself are checked by test_routes_added_outside_blueprints_are_checked_too."""
    probe = Flask("alumni_hub", static_folder="../static")
    for name in FEATURES:
        probe.register_blueprint(importlib.import_module(f"alumni_hub.{name}").bp)
    return [(rule.endpoint, rule.rule) for rule in _rules(probe)]


RULES = _probe_rules()


def _dummy(converter):
    if isinstance(converter, IntegerConverter):
        return 1
    if isinstance(converter, FloatConverter):
        return 1.0
    if isinstance(converter, AnyConverter):
        return sorted(converter.items)[0]
    if isinstance(converter, UUIDConverter):
        return "00000000-0000-0000-0000-000000000001"
    return "x"


def _request_for(app, endpoint, rule_text):
    """URL (dummy arguments) and method (GET if possible) for one rule of the real app."""
    [rule] = [r for r in app.url_map.iter_rules()
              if r.endpoint == endpoint and r.rule == rule_text]
    values = {name: _dummy(rule._converters[name]) for name in rule.arguments}
    methods = rule.methods - IGNORED_METHODS
    method = "GET" if "GET" in methods else sorted(methods)[0]
    url = app.url_map.bind("localhost").build(endpoint, values, method=method)
    return url, method


def _assert_login_required_unless_public(app, client, endpoint, rule_text):
    url, method = _request_for(app, endpoint, rule_text)
    response = client.open(url, method=method)
    location = urlsplit(response.headers.get("Location", "")).path
    if endpoint in PUBLIC:
        assert location != "/konto/anmelden" and response.status_code < 500
    else:
        assert response.status_code == 302, (method, url)
        assert location == "/konto/anmelden", (method, url)


@pytest.mark.parametrize(("endpoint", "rule_text"), RULES, ids=[f"{e} {r}" for e, r in RULES])
def test_anonymous_visitor_is_sent_to_login_except_on_public_pages(app, client, endpoint,
                                                                   rule_text):
    _assert_login_required_unless_public(app, client, endpoint, rule_text)


def test_routes_added_outside_blueprints_are_checked_too(app, client):
    extra = [(rule.endpoint, rule.rule) for rule in _rules(app)
             if (rule.endpoint, rule.rule) not in RULES]
    for endpoint, rule_text in extra:
        _assert_login_required_unless_public(app, client, endpoint, rule_text)


# (role, method, url, expected status)
ROLE_ROWS = [
    *[("member", "GET", url, 403) for url in (
        "/konto/einladen", "/moderation/", "/moderation/benutzer", "/moderation/postausgang",
        "/moderation/postausgang/1", "/moderation/protokoll")],
    *[("member", "POST", url, 403) for url in (
        "/konto/einladen", "/konto/einladungen/1/zurueckziehen",
        "/moderation/benutzer/1/rolle", "/moderation/benutzer/1/aktiv")],
    ("member", "GET", "/konto/einstellungen", 200),
    ("moderator", "GET", "/moderation/benutzer", 403),
    ("moderator", "GET", "/moderation/postausgang", 403),
    ("moderator", "GET", "/moderation/postausgang/1", 403),
    ("moderator", "POST", "/moderation/benutzer/1/rolle", 403),
    ("moderator", "POST", "/moderation/benutzer/1/aktiv", 403),
    *[("moderator", "GET", url, 200) for url in (
        "/konto/einladen", "/moderation/", "/moderation/protokoll", "/konto/einstellungen")],
    *[("admin", "GET", url, 200) for url in (
        "/konto/einladen", "/moderation/", "/moderation/benutzer", "/moderation/postausgang",
        "/moderation/protokoll", "/konto/einstellungen")],
]


@pytest.mark.parametrize(("role", "method", "url", "status"), ROLE_ROWS,
                         ids=[f"{r} {m} {u}" for r, m, u, _ in ROLE_ROWS])
def test_role_may_or_may_not_use_account_and_moderation_tools(client, auth, role, method, url,
                                                              status):
    auth.login(role=role)
    response = client.open(url, method=method)
    assert response.status_code == status
    if status == 403:
        assert "Kein Zugriff" in response.get_data(as_text=True)
