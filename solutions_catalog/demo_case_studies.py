"""Demo case studies, each in Korean and English. Facts follow the seed documents (Daegu's
data hub, recursive data, Busan's Eco Delta City, Seoul's WeGO know-how, NSCP cities);
figures are illustrative."""

import datetime
from decimal import Decimal

from django.db import transaction
from wagtail.models import Locale

from members.models import Organisation

from .models import (
    Adoption,
    CaseStudyKPI,
    CaseStudyPage,
    CaseStudyPartner,
    CatalogueIndexPage,
    EvidenceLevel,
    FundingModel,
    MaturityStage,
    PartnershipModel,
    ServiceDomain,
    Theme,
)

D = datetime.date
INDEX = {"ko": {"title": "솔루션 카탈로그", "slug": "catalogue"},
         "en": {"title": "Solutions catalogue", "slug": "catalogue"}}

CASES = [
    {
        "slug": "daegu-data-hub", "city": "daegu", "themes": ["connectivity"],
        "domain": "administration", "maturity": "operational", "funding": "public",
        "public_share": 90, "partnership": "inter-city-network", "evidence": 3,
        "period": (D(2018, 12, 1), None), "budget": ("12000000000", "KRW"),
        "partners": [("kyungpook-university", "데이터 분석 연구", "Data analysis research"),
                     ("hanbit-telecom", "통신망과 데이터 수집", "Network and data collection")],
        "kpis": [("연계 데이터셋", "Linked datasets", 40, 210, "개", "datasets", D(2024, 12, 1)),
                 ("허브 기반 서비스", "Services built on the hub", 3, 27, "개", "services",
                  D(2024, 12, 1))],
        "ko": {"title": "대구 스마트시티 데이터 허브",
               "summary": "교통·에너지·안전 데이터를 한곳에 모아 개방형 표준으로 공개하고, 데이터를 쓴 서비스가 결과를 다시 돌려주도록 한 도시 데이터 허브.",
               "problem": "<p>부서마다 따로 쌓인 데이터는 서로 연결되지 않았고 민간이 쓰기도 어려웠다.</p>",
               "approach": "<p>국가 데이터 허브 모델을 도입해 공통 표준으로 데이터를 모으고, 오픈소스로 개발했다. 허브 데이터를 쓴 서비스는 결과 데이터를 다시 허브로 돌려준다.</p>",
               "data_used": "교통량, 대기질, 에너지 사용량, CCTV 메타데이터",
               "data_shared_back": "서비스 이용 통계와 보정된 센서 데이터"},
        "en": {"title": "Daegu smart-city data hub",
               "summary": "One hub for the city's transport, energy and safety data, published under open standards, where services that use the data feed their results back.",
               "problem": "<p>Each department kept its own data; nothing connected, and companies could hardly use any of it.</p>",
               "approach": "<p>The city adopted the national data-hub model, collected data under common standards and built it as open source. Services that use hub data return their results to it.</p>",
               "data_used": "Traffic counts, air quality, energy use, CCTV metadata",
               "data_shared_back": "Service usage statistics and calibrated sensor data"},
    },
    {
        "slug": "daegu-smart-street-lights", "city": "daegu", "themes": ["sustainability", "resilience"],
        "domain": "environment-energy", "maturity": "scaling", "funding": "public-private",
        "public_share": 60, "partnership": "direct-collaboration", "evidence": 4,
        "period": (D(2021, 3, 1), None), "budget": ("4800000000", "KRW"),
        "partners": [("hanbit-telecom", "조명 제어망 운영", "Lighting control network")],
        "kpis": [("가로등 전력 사용량", "Street-light electricity", 18.4, 11.2, "GWh/년", "GWh/yr", D(2024, 6, 1)),
                 ("고장 복구 시간", "Time to repair", 72, 20, "시간", "hours", D(2024, 6, 1))],
        "ko": {"title": "대구 스마트 가로등",
               "summary": "보행량에 따라 밝기를 조절하고 고장을 스스로 알리는 LED 가로등으로 전력과 유지보수 비용을 줄였다.",
               "problem": "<p>밤새 같은 밝기로 켜진 가로등이 전력을 낭비했고, 고장은 주민 신고로만 알 수 있었다.</p>",
               "approach": "<p>LED 전환과 함께 원격 제어 장치를 달아 시간대와 보행량에 맞춰 밝기를 조절하고 고장을 자동으로 알린다.</p>",
               "data_used": "조도, 보행량 센서", "data_shared_back": "시간대별 전력 사용량"},
        "en": {"title": "Daegu smart street lights",
               "summary": "LED street lights that dim with footfall and report their own faults cut electricity and maintenance costs.",
               "problem": "<p>Lights burned at full power all night, and faults were found only when residents called.</p>",
               "approach": "<p>With the switch to LED the city fitted remote controllers that dim by time and footfall and report faults automatically.</p>",
               "data_used": "Light level and footfall sensors", "data_shared_back": "Hourly electricity use"},
    },
    {
        "slug": "suwon-demand-responsive-bus", "city": "suwon", "themes": ["mobility"],
        "domain": "transport", "maturity": "pilot", "funding": "public-private",
        "public_share": 50, "partnership": "direct-collaboration", "evidence": 3,
        "period": (D(2023, 4, 1), D(2025, 3, 31)), "budget": ("2100000000", "KRW"),
        "partners": [("saebyeok-mobility", "배차 플랫폼", "Dispatch platform")],
        "kpis": [("평균 대기 시간", "Average wait", 24, 9, "분", "minutes", D(2025, 3, 1)),
                 ("일 이용객", "Daily riders", 0, 1850, "명", "riders", D(2025, 3, 1))],
        "ko": {"title": "수원 수요응답형 버스",
               "summary": "고정 노선이 닿지 않는 지역에서 앱으로 부르는 수요응답형 버스를 시민 리빙랩과 함께 실증했다.",
               "problem": "<p>외곽 주거지는 버스 배차 간격이 길어 주민이 자가용에 의존했다.</p>",
               "approach": "<p>리빙랩에서 주민과 정류장을 함께 정하고, 실시간 호출에 따라 경로를 바꾸는 버스를 운행했다.</p>",
               "data_used": "호출·승하차 기록", "data_shared_back": "익명화한 이동 수요 자료"},
        "en": {"title": "Suwon demand-responsive bus",
               "summary": "A bus called by app for areas fixed routes do not reach, tested with residents in a living lab.",
               "problem": "<p>Outlying neighbourhoods had long gaps between buses, so residents relied on cars.</p>",
               "approach": "<p>Residents chose stops in a living lab; buses reroute in real time as people call them.</p>",
               "data_used": "Ride requests and boardings", "data_shared_back": "Anonymised travel demand"},
    },
    {
        "slug": "busan-eco-delta-smart-water", "city": "busan", "themes": ["sustainability"],
        "domain": "environment-energy", "maturity": "operational", "funding": "public-private",
        "public_share": 55, "partnership": "special-purpose-company", "evidence": 2,
        "period": (D(2020, 1, 1), None), "budget": ("35000000000", "KRW"),
        "partners": [("hanbit-telecom", "수질 센서망", "Water-quality sensor network")],
        "kpis": [("누수율", "Leakage", 12.5, 6.1, "%", "%", D(2024, 12, 1))],
        "ko": {"title": "부산 에코델타시티 스마트 물관리",
               "summary": "특수목적법인이 조성한 신도시에서 정수부터 수도꼭지까지 수질과 누수를 실시간으로 관리한다.",
               "problem": "<p>새 도시의 수도망을 처음부터 관리 가능하게 설계해야 했고, 운영 주체가 바뀌며 경험이 끊길 위험이 있었다.</p>",
               "approach": "<p>전 구간에 센서를 달아 수질 정보를 공개하고, 운영 기록을 표준화해 주체가 바뀌어도 이어지게 했다.</p>",
               "data_used": "수질·수압 센서", "data_shared_back": "공개 수질 정보"},
        "en": {"title": "Busan Eco Delta City smart water",
               "summary": "In a new district built by a special-purpose company, water quality and leaks are managed in real time from plant to tap.",
               "problem": "<p>The new city's water network had to be manageable from day one, and changes of operator risked losing what had been learned.</p>",
               "approach": "<p>Sensors along the whole network publish water quality; standardised operating records carry over when the operator changes.</p>",
               "data_used": "Water quality and pressure sensors", "data_shared_back": "Public water-quality information"},
    },
    {
        "slug": "seoul-cctv-security-operations", "city": "seoul", "themes": ["cybersecurity"],
        "domain": "safety-disaster", "maturity": "operational", "funding": "public",
        "public_share": 100, "partnership": "inter-city-network", "evidence": 3,
        "period": (D(2019, 7, 1), None), "budget": ("7600000000", "KRW"),
        "partners": [],
        "kpis": [("탐지된 침해 시도", "Intrusion attempts detected", 0, 1320, "건/년", "per year", D(2024, 12, 1)),
                 ("패치 적용 기간", "Time to patch", 45, 7, "일", "days", D(2024, 12, 1))],
        "ko": {"title": "서울 도시 CCTV 보안관제",
               "summary": "수만 대의 도시 CCTV와 IoT 장치를 한 보안관제센터에서 감시하고, 그 운영 경험을 WeGO 회원 도시와 나눈다.",
               "problem": "<p>장치가 늘수록 기본 비밀번호와 오래된 펌웨어가 공격 통로가 되었다.</p>",
               "approach": "<p>장치 자산 목록을 만들고, 보안관제센터에서 이상 접속을 감시하며, 패치 주기를 표준화했다.</p>",
               "data_used": "장치 접속 로그", "data_shared_back": "위협 정보 요약"},
        "en": {"title": "Seoul security operations for city CCTV",
               "summary": "One security operations centre watches tens of thousands of city cameras and IoT devices; Seoul shares the playbook with WeGO cities.",
               "problem": "<p>As devices multiplied, default passwords and old firmware became ways in.</p>",
               "approach": "<p>A device inventory, monitoring of unusual access in a security operations centre, and a standard patch cycle.</p>",
               "data_used": "Device access logs", "data_shared_back": "Threat intelligence summaries"},
    },
    {
        "slug": "kansas-city-smart-corridor", "city": "kansas-city-mo", "themes": ["connectivity", "mobility"],
        "domain": "transport", "maturity": "operational", "funding": "public-private",
        "public_share": 40, "partnership": "innovation-hub-network", "evidence": 2,
        "period": (D(2016, 5, 1), None), "budget": ("15000000", "USD"),
        "partners": [("civicsense-analytics", "데이터 플랫폼", "Data platform")],
        "kpis": [("무료 와이파이 이용자", "Free Wi-Fi users", 0, 42000, "명/월", "per month", D(2024, 10, 1))],
        "ko": {"title": "캔자스시티 스마트 코리도",
               "summary": "전차 노선을 따라 공공 와이파이와 센서, 스마트 키오스크를 설치해 교통과 정보 접근을 함께 개선했다.",
               "problem": "<p>도심 전차 개통과 함께 주민의 디지털 접근성과 교통 정보를 높일 방법이 필요했다.</p>",
               "approach": "<p>노선을 따라 무선망과 센서를 깔고, 수집한 데이터를 개방 포털로 공개했다.</p>",
               "data_used": "주차·교통 센서, 와이파이 접속 수", "data_shared_back": "개방 데이터 포털"},
        "en": {"title": "Kansas City smart corridor",
               "summary": "Public Wi-Fi, sensors and smart kiosks along the streetcar line improved both transport and access to information.",
               "problem": "<p>With the new downtown streetcar the city wanted better digital access and transport information for residents.</p>",
               "approach": "<p>Wireless and sensors along the line, with the data published on an open portal.</p>",
               "data_used": "Parking and traffic sensors, Wi-Fi sessions", "data_shared_back": "Open data portal"},
    },
    {
        "slug": "jacksonville-flood-sensors", "city": "jacksonville", "themes": ["resilience"],
        "domain": "safety-disaster", "maturity": "pilot", "funding": "public",
        "public_share": 85, "partnership": "direct-collaboration", "evidence": 2,
        "period": (D(2022, 6, 1), None), "budget": ("2400000", "USD"),
        "partners": [("civicsense-analytics", "센서 운영", "Sensor operations")],
        "kpis": [("침수 경보 선행 시간", "Flood warning lead time", 10, 55, "분", "minutes", D(2024, 9, 1))],
        "ko": {"title": "잭슨빌 침수 감지 센서망",
               "summary": "하천과 저지대에 수위 센서를 설치해 허리케인과 집중호우 때 침수 경보를 더 일찍 보낸다.",
               "problem": "<p>폭우 때 도로 침수를 주민 신고로만 알 수 있어 대응이 늦었다.</p>",
               "approach": "<p>저지대 교차로와 하천에 수위 센서를 두고 임계값을 넘으면 경보와 우회 안내를 보낸다.</p>",
               "data_used": "수위 센서, 강우 예보", "data_shared_back": "침수 이력 지도"},
        "en": {"title": "Jacksonville flood sensors",
               "summary": "Water-level sensors in creeks and low-lying streets send flood warnings earlier during hurricanes and heavy rain.",
               "problem": "<p>During storms the city learned of flooded roads only from residents' calls.</p>",
               "approach": "<p>Sensors at low crossings and creeks trigger alerts and detour advice past a threshold.</p>",
               "data_used": "Water-level sensors, rainfall forecasts", "data_shared_back": "Flood history map"},
    },
    {
        "slug": "tucson-heat-resilience", "city": "tucson", "themes": ["resilience", "sustainability"],
        "domain": "health-welfare", "maturity": "scaling", "funding": "public",
        "public_share": 75, "partnership": "innovation-hub-network", "evidence": 3,
        "period": (D(2021, 5, 1), None), "budget": ("3100000", "USD"),
        "partners": [("university-of-arizona", "열 지도 연구", "Heat-mapping research")],
        "kpis": [("폭염 관련 응급 이송", "Heat-related emergency transports", 610, 470, "건/여름", "per summer", D(2024, 9, 1))],
        "ko": {"title": "투손 폭염 회복력",
               "summary": "대학과 함께 만든 도시 열 지도로 그늘막, 쿨링센터, 나무 심기 위치를 정해 폭염 피해를 줄였다.",
               "problem": "<p>폭염이 길어지며 취약 계층의 온열 질환이 늘었다.</p>",
               "approach": "<p>센서와 위성 자료로 동네별 열 지도를 만들고, 가장 뜨거운 곳부터 그늘과 쿨링센터를 배치했다.</p>",
               "data_used": "기온 센서, 위성 지표면 온도", "data_shared_back": "동네별 열 지도"},
        "en": {"title": "Tucson heat resilience",
               "summary": "A heat map built with the university decides where shade, cooling centres and trees go, reducing harm from heat waves.",
               "problem": "<p>Longer heat waves meant more heat illness among vulnerable residents.</p>",
               "approach": "<p>Sensors and satellite data map heat street by street; shade and cooling centres go to the hottest places first.</p>",
               "data_used": "Temperature sensors, satellite surface temperature", "data_shared_back": "Neighbourhood heat map"},
    },
]


def _index(home, locale, source=None) -> CatalogueIndexPage:
    index = CatalogueIndexPage.objects.child_of(home).first()
    if index:
        return index
    if source is not None:
        index = source.copy_for_translation(locale).specific
        index.title = INDEX[locale.language_code]["title"]
        index.save_revision().publish()
        return index
    return home.add_child(instance=CatalogueIndexPage(locale=locale, **INDEX["ko"]))


def _fields(case: dict, language: str) -> dict:
    text = case[language]
    started, ended = case["period"]
    amount, currency = case["budget"]
    return {
        "title": text["title"], "summary": text["summary"], "problem": text["problem"],
        "approach": text["approach"], "data_used": text["data_used"],
        "data_shared_back": text["data_shared_back"],
        "city": Organisation.objects.get(slug=case["city"]),
        "started_on": started, "ended_on": ended, "budget": Decimal(amount),
        "currency": currency, "public_share_percent": case["public_share"],
        "funding_model": FundingModel.objects.get(slug=case["funding"]),
        "service_domain": ServiceDomain.objects.get(slug=case["domain"]),
        "maturity": MaturityStage.objects.get(slug=case["maturity"]),
        "partnership_model": PartnershipModel.objects.get(slug=case["partnership"]),
        "evidence_level": EvidenceLevel.objects.get(level=case["evidence"]),
        "privacy_assessment": "completed",
    }


def _children(page: CaseStudyPage, case: dict, language: str) -> None:
    korean = language == "ko"
    page.kpis = [
        CaseStudyKPI(metric=m_ko if korean else m_en, baseline=baseline, result=result,
                     unit=u_ko if korean else u_en, measured_on=measured)
        for m_ko, m_en, baseline, result, u_ko, u_en, measured in case["kpis"]
    ]
    page.partners = [
        CaseStudyPartner(organisation=Organisation.objects.get(slug=slug),
                         role=role_ko if korean else role_en)
        for slug, role_ko, role_en in case["partners"]
    ]
    page.themes = list(Theme.objects.filter(slug__in=case["themes"]))


# (adopting city, case study, status, what was adapted) — a Daegu solution replicated twice
ADOPTIONS = [
    ("bucheon", "daegu-data-hub", "piloting", "부천 교통·안전 데이터부터 연계 / Started with Bucheon's transport and safety data"),
    ("suwon", "daegu-data-hub", "planning", "리빙랩 데이터를 허브 표준으로 / Living-lab data under the hub standard"),
    ("busan", "daegu-smart-street-lights", "exploring", ""),
    ("phoenix", "tucson-heat-resilience", "piloting", "Heat map reused for bus-stop shade"),
]


def _adoptions() -> None:
    for city, slug, status, adapted in ADOPTIONS:
        origin = CaseStudyPage.objects.filter(slug=slug).order_by("pk").first()
        adopter = Organisation.objects.get(slug=city)
        Adoption.objects.update_or_create(
            origin=origin, adopter=adopter,
            defaults={"status": status, "adapted": adapted,
                      "recorded_by": adopter.memberships.admins().first().user},
        )


@transaction.atomic
def seed(home_ko, home_en) -> None:
    english = Locale.objects.get(language_code="en")
    index_ko = _index(home_ko, home_ko.locale)
    _index(home_en, english, source=index_ko)  # the English catalogue receives translations
    for case in CASES:
        if CaseStudyPage.objects.child_of(index_ko).filter(slug=case["slug"]).exists():
            continue  # seeded before: leave it as it is (and as editors may have changed it)
        page = CaseStudyPage(slug=case["slug"], locale=home_ko.locale, **_fields(case, "ko"))
        _children(page, case, "ko")
        index_ko.add_child(instance=page)
        page.save_revision().publish()
        translation = page.copy_for_translation(english).specific
        for name, value in _fields(case, "en").items():
            setattr(translation, name, value)
        _children(translation, case, "en")
        translation.save_revision().publish()
    _adoptions()
