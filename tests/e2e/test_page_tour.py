"""Every kind of page a member meets, in Korean and in English, at desktop and phone width:
screenshots for the record and axe-core's accessibility check on each (the admin is
Wagtail's own)."""

import pytest

from events.models import Audience, Meeting
from tests.e2e.test_case_study_walk import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.elasticsearch,
              pytest.mark.django_db(transaction=True)]

WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SEARCH_TERMS = {"ko": "스마트", "en": "smart"}


def _pages(language: str) -> list[tuple[str, str]]:
    prefix = "" if language == "ko" else "/en"
    meeting = Meeting.objects.upcoming().scheduled().filter(audience=Audience.PUBLIC).first()
    return [
        ("home", f"{prefix}/"),
        ("theme-hub", f"{prefix}/mobility/"),
        ("search", f"{prefix}/search/?q={SEARCH_TERMS[language]}"),
        ("catalogue", f"{prefix}/catalogue/"),
        ("case-study", f"{prefix}/catalogue/daegu-smart-street-lights/"),
        ("offerings", f"{prefix}/offerings/"),
        ("challenges", f"{prefix}/challenges/"),
        ("indicators", f"{prefix}/indicators/"),
        ("indicator", f"{prefix}/indicators/ISO37120:7.6/"),
        ("members", f"{prefix}/members/"),
        ("meetings", f"{prefix}/meetings/"),
        ("funding", f"{prefix}/funding/"),
        ("meeting", f"{prefix}{meeting.get_absolute_url()}"),
        ("funding-dashboard", f"{prefix}/funding/dashboard/"),
        ("my-dashboard", f"{prefix}/dashboard/"),
        ("resource-library", f"{prefix}/resources/"),
        ("news", f"{prefix}/news/"),
        ("not-found", f"{prefix}/catalogue/no-such-case-study/"),
    ]


@pytest.mark.parametrize("search_engine", ["elasticsearch"], indirect=True)
def test_every_page_kind_in_both_languages_and_widths(full_demo, browser, live_server, screenshot,
                                                      accessibility):
    # Signed in as Daegu's officer: the funding dashboard needs a member, and the other pages
    # then show everything a member sees (more to check than a visitor's view).
    page = sign_in(browser, live_server, "officer.daegu@demo.example")
    checked = 0
    for width_name, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        for language in ("ko", "en"):
            for name, path in _pages(language):
                response = page.goto(path)
                assert response.status == (404 if name == "not-found" else 200), path
                assert page.locator("html").get_attribute("lang") == language
                assert page.locator("main h1").count() == 1, path
                # Nothing wider than a phone's screen: no sideways scrolling.
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth")
                assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width_name}"
                accessibility(page)
                screenshot(page, f"tour-{name}-{language}-{width_name}")
                checked += 1
    assert checked == 2 * 2 * 18
    page.context.close()
