"""Browser tests: Playwright drives Debian's Chromium (no downloaded browser)."""

import io
import time
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
# axe-core's rules for WCAG 2.1 A and AA, plus its best practices (landmarks, heading order).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING_IMPACTS = {"serious", "critical"}
OPEN_REQUESTS_TIMEOUT = 15  # seconds the live server gets to finish what it is answering


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # themselves (fixtures, assertions) are still synchronous and safe.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


def leave(page) -> None:
    """A blank page stops the page's timers (Wagtail's editing-session ping, autosave) so that
    nothing new is sent; then the browser's connections close with its context."""
    if not page.is_closed():
        page.goto("about:blank")


def wait_for_open_requests(live_server) -> None:
    """Until each of the live server's request threads (one per open connection) has ended."""
    server = live_server.thread.httpd
    deadline = time.monotonic() + OPEN_REQUESTS_TIMEOUT
    while time.monotonic() < deadline:
        if not [thread for thread in getattr(server, "_threads", []) if thread.is_alive()]:
            return
        time.sleep(0.05)


@pytest.fixture(autouse=True)
def _quiet_live_server_before_flush(request):
    """The database is flushed after a live-server test; a late request still being answered
    (an editor's editing-session ping) holds locks the flush waits for, and the flush holds
    what the request waits for: a deadlock. So, before the flush: every page the test opened
    is left for about:blank, its context closed, and the server's open requests finished."""
    if "live_server" not in request.fixturenames:
        yield
        return
    # Set up after the database fixture, so torn down before its flush.
    request.getfixturevalue("transactional_db")
    live_server = request.getfixturevalue("live_server")
    browser = request.getfixturevalue("browser")
    yield
    for context in browser.contexts:
        for page in context.pages:
            leave(page)
        context.close()
    wait_for_open_requests(live_server)


@pytest.fixture(autouse=True)
def _no_policy_violations(caplog):
    """Every browser test fails if the Content-Security-Policy blocked anything: Chromium reports
    each violation to /csp-report/, which logs it (portal.csp) in the live server's thread."""
    yield
    violations = [r.getMessage() for r in caplog.records if r.name == "portal.csp"]
    assert not violations, "Content-Security-Policy violations: " + "; ".join(violations)


@pytest.fixture
def full_demo(demo_site, search_engine):
    """Everything ``seed_demo`` makes, indexed by the engine the test chose."""
    from django.core.management import call_command

    call_command("seed_demo", allow_production=True, stdout=io.StringIO())


@pytest.fixture
def page(browser, live_server, demo_site):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    leave(page)
    context.close()


@pytest.fixture
def screenshot():
    """``screenshot(page, name)`` saves a full-page PNG under test-artifacts/screenshots."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(scope="session")
def accessibility():
    """``accessibility(page)`` runs axe-core in the page and fails on any serious or critical
    violation; lesser findings are printed, to be read in the test log."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page) -> list[dict]:
        violations = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}
                             ).response["violations"]
        for violation in violations:
            print(f"axe {violation['impact']}: {violation['id']} on {page.url}: "
                  f"{[node['target'] for node in violation['nodes']]}")
        blocking = [f"{v['id']} ({v['impact']}): {v['help']} at "
                    f"{[node['target'] for node in v['nodes']]}"
                    for v in violations if v["impact"] in BLOCKING_IMPACTS]
        assert not blocking, f"axe-core on {page.url}: " + "; ".join(blocking)
        return violations

    return check
