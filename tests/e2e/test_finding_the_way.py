"""A newcomer finds their way from the home page: the header leads to a case study in two
clicks, "Join" to the organisation application and "Create an account" to a person's own
sign-up; on a phone the menu folds behind a button that works from the keyboard, and without
JavaScript the menu simply stays open."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import seed_catalogue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def seeded(demo_site):
    seed_catalogue()


def test_case_study_in_two_clicks_from_the_home_page(page, seeded, accessibility):
    page.goto("/")
    page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="사례").click()
    page.wait_for_url(re.compile(r"/catalogue/$"))
    page.locator("main .card h3 a").first.click()
    page.wait_for_url(re.compile(r"/catalogue/[\w-]+/$"))
    expect(page.get_by_role("navigation", name="현재 위치")).to_be_visible()
    accessibility(page)


def test_join_leads_to_the_organisation_application(page):
    page.goto("/en/")
    page.get_by_role("link", name="Join", exact=True).click()
    page.wait_for_url(re.compile(r"/en/members/apply/$"))
    page.go_back()
    page.get_by_role("link", name="Create an account").click()
    page.wait_for_url(re.compile(r"/en/accounts/signup/$"))


def test_phone_menu_folds_and_opens_from_the_keyboard(page, screenshot):
    page.set_viewport_size(PHONE)
    page.goto("/en/")
    menu = page.get_by_role("navigation", name="Main")
    toggle = page.get_by_role("button", name="Menu")
    expect(menu).to_be_hidden()
    expect(page.get_by_role("navigation", name="Language").get_by_role("link", name="한국어")
           ).to_be_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Meetings")).to_be_visible()
    screenshot(page, "menu-open-en-phone")
    page.keyboard.press("Tab")  # into the menu
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(toggle).to_be_focused()
    # The header leaves the first screen to the page.
    top = page.get_by_role("heading", level=1).bounding_box()["y"]
    assert top < 200, f"the page's heading starts {top}px down"


def test_without_javascript_the_menu_stays_open(browser, live_server, demo_site):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE,
                                  java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    expect(page.get_by_role("navigation", name="주 메뉴").get_by_role("link", name="회의")
           ).to_be_visible()
    expect(page.get_by_role("button", name="메뉴")).to_be_hidden()
    context.close()
