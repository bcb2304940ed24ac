"""The catalogue on a 390×844 phone: the filters fold behind "Filters" so that the first case
study starts on the first screen (≤ 800 px down), in Korean and in English, with filters
chosen or not; the disclosure opens from the keyboard, and a chip removes one filter."""

import re

import pytest
from playwright.sync_api import expect

from members import demo as members_demo
from portal import demo as site_demo
from solutions_catalog import demo as catalog_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
FIRST_SCREEN = 800
ISSUE_EXAMPLE = "?theme=mobility&theme=cybersecurity&funding=public-private"


@pytest.fixture
def seeded(demo_site):
    members_demo.seed()
    catalog_demo.seed()
    home_ko, home_en = site_demo.seed()
    catalog_demo.seed_pages(home_ko, home_en)


@pytest.fixture
def phone(browser, live_server, seeded):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE,
                                  device_scale_factor=1, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.mark.parametrize("path", ["/catalogue/", "/en/catalogue/"])
@pytest.mark.parametrize("query", ["", ISSUE_EXAMPLE])
def test_first_case_study_starts_on_the_first_screen(phone, screenshot, path, query):
    phone.goto(path + query)
    first = phone.locator(".card-list > li").first
    expect(first).to_be_visible()
    top = first.bounding_box()["y"]
    language = "en" if path.startswith("/en") else "ko"
    print(f"first catalogue result at {top:.0f} px ({language}, "
          f"{'filtered' if query else 'unfiltered'}, 390×844)")
    assert top <= FIRST_SCREEN
    expect(phone.locator("details.filters-toggle fieldset").first).to_be_hidden()
    screenshot(phone, f"listings-phone-{language}{'-filtered' if query else ''}")


def test_filters_open_from_the_keyboard_and_a_chip_removes_one(phone):
    phone.goto("/en/catalogue/" + ISSUE_EXAMPLE)
    summary = phone.locator("details.filters-toggle > summary")
    expect(summary).to_have_text(re.compile(r"Filters \(3\)"))
    summary.focus()
    phone.keyboard.press("Enter")
    cyber = phone.get_by_role("checkbox", name=re.compile(r"^Cybersecurity \(0\)"))
    expect(cyber).to_be_visible()
    expect(cyber).to_be_checked()  # its count is 0, and it is still there
    phone.get_by_role("link", name=re.compile(r"^Theme: Cybersecurity")).click()
    phone.wait_for_url(lambda url: "cybersecurity" not in url)
    assert "theme=mobility" in phone.url and "funding=public-private" in phone.url
