"""The accessibility gate: axe-core (WCAG 2.1 A/AA) on every main page, as every role, in
German and English, at 1280×800 and 390×844. Fails on any serious or critical finding, on a
page not marked with its language, and on a page wider than the phone (390 px, and 320 px
for the smallest phones, checked in English, the language with the last pass).

Pages join the gate like routes join the route matrix: besides CORE_PAGES below, every
tests/<feature>/matrix.py may define

    A11Y_PAGES = [
        ("member", "/treffen/"),                           # (role, path)
        ("member", "/treffen/{meeting_id}"),               # {name} from a11y_values()
        ("member", "/treffen/neu", submit_empty_form),     # prepare(page) after loading
    ]

    def a11y_values() -> dict:                             # optional
        '''Run in an app context on top of the demo data (`flask seed-demo`); may add
        objects (the gate commits) and returns the values the paths' {names} need.'''

role is "anonymous", "member", "moderator" or "admin" (the demo logins); prepare is any
function taking the Playwright page, e.g. to submit a form and check the page with its
errors. Each role logs in once; the gate walks all pages in one browser.

It runs once per CI run: the axe results do not depend on the database, so it is skipped
when DATABASE_URL is set (the PostgreSQL leg of CI) and runs on the SQLite leg.
"""
import importlib
import io
import os
from pathlib import Path

import pytest
from flask import current_app
from PIL import Image
from sqlalchemy import select, update

from alumni_hub.accounts.services import invitations
from alumni_hub.accounts.services import password_reset as resets
from alumni_hub.accounts.models import User
from alumni_hub.boards.models import Category, Thread
from alumni_hub.core.mail import OutboxEmail
from alumni_hub.extensions import db
from alumni_hub.members import photos
from alumni_hub.wiki.models import Page

pytestmark = pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")),
                                reason="axe runs once per CI run, on the SQLite leg")

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
SMALLEST_PHONE = 320  # checked for overflow only (axe's findings do not change with width)
LOGINS = {"member": "mitglied@example.org", "moderator": "moderator@example.org",
          "admin": "admin@example.org"}
DEMO_PASSWORD = "alumni-demo"


def submit_empty_reply(page):
    page.fill("#reply-form textarea", "")
    page.click("#reply-form input[type=submit][name=submit]")
    page.wait_for_selector(".error-summary")


def submit_failed_registration(page):
    page.fill("input[name=password]", "kurz")
    page.click("form input[type=submit]")
    page.wait_for_selector(".error-summary")


CORE_PAGES = [
    ("anonymous", "/konto/anmelden"), ("anonymous", "/konto/passwort-vergessen"),
    ("anonymous", "/konto/einladung/{invitation_token}"),
    ("anonymous", "/konto/einladung/{invitation_token}", submit_failed_registration),
    ("anonymous", "/konto/passwort-neu/{reset_token}"), ("anonymous", "/konto/einladung/ungueltig"),
    ("anonymous", "/impressum"), ("anonymous", "/datenschutz"),
    ("member", "/"), ("member", "/foren/"), ("member", "/foren/{category_slug}"),
    ("member", "/foren/thema/{thread_id}-{thread_slug}"),
    ("member", "/foren/thema/{thread_id}-{thread_slug}", submit_empty_reply),
    ("member", "/foren/{category_slug}/neu"), ("member", "/foren/offene-fragen"),
    ("member", "/wiki/"), ("member", "/wiki/{page_slug}"), ("member", "/wiki/{page_slug}/bearbeiten"),
    ("member", "/wiki/{page_slug}/versionen"), ("member", "/wiki/{page_slug}/vergleich?von=1&bis=2"),
    ("member", "/wiki/aenderungen"), ("member", "/wiki/gibt-es-noch-nicht"),
    ("member", "/mitglieder/"), ("member", "/mitglieder/karte"), ("member", "/mitglieder/{user_id}"),
    ("member", "/mitglieder/profil"), ("member", "/mitglieder/profil/foto"),
    ("member", "/benachrichtigungen/"),
    ("member", "/benachrichtigungen/einstellungen"), ("member", "/konto/einstellungen"),
    ("moderator", "/moderation/"), ("moderator", "/moderation/meldungen"),
    ("moderator", "/moderation/protokoll"), ("moderator", "/konto/einladen"),
    ("moderator", "/foren/kategorien"), ("moderator", "/mitglieder/themen"),
    ("admin", "/moderation/benutzer"), ("admin", "/moderation/postausgang"),
    ("admin", "/moderation/postausgang/{email_id}"), ("admin", "/mitglieder/kursdurchgaenge"),
]


def core_values() -> dict:
    admin = db.session.scalar(select(User).where(User.email == LOGINS["admin"]))
    thread = db.session.scalar(select(Thread).order_by(Thread.id))
    page = db.session.scalar(select(Page).order_by(Page.id))
    [(_invitation, invitation_token)] = invitations.create_invitations(
        inviter=admin, emails_text="neu-im-netz@example.org", role="member")
    _user, reset_token = resets.request_reset(email=LOGINS["member"])
    mail = OutboxEmail(recipient=LOGINS["member"], subject="Willkommen",
                       text_body="Hallo!\n" + "Eine sehr lange Zeile ohne Umbruch " * 20)
    db.session.add(mail)
    picture = io.BytesIO()
    Image.new("RGB", (300, 200), "teal").save(picture, "PNG")
    photos.store_photo(user=admin, data=picture.getvalue(),
                       folder=current_app.config["UPLOAD_FOLDER"])
    db.session.flush()
    return {"thread_id": thread.id, "thread_slug": thread.slug,
            "category_slug": db.session.get(Category, thread.category_id).slug,
            "page_slug": page.slug, "user_id": admin.id, "email_id": mail.id,
            "invitation_token": invitation_token, "reset_token": reset_token}


def _feature_matrices():
    tests = Path(__file__).resolve().parents[1]
    return [importlib.import_module(f"tests.{path.parent.name}.matrix")
            for path in sorted(tests.glob("*/matrix.py"))]


def _load_world(app) -> tuple[list, dict]:
    """Demo data, the values every page's URL needs, and the full page list."""
    runner = app.test_cli_runner()
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    pages, values = list(CORE_PAGES), {}
    with app.app_context():
        values.update(core_values())
        for matrix in _feature_matrices():
            pages += getattr(matrix, "A11Y_PAGES", [])
            if hasattr(matrix, "a11y_values"):
                values.update(matrix.a11y_values())
        db.session.commit()
    return pages, values


def _set_language(app, context, language):
    with app.app_context():
        db.session.execute(update(User).values(locale=language))
        db.session.commit()
    context.add_cookies([{"name": "lang", "value": language, "url": context.base_url}])


def _contexts(browser, live_server):
    contexts = {}
    for role in ("anonymous", *LOGINS):
        context = browser.new_context(base_url=live_server, locale="de-DE")
        context.base_url = live_server
        context.set_default_timeout(10_000)
        page = context.new_page()
        if role != "anonymous":
            page.goto("/konto/anmelden")
            page.fill("input[name=email]", LOGINS[role])
            page.fill("input[name=password]", DEMO_PASSWORD)
            page.click("form:not(.language-switch) input[type=submit]")
            page.wait_for_url(lambda url: "/konto/anmelden" not in url)
        contexts[role] = (context, page)
    return contexts


def _check(page, axe_script) -> list[str]:
    page.evaluate(axe_script)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})", TAGS)
    return [f"{v['impact']} {v['id']}: {v['nodes'][0]['target']} – {v['help']}"
            for v in result["violations"] if v["impact"] in BLOCKING]


def test_every_main_page_passes_axe_and_fits_a_phone(app, browser, live_server):
    from axe_playwright_python.sync_playwright import Axe  # noqa: PLC0415

    axe_script = Axe().axe_script
    pages, values = _load_world(app)
    contexts = _contexts(browser, live_server)
    problems = []
    for language in ("de", "en"):
        for role, (context, _page) in contexts.items():
            _set_language(app, context, language)
        for size, (width, height) in SIZES.items():
            for role, path, *prepare in pages:
                page = contexts[role][1]
                page.set_viewport_size({"width": width, "height": height})
                url = path.format(**values)
                page.goto(url)
                for step in prepare:
                    step(page)
                where = f"{language} {size} {role} {url}{' (after submit)' if prepare else ''}"
                lang = page.get_attribute("html", "lang")
                if lang != language:
                    problems.append(f"{where}: <html lang={lang!r}>")
                problems += [f"{where}: {finding}" for finding in _check(page, axe_script)]
                overflow = page.evaluate("document.documentElement.scrollWidth")
                if size == "phone" and overflow > width:
                    problems.append(f"{where}: {overflow} px wide, wider than the screen")
    problems += _too_wide_for_the_smallest_phone(contexts, pages, values)
    for context, _page in contexts.values():
        context.close()
    assert problems == [], "\n".join(problems)


def _too_wide_for_the_smallest_phone(contexts, pages, values) -> list[str]:
    problems = []
    for role, path, *prepare in pages:
        page = contexts[role][1]
        page.set_viewport_size({"width": SMALLEST_PHONE, "height": 640})
        page.goto(path.format(**values))
        for step in prepare:
            step(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > SMALLEST_PHONE:
            problems.append(f"{SMALLEST_PHONE} px {role} {page.url}: {width} px wide")
    return problems
