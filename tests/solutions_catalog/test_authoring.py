"""Writing case studies in the Wagtail admin: officers draft for their own city only and
submit; staff approve or ask for changes; the submitter hears of the decision. Bad input in
the admin form gets a message and saves nothing."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from indicators.models import Indicator
from members import notify
from members.models import Notification, Organisation, User
from solutions_catalog.authoring import CITY_AUTHORS_GROUP
from solutions_catalog.models import CaseStudyPage, CatalogueIndexPage, Theme
from solutions_catalog.wagtail_hooks import guard_bulk_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(catalogue):
    return CatalogueIndexPage.objects.get(locale__language_code="ko")


def person(email, language=None):
    user = User.objects.get(email=email)
    if language:  # the admin speaks the person's preferred language
        user.preferred_language = language
        user.save()
    return user


def city(slug):
    return Organisation.objects.get(slug=slug)


def case_study_form(city_pk, title="수원 스마트 횡단보도", kpis=(), **fields):
    if not isinstance(kpis, dict):  # (metric, baseline, result) triples for new KPIs
        kpis = inline_formset([{"metric": m, "baseline": b, "result": r, "unit": "%",
                                "measured_on": ""} for m, b, r in kpis])
    data = nested_form_data({
        "title": title,
        "slug": slugify(title, allow_unicode=True),
        "city": city_pk,
        "summary": "보행자 사고를 줄이는 지능형 횡단보도.",
        "problem": rich_text("야간 보행자 사고가 많았다."),
        "approach": rich_text("센서와 조명을 설치했다."),
        "currency": "KRW",
        "privacy_assessment": "completed",
        "kpis": kpis,
        "partners": inline_formset([]),
        "images": inline_formset([]),
        "documents": inline_formset([]),
        "comments": inline_formset([]),
        **fields,
    })
    data["themes"] = [Theme.objects.get(slug="mobility").pk]
    return data


def add_url(index):
    return f"/admin/pages/add/solutions_catalog/casestudypage/{index.pk}/"


def test_city_people_are_authors_and_lose_it_when_they_leave(catalogue):
    officer = person("officer.suwon@demo.example")
    assert officer.groups.filter(name=CITY_AUTHORS_GROUP).exists()
    assert not person("vendor@demo.example").groups.filter(name=CITY_AUTHORS_GROUP).exists()

    officer.memberships.get().delete()
    assert not officer.groups.filter(name=CITY_AUTHORS_GROUP).exists()


def test_an_officer_drafts_for_their_own_city_only(as_user, index):
    client = as_user(person("officer.suwon@demo.example"))
    form = client.get(add_url(index))
    assert form.status_code == 200
    choices = list(form.context["form"].fields["city"].queryset)
    assert choices == [city("suwon")]

    before = CaseStudyPage.objects.count()
    response = client.post(add_url(index), case_study_form(city("daegu").pk))
    assert response.status_code == 200
    assert "소속된 도시" in response.text  # the officer reads the admin in Korean
    assert CaseStudyPage.objects.count() == before


def test_an_officer_cannot_edit_another_citys_case_study(as_user, catalogue):
    client = as_user(person("officer.bucheon@demo.example"))
    response = client.get(f"/admin/pages/{catalogue.pk}/edit/")
    assert response.status_code in (302, 403)
    posted = client.post(f"/admin/pages/{catalogue.pk}/edit/",
                         case_study_form(catalogue.city_id, title="Hijacked"))
    assert posted.status_code in (302, 403)
    catalogue.refresh_from_db()
    assert catalogue.title != "Hijacked"
    assert not catalogue.permissions_for_user(person("officer.bucheon@demo.example")).can_edit()
    assert catalogue.permissions_for_user(person("officer.daegu@demo.example")).can_edit()


def test_the_catalogue_index_itself_is_for_staff(as_user, index):
    officer = person("officer.suwon@demo.example")
    assert index.permissions_for_user(officer).can_add_subpage()
    assert not index.permissions_for_user(officer).can_edit()
    assert as_user(officer).get(f"/admin/pages/{index.pk}/edit/").status_code in (302, 403)
    assert index.permissions_for_user(person("staff@demo.example")).can_edit()


def test_a_vendor_cannot_create_or_edit_a_citys_case_study(as_user, index, catalogue):
    client = as_user(person("vendor@demo.example"))
    before = CaseStudyPage.objects.count()
    assert client.get(add_url(index)).status_code in (302, 403)
    client.post(add_url(index), case_study_form(city("daegu").pk))
    client.post(f"/admin/pages/{catalogue.pk}/edit/", case_study_form(catalogue.city_id,
                                                                      title="Hijacked"))
    assert CaseStudyPage.objects.count() == before
    catalogue.refresh_from_db()
    assert catalogue.title != "Hijacked"


def test_officers_submit_and_staff_approve_or_ask_for_changes(as_user, index, on_commit):
    officer = person("officer.suwon@demo.example")
    client = as_user(officer)
    response = client.post(add_url(index), {
        **case_study_form(city("suwon").pk, kpis=[("사고 감소", "12", "5")]),
        "action-submit": "Submit for moderation",
    })
    assert response.status_code == 302, response.context["form"].errors
    page = CaseStudyPage.objects.get(title="수원 스마트 횡단보도")
    assert not page.live
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not page.permissions_for_user(officer).can_publish()

    staff = as_user(person("staff@demo.example"))
    task_state = state.current_task_state
    mail.outbox.clear()
    with on_commit():
        staff.post(f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/",
                   {"comment": "KPI 측정일을 적어 주세요."})
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    message = next(m for m in mail.outbox if m.to == [officer.email])
    assert "KPI 측정일을 적어 주세요." in message.body

    client = as_user(officer)
    kpi = page.kpis.get()
    client.post(f"/admin/pages/{page.pk}/edit/", {
        **case_study_form(city("suwon").pk, kpis=inline_formset([{
            "id": kpi.pk, "metric": kpi.metric, "baseline": "12", "result": "5", "unit": "%",
            "measured_on": "2026-10-31"}], initial=1)),
        "slug": page.slug, "action-submit": "1"})
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    staff = as_user(person("staff@demo.example"))
    mail.outbox.clear()
    with on_commit():
        staff.post(f"/admin/pages/workflow/action/{page.pk}/approve/"
                   f"{state.current_task_state.pk}/", {"comment": ""})
    page.refresh_from_db()
    assert page.live
    # Wagtail's moderation mail goes through members.notify: kept, and unsubscribable.
    approved = next(m for m in mail.outbox if m.to == [officer.email])
    assert "List-Unsubscribe" in approved.extra_headers
    assert Notification.objects.filter(recipient=officer, kind=notify.MODERATION_RESULT,
                                       url_en=f"/admin/pages/{page.pk}/edit/").count() == 2

    # Who chose "never" for moderation results gets no mail of them.
    notify.set_preference(officer, notify.MODERATION_RESULT, "never")
    client = as_user(officer)
    client.post(f"/admin/pages/{page.pk}/edit/", {
        **case_study_form(city("suwon").pk, kpis=inline_formset([{
            "id": kpi.pk, "metric": kpi.metric, "baseline": "12", "result": "4", "unit": "%",
            "measured_on": "2026-10-31"}], initial=1)),
        "slug": page.slug, "action-submit": "1"})
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    staff = as_user(person("staff@demo.example"))
    mail.outbox.clear()
    with on_commit():
        staff.post(f"/admin/pages/workflow/action/{page.pk}/approve/"
                   f"{state.current_task_state.pk}/", {"comment": ""})
    assert not any(m.to == [officer.email] for m in mail.outbox)
    assert str(page.kpis.get().measured_on) == "2026-10-31"
    assert page.get_latest_revision().user == officer  # history shows who changed what


@pytest.mark.parametrize(("fields", "message"), [
    ({"kpis": inline_formset([{"metric": "사고 감소", "baseline": "열둘", "result": "5",
                               "unit": "%", "measured_on": ""}])}, "Enter a number."),
    ({"budget": "-1000"}, "A budget cannot be negative."),
    ({"public_share_percent": "140"}, "less than or equal to 100"),
    ({"started_on": "2025-06-01", "ended_on": "2024-01-01"},
     "The end date is before the start date."),
])
def test_bad_input_in_the_admin_form_saves_nothing(as_user, index, fields, message):
    client = as_user(person("officer.suwon@demo.example", language="en"))
    data = case_study_form(city("suwon").pk)
    data.update(nested_form_data(fields))
    before = CaseStudyPage.objects.count()
    response = client.post(add_url(index), data)
    assert response.status_code == 200
    assert message in response.text
    assert CaseStudyPage.objects.count() == before


@pytest.mark.parametrize(("name", "content", "message"), [
    ("tender.exe", b"MZ\x90\x00", "is not allowed"),
    ("tender.pdf", b"%PDF-1.7\n" + b"0" * (20 * 1024 * 1024), "This file is too big"),
])
def test_forbidden_or_oversized_documents_are_refused(as_user, catalogue, name, content,
                                                      message):
    client = as_user(person("officer.suwon@demo.example", language="en"))
    before = get_document_model().objects.count()
    response = client.post("/admin/documents/add/", {
        "title": "Tender", "collection": 1, "tags": "",
        "file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in str(response.context["form"].errors), response.context["form"].errors
    assert get_document_model().objects.count() == before


def test_copy_move_delete_and_bulk_actions_respect_the_city(as_user, catalogue):
    """Wagtail's copy, move, delete and bulk views load plain pages; the city rule holds."""
    client = as_user(person("officer.bucheon@demo.example"))
    pk = catalogue.pk
    assert client.post(f"/admin/pages/{pk}/delete/").status_code in (302, 403)
    assert client.get(f"/admin/pages/{pk}/copy/").status_code in (302, 403)
    bulk = client.post(f"/admin/bulk/wagtailcore/page/delete/?id={pk}&next=/admin/")
    assert bulk.status_code in (302, 403)
    assert CaseStudyPage.objects.filter(pk=pk, live=True).exists()
    assert CaseStudyPage.objects.filter(translation_key=catalogue.translation_key).count() == 2

    request = RequestFactory().post("/admin/bulk/")
    plain = [Page.objects.get(pk=pk)]  # what the bulk views hand to the hook
    request.user = person("officer.bucheon@demo.example")
    assert guard_bulk_action(request, "delete", plain, None).status_code == 403
    request.user = person("staff@demo.example")
    assert guard_bulk_action(request, "delete", plain, None) is None


@pytest.mark.parametrize("unit,message", [
    ("GWh/yr", "“GWh/yr” cannot be converted to “kWh/km/yr”: they measure different things."),
    ("", "unit: this indicator is measured in kWh/km/yr."),
])
def test_a_kpi_on_an_indicator_in_a_unit_of_another_kind_saves_nothing(as_user, index, unit,
                                                                         message):
    client = as_user(person("officer.suwon@demo.example", language="en"))
    lights = Indicator.objects.get(code="ISO37120:7.6")
    data = case_study_form(city("suwon").pk, kpis=inline_formset([{
        "indicator": lights.pk, "metric": "가로등 전력", "baseline": "", "result": "12",
        "unit": unit, "measured_on": ""}]))
    before = CaseStudyPage.objects.count()
    response = client.post(add_url(index), data)
    assert response.status_code == 200
    assert message in response.text
    assert CaseStudyPage.objects.count() == before
    data["kpis-0-unit"] = "MWh/km/yr"  # the same figure in a unit of its kind is saved
    assert client.post(add_url(index), data).status_code == 302
    assert CaseStudyPage.objects.get(slug=data["slug"]).kpis.get().indicator == lights
