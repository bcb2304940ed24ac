"""A newcomer's first visit: the Korean home page, English on request, and signing up with
the e-mail verification link."""

import re

import pytest
from django.core import mail

from members.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_reads_korean_then_switches_to_english(page, screenshot):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.get_by_role("heading", level=1).inner_text() == "스마트시티 협력 포털"
    screenshot(page, "home-ko")

    page.get_by_role("navigation", name="언어").get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Smart City Consortium"
    screenshot(page, "home-en")


def test_keyboard_user_can_skip_to_content(page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#main$"))  # the jump is asynchronous in Chromium
    assert page.url.endswith("#main")


def test_signup_with_email_verification(page, screenshot):
    page.goto("/en/accounts/signup/")
    page.get_by_label("Email").fill("new.officer@suwon.example")
    page.get_by_label("Password:", exact=True).fill("a-long-passphrase-2026")
    page.get_by_label("Password (again):").fill("a-long-passphrase-2026")
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url(re.compile(r"/en/accounts/confirm-email/$"))
    screenshot(page, "signup-verify-email")

    message = mail.outbox[-1]
    assert message.to == ["new.officer@suwon.example"]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/en/dashboard/$"))  # signed in, on their dashboard
    assert page.get_by_role("button", name="Sign out").is_visible()
    assert User.objects.get(email="new.officer@suwon.example").emailaddress_set.get().verified
    screenshot(page, "signup-done")
