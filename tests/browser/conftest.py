"""Browser harness: the app served on 127.0.0.1 in a thread, driven by Playwright + chromium.

Debian's chromium is used (Playwright's own browser download does not work offline).
Without it the browser tests are skipped locally; CI sets REQUIRE_BROWSER=1 so that a
missing browser fails the run instead.
"""
import os
import shutil
import threading

import pytest
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def live_server(app):
    """The app on a free port of 127.0.0.1, with threads (Socket.IO works over polling/WS)."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                     headless=True)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """new_page() opens a fresh browser context (own cookies) on the live server."""
    contexts = []

    def open_page():
        context = browser.new_context(base_url=live_server, locale="de-DE")
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def login_as(live_server):
    """login_as(page, user) fills the real login form."""
    from tests.conftest import TEST_PASSWORD  # noqa: PLC0415

    def login(page, user, password=TEST_PASSWORD):
        page.goto("/konto/anmelden")
        page.fill("input[name=email]", user.email)
        page.fill("input[name=password]", password)
        page.click("input[type=submit]")
        page.wait_for_url(lambda url: "/konto/anmelden" not in url)

    return login
