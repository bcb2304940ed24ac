"""Must-show walk of the catalogue issue: a Suwon officer drafts a case study in Korean in the
admin and submits it; staff approve it; it shows in the Korean catalogue and, once staff have
translated it, in the English one; a Bucheon officer records an adoption; both sides show it."""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from playwright.sync_api import expect
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from members import demo as members_demo
from portal import demo as site_demo
from solutions_catalog import demo as catalog_demo
from solutions_catalog.models import Adoption, CaseStudyPage, CatalogueIndexPage, Theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TOTP_PERIOD = 30  # seconds, allauth's default
TITLE_KO = "수원 스마트 횡단보도"
TITLE_EN = "Suwon smart pedestrian crossings"


@pytest.fixture
def seeded(demo_site):
    members_demo.seed()
    catalog_demo.seed()
    home_ko, home_en = site_demo.seed()
    catalog_demo.seed_pages(home_ko, home_en)


def sign_in(browser, live_server, email, totp_secret=None):
    context = browser.new_context(base_url=live_server.url,
                                  viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(members_demo.DEMO_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    if totp_secret:
        page.wait_for_url(re.compile(r"/2fa/authenticate/"))
        # A code is good for its 30-second window only: one typed in the window's last
        # seconds can arrive in the next and be refused (a failed CI run did just that).
        left = TOTP_PERIOD - time.time() % TOTP_PERIOD
        if left < 5:
            page.wait_for_timeout((left + 0.5) * 1000)
        counter = next(iter(yield_hotp_counters_from_time()))
        page.get_by_label("Code").fill(format_hotp_value(hotp_value(totp_secret, counter)))
        page.get_by_role("button", name="Sign In").click()
    # Signed in: on the dashboard (the sign-in and second-factor forms end in "/" too).
    page.wait_for_url(re.compile(r"/(en/)?dashboard/$"))
    return page


def write_rich_text(page, field, text):
    editor = page.locator(f"[data-contentpath={field}] [contenteditable=true]")
    editor.click()
    page.keyboard.press("Control+A")
    editor.press_sequentially(text, delay=5)
    expect(editor).to_contain_text(text)
    # Draftail copies its content into the form's hidden input when the editor loses focus.
    page.keyboard.press("Tab")
    page.wait_for_timeout(300)


ENGLISH = {
    TITLE_KO: TITLE_EN,
    "야간 보행자 사고를 줄이는 지능형 횡단보도.":
        "Smart crossings that cut night-time pedestrian accidents.",
    "무신호 횡단보도에서 야간 사고가 잦았다.":
        "Unsignalled crossings saw frequent accidents at night.",
    "보행자를 감지해 바닥 조명으로 운전자에게 알린다.":
        "Sensors detect people and warn drivers with ground lights.",
}


def translate_segments(translation):
    """Each text segment translated, as a translator types it in the editor (the slug and
    anything unknown keep the source's text)."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=translation.target_locale,
            context=segment.context,
            defaults={"data": ENGLISH.get(segment.string.data, segment.string.data),
                      "translation_type": "manual"})


def footer_action(page, selector):
    """Click an action of the admin's footer, opening its 'more actions' menu if needed."""
    button = page.locator(selector).first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()


def test_draft_submit_approve_translate_adopt(browser, live_server, seeded, screenshot,
                                              settings):
    # Autosave would race the typing below (a person pauses; the script does not).
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    index = CatalogueIndexPage.objects.get(locale__language_code="ko")
    mobility = Theme.objects.get(slug="mobility")

    # 1. The Suwon officer drafts in Korean and submits for review.
    officer = sign_in(browser, live_server, "officer.suwon@demo.example")
    officer.goto(f"/admin/pages/add/solutions_catalog/casestudypage/{index.pk}/")
    officer.locator("#id_title").fill(TITLE_KO)
    assert officer.locator("#id_city option").all_inner_texts() == ["수원시"]  # own city only
    officer.locator("#id_summary").fill("야간 보행자 사고를 줄이는 지능형 횡단보도.")
    write_rich_text(officer, "problem", "무신호 횡단보도에서 야간 사고가 잦았다.")
    write_rich_text(officer, "approach", "보행자를 감지해 바닥 조명으로 운전자에게 알린다.")
    themes = officer.locator(f"input[name=themes][value='{mobility.pk}']")
    if themes.count():
        themes.check()
    else:
        officer.locator("select[name=themes]").select_option(str(mobility.pk))
    screenshot(officer, "catalogue-officer-drafts-in-korean")
    footer_action(officer, "button[name=action-submit]")
    officer.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    page = CaseStudyPage.objects.get(title=TITLE_KO)
    assert not page.live
    assert page.city.slug == "suwon"

    # 2. Staff (with their second factor) approve it from the edit view.
    staff = sign_in(browser, live_server, "staff@demo.example", members_demo.STAFF_TOTP_SECRET)
    staff.goto(f"/admin/pages/{page.pk}/edit/")
    screenshot(staff, "catalogue-staff-reviews")
    footer_action(staff, "button[data-workflow-action-name=approve]"
                         ":not([data-workflow-action-modal-url])")  # approve without comment
    staff.wait_for_load_state("networkidle")
    page.refresh_from_db()
    assert page.live

    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.goto("/catalogue/?city=suwon")
    assert visitor.get_by_role("link", name=TITLE_KO).is_visible()

    # 3. Staff translate it into English with wagtail-localize and publish the translation.
    staff.goto(f"/admin/localize/submit/page/{page.pk}/")
    staff.locator("input[name=locales]").first.check()
    staff.locator("form input[type=submit].button").click()
    staff.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    translation = Translation.objects.get(source__object_id=page.translation_key,
                                          target_locale__language_code="en")
    translate_segments(translation)  # what the translator types into each segment
    english = CaseStudyPage.objects.get(translation_key=page.translation_key,
                                        locale__language_code="en")
    staff.goto(f"/admin/pages/{english.pk}/edit/")
    screenshot(staff, "catalogue-staff-translates")
    staff.locator("button[name=action][value=publish]").click()
    staff.wait_for_load_state("networkidle")
    english.refresh_from_db()
    assert english.live and english.title == TITLE_EN
    visitor.goto("/en/catalogue/")
    visitor.get_by_role("link", name=TITLE_EN).click()
    assert visitor.get_by_role("heading", level=1).inner_text() == TITLE_EN

    # 4. A Bucheon officer records an adoption from the English page.
    bucheon = sign_in(browser, live_server, "officer.bucheon@demo.example")
    bucheon.goto(english.url)
    bucheon.get_by_text("Your city is replicating this? Record it").click()
    bucheon.get_by_label("Where you are").select_option("piloting")
    bucheon.get_by_label("What you adapted").fill("Added speakers for visually impaired people.")
    bucheon.get_by_role("button", name="Record adoption").click()
    assert "adoption is recorded" in bucheon.get_by_role("status").first.inner_text()
    assert Adoption.objects.filter(origin=page, adopter__slug="bucheon").exists()

    # Both sides show the lineage: the case study in both languages, and Bucheon's page.
    visitor.goto(english.url)
    assert "Bucheon" in visitor.locator("#lineage-title + *").inner_text() or \
        "Bucheon" in visitor.content()
    screenshot(visitor, "catalogue-lineage-on-case-study")
    visitor.goto(page.url)
    assert "부천시" in visitor.content()
    visitor.goto("/en/members/bucheon/")
    assert visitor.get_by_role("link", name=TITLE_EN).is_visible()
    screenshot(visitor, "catalogue-lineage-on-city-page")
