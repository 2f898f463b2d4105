"""Playwright on Debian's Chromium against pytest-django's live server, with the seeds ingested.

One browser per session, a fresh context and page per test. Every page records console errors, CSP
violations and any request that would leave 127.0.0.1; a test fails if it saw any of them.
"""

import os
import shutil
from urllib.parse import urlsplit

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls in the tests are still synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = shutil.which("chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

RECORD_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("REQUIRE_BROWSER=1 but Debian's Chromium is not installed (apt-get install chromium)")
        pytest.skip("Debian's Chromium is not installed (apt-get install chromium); browser tests skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def seeded(transactional_db, ingested_seeds, live_server):
    return ingested_seeds


class Watch:
    """What went wrong on a page: console errors, uncaught exceptions, CSP violations, foreign requests."""

    def __init__(self):
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.pages = []

    def attach(self, page):
        self.pages.append(page)
        page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))

    def csp_violations(self) -> list[str]:
        found = []
        for page in self.pages:
            if page.is_closed():
                continue
            try:
                found += page.evaluate("window.__csp || []")
            except Exception:  # noqa: BLE001 - a page mid-navigation has no window to ask
                pass
        return found


def _make_context(browser, watch: Watch, **options):
    context = browser.new_context(**options)
    if options.get("java_script_enabled", True):
        context.add_init_script(RECORD_CSP)

    def guard(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            watch.foreign.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    context.on("page", watch.attach)
    return context


@pytest.fixture
def watch():
    return Watch()


@pytest.fixture
def new_context(browser, watch):
    contexts = []

    def make(**options):
        context = _make_context(browser, watch, **options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context, watch):
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    yield page
    violations = watch.csp_violations()
    assert not watch.errors, watch.errors
    assert not violations, violations
    assert not watch.foreign, watch.foreign
