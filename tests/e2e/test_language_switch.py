"""Must-show: from every kind of page, the header's language link leads English → Korean and
Korean → English to the matching page, query string kept; a plain link, no script needed."""

from urllib.parse import urlsplit

import pytest

from tests.e2e.test_case_study_walk import sign_in
from tests.portal.test_language_switch import places

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _here(page) -> str:
    url = urlsplit(page.url)
    return url.path + (f"?{url.query}" if url.query else "")


def _switch(page, to: str) -> None:
    page.locator(f".language-switcher a[hreflang={to}]").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("search_engine", ["database"], indirect=True)
def test_every_page_kind_switches_both_ways(full_demo, browser, live_server, screenshot):
    page = sign_in(browser, live_server, "officer.daegu@demo.example")
    for korean, english in places():
        page.goto(english)
        _switch(page, "ko")
        assert _here(page) == korean, english
        assert page.locator("html").get_attribute("lang") == "ko"
        _switch(page, "en")
        assert _here(page) == english, korean
        assert page.locator("html").get_attribute("lang") == "en"
    screenshot(page, "language-switch-last-en")

    # A search changed in place (htmx moves the address): the link follows the new query.
    page.goto("/en/search/?q=smart")
    page.locator("#search-q").fill("parking")
    page.locator("#search-q").press("Enter")
    page.wait_for_url("**/en/search/?q=parking*")
    _switch(page, "ko")
    assert _here(page).startswith("/search/?q=parking")
    page.context.close()


@pytest.mark.parametrize("search_engine", ["database"], indirect=True)
def test_switching_works_without_javascript(full_demo, browser, live_server):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/catalogue/?city=daegu")
    _switch(page, "ko")
    assert _here(page) == "/catalogue/?city=daegu"
    assert page.locator(".language-switcher [aria-current]").inner_text() == "한국어"
    context.close()
