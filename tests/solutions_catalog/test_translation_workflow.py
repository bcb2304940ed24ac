"""Translating case studies with wagtail-localize: text is translated segment by segment,
figures, partners and taxonomy follow the source when it changes; staff see what needs
translating per language; officers ask for translations of their own city's case studies;
the demo's translated pairs are registered with their English text kept."""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from indicators.models import Indicator
from members.models import Organisation, User
from solutions_catalog.models import (
    CaseStudyKPI,
    CaseStudyPage,
    CaseStudyPartner,
    CatalogueIndexPage,
    Theme,
    TranslationRequest,
)
from solutions_catalog.translations import (
    needing_translation_counts,
    request_translation,
)

pytestmark = pytest.mark.django_db

ENGLISH = {
    "부천 스마트 가로등 관제": "Bucheon smart street-light control",
    "bucheon-smart-street-light-control": "bucheon-smart-street-light-control",
    "가로등을 원격으로 제어한다.": "Street lights are controlled remotely.",
    "밤새 켜진 가로등이 전력을 낭비했다.": "Lights burned all night and wasted power.",
    "원격 관제 시스템을 설치했다.": "A remote control system was installed.",
    "전력 사용량": "Electricity use",
    "MWh/km/년": "MWh/km/yr",
    "통신망 운영": "Network operation",
}


@pytest.fixture
def korean(catalogue):
    """A case study approved in Korean only, with a KPI and a partner."""
    index = CatalogueIndexPage.objects.get(locale__language_code="ko")
    page = CaseStudyPage(
        title="부천 스마트 가로등 관제", slug="bucheon-smart-street-light-control",
        city=Organisation.objects.get(slug="bucheon"), summary="가로등을 원격으로 제어한다.",
        problem="<p>밤새 켜진 가로등이 전력을 낭비했다.</p>",
        approach="<p>원격 관제 시스템을 설치했다.</p>", budget=Decimal("1200000000"))
    page.kpis = [CaseStudyKPI(metric="전력 사용량", baseline=900, result=610, unit="MWh/km/년",
                              indicator=Indicator.objects.get(code="ISO37120:7.6"))]
    page.partners = [CaseStudyPartner(organisation=Organisation.objects.get(slug="hanbit-telecom"),
                                      role="통신망 운영")]
    page.themes = list(Theme.objects.filter(slug="energy"))
    index.add_child(instance=page)
    page.save_revision().publish()
    return CaseStudyPage.objects.get(pk=page.pk)


def staff():
    return User.objects.get(email="staff@demo.example")


def english_version(page):
    return CaseStudyPage.objects.get(translation_key=page.translation_key,
                                     locale__language_code="en")


def translate_text(translation):
    """What a translator types in wagtail-localize's editor: each text segment."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string, locale=translation.target_locale,
            context=segment.context,
            defaults={"data": ENGLISH[segment.string.data], "translation_type": "manual"})


def test_translation_keeps_figures_and_partners_in_sync_with_the_source(
        korean, as_user, on_commit):
    before = needing_translation_counts()
    assert CaseStudyPage.objects.needing_translation("en").filter(pk=korean.pk).exists()

    client = as_user(staff())
    english = Locale.objects.get(language_code="en")
    response = client.post(f"/admin/localize/submit/page/{korean.pk}/",
                           {"locales": [english.pk]})
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=korean.translation_key,
                                          target_locale=english)
    # Only the text is offered for translation: no figure, date, organisation or taxonomy.
    paths = set(StringSegment.objects.filter(source=translation.source)
                .values_list("context__path", flat=True))
    assert {path.split(".")[-1] for path in paths} == {
        "title", "slug", "summary", "problem", "approach", "metric", "unit", "role"}
    translate_text(translation)
    with on_commit():
        translation.save_target(user=staff(), publish=True)

    page = english_version(korean)
    assert page.live and page.title == "Bucheon smart street-light control"
    kpi = page.kpis.get()
    assert (kpi.metric, kpi.unit, kpi.result) == ("Electricity use", "MWh/km/yr", Decimal(610))
    assert kpi.indicator.code == "ISO37120:7.6"  # synchronised, not offered for translation
    assert list(page.themes.all()) == list(korean.themes.all())
    assert page.budget == korean.budget and page.city == korean.city
    assert needing_translation_counts()["en"] == before["en"] - 1

    # The source changes its figures and partner, and is published again.
    other = Organisation.objects.exclude(pk__in=[korean.city_id,
                                                 korean.partners.get().organisation_id]).first()
    draft = CaseStudyPage.objects.get(pk=korean.pk)
    draft_kpi = draft.kpis.get()
    draft_kpi.result = Decimal(480)
    draft_partner = draft.partners.get()
    draft_partner.organisation = other
    draft.kpis = [draft_kpi]
    draft.partners = [draft_partner]
    draft.save_revision().publish()
    assert CaseStudyPage.objects.needing_translation("en").filter(pk=korean.pk).exists()
    assert needing_translation_counts()["en"] == before["en"]

    # "Sync translated pages": nothing retyped.
    with on_commit():
        response = client.post(f"/admin/localize/update/{translation.source.pk}/",
                               {"publish_translations": "on"})
    assert response.status_code == 302
    page = english_version(korean)
    kpi, partner = page.kpis.get(), page.partners.get()
    assert kpi.result == Decimal(480) and kpi.metric == "Electricity use"
    assert partner.organisation == other and partner.role == "Network operation"
    assert page.title == "Bucheon smart street-light control"
    assert "Lights burned all night" in page.problem
    assert not CaseStudyPage.objects.needing_translation("en").filter(pk=korean.pk).exists()
    assert needing_translation_counts()["en"] == before["en"] - 1


def test_officers_ask_for_translations_of_their_own_city_only(
        korean, people, as_user, on_commit, django_assert_max_num_queries):
    stranger = people["org_admin"]  # Suwon's administrator
    with pytest.raises(PermissionDenied):
        request_translation(stranger, korean, "en")
    refused = as_user(stranger).post(f"/admin/translations/request/{korean.pk}/",
                                     {"language": "en"})
    assert refused.status_code in (302, 403)  # the admin turns a refusal into a redirect
    assert not TranslationRequest.objects.exists()

    officer = people["officer"]  # Bucheon's
    # Translating (and syncing, which publishes) is staff's: authors may not publish.
    assert not officer.has_perm("wagtail_localize.submit_translation")
    client = as_user(officer)
    edit = client.get(f"/admin/pages/{korean.pk}/edit/")
    assert f"/admin/translations/request/{korean.pk}/" in edit.text
    mail.outbox.clear()
    with on_commit():
        response = client.post(f"/admin/translations/request/{korean.pk}/", {"language": "en"})
    assert response.status_code == 302
    made = TranslationRequest.objects.get()
    assert (made.case_study, made.language, made.requested_by) == (korean, "en", officer)
    assert any(staff().email in message.to and korean.title in message.subject
               for message in mail.outbox)

    # Asking for the page's own language changes nothing.
    client.post(f"/admin/translations/request/{korean.pk}/", {"language": "ko"})
    assert TranslationRequest.objects.count() == 1

    client = as_user(staff())
    with django_assert_max_num_queries(15):  # however many case studies wait
        queue = client.get("/admin/translations/queue/?language=en")
    assert queue.status_code == 200
    assert korean.title in queue.text
    assert queue.context["languages"][1][2] == needing_translation_counts()["en"]
    assert as_user(officer).get("/admin/translations/queue/").status_code in (302, 403)


def test_demo_pairs_are_registered_with_their_english_text(catalogue, on_commit):
    call_command("register_translations", stdout=StringIO())
    case_studies = Translation.objects.filter(
        source__specific_content_type=ContentType.objects.get_for_model(CaseStudyPage))
    korean = CaseStudyPage.objects.filter(locale__language_code="ko")
    assert case_studies.count() == korean.count() == 44
    assert needing_translation_counts() == {"ko": 0, "en": 0}

    english = english_version(catalogue)
    kept = (english.title, english.problem, [k.metric for k in english.kpis.all()])
    translation = case_studies.get(source__object_id=catalogue.translation_key)
    with on_commit():
        translation.source.update_from_db()
        translation.save_target(publish=True)
    english = english_version(catalogue)
    assert (english.title, english.problem, [k.metric for k in english.kpis.all()]) == kept
    assert [k.result for k in english.kpis.all()] == [k.result for k in catalogue.kpis.all()]

    call_command("register_translations", stdout=StringIO())  # idempotent
    assert case_studies.count() == 44


def test_staff_translate_on_korean_screens(catalogue, as_user):
    """wagtail-localize's own Korean covers a fifth of its screens; the portal's catalogue
    supplies the rest (locale/ko: django.po and, for its React editor, djangojs.po)."""
    call_command("register_translations", stdout=StringIO())
    translation = Translation.objects.get(source__object_id=catalogue.translation_key)
    client = as_user(staff())
    client.cookies["django_language"] = "ko"

    source_menu = client.get(f"/admin/pages/{catalogue.pk}/edit/").text
    assert "번역된 페이지 동기화" in source_menu and "Sync translated pages" not in source_menu
    sync = client.get(f"/admin/localize/update/{translation.source.pk}/").text
    assert "페이지를 왜 동기화하나요?" in sync and "바로 게시" in sync
    editor = client.get(f"/admin/pages/{english_version(catalogue).pk}/edit/")
    assert editor.status_code == 200
    editor_strings = client.get("/admin/localize/jsi18n/").text
    for english in ("Sync translated pages", "Why would I sync", "Publish immediately",
                    "Translated manually on", "Just now"):
        assert english not in source_menu + sync + editor.text
    assert escaped("직접 번역, ") in editor.text  # each segment's "translated manually on"
    for korean in ("PO 파일 내려받기", "번역 게시: ", "항목 번역됨", "번역 안 됨"):
        assert escaped(korean) in editor_strings


def escaped(text: str) -> str:
    """``text`` as JSON writes it in a page (the editor's props, the JavaScript catalogue)."""
    return json.dumps(text)[1:-1]
