"""Charts and wide tables fit the screen: on the funding dashboard and the meetings month grid,
at a 360 px phone and at 1280 px, in Korean and in English, no table is wider than its box, no
cell's text spills out of its cell and no chart label is cut off at the chart's edge."""

import pytest
from django.utils import timezone

from events.models import Meeting
from tests.e2e.test_case_study_walk import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 800}}

# Everything that does not fit, described for the failure message.
OVERFLOWS = """() => {
  const problems = [];
  const name = (el) => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}"`;
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) problems.push(`page ${root.scrollWidth}px wide`);
  for (const table of document.querySelectorAll("main table")) {
    const box = table.parentElement;
    if (table.getBoundingClientRect().width > box.clientWidth + 1)
      problems.push(`${name(table.querySelector("caption") || table)}: table wider than its box`);
    for (const cell of table.querySelectorAll("th, td")) {
      if (cell.offsetParent !== null && cell.scrollWidth > cell.clientWidth + 1)
        problems.push(`${name(cell)} spills out of its cell`);
    }
  }
  for (const svg of document.querySelectorAll("main svg.chart")) {
    const edge = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll("text")) {
      const r = text.getBoundingClientRect();
      if (r.width && (r.left < edge.left - 1 || r.right > edge.right + 1))
        problems.push(`chart label ${name(text)} cut off`);
    }
  }
  for (const day of document.querySelectorAll(".month thead abbr")) {
    if (day.offsetParent !== null && day.getClientRects().length > 1)
      problems.push(`weekday ${name(day)} broken over lines`);
  }
  return problems;
}"""


@pytest.mark.parametrize("search_engine", ["database"], indirect=True)
def test_dashboard_and_month_grid_fit_at_phone_and_desktop_width(full_demo, browser,
                                                                 live_server, screenshot):
    webinar = Meeting.objects.upcoming().filter(time_zone="America/Denver").first()
    month = f"{timezone.localtime(webinar.starts_at):%Y-%m}"
    page = sign_in(browser, live_server, "officer.daegu@demo.example")
    for width_name, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        for prefix, language in (("", "ko"), ("/en", "en")):
            for name, path in (("funding-dashboard", "/funding/dashboard/"),
                               ("month-grid", f"/meetings/?view=month&month={month}")):
                assert page.goto(prefix + path).status == 200
                screenshot(page, f"fit-{name}-{language}-{width_name}")
                problems = page.evaluate(OVERFLOWS)
                assert not problems, f"{prefix + path} at {width_name}: {problems}"
            # The grid names the zone; on a phone it is an agenda of the days with meetings.
            assert page.locator("#month-zone").is_visible()
            meeting = page.locator(".month-meeting", has_text=webinar.title_ko
                                   if language == "ko" else webinar.title_en).first
            assert meeting.is_visible()
            agenda = width_name == "phone"
            assert page.locator(".month thead").is_visible() is not agenda
            assert page.locator(".month .has-meetings .agenda-day").first.is_visible() is agenda
    page.context.close()
