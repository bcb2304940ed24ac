"""What the three-node test does inside a node (``Node.run`` calls these through
``manage.py shell``): only the seeding each step needs, and what people do there through the
portal's own services. Each returns something JSON can carry back to the test."""

import datetime
from decimal import Decimal

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Site

from common import site_url
from harvest.models import HarvestedItem, Peer
from indicators.models import Indicator
from members.models import OrganisationKind, User
from members.services import ensure_staff_group
from portal import demo as site_demo
from portal.models import HomePage
from solutions_catalog import demo as catalogue_demo
from solutions_catalog.demo_case_studies import _index
from solutions_catalog.models import (
    AdoptionResult,
    CaseStudyKPI,
    CaseStudyPage,
    CatalogueIndexPage,
    FundingModel,
    MaturityStage,
    ServiceDomain,
    Theme,
)
from solutions_catalog.services import record_remote_adoption
from tests.factories import OrganisationFactory, UserFactory

INDICATOR = "ISO37120:7.6"  # street-light electricity, in the library every node migrates
CASE_SLUG = "daegu-smart-street-lights"
TITLE_KO, TITLE_EN = "대구 스마트 가로등 원격 제어", "Daegu smart street-light control"
ADOPTER_KO, ADOPTER_EN = "전주시", "Jeonju"


def _own_site() -> None:
    """The template's site names another address: each node's pages carry its own."""
    hostname, port = site_url.host_and_port()
    Site.objects.filter(is_default_site=True).update(hostname=hostname, port=port)


def seed_base() -> dict:
    """Home pages, the catalogue's index in both languages and the taxonomies: what every
    node has before anyone writes."""
    home_ko, home_en = site_demo.seed()
    catalogue_demo.seed()
    index_ko = _index(home_ko, home_ko.locale)
    _index(home_en, Locale.objects.get(language_code="en"), source=index_ko)
    return {"pages": CaseStudyPage.objects.count()}


def _staff() -> User:
    user = User.objects.filter(email="staff@node.example").first()
    if user is None:
        user = UserFactory(email="staff@node.example", is_staff=True)
        user.groups.add(ensure_staff_group())
    return user


@transaction.atomic
def publish_case_study() -> dict:
    """Node A: Daegu publishes a case study in Korean and English, with a KPI on a library
    indicator."""
    _own_site()
    daegu = OrganisationFactory(slug="daegu", name_ko="대구광역시", name_en="Daegu",
                                kind=OrganisationKind.CITY)
    indicator = Indicator.objects.get(code=INDICATOR)
    common = {"city": daegu, "started_on": datetime.date(2022, 3, 1),
              "funding_model": FundingModel.objects.first(),
              "service_domain": ServiceDomain.objects.first(),
              "maturity": MaturityStage.objects.first(), "privacy_assessment": "completed"}
    texts = {
        "ko": {"title": TITLE_KO, "summary": "원격 제어 가로등으로 전력 사용을 줄였습니다.",
               "problem": "<p>가로등 전력 요금이 해마다 늘었습니다.</p>",
               "approach": "<p>LED 가로등에 원격 밝기 제어를 도입했습니다.</p>",
               "metric": "가로등 1km당 전력 사용량", "unit": "kWh/km/yr"},
        "en": {"title": TITLE_EN, "summary": "Remote-dimmed street lights used less power.",
               "problem": "<p>Street-light power bills rose every year.</p>",
               "approach": "<p>Remote dimming on LED street lights.</p>",
               "metric": "Street-light electricity per km", "unit": "kWh/km/yr"},
    }
    korean = None
    for language in ("ko", "en"):
        text = texts[language]
        index = CatalogueIndexPage.objects.get(locale__language_code=language)
        page = CaseStudyPage(slug=CASE_SLUG, locale=index.locale, title=text["title"],
                             summary=text["summary"], problem=text["problem"],
                             approach=text["approach"], **common)
        if korean is not None:
            page.translation_key = korean.translation_key
        page.kpis = [CaseStudyKPI(metric=text["metric"], baseline=Decimal(3100),
                                  result=Decimal(1900), unit=text["unit"],
                                  measured_on=datetime.date(2024, 12, 1), indicator=indicator)]
        page.themes = list(Theme.objects.filter(slug__in=["sustainability", "connectivity"]))
        index.add_child(instance=page)
        page.save_revision().publish()
        korean = korean or page
    return {"translation_key": str(korean.translation_key),
            "url_ko": korean.url, "url_en": korean.get_translation(
                Locale.objects.get(language_code="en")).url}


def unpublish_case_study() -> dict:
    _own_site()
    pages = CaseStudyPage.objects.filter(slug=CASE_SLUG).live()
    for page in pages:
        page.unpublish()
    return {"unpublished": len(pages)}


def register(*urls: str) -> dict:
    """Staff register the other nodes by their address (``manage.py federation register``)."""
    _own_site()
    for url in urls:
        call_command("federation", "register", url)
    return {"peers": list(Peer.objects.values_list("url", "status"))}


def harvest() -> dict:
    _own_site()
    call_command("federation", "harvest")
    return {"items": list(HarvestedItem.objects.values_list("kind", "iri")),
            "peers": {p.url: {"name_ko": p.name_ko, "name_en": p.name_en,
                              "error": p.last_error} for p in Peer.objects.all()}}


@transaction.atomic
def adopt_harvested_case_study() -> dict:
    """Node C: Jeonju replicates A's case study, harvested here, and records a result."""
    _own_site()
    item = HarvestedItem.objects.get(kind="case-study")
    jeonju = OrganisationFactory(slug="jeonju", name_ko=ADOPTER_KO, name_en=ADOPTER_EN,
                                 kind=OrganisationKind.CITY)
    adoption = record_remote_adoption(item, jeonju, _staff(), status="piloting")
    AdoptionResult.objects.create(
        adoption=adoption, indicator=Indicator.objects.get(code=INDICATOR),
        value=Decimal(2100), baseline=Decimal(3000), unit="kWh/km/yr",
        measured_on=timezone.localdate() - datetime.timedelta(days=30))
    return {"adoption": adoption.pk, "origin": adoption.remote_origin_iri}


def home_exists() -> dict:
    return {"homes": HomePage.objects.count()}
