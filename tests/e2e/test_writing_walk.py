"""Must-show walk of writing in the portal: a Suwon officer writes a case study in Korean
through the step-by-step form (two KPIs, a partner, a document), submits it; staff open it from
the work queue on their dashboard and approve it in the editor; it is live with its KPIs. Then
Suwon's admin edits it, staff open it from the queue again and ask for changes with a comment in
the editor's "Request changes" dialog, and the comment shows in "My city's case studies"."""

import re

import pytest
from playwright.sync_api import expect

from members import demo as members_demo
from members.models import Organisation
from solutions_catalog.models import CaseStudyPage, Theme
from tests.e2e.test_case_study_walk import footer_action, seeded, sign_in  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "수원 스마트 횡단보도"
PDF = b"%PDF-1.4\n% tender specification\n"
NEXT = "저장하고 다음 단계로"
COMMENT = "측정 기간과 방법을 적어 주세요."


def open_from_queue(staff, page, screenshot, shot):
    """Staff open the case study from "What waits for you" on their dashboard: the editor."""
    staff.goto("/dashboard/")
    queue = staff.locator("#queue-reviews")
    expect(queue).to_contain_text(TITLE)
    staff.locator("#queue-heading").scroll_into_view_if_needed()
    screenshot(staff, shot)
    queue.get_by_role("link", name=TITLE).click()
    staff.wait_for_url(re.compile(rf"/admin/pages/{page.pk}/edit/$"))


def korean(page):
    page.goto("/")  # the Korean site (the sign-in page was English)


def next_step(page):
    page.get_by_role("button", name=NEXT).click()
    page.wait_for_load_state("networkidle")


def test_write_submit_approve_and_request_changes(browser, live_server, seeded, screenshot,  # noqa: F811
                                                  tmp_path):
    mobility = Theme.objects.get(slug="mobility")
    partner = Organisation.objects.filter(kind="vendor").order_by("pk").first()

    officer = sign_in(browser, live_server, "officer.suwon@demo.example")
    korean(officer)
    officer.get_by_role("link", name="사례 작성하기").first.click()
    expect(officer.get_by_role("heading", level=2)).to_contain_text("1단계")
    assert officer.locator("#id_city option").all_inner_texts() == ["수원시"]

    # Step 1, first refused: nothing typed but the title.
    officer.locator("#id_title").fill(TITLE)
    next_step(officer)
    expect(officer.locator("[role=alert]").first).to_contain_text("아직 저장되지 않았습니다")
    assert not CaseStudyPage.objects.filter(title=TITLE).exists()
    screenshot(officer, "write-1-problem-refused")
    officer.locator("#id_summary").fill("야간 보행자 사고를 줄이는 지능형 횡단보도.")
    officer.locator("#id_problem").fill("무신호 횡단보도에서 야간 사고가 잦았다.")
    officer.locator(f"input[name=themes][value='{mobility.pk}']").check()
    screenshot(officer, "write-1-problem")
    next_step(officer)
    page = CaseStudyPage.objects.get(title=TITLE)

    officer.locator("#id_approach").fill("보행자를 감지해 바닥 조명으로 운전자에게 알린다.")
    officer.locator("#id_started_on").fill("2024-03-01")
    officer.locator("#id_ended_on").fill("2023-03-01")
    next_step(officer)
    expect(officer.locator("#id_ended_on_error, .errorlist").first).to_contain_text("종료")
    screenshot(officer, "write-2-end-before-start")
    officer.locator("#id_ended_on").fill("2025-02-01")
    next_step(officer)

    # Outcomes: the second KPI row added in place by the script.
    officer.locator("#id_kpis-0-metric").fill("야간 보행자 사고")
    officer.locator("#id_kpis-0-baseline").fill("12")
    officer.locator("#id_kpis-0-result").fill("네 건")  # text as a number: refused
    officer.locator("#id_kpis-0-unit").fill("건")
    officer.get_by_role("button", name="성과 지표 행 추가").click()
    officer.locator("#id_kpis-1-metric").fill("운전자 감속 비율")
    officer.locator("#id_kpis-1-result").fill("63")
    officer.locator("#id_kpis-1-unit").fill("%")
    next_step(officer)
    expect(officer.locator("#id_kpis-0-result")).to_have_attribute("aria-invalid", "true")
    screenshot(officer, "write-3-kpi-text-refused")
    officer.locator("#id_kpis-0-result").fill("4")
    screenshot(officer, "write-3-outcomes")
    next_step(officer)

    officer.locator("#id_budget").fill("120000000")
    officer.locator("#id_funding_model").select_option(index=1)
    next_step(officer)
    officer.locator("#id_partners-0-organisation").select_option(str(partner.pk))
    officer.locator("#id_partners-0-role").fill("센서와 조명 공급")
    screenshot(officer, "write-5-partners")
    next_step(officer)
    officer.locator("#id_data_used").fill("교통량 센서, 야간 조도")
    next_step(officer)
    officer.locator("#id_privacy_assessment").select_option("completed")
    next_step(officer)

    # Documents: 60 MB named at the field before sending; a renamed file refused by the server.
    big = tmp_path / "평가보고서.pdf"
    big.write_bytes(PDF + b"0" * (60 * 1024 * 1024))
    officer.locator("#id_new_file").set_input_files(str(big))
    expect(officer.locator("#id_new_file-size-error")).to_contain_text("파일이 너무 큽니다")
    screenshot(officer, "write-8-document-too-large")
    fake = tmp_path / "계약서.pdf"
    fake.write_bytes(b"MZ\x90\x00 this is not a PDF")
    officer.locator("#id_new_file").set_input_files(str(fake))
    officer.locator("#id_new_kind").select_option("contract")
    next_step(officer)
    expect(officer.locator(".errorlist").first).to_contain_text(".pdf")
    spec = tmp_path / "spec.pdf"
    spec.write_bytes(PDF)
    officer.locator("#id_new_file").set_input_files(str(spec))
    officer.locator("#id_new_title").fill("과업지시서")
    officer.locator("#id_new_kind").select_option("tender_specification")
    officer.locator("#id_new_visibility").select_option("public")
    next_step(officer)

    expect(officer.get_by_role("heading", level=2)).to_have_text("확인 및 제출")
    screenshot(officer, "write-9-check-and-submit")
    officer.get_by_role("link", name="게시될 모습으로 미리 보기").click()
    expect(officer.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(officer.locator("#kpi-title + *")).to_contain_text("운전자 감속 비율")
    screenshot(officer, "write-10-preview")
    officer.go_back()
    officer.get_by_role("button", name="검토 요청하기").click()
    officer.wait_for_url(re.compile(r"/case-studies/mine/$"))
    screenshot(officer, "write-11-in-review")
    page.refresh_from_db()
    assert not page.live

    # Staff find it in their work queue and approve it in the editor the queue links to.
    staff = sign_in(browser, live_server, "staff@demo.example", members_demo.STAFF_TOTP_SECRET)
    open_from_queue(staff, page, screenshot, "write-12-queue")
    footer_action(staff, "button[data-workflow-action-name=approve]"
                         ":not([data-workflow-action-modal-url])")
    staff.wait_for_load_state("networkidle")
    page.refresh_from_db()
    assert page.live and page.kpis.count() == 2 and page.partners.count() == 1
    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.goto(page.url)
    expect(visitor.locator("#kpi-title + *")).to_contain_text("야간 보행자 사고")
    screenshot(visitor, "write-13-live")

    # Suwon's admin edits it; staff ask for changes with a comment; the comment shows.
    admin = sign_in(browser, live_server, "admin.suwon@demo.example")
    korean(admin)
    admin.goto("/case-studies/mine/")
    admin.get_by_role("link", name=f"이어서 작성 {TITLE}").click()
    admin.locator("#id_summary").fill("야간 보행자 사고를 3분의 1로 줄인 지능형 횡단보도.")
    admin.get_by_role("button", name="확인 및 제출").click()
    admin.get_by_role("button", name="검토 요청하기").click()
    admin.wait_for_url(re.compile(r"/case-studies/mine/$"))
    open_from_queue(staff, page, screenshot, "write-14-queue-resubmitted")
    footer_action(staff, "button[data-workflow-action-name=reject][data-workflow-action-modal-url]")
    dialog = staff.locator(".modal form")
    dialog.locator("textarea[name=comment]").fill(COMMENT)
    # The dialog checks the comment, then the editor's form posts the action and Wagtail
    # returns to the listing of the page's parent.
    with staff.expect_navigation(url=re.compile(rf"/admin/pages/{page.get_parent().pk}/$")):
        dialog.locator("button[type=submit]").click()
    staff.wait_for_load_state("networkidle")
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state.status == "needs_changes"
    assert state.current_task_state.status == "rejected"
    assert state.current_task_state.get_comment() == COMMENT
    assert page.live  # the live version stays until the changes are approved
    admin.reload()
    expect(admin.locator(".review-comment")).to_contain_text(COMMENT)
    screenshot(admin, "write-15-changes-requested")
