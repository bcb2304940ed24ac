"""Demo case studies, each in Korean and English, and the adoptions that link them. The case
studies themselves are in ``demo_data`` (Korean cities; cities abroad); facts follow the seed
documents, figures are illustrative."""

from decimal import Decimal

from django.db import transaction
from wagtail.models import Locale, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from indicators.models import Indicator
from members.models import Organisation

from . import demo_evidence
from .demo_data import abroad, korea
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

INDEX = {"ko": {"title": "솔루션 카탈로그", "slug": "catalogue"},
         "en": {"title": "Solutions catalogue", "slug": "catalogue"}}

CASES = [*korea.CASES, *abroad.CASES]  # the data lives in demo_data/, one module per side


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


# (case study, KPI's English metric) → the standard indicator it is measured on; the others
# stay "not comparable". Units are the KPIs' own: the indicator pages convert them.
KPI_INDICATORS = {
    ("daegu-smart-street-lights", "Street-light electricity per km of lit street"): "ISO37120:7.6",
    ("peoria-smart-street-lights", "Street-light electricity per km of lit street"): "ISO37120:7.6",
    ("taipei-smart-pole-procurement", "Street-light electricity per km of lit street"): "ISO37120:7.6",
    ("daegu-data-hub", "Linked datasets"): "U4SSC:EC-ICT-PS-1A",
    ("daegu-data-hub", "Services built on the hub"): "U4SSC:EC-ICT-PS-2A",
    ("bucheon-urban-data-platform", "Linked datasets"): "U4SSC:EC-ICT-PS-1A",
    ("suwon-living-lab-data-hub", "Living-lab datasets mapped to the standard"): "U4SSC:EC-ICT-PS-1A",
    ("busan-eco-delta-smart-water", "Leakage"): "ISO37120:23.6",
    ("busan-port-air-quality-sensors", "Annual mean PM2.5 behind the port"): "ISO37120:8.1",
    ("busan-haeundae-beach-safety", "Rip-current rescue response"): "ISO37120:15.7",
    ("suwon-secure-public-wifi", "Public Wi-Fi access points"): "U4SSC:EC-ICT-ICT-5C",
    ("copenhagen-cycle-green-wave", "Share of commutes by bike"): "U4SSC:EC-I-T-4A",
    ("berlin-euref-energy-campus", "Renewable share of campus energy"): "ISO37120:7.2",
}


def _children(page: CaseStudyPage, case: dict, language: str,
              indicators: dict[str, Indicator]) -> None:
    korean = language == "ko"
    page.kpis = [
        CaseStudyKPI(metric=m_ko if korean else m_en, baseline=baseline, result=result,
                     unit=u_ko if korean else u_en, measured_on=measured,
                     indicator=indicators.get(KPI_INDICATORS.get((case["slug"], m_en), "")))
        for m_ko, m_en, baseline, result, u_ko, u_en, measured in case["kpis"]
    ]
    page.partners = [
        CaseStudyPartner(organisation=Organisation.objects.get(slug=slug),
                         role=role_ko if korean else role_en)
        for slug, role_ko, role_en in case["partners"]
    ]
    page.themes = list(Theme.objects.filter(slug__in=case["themes"]))
    page.datasets_used, page.datasets_shared = demo_evidence.data_flows(case["slug"])


# (adopting city, case study, status, what was adapted, the adopter's own case study or None).
# Chains: Daegu's hub → Bucheon → Suwon; Daegu's lights → Busan and Peoria; Copenhagen's air
# map → Busan → Daegu; Brisbane's micromobility → Suwon → Bucheon; Suwon's bus → Singapore.
ADOPTIONS = [
    ("bucheon", "daegu-data-hub", "piloting", "부천 교통·안전 데이터부터 연계 / Started with Bucheon's transport and safety data",
     "bucheon-urban-data-platform"),
    ("suwon", "bucheon-urban-data-platform", "planning",
     "리빙랩 데이터를 허브 표준으로 / Living-lab data under the hub standard",
     "suwon-living-lab-data-hub"),
    ("busan", "daegu-smart-street-lights", "exploring", "", None),
    ("phoenix", "tucson-heat-resilience", "piloting", "Heat map reused for bus-stop shade", None),
    ("peoria-il", "daegu-smart-street-lights", "deployed",
     "같은 제어 방식과 성과 기반 유지보수 계약 / Same controls and performance-based maintenance contract",
     "peoria-smart-street-lights"),
    ("busan", "copenhagen-air-quality-mapping", "piloting",
     "측정 차량 방식을 항만 배후지에 / Mobile measuring cars around the port", "busan-port-air-quality-sensors"),
    ("daegu", "busan-port-air-quality-sensors", "planning",
     "산업단지 주변 측정에 적용 / To measure around the industrial estates", None),
    ("suwon", "brisbane-shared-micromobility", "piloting",
     "같은 운영사, 버스 환승 연계 추가 / Same operator, plus bus-transfer integration", "suwon-shared-e-bikes"),
    ("bucheon", "suwon-shared-e-bikes", "exploring", "", None),
    ("singapore", "suwon-demand-responsive-bus", "piloting",
     "배차 엔진을 자율주행 버스에 / The dispatch engine on autonomous buses", "singapore-autonomous-bus-pilot"),
    ("denver", "seoul-cctv-security-operations", "piloting",
     "장치 자산 목록과 패치 주기 / Device inventory and patch cycle", None),
    ("daegu", "berlin-euref-energy-campus", "exploring",
     "옛 산업 부지를 에너지 기업 집적지로 / A former industrial site as an energy-firm cluster", None),
    ("busan", "suwon-demand-responsive-bus", "dropped",
     "배차 엔진만 먼저 / The dispatch engine first", None),  # why: demo_evidence.STAGES
]


def _page(slug: str) -> CaseStudyPage | None:
    return CaseStudyPage.objects.filter(slug=slug).order_by("pk").first()  # the Korean original


def _adoptions() -> None:
    for city, slug, status, adapted, own_case in ADOPTIONS:
        adopter = Organisation.objects.get(slug=city)
        admin = adopter.memberships.admins().first()  # cities abroad may have no demo login
        Adoption.objects.update_or_create(
            origin=_page(slug), adopter=adopter,
            defaults={"status": status, "adapted": adapted,
                      "adopter_case_study": _page(own_case) if own_case else None,
                      "recorded_by": admin.user if admin else None},
        )


def _publish(index: CatalogueIndexPage, case: dict, language: str,
             translation_of: CaseStudyPage | None = None) -> CaseStudyPage:
    page = CaseStudyPage(slug=case["slug"], locale=index.locale, **_fields(case, language))
    if translation_of is not None:  # the same case study in another language
        page.translation_key = translation_of.translation_key
    _children(page, case, language, Indicator.objects.in_bulk(field_name="code"))
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def seed(home_ko, home_en) -> None:
    english = Locale.objects.get(language_code="en")
    demo_evidence.seed_datasets()
    index_ko = _index(home_ko, home_ko.locale)
    index_en = _index(home_en, english, source=index_ko)  # the English catalogue: a translation
    added = []
    # Each page is saved several times on its way to published: index its references once.
    with disable_reference_index_auto_update():
        for case in CASES:
            if CaseStudyPage.objects.child_of(index_ko).filter(slug=case["slug"]).exists():
                continue  # seeded before: leave it as it is (and as editors may have changed it)
            korean = _publish(index_ko, case, "ko")
            added += [korean, _publish(index_en, case, "en", translation_of=korean)]
    for page in CaseStudyPage.objects.filter(pk__in=[page.pk for page in added]):
        ReferenceIndex.create_or_update_for_object(page)  # fresh from the database: child pks
    _adoptions()
    demo_evidence.seed()
