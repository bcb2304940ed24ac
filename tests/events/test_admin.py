"""Staff manage series and meetings in the Wagtail admin: a malformed rule is refused with a
message and saves nothing; a saved series gets its meetings; a meeting edited by hand
leaves the rule and raises its calendar SEQUENCE."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from events.models import Meeting, MeetingSeries
from members.models import User
from members.services import ensure_staff_group
from solutions_catalog.models import Theme
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ADD = "/admin/snippets/events/meetingseries/add/"


@pytest.fixture
def staff(as_user):
    user = UserFactory(email="staff@consortium.example")
    user.groups.add(ensure_staff_group())
    return as_user(User.objects.get(pk=user.pk))


PICKER = {"frequency": "MONTHLY", "interval": "1", "monthly_by": "weekday", "ordinal": "2",
          "weekday": "TU", "monthday": "", "ends": "never", "count": "", "until": "",
          "custom": ""}


def picker(**parts) -> dict:
    """The recurrence picker's fields as the browser posts them."""
    return {f"recurrence_{name}": value for name, value in {**PICKER, **parts}.items()}


def series_form(recurrence: dict | None = None, **fields) -> dict:
    theme = Theme.objects.get_or_create(slug="cybersecurity", defaults={
        "name_ko": "사이버보안", "name_en": "Cybersecurity"})[0]
    return nested_form_data({
        "slug": "security-monthly", "title_ko": "보안 월례 회의",
        "title_en": "Security monthly", "description_ko": "", "description_en": "",
        "kind": "theme", "audience": "members", "organiser": "",
        **picker(**(recurrence or {})), "first_date": "2026-01-13",
        "start_time": "10:00", "duration": "02:00:00", "time_zone": "Asia/Seoul",
        "rotation": inline_formset([{"theme": theme.pk}]),
        "venue_name": "", "address": "", "map_url": "", "online_url": "", "capacity": "30",
        **fields,
    })


def test_a_malformed_rule_in_the_admin_is_refused_and_saves_nothing(staff):
    response = staff.post(ADD, series_form({"frequency": "CUSTOM",
                                            "custom": "every second tuesday"}))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Not a recurrence rule" in page or "읽을 수 없는 반복 규칙" in page
    assert not MeetingSeries.objects.exists() and not Meeting.objects.exists()


def test_a_saved_series_gets_its_meetings_and_a_hand_edit_detaches_one(staff):
    response = staff.post(ADD, series_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    series = MeetingSeries.objects.get(slug="security-monthly")
    assert series.meetings.count() == 12
    meeting = series.meetings.order_by("starts_at").first()
    edit = f"/admin/snippets/events/meeting/edit/{meeting.pk}/"
    form = staff.get(edit).context["form"]
    data = nested_form_data({
        **{name: form[name].value() or "" for name in form.fields},
        "title_en": "Security monthly, moved", "status": "cancelled",
        "starts_at": meeting.starts_at.strftime("%Y-%m-%d %H:%M"),
        "ends_at": meeting.ends_at.strftime("%Y-%m-%d %H:%M"),
        "agenda": inline_formset([]),
        "documents": inline_formset([]),
    })
    assert staff.post(edit, data).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.detached, meeting.sequence) == ("cancelled", True, 1)
