"""Must-show: the admin's submit and review screens in Korean, with no English left: a Suwon
officer's page editor and submission, staff's review of it (screenshots
test-artifacts/screenshots/admin-review-ko-*.png)."""

import re

import pytest

from members import demo as members_demo
from members.models import User
from solutions_catalog.models import CaseStudyPage, CatalogueIndexPage, Theme
from tests.e2e.test_case_study_walk import (
    footer_action,
    seeded,  # noqa: F401 (a fixture)
    sign_in,
    write_rich_text,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "수원 스마트 가로등 시범 사업"
# What Wagtail or the portal printed in English on these screens before (workflow and task
# names are stored in English; Wagtail 8.0's Korean lacks the action labels).
ENGLISH_LABELS = [
    "Consortium review", "Consortium staff approval", "Moderators approval", "Submit to",
    "Approve with comment", "Request changes", "and Publish", "Awaiting", "In Moderation",
    "Draft", "Live", "Status", "Locked", "Privacy", "Comments", "Checks", "Minimap",
    "Side panel", "workflow", "task", "Schedule", "Save draft", "Preview", "History",
]
# Words that may stay in Latin letters on a Korean screen: names, units, the case study's own
# content and the browser's own rendering.
CODE = re.compile(r"[A-Z]{3}")  # currency codes among the KPI units: data, not interface
ALLOWED_WORDS = {"URL", "CSV", "PDF", "KPI", "SEO", "ID", "Wagtail", "API", "HTML"}


def english_left(page) -> list[str]:
    """The Latin words in what the screen shows (visible text and accessible labels)."""
    text = page.locator("body").inner_text()
    labels = " ".join(page.eval_on_selector_all(
        "[aria-label], [title], [placeholder]",
        "els => els.filter(e => e.offsetParent !== null).map("
        "e => [e.getAttribute('aria-label'), e.getAttribute('title'),"
        " e.getAttribute('placeholder')].filter(Boolean).join(' '))"))
    words = re.findall(r"[A-Za-z][A-Za-z'’-]+", f"{text} {labels}")
    names = {part for user in User.objects.all()
             for part in f"{user} {user.first_name} {user.last_name}".split()}
    return sorted({w for w in words if w not in ALLOWED_WORDS | names and not CODE.fullmatch(w)})


def english_on(page, name: str, screenshot) -> dict[str, list[str]]:
    """What English the screen still shows (known labels, then any Latin word)."""
    screenshot(page, f"admin-review-ko-{name}")
    shown = page.locator("body").inner_text()
    labels = [label for label in ENGLISH_LABELS if label in shown]
    words = english_left(page)
    return {name: labels + words} if labels or words else {}


def _speaks_korean(*emails: str) -> None:
    for user in User.objects.filter(email__in=emails):
        user.preferred_language = "ko"
        user.save()


@pytest.mark.usefixtures("seeded")
def test_submit_and_review_screens_are_korean(browser, live_server, screenshot, settings):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    _speaks_korean("officer.suwon@demo.example", "staff@demo.example")
    index = CatalogueIndexPage.objects.get(locale__language_code="ko")
    english = {}

    officer = sign_in(browser, live_server, "officer.suwon@demo.example")
    officer.goto(f"/admin/pages/add/solutions_catalog/casestudypage/{index.pk}/")
    officer.locator("#id_title").fill(TITLE)
    officer.locator("#id_summary").fill("야간 보행 안전을 높이는 스마트 가로등.")
    write_rich_text(officer, "problem", "골목길이 어두워 야간 보행 사고가 잦았다.")
    write_rich_text(officer, "approach", "보행자를 감지해 밝기를 높이는 가로등을 설치했다.")
    mobility = Theme.objects.get(slug="mobility")
    themes = officer.locator(f"input[name=themes][value='{mobility.pk}']")
    if themes.count():
        themes.check()
    else:
        officer.locator("select[name=themes]").select_option(str(mobility.pk))
    officer.locator("footer [data-w-dropdown-target='toggle']").first.click()
    expect_text(officer, "컨소시엄 검토에 제출")
    english |= english_on(officer, "1-editor", screenshot)
    footer_action(officer, "button[name=action-submit]")
    officer.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    page = CaseStudyPage.objects.get(title=TITLE)
    officer.goto(f"/admin/pages/{page.pk}/edit/")
    officer.locator("[data-side-panel-toggle='status']").first.click()
    expect_text(officer, "컨소시엄 사무국 승인")  # the task, in the status panel
    english |= english_on(officer, "2-submitted", screenshot)

    staff = sign_in(browser, live_server, "staff@demo.example",
                    members_demo.STAFF_TOTP_SECRET)
    staff.goto(f"/admin/pages/{page.pk}/edit/")
    staff.locator("footer [data-w-dropdown-target='toggle']").first.click()
    expect_text(staff, "의견과 함께 승인")
    english |= english_on(staff, "3-review", screenshot)
    staff.locator("button[data-workflow-action-name=approve][data-workflow-action-modal-url]"
                  ).first.click()
    staff.get_by_role("dialog").filter(has_text="의견").first.wait_for()
    english |= english_on(staff, "4-approve-with-comment", screenshot)
    officer.context.close()
    staff.context.close()
    assert english == {}, f"English left on the Korean admin: {english}"


def expect_text(page, text: str) -> None:
    page.get_by_text(text).first.wait_for(state="visible")
    page.wait_for_timeout(800)  # menus fade and panels slide in: let them settle for the screenshot
