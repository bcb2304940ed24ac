"""Demo meetings: the network's monthly theme meeting (second Tuesday, 10:00 Seoul, the five
themes in turn), a Colorado webinar series across daylight saving, a one-off workshop, and
some registrations. Idempotent."""

import datetime

from django.utils import timezone

from members.models import Organisation, User
from solutions_catalog.models import CaseStudyPage, Theme

from .models import AgendaItem, Meeting, MeetingSeries, Registration, SeriesTheme
from .schedule import materialise

THEMES = ["connectivity", "cybersecurity", "mobility", "sustainability", "resilience"]
SERIES = [
    dict(slug="monthly-theme-meeting", organiser="nscp", kind="theme", audience="members",
         title_ko="월간 주제 회의", title_en="Monthly theme meeting",
         description_ko="회원 도시가 매달 하나의 주제로 모여 사례를 발표하고 다음 단계를 정한다.",
         description_en="Member cities meet monthly on one theme: case studies, lessons, next "
                        "steps.",
         recurrence="FREQ=MONTHLY;BYDAY=2TU", first_date=datetime.date(2026, 1, 13),
         start_time=datetime.time(10, 0), time_zone="Asia/Seoul", capacity=30,
         venue_name="대구 스마트시티 센터", address="대구광역시 북구 엑스코로 10",
         online_url="https://meet.example/consortium-monthly", themes=THEMES),
    dict(slug="colorado-webinar", organiser="colorado-smart-cities-alliance", kind="webinar",
         audience="public", title_ko="콜로라도 스마트시티 웨비나",
         title_en="Colorado smart-city webinar",
         description_ko="콜로라도 도시들이 파트너 도시와 함께하는 공개 웨비나.",
         description_en="Colorado cities and their partners, in an open webinar.",
         recurrence="FREQ=MONTHLY;BYDAY=1TH", first_date=datetime.date(2026, 2, 5),
         start_time=datetime.time(17, 0), time_zone="America/Denver", capacity=200,
         online_url="https://meet.example/colorado-webinar", themes=["mobility", "resilience"]),
]
# theme -> agenda of its next meeting: (time, title ko, title en, speaker, case study slug)
AGENDAS = {
    "cybersecurity": [
        ((10, 0), "서울 CCTV 통합 보안관제 사례", "Seoul's integrated CCTV security operations",
         "서울특별시", "seoul-cctv-security-operations"),
        ((11, 0), "회원 도시 IoT 기기 점검 계획", "Members' IoT device inventory plan", "", None),
    ],
    "mobility": [
        ((10, 0), "부천 스마트 횡단보도 1년", "A year of Bucheon's smart crosswalks", "부천시",
         "bucheon-smart-crosswalks"),
    ],
}
REGISTRANTS = ["officer.daegu@demo.example", "officer.bucheon@demo.example",
               "admin.suwon@demo.example", "vendor@demo.example"]


def seed() -> None:
    for spec in SERIES:
        spec = dict(spec)
        themes = spec.pop("themes")
        organiser = Organisation.objects.filter(slug=spec.pop("organiser")).first()
        series, _ = MeetingSeries.objects.update_or_create(
            slug=spec.pop("slug"), defaults={**spec, "organiser": organiser})
        series.rotation.all().delete()
        for position, slug in enumerate(themes):
            SeriesTheme.objects.create(series=series, theme=Theme.objects.get(slug=slug),
                                       sort_order=position)
        materialise(series)
    workshop_start = (timezone.now() + datetime.timedelta(days=40)).replace(
        hour=5, minute=0, second=0, microsecond=0)
    Meeting.objects.update_or_create(slug="data-hub-workshop", defaults=dict(
        kind="workshop", audience="members", capacity=12,
        theme=Theme.objects.get(slug="connectivity"),
        title_ko="도시 데이터 허브 실무 워크숍", title_en="City data hub hands-on workshop",
        description_ko="대구 데이터 허브 팀과 함께 데이터 표준과 공유 계약을 실습한다.",
        description_en="With Daegu's data hub team: data standards and sharing agreements, "
                       "hands on.",
        starts_at=workshop_start, ends_at=workshop_start + datetime.timedelta(hours=3),
        time_zone="Asia/Seoul", venue_name="대구 스마트시티 센터",
        organiser=Organisation.objects.filter(slug="daegu").first()))
    for theme, items in AGENDAS.items():
        meeting = Meeting.objects.upcoming().scheduled().filter(theme__slug=theme).first()
        if meeting is None or meeting.agenda.exists():
            continue
        for position, ((hour, minute), title_ko, title_en, speaker, case) in enumerate(items):
            item = AgendaItem.objects.create(
                meeting=meeting, sort_order=position, starts_at=datetime.time(hour, minute),
                title_ko=title_ko, title_en=title_en, speaker=speaker)
            if case:
                item.case_studies.set(CaseStudyPage.objects.filter(slug=case))
                item.save()
    upcoming = Meeting.objects.upcoming().scheduled()[:2]
    for meeting in upcoming:
        for email in REGISTRANTS:
            user = User.objects.get(email=email)
            if not meeting.registrations.active().filter(user=user).exists():
                Registration.objects.create(meeting=meeting, user=user, status="confirmed")
