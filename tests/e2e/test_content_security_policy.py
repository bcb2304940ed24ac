"""The policy in a real browser: what it forbids is blocked, reported and logged (which is
what lets every other browser test fail on a violation), and htmx runs under it."""

import time

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_injected_inline_script_is_blocked_and_reported(page, caplog):
    page.goto("/en/")
    ran = page.evaluate("""() => {
        const script = document.createElement("script");
        script.textContent = "window.injected = true";
        document.body.append(script);
        return window.injected === true;
    }""")
    assert not ran
    deadline = time.monotonic() + 10
    while "CSP violation" not in caplog.text and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert "CSP violation: script-src-elem blocked inline" in caplog.text
    caplog.clear()  # the violation was this test's own


def test_htmx_runs_under_the_policy(page):
    page.goto("/en/")
    assert page.evaluate("() => typeof htmx === 'object' && htmx.config.allowEval === false")


def test_the_api_docs_render_under_the_policy(page):
    page.goto("/api/docs")
    title = page.locator(".swagger-ui .info .title")
    title.wait_for()
    assert "Smart City Consortium open data" in title.inner_text()
