"""What every page shares: form attributes, the error summary, navigation, language, favicon."""
import re

import pytest


def test_forms_never_write_python_none_into_attributes(client, auth):
    pages = [client.get("/konto/anmelden").get_data(as_text=True)]
    auth.login()
    pages += [client.get(url).get_data(as_text=True)
              for url in ("/mitglieder/profil", "/konto/einstellungen")]
    for page in pages:
        assert not re.search(r'="None"', page)
        assert "aria-invalid" not in page  # nothing was submitted, nothing is invalid


def test_failed_submit_lists_every_error_with_links_to_the_fields(client, auth):
    auth.login()
    page = client.post("/konto/einstellungen/passwort", data={
        "current_password": "", "password": "kurz", "password_confirm": "anders"},
    ).get_data(as_text=True)
    summary = page[page.index('class="error-summary"'):]
    summary = summary[:summary.index("</div>")]
    assert 'tabindex="-1"' in page[page.index('<div class="error-summary"') - 5:][:80]
    assert summary.count("<li>") >= 2 and 'href="#password"' in summary
    assert 'aria-invalid="true"' in page and 'aria-describedby="password-help"' in page


def test_only_the_current_page_is_marked_current_in_the_navigation(client, auth):
    auth.login()
    page = client.get("/mitglieder/karte").get_data(as_text=True)
    assert page.count('aria-current="page"') == 1
    assert re.search(r'href="/mitglieder/karte"\s+aria-current="page"', page)


def test_a_sub_page_marks_its_section_once(client, auth):
    auth.login()
    page = client.get("/mitglieder/profil").get_data(as_text=True)
    assert page.count('aria-current="page"') <= 1


@pytest.mark.parametrize(("header", "lang", "word"), [
    ("en-GB,en;q=0.9", "en", "Sign in"), ("de-DE,de;q=0.9,en;q=0.5", "de", "Anmelden"),
    ("fr-FR,fr;q=0.9", "de", "Anmelden"), ("", "de", "Anmelden")])
def test_logged_out_pages_follow_the_browser_language_german_when_unsure(
        client, header, lang, word):
    page = client.get("/konto/anmelden", headers={"Accept-Language": header}).get_data(
        as_text=True)
    assert f'<html lang="{lang}"' in page and word in page


def test_language_switch_on_the_login_page_is_remembered(client):
    page = client.get("/konto/anmelden").get_data(as_text=True)
    assert 'value="en" lang="en"' in page
    response = client.post("/konto/sprache", data={"locale": "en", "next": "/konto/passwort-vergessen"})
    assert response.headers["Location"].endswith("/konto/passwort-vergessen")
    page = client.get("/konto/anmelden", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert '<html lang="en"' in page and 'value="de" lang="de"' in page


def test_language_switch_in_the_header_stores_the_members_choice(app, client, auth):
    user = auth.login()
    client.post("/konto/sprache", data={"locale": "en", "next": "/foren/"})
    from alumni_hub.accounts.models import User
    from alumni_hub.extensions import db
    with app.app_context():
        assert db.session.get(User, user.id).locale == "en"
    assert '<html lang="en"' in client.get("/foren/").get_data(as_text=True)


def test_language_switch_ignores_unknown_languages_and_foreign_targets(client):
    response = client.post("/konto/sprache", data={"locale": "xx", "next": "https://evil.example"})
    assert "evil" not in response.headers["Location"]
    assert "lang=" not in response.headers.get("Set-Cookie", "")


def test_pager_and_breadcrumb_labels_are_translated(client, auth, app):
    user = auth.login()
    client.post("/konto/sprache", data={"locale": "en"})
    with app.test_request_context():
        from flask import render_template_string
        from flask_babel import force_locale
        with force_locale("en"):
            html = render_template_string(
                '{% from "_macros/pagination.html" import pager %}'
                '{% from "_macros/breadcrumbs.html" import breadcrumbs %}'
                '{{ pager(page, "boards.index") }}{{ breadcrumbs([("A", "/a"), ("B", None)]) }}',
                page=type("P", (), {"pages": 2, "page": 1, "has_prev": False,
                                    "has_next": True, "next_num": 2})())
    assert "Page 1 of 2" in html and 'aria-label="Pages"' in html and "Next" in html
    assert 'aria-label="Breadcrumb"' in html and '<span aria-current="page">B</span>' in html
    assert user


def test_favicon_is_served_on_the_first_visit(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200 and response.mimetype == "image/vnd.microsoft.icon"
    assert response.data[:4] == b"\x00\x00\x01\x00"  # an ICO file header


def test_outbox_mail_body_is_a_focusable_named_scroll_region(app, client, auth):
    from alumni_hub.core.mail import OutboxEmail
    from alumni_hub.extensions import db
    with app.app_context():
        mail = OutboxEmail(recipient="a@example.org", subject="Hallo", text_body="Text " * 200)
        db.session.add(mail)
        db.session.commit()
        mail_id = mail.id
    auth.login(role="admin")
    page = client.get(f"/moderation/postausgang/{mail_id}").get_data(as_text=True)
    assert '<pre class="mail-body" tabindex="0" role="region" aria-label="Text der E-Mail">' in page


def test_wide_tables_scroll_inside_a_focusable_region(client, auth):
    auth.login()
    page = client.get("/benachrichtigungen/einstellungen").get_data(as_text=True)
    region = page.index('<div class="table-scroll" role="region" tabindex="0" '
                        'aria-label="Benachrichtigungs-Einstellungen">')
    assert region < page.index("<table")
