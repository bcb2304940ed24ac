"""The weekly digest as its two readers receive it, Korean and English: the mail of the
digest test's city, shown as a mail reader shows a plain-text mail (screenshots)."""

import pytest
from django.core import mail
from django.utils.html import escape

from portal import digest
from tests.portal.test_weekly_digest import LONDON, SEOUL, city, monday_morning  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def shown(browser, message, language: str):
    page = browser.new_page(viewport={"width": 760, "height": 900})
    page.set_content(
        f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"><title>'
        f"{escape(message.subject)}</title></head><body style=\"font-family: sans-serif; "
        f'margin: 1.5rem\"><p>{escape(message.from_email)} → {escape(message.to[0])}</p>'
        f"<h1 style=\"font-size: 1.25rem\">{escape(message.subject)}</h1>"
        f'<pre style="white-space: pre-wrap; font-family: inherit; line-height: 1.5">'
        f"{escape(message.body)}</pre></body></html>")
    return page


def test_the_digest_in_korean_and_in_english(browser, city, on_commit, screenshot):  # noqa: F811
    with on_commit():
        assert digest.send_due(monday_morning(SEOUL)) == 1
        assert digest.send_due(monday_morning(LONDON)) == 1
    korean, english = mail.outbox
    for message, language, heading in ((korean, "ko", "주간 요약"),
                                       (english, "en", "Your weekly digest")):
        page = shown(browser, message, language)
        assert heading in page.locator("h1").inner_text()
        screenshot(page, f"digest-{language}")
        page.close()
