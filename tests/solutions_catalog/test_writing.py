"""Writing a case study in the portal, step by step: each step a Wagtail revision, submission
to the "Consortium review" workflow staff work from in the admin. Bad input is refused at the
field and saves nothing (no page, no revision, no document)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Revision, WorkflowState

from indicators.models import Indicator
from members.models import Organisation, User
from solutions_catalog.models import CaseStudyPage, Theme

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% a tender specification\n"


def person(email):
    return User.objects.get(email=email)


def rows(prefix, items, initial=0):
    data = {f"{prefix}-TOTAL_FORMS": str(len(items)), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
    for n, item in enumerate(items):
        data.update({f"{prefix}-{n}-{key}": value for key, value in item.items()})
    return data


def problem(**fields):
    return {"title": "수원 스마트 횡단보도", "city": Organisation.objects.get(slug="suwon").pk,
            "summary": "야간 보행자 사고를 줄이는 지능형 횡단보도.",
            "problem": "무신호 횡단보도에서 야간 사고가 잦았다.\n\n특히 겨울철에.",
            "themes": [Theme.objects.get(slug="mobility").pk], "go": "next", **fields}


KPI = {"metric": "야간 보행자 사고", "baseline": "12", "result": "4", "unit": "건",
       "measured_on": "2024-06-01"}


def step_url(page, step):
    return reverse("catalogue:write_step", args=[page.pk, step])


@pytest.fixture
def officer(as_user, catalogue):
    return as_user(person("officer.suwon@demo.example"))


@pytest.fixture
def draft(officer):
    """A Suwon case study the officer has begun (the first step saved)."""
    response = officer.post(reverse("catalogue:write"), problem())
    assert response.status_code == 302, response.context and response.context["form"].errors
    return CaseStudyPage.objects.get(title="수원 스마트 횡단보도")


def revisions(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def test_each_step_saves_a_revision_and_submission_starts_the_review(officer, draft):
    assert not draft.live and draft.owner.email == "officer.suwon@demo.example"
    assert draft.problem == "<p>무신호 횡단보도에서 야간 사고가 잦았다.</p><p>특히 겨울철에.</p>"
    officer.post(step_url(draft, "approach"), {
        "approach": "보행자를 감지해 바닥 조명으로 알린다.", "started_on": "2023-03-01",
        "ended_on": "2024-02-01", "go": "next"})
    officer.post(step_url(draft, "outcomes"), {
        **rows("kpis", [KPI, {**KPI, "metric": "운전자 감속률", "baseline": "", "result": "63",
                              "unit": "%"}]), "go": "next"})
    partner = Organisation.objects.get(slug="seoul-mobility-labs") if Organisation.objects.filter(
        slug="seoul-mobility-labs").exists() else Organisation.objects.exclude(
        kind="city").first()
    officer.post(step_url(draft, "partners"), {
        **rows("partners", [{"organisation": partner.pk, "role": "센서 공급"}]), "go": "next"})
    officer.post(step_url(draft, "documents"), {
        **rows("documents", []), "new_file": SimpleUploadedFile("spec.pdf", PDF),
        "new_title": "과업지시서", "new_kind": "tender_specification",
        "new_visibility": "public", "go": "finish"})
    assert revisions(draft) == 5

    draft.refresh_from_db()
    latest = draft.get_latest_revision_as_object()
    assert [k.metric for k in latest.kpis.all()] == ["야간 보행자 사고", "운전자 감속률"]
    assert [p.role for p in latest.partners.all()] == ["센서 공급"]
    assert [d.document.title for d in latest.documents.all()] == ["과업지시서"]

    preview = officer.get(reverse("catalogue:write_preview", args=[draft.pk]))
    assert preview.status_code == 200
    assert "solutions_catalog/case_study_page.html" in [t.name for t in preview.templates]
    assert "운전자 감속률" in preview.text

    response = officer.post(reverse("catalogue:write_submit", args=[draft.pk]))
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Consortium review"

    staff = person("staff@demo.example")
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, staff, "approve")
    draft.refresh_from_db()
    assert draft.live
    assert draft.kpis.count() == 2 and draft.documents.get().visibility == "public"


def test_a_request_for_changes_shows_its_comment_in_the_list(officer, draft):
    officer.post(step_url(draft, "approach"), {"approach": "조명을 설치했다.", "go": "next"})
    officer.post(reverse("catalogue:write_submit", args=[draft.pk]))
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    state.current_task_state.task.specific.on_action(
        state.current_task_state, person("staff@demo.example"), "reject",
        comment="성과 지표의 측정 기준을 적어 주세요.")
    listing = officer.get(reverse("catalogue:my_case_studies"))
    assert "성과 지표의 측정 기준을 적어 주세요." in listing.text
    assert "수정 요청됨" in listing.text

    # Submitting again closes the request and starts the review over.
    officer.post(reverse("catalogue:write_submit", args=[draft.pk]))
    assert WorkflowState.objects.get(object_id=str(draft.pk), status="in_progress")


def test_submission_asks_for_the_missing_parts(officer, draft):
    response = officer.get(reverse("catalogue:write_submit", args=[draft.pk]))
    assert step_url(draft, "approach") in response.text  # "What the city did" is missing
    officer.post(reverse("catalogue:write_submit", args=[draft.pk]))
    assert not WorkflowState.objects.filter(object_id=str(draft.pk)).exists()


def test_missing_required_parts_create_no_page(officer):
    before = CaseStudyPage.objects.count()
    response = officer.post(reverse("catalogue:write"), problem(title="", themes=[]))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"title", "themes"}
    assert CaseStudyPage.objects.count() == before


@pytest.mark.parametrize(("step", "data", "field"), [
    ("outcomes", rows("kpis", [{**KPI, "result": "네 건"}]), "result"),
    ("approach", {"approach": "조명", "started_on": "2024-03-01", "ended_on": "2023-03-01"},
     "ended_on"),
    ("budget", {"budget": "-5", "currency": "KRW"}, "budget"),
    ("documents", {**rows("documents", []), "new_kind": "contract", "new_visibility": "public",
                   "new_file": SimpleUploadedFile("contract.pdf", b"MZ\x90\x00 not a pdf")},
     "new_file"),
    ("documents", {**rows("documents", []), "new_kind": "contract", "new_visibility": "public",
                   "new_file": SimpleUploadedFile("contract.exe", PDF)}, "new_file"),
])
def test_bad_input_is_refused_at_the_field_and_saves_nothing(officer, draft, step, data, field):
    documents = get_document_model().objects.count()
    response = officer.post(step_url(draft, step), {**data, "go": "next"})
    assert response.status_code == 200
    form = response.context["form"]
    errors = form.errors or next(f.errors for f in form.formsets["kpis"].forms if f.errors)
    assert field in errors
    assert revisions(draft) == 1
    assert get_document_model().objects.count() == documents


def test_a_document_over_the_limit_is_refused_at_the_field(officer, draft, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024 * 1024  # under the request limit
    big = SimpleUploadedFile("evaluation.pdf", PDF + b"0" * (2 * 1024 * 1024))
    response = officer.post(step_url(draft, "documents"), {
        **rows("documents", []), "new_file": big, "new_kind": "evaluation_report",
        "new_visibility": "members", "go": "next"})
    assert "new_file" in response.context["form"].errors
    assert "1.0" in response.text and revisions(draft) == 1


def test_a_60_mb_request_is_refused_before_it_is_read(officer, draft):
    """Far over the limit, the body is refused on the wire (common.limits); the form's script
    tells the officer at the field before sending (tests/e2e/test_writing_walk.py)."""
    big = SimpleUploadedFile("evaluation.pdf", PDF + b"0" * (60 * 1024 * 1024))
    response = officer.post(step_url(draft, "documents"), {
        **rows("documents", []), "new_file": big, "new_kind": "evaluation_report",
        "new_visibility": "members", "go": "next"})
    assert response.status_code == 413
    assert revisions(draft) == 1


def test_saving_a_step_again_keeps_its_rows(officer, draft):
    officer.post(step_url(draft, "outcomes"), rows("kpis", [KPI, {**KPI, "metric": "둘째"}]))
    unchanged = [{"id": "", **KPI}, {"id": "", **KPI, "metric": "둘째"}]
    officer.post(step_url(draft, "outcomes"), rows("kpis", unchanged, initial=2))
    draft.refresh_from_db()
    assert [k.metric for k in draft.get_latest_revision_as_object().kpis.all()] == [
        "야간 보행자 사고", "둘째"]


def test_a_kpi_on_an_indicator_needs_a_unit_that_converts(officer, draft):
    indicator = Indicator.objects.get(unit="%") if Indicator.objects.filter(
        unit="%").count() == 1 else Indicator.objects.filter(unit="%").first()
    response = officer.post(step_url(draft, "outcomes"), rows(
        "kpis", [{**KPI, "indicator": indicator.pk, "unit": "kg"}]))
    assert "unit" in response.context["form"].formsets["kpis"].forms[0].errors
    assert revisions(draft) == 1
    officer.post(step_url(draft, "outcomes"), rows(
        "kpis", [{**KPI, "indicator": indicator.pk, "unit": "%"}]))
    draft.refresh_from_db()
    assert draft.get_latest_revision_as_object().kpis.get().indicator == indicator


def test_add_a_row_without_script_saves_nothing(officer, draft):
    response = officer.post(step_url(draft, "outcomes"), {**rows("kpis", [KPI]),
                                                          "add_row": "kpis"})
    assert len(response.context["form"].formsets["kpis"].forms) == 2
    assert revisions(draft) == 1


def test_autosave_saves_a_revision_or_nothing(officer, draft):
    saved = officer.post(step_url(draft, "data"), {"data_used": "교통 CCTV", "autosave": "1"})
    assert saved.status_code == 200 and saved.json()["url"] == step_url(draft, "data")
    assert revisions(draft) == 2
    refused = officer.post(step_url(draft, "budget"), {"budget": "many", "autosave": "1"})
    assert refused.status_code == 400 and revisions(draft) == 2
    # back on the step, the draft is restored
    assert "교통 CCTV" in officer.get(step_url(draft, "data")).text


@pytest.mark.parametrize("email", ["vendor@demo.example", "officer.bucheon@demo.example"])
def test_only_people_of_the_city_write_its_case_study(as_user, draft, email):
    client = as_user(person(email))
    assert client.get(step_url(draft, "problem")).status_code == 403
    posted = client.post(step_url(draft, "approach"), {"approach": "가로채기", "go": "next"})
    assert posted.status_code == 403
    assert client.post(reverse("catalogue:write_submit", args=[draft.pk])).status_code == 403
    assert revisions(draft) == 1


def test_vendors_cannot_start_one(as_user, catalogue):
    client = as_user(person("vendor@demo.example"))
    assert client.get(reverse("catalogue:write")).status_code == 403
    assert client.post(reverse("catalogue:write"), problem()).status_code == 403


def test_the_lists_query_count_does_not_grow_with_case_studies(
        officer, draft, django_assert_max_num_queries):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert officer.get(reverse("catalogue:my_case_studies")).status_code == 200
        return len(queries)

    count()  # the site's links are cached by the first page seen
    few = count()
    for n in range(3):
        officer.post(reverse("catalogue:write"), problem(title=f"사례 {n}"))
    assert count() == few
    with django_assert_max_num_queries(few):
        officer.get(reverse("catalogue:my_case_studies"))


def test_a_steps_query_count_does_not_grow_with_rows(officer, draft):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert officer.get(step_url(draft, "outcomes")).status_code == 200
            assert officer.get(step_url(draft, "partners")).status_code == 200
            assert officer.get(reverse("catalogue:write_submit", args=[draft.pk])
                               ).status_code == 200
        return len(queries)

    def write_rows(n):
        partner = Organisation.objects.exclude(kind="city").first()
        officer.post(step_url(draft, "outcomes"), rows("kpis", [KPI] * n))
        officer.post(step_url(draft, "partners"), rows(
            "partners", [{"organisation": partner.pk, "role": f"역할 {i}"} for i in range(n)]))

    write_rows(1)
    count()  # the site's links are cached by the first page seen
    one = count()
    write_rows(6)
    assert count() == one
