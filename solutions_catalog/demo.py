"""Demo catalogue: the taxonomies (seed 003's service domains, funding models and partnership
types; the five NSCP themes) and case studies built on the seed documents' facts."""

from indicators.library import restore_standard_indicators
from members.models import Organisation

from . import demo_case_studies, demo_marketplace
from .models import (
    EvidenceLevel,
    FundingModel,
    MaturityStage,
    PartnershipModel,
    ServiceDomain,
    Theme,
)

THEMES = [
    # slug, Korean, English, colour, Korean description, English description, focused orgs
    ("connectivity", "연결성", "Connectivity", "#1f5fa8",
     "5G, 공공 와이파이, 디지털 격차 해소와 도시 데이터 허브의 연결.",
     "5G, public Wi-Fi, closing the digital divide and linking city data hubs.",
     ["daegu", "kansas-city-mo", "hanbit-telecom"]),
    ("cybersecurity", "사이버보안", "Cybersecurity", "#6b3fa0",
     "도시 기반시설과 시민 데이터를 지키는 보안 체계와 개인정보 보호.",
     "Protecting city infrastructure and residents' data; privacy by design.",
     ["seoul", "denver"]),
    ("mobility", "모빌리티", "Mobility", "#b4451f",
     "미래 모빌리티, 수요응답형 교통, 통합 교통 데이터.",
     "Future mobility, demand-responsive transit and shared transport data.",
     ["suwon", "bucheon", "phoenix", "saebyeok-mobility"]),
    ("sustainability", "지속가능성", "Sustainability", "#2d7a3e",
     "탄소 감축에서 기후 중립으로: 에너지, 대기질, 자원 순환.",
     "From carbon cuts to climate neutrality: energy, air quality and circular resources.",
     ["busan", "tucson", "civicsense-analytics"]),
    ("resilience", "회복력", "Resilience", "#9a6700",
     "재난 대응, 기후 적응, 안전한 도시 운영.",
     "Disaster response, climate adaptation and keeping city services running.",
     ["jacksonville", "arlington-tx"]),
]
DOMAINS = [
    ("transport", "교통", "Transport"),
    ("environment-energy", "환경·에너지", "Environment and energy"),
    ("health-welfare", "보건·의료·복지", "Health, medical care and welfare"),
    ("culture-tourism-sports", "문화·관광·체육", "Culture, tourism and sports"),
    ("administration", "행정", "Administration"),
    ("safety-disaster", "안전·재난", "Safety and disaster"),
]
MATURITY = [
    ("concept", "구상", "Concept"), ("pilot", "실증", "Pilot"), ("scaling", "확산", "Scaling"),
    ("operational", "운영", "Operational"), ("retired", "종료", "Retired"),
]
FUNDING = [
    ("public", "공공 주도", "Public"), ("private", "민간 주도", "Private"),
    ("public-private", "민관 협력", "Public–private"),
]
PARTNERSHIPS = [
    ("direct-collaboration", "글로벌 기업·연구기관과 직접 협력",
     "Direct collaboration with global companies or research institutes"),
    ("innovation-hub-network", "혁신 허브 네트워크", "Innovation-hub network"),
    ("special-purpose-company", "민관 특수목적법인", "Special-purpose public–private company"),
    ("industry-association", "산업 협회", "Industry association"),
    ("inter-city-network", "도시 간 네트워크", "Inter-city network"),
]
EVIDENCE = [
    (1, "claimed", "주장", "Claimed", "근거 자료 없이 보고된 성과.", "Outcomes reported without supporting data."),
    (2, "monitored", "모니터링", "Monitored", "운영 지표를 꾸준히 수집.", "Operational indicators collected over time."),
    (3, "before-after", "전후 비교", "Before and after", "도입 전후를 같은 지표로 비교.", "The same indicators compared before and after."),
    (4, "evaluated", "독립 평가", "Independently evaluated", "외부 기관이 평가.", "Evaluated by an independent body."),
    (5, "replicated", "재현 확인", "Replicated", "다른 도시에서도 같은 효과 확인.", "The effect confirmed in another city."),
]


def _taxonomy(model, rows) -> None:
    for order, (slug, name_ko, name_en) in enumerate(rows):
        model.objects.update_or_create(
            slug=slug, defaults={"name_ko": name_ko, "name_en": name_en, "sort_order": order})


def seed() -> None:
    restore_standard_indicators()  # gone if the database was flushed since migrating
    for order, (slug, name_ko, name_en, colour, desc_ko, desc_en, focused) in enumerate(THEMES):
        theme, _ = Theme.objects.update_or_create(
            slug=slug,
            defaults={"name_ko": name_ko, "name_en": name_en, "colour": colour,
                      "description_ko": desc_ko, "description_en": desc_en, "sort_order": order},
        )
        theme.focused_organisations.set(Organisation.objects.filter(slug__in=focused))
    _taxonomy(ServiceDomain, DOMAINS)
    _taxonomy(MaturityStage, MATURITY)
    _taxonomy(FundingModel, FUNDING)
    _taxonomy(PartnershipModel, PARTNERSHIPS)
    for level, slug, name_ko, name_en, desc_ko, desc_en in EVIDENCE:
        EvidenceLevel.objects.update_or_create(slug=slug, defaults={
            "level": level, "name_ko": name_ko, "name_en": name_en, "description_ko": desc_ko,
            "description_en": desc_en, "sort_order": level})


def seed_pages(home_ko, home_en) -> None:
    """The catalogue index and case studies in both languages (after the home pages), then
    the offerings and challenges that refer to them."""
    demo_case_studies.seed(home_ko, home_en)
    demo_marketplace.seed()
