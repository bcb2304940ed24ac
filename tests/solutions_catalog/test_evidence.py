"""Evidence that travels: each replication's results beside the origin's on the same
indicators (converted to one unit), the lineage over generations, the adopting city's own
stages and results (bad input refused at the field), and "Start replicating" from the kit."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from indicators.models import Indicator
from members.models import User
from solutions_catalog.evidence import compared_outcomes
from solutions_catalog.lineage import lineage_of
from solutions_catalog.models import (
    Adoption,
    AdoptionResult,
    AdoptionStage,
    CaseStudyPage,
)
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def page(slug, language="ko"):
    return CaseStudyPage.objects.get(slug=slug, locale__language_code=language)


def figures(replication):
    """indicator code → (origin baseline, result, change; adopter baseline, result, change)."""
    return {row.indicator.code: (row.origin.baseline, row.origin.value, round(row.origin.change, 1),
                                 row.adopter.baseline, row.adopter.value,
                                 round(row.adopter.change, 1))
            for row in replication.rows}


def test_peorias_street_lights_beside_daegus_in_daegus_unit(catalogue):
    (peoria,) = compared_outcomes(page("daegu-smart-street-lights"))
    assert peoria.adoption.adopter.slug == "peoria-il"
    assert figures(peoria) == {
        # both recorded in MWh/km/yr: converted to the indicator's kWh/km/yr
        "ISO37120:7.6": (Decimal(3680), Decimal(2240), Decimal("-39.1"),
                         Decimal(3100), Decimal(1900), Decimal("-38.7")),
    }
    row = peoria.rows[0]
    assert row.unit == "kWh/km/yr"
    assert row.origin.measured_on == datetime.date(2024, 6, 1)
    assert row.adopter.measured_on == datetime.date(2025, 2, 1)
    assert (row.origin.evidence.level, row.adopter.evidence.level) == (4, 3)


def test_the_data_hub_chain_compares_each_generation_with_its_own_origin(catalogue):
    (bucheon,) = compared_outcomes(page("daegu-data-hub"))
    assert bucheon.adoption.adopter.slug == "bucheon"
    assert figures(bucheon) == {
        "U4SSC:EC-ICT-PS-1A": (40, 210, Decimal("425.0"), 12, 46, Decimal("283.3")),
        "U4SSC:EC-ICT-PS-2A": (3, 27, Decimal("800.0"), 1, 6, Decimal("500.0")),
    }
    (suwon,) = compared_outcomes(page("bucheon-urban-data-platform", "en"))
    assert suwon.adoption.adopter.slug == "suwon"
    assert figures(suwon) == {
        "U4SSC:EC-ICT-PS-1A": (12, 46, Decimal("283.3"), 3, 12, Decimal("300.0"))}
    chart = suwon.chart
    assert [(bar.side, round(bar.change, 1)) for bar in chart.bars] == [
        ("origin", Decimal("283.3")), ("adopter", Decimal("300.0"))]
    assert chart.bars[1].width > chart.bars[0].width  # drawn to one scale


def test_the_case_study_page_shows_the_comparison_table_and_chart(client, catalogue):
    html = client.get("/en/catalogue/daegu-smart-street-lights/").text
    section = html.split('id="compared-title"')[1].split("</section>")[0]
    assert "Peoria" in section and "-38.7%" in section and "1,900 kWh/km/yr" in section
    assert '<svg role="img" aria-labelledby="chart-' in section
    assert "<title id=\"chart-" in section and "<desc id=\"chart-" in section
    assert "Before and after" in section  # Peoria's evidence level


def test_the_lineage_runs_over_generations_and_across_languages(catalogue):
    # Suwon replicated Bucheon's platform, which replicated Daegu's hub: seen from any of them
    for slug, language in [("daegu-data-hub", "ko"), ("bucheon-urban-data-platform", "en"),
                           ("suwon-living-lab-data-hub", "en")]:
        with translation.override(language):
            lineage = lineage_of(page(slug, language))
        assert [[node.city.slug for node in chain] for chain in lineage.chains] == [
            ["daegu", "bucheon", "suwon"]]
        assert [node.current for node in lineage.nodes] == [
            node.page is not None and node.page.slug == slug for node in lineage.nodes]
    with translation.override("en"):
        html_lineage = lineage_of(page("daegu-data-hub", "en"))
    assert html_lineage.generations[2][0].status == "planning"


def test_the_lineage_graph_and_its_list_are_on_the_page(client, catalogue):
    html = client.get("/en/catalogue/daegu-data-hub/").text
    assert '<svg role="img" aria-labelledby="lineage-svg-title lineage-svg-desc"' in html
    assert "Daegu Metropolitan City → Bucheon → Suwon" in html  # the SVG's description
    assert "Generation 3" in html and 'href="/en/catalogue/suwon-living-lab-data-hub/"' in html


def test_replicas_are_lineage_not_similar_case_studies(client, catalogue):
    similar = client.get("/en/catalogue/daegu-data-hub/").context["similar"]
    relatives = set(CaseStudyPage.objects.filter(
        slug__in=["bucheon-urban-data-platform", "suwon-living-lab-data-hub"])
        .values_list("pk", flat=True))
    assert not {int(hit.object_id) for hit in similar} & relatives


def test_a_dropped_adoption_says_why(client, catalogue):
    html = client.get("/en/catalogue/suwon-demand-responsive-bus/").text
    assert "Busan" in html and "dropped: Procurement" in html


def test_case_study_page_queries_do_not_grow_with_adoptions_and_results(
        client, catalogue, django_assert_max_num_queries):
    url = "/en/catalogue/daegu-data-hub/"
    client.get(url)  # the footer's pages, cached afterwards
    with django_assert_max_num_queries(60) as first:
        client.get(url)
    indicator = Indicator.objects.get(code="U4SSC:EC-ICT-PS-1A")
    for n in range(6):
        adoption = Adoption.objects.create(origin=catalogue, status="piloting",
                                           adopter=OrganisationFactory(slug=f"city-{n}"))
        AdoptionStage.objects.create(adoption=adoption, stage="piloting",
                                     reached_on=datetime.date(2025, 1, 1))
        for month in (1, 2, 3):
            AdoptionResult.objects.create(adoption=adoption, indicator=indicator, baseline=2,
                                          value=10 + month, unit="datasets",
                                          measured_on=datetime.date(2025, month, 1))
    with django_assert_max_num_queries(len(first.captured_queries)):
        response = client.get(url)
    assert len(response.context["compared"]) == 7


# --- the adopting city's own page: stages, adaptations, results ----------------------------

@pytest.fixture
def bucheon_adoption(catalogue):
    return Adoption.objects.get(origin__slug="daegu-data-hub", adopter__slug="bucheon")


def post(client, adoption, form, **data):
    return client.post(f"/en/adoptions/{adoption.pk}/", {"form": form, **data})


def test_an_officer_of_the_adopter_records_a_result_and_a_stage(client, bucheon_adoption):
    client.force_login(User.objects.get(email="officer.bucheon@demo.example"))
    indicator = Indicator.objects.get(code="U4SSC:EC-ICT-PS-1A")
    response = post(client, bucheon_adoption, "result", indicator=indicator.pk, value="60",
                    unit="datasets", baseline="12", measured_on="2025-09-01")
    assert response.status_code == 302
    (bucheon,) = compared_outcomes(page("daegu-data-hub"))
    assert bucheon.rows[0].adopter.value == 60  # the latest result is compared
    response = post(client, bucheon_adoption, "stage", stage="deployed",
                    reached_on="2025-10-01")
    assert response.status_code == 302
    bucheon_adoption.refresh_from_db()
    assert bucheon_adoption.status == "deployed"
    response = post(client, bucheon_adoption, "adaptation", adapted_aspects=["vendor", "tender"],
                    adapted="New operator")
    bucheon_adoption.refresh_from_db()
    assert bucheon_adoption.adapted_aspects == ["vendor", "tender"]


@pytest.mark.parametrize("form,data,field,message", [
    ("result", {"value": "5", "unit": "kWh", "measured_on": "2025-01-01"}, "unit",
     "cannot be converted"),
    ("result", {"value": "5", "unit": "datasets", "measured_on": "FUTURE"}, "measured_on",
     "in the future"),
    ("result", {"code": "ISO37120:15.1", "value": "-3", "unit": "per_100k",
                "measured_on": "2025-01-01"}, "value", "cannot be negative"),
    ("stage", {"stage": "dropped", "reached_on": "2025-01-01"}, "reason", "Say why"),
    ("stage", {"stage": "planning", "reached_on": "FUTURE"}, "reached_on", "in the future"),
])
def test_bad_input_is_refused_at_the_field_and_nothing_changes(
        client, bucheon_adoption, form, data, field, message):
    client.force_login(User.objects.get(email="officer.bucheon@demo.example"))
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    data = {k: tomorrow if v == "FUTURE" else v for k, v in data.items()}
    code = data.pop("code", "U4SSC:EC-ICT-PS-1A")
    if form == "result":
        data["indicator"] = Indicator.objects.get(code=code).pk
    before = (AdoptionResult.objects.count(), AdoptionStage.objects.count(),
              Adoption.objects.get(pk=bucheon_adoption.pk).status)
    with translation.override("en"):
        response = post(client, bucheon_adoption, form, **data)
        assert response.status_code == 400
        errors = response.context[f"{form}_form"].errors
        assert message in " ".join(str(e) for e in errors[field]), errors
    assert (AdoptionResult.objects.count(), AdoptionStage.objects.count(),
            Adoption.objects.get(pk=bucheon_adoption.pk).status) == before


@pytest.mark.parametrize("email", ["officer.suwon@demo.example", "vendor@demo.example",
                                   "officer.daegu@demo.example"])
def test_only_the_adopting_citys_people_record_its_outcomes(client, bucheon_adoption, email):
    client.force_login(User.objects.get(email=email))
    before = AdoptionStage.objects.count()
    assert client.get(f"/en/adoptions/{bucheon_adoption.pk}/").status_code == 403
    response = post(client, bucheon_adoption, "stage", stage="deployed", reached_on="2025-01-01")
    assert response.status_code == 403
    assert AdoptionStage.objects.count() == before


# --- the replication kit ------------------------------------------------------------------

def test_the_kit_lists_documents_vendors_budget_and_time(client, catalogue):
    html = client.get("/en/catalogue/suwon-demand-responsive-bus/").text
    kit = html.split('id="kit-title"')[1].split("</section>")[0]
    assert "How to replicate this" in html
    assert "23 months" in kit  # April 2023 – March 2025
    assert "Start replicating" not in kit  # for people of a member city only


def test_start_replicating_creates_the_adoption_and_a_draft_with_the_origins_indicators(
        client, catalogue):
    officer = User.objects.get(email="officer.suwon@demo.example")
    client.force_login(officer)
    lights = page("daegu-smart-street-lights", "en")
    assert "Start replicating" in client.get("/en/catalogue/daegu-smart-street-lights/").text
    response = client.post(f"/en/case-studies/{lights.pk}/replicate/",
                           {"adopter": officer.memberships.get().organisation.pk})
    adoption = Adoption.objects.get(adopter__slug="suwon", origin__slug=lights.slug)
    draft = adoption.adopter_case_study
    assert response.status_code == 302
    assert response["Location"] == f"/en/case-studies/write/{draft.pk}/problem/"
    assert not draft.live and draft.city.slug == "suwon" and draft.owner == officer
    assert draft.get_parent().specific_class.__name__ == "CatalogueIndexPage"
    assert draft.locale.language_code == "en"
    revision = draft.get_latest_revision_as_object()
    assert [(k.indicator.code if k.indicator else None, k.unit, k.result)
            for k in revision.kpis.all()] == [
        (k.indicator.code if k.indicator else None, k.unit, None) for k in lights.kpis.all()]
    assert client.get(f"/en/case-studies/write/{draft.pk}/problem/").status_code == 200
    # starting again is the same replication
    client.post(f"/en/case-studies/{lights.pk}/replicate/",
                {"adopter": officer.memberships.get().organisation.pk})
    assert Adoption.objects.filter(adopter__slug="suwon", origin__slug=lights.slug).count() == 1
    assert CaseStudyPage.objects.filter(city__slug="suwon", live=False).count() == 1


def test_the_origin_city_and_vendors_cannot_start_replicating(client, catalogue):
    lights = page("daegu-smart-street-lights", "en")
    before = (Adoption.objects.count(), CaseStudyPage.objects.count())
    for email in ("officer.daegu@demo.example", "vendor@demo.example"):
        user = User.objects.get(email=email)
        client.force_login(user)
        org = user.memberships.get().organisation
        client.post(f"/en/case-studies/{lights.pk}/replicate/", {"adopter": org.pk})
    assert (Adoption.objects.count(), CaseStudyPage.objects.count()) == before
