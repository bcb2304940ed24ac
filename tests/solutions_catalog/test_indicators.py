"""Indicator pages and comparable KPIs as readers and officers meet them: every city's results
on one indicator in one unit, best first, filtered by theme and country, downloadable; a KPI
on an indicator must give a unit of the same kind; one outside the library is shown as not
comparable."""

import csv
import datetime
import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from indicators.models import Indicator
from members.models import Organisation
from solutions_catalog.indicators import results_on
from solutions_catalog.models import Adoption, AdoptionResult, CaseStudyKPI, CaseStudyPage

pytestmark = pytest.mark.django_db
LIGHTS = "ISO37120:7.6"
PAGE = f"/en/indicators/{LIGHTS}/"


def cities(response) -> list[str]:
    return [result.city.slug for result in response.context["results"]]


def test_street_lights_of_three_cities_side_by_side_in_one_unit(client, catalogue):
    response = client.get(PAGE)
    assert response.status_code == 200
    # lower is better: Peoria first; Daegu and Taipei reported in MWh/km/yr, shown in kWh
    assert cities(response) == ["peoria-il", "daegu", "taipei"]
    daegu = response.context["results"][1]
    assert (daegu.value, daegu.baseline, daegu.original_value, daegu.original_unit) == (
        Decimal("2240"), Decimal("3680"), Decimal("2.24"), "MWh/km/yr")
    assert round(daegu.change, 1) == Decimal("-39.1")
    assert "2,240 kWh/km/yr" in response.text and "2.24 MWh/km/yr" in response.text
    korean = client.get(f"/indicators/{LIGHTS}/")
    assert "조명 도로 1km당 가로등 전력 소비량" in korean.text
    assert "대구 스마트 가로등" in korean.text and "낮을수록 좋음" in korean.text


def test_results_filter_by_country_and_theme(client, catalogue):
    assert cities(client.get(PAGE, {"country": "KR"})) == ["daegu"]
    assert cities(client.get(PAGE, {"country": ["KR", "US"]})) == ["peoria-il", "daegu"]
    response = client.get(PAGE, {"country": "FR"})
    assert cities(response) == [] and "No result matches these filters." in response.text
    theme = client.get(PAGE).context["filters"].facets["theme"].options[0].value
    assert cities(client.get(PAGE, {"theme": theme}))


def test_bad_filter_values_are_reported_not_applied(client, catalogue):
    response = client.get(PAGE, {"country": "<script>"})
    assert "Ignored an unknown value in the “Country” filter." in response.text
    assert "<script>" not in response.text
    assert len(cities(response)) == 3
    assert client.get("/en/indicators/NOPE:1/").status_code == 404


def test_csv_and_json_carry_the_same_converted_figures(client, catalogue):
    response = client.get(f"/en/indicators/{LIGHTS}/results.csv", {"country": "KR"})
    assert response["Content-Disposition"] == 'attachment; filename="indicator-ISO37120-7.6.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["city"], r["value"], r["unit"], r["reported_value"], r["reported_unit"])
            for r in rows] == [("Daegu Metropolitan City", "2240", "kWh/km/yr", "2.24",
                                "MWh/km/yr")]
    data = json.loads(client.get(f"/en/indicators/{LIGHTS}/results.json").content)
    assert data["indicator"]["unit"] == "kWh/km/yr" and data["count"] == 3
    assert [r["value"] for r in data["results"]] == ["1900", "2240", "4050"]
    assert data["results"][0]["url"].endswith("/en/catalogue/peoria-smart-street-lights/")


def test_indicator_list_groups_the_library_by_theme(client, catalogue):
    response = client.get("/en/indicators/")
    assert response.status_code == 200
    labels = [label for label, _found in response.context["themes"]]
    assert labels == ["Connectivity", "Cybersecurity", "Mobility", "Sustainability",
                      "Resilience"]
    assert f'href="/en/indicators/{LIGHTS}/"' in response.text
    assert "사이버보안" in client.get("/indicators/").text


def test_case_study_shows_the_indicator_or_not_comparable(client, catalogue):
    lights = client.get("/en/catalogue/daegu-smart-street-lights/")
    assert f'<a href="/en/indicators/{LIGHTS}/"' in lights.text
    assert "Not comparable" in lights.text  # time to repair is on no standard indicator
    assert "비교 불가" in client.get("/catalogue/daegu-smart-street-lights/").text


def _kpi(code: str, unit: str) -> CaseStudyKPI:
    page = CaseStudyPage.objects.get(slug="daegu-smart-street-lights", locale__language_code="en")
    return CaseStudyKPI(page=page, metric="m", result=Decimal(1), unit=unit, locale=page.locale,
                        indicator=Indicator.objects.get(code=code) if code else None)


@pytest.mark.parametrize("unit", ["MWh/km/yr", "kWh/km/년", "GWh/km/a"])
def test_a_kpi_in_a_unit_of_the_same_kind_is_accepted(catalogue, unit):
    _kpi(LIGHTS, unit).full_clean()


@pytest.mark.parametrize("unit,message", [
    ("GWh/yr", "“GWh/yr” cannot be converted to “kWh/km/yr”: they measure different things."),
    ("minutes", "“minutes” cannot be converted to “kWh/km/yr”"),
    ("lights", "“lights” is not a unit the portal knows."),
])
def test_a_result_with_a_unit_of_another_dimension_is_refused_at_the_unit(catalogue, unit,
                                                                          message):
    kpi = CaseStudyKPI.objects.get(page__slug="daegu-smart-street-lights",
                                   page__locale__language_code="en", indicator__code=LIGHTS)
    kpi.unit = unit
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        kpi.full_clean()
    assert list(refused.value.message_dict) == ["unit"]
    assert message in refused.value.message_dict["unit"][0]
    kpi.refresh_from_db()
    assert kpi.unit == "MWh/km/yr"  # nothing changed


def test_a_kpi_outside_the_library_stays_allowed(catalogue):
    kpi = _kpi("", "lights per block")
    kpi.full_clean()
    assert not kpi.comparable


def test_a_kpi_saved_before_units_were_checked_is_left_out(catalogue):
    kpi = CaseStudyKPI.objects.get(page__slug="peoria-smart-street-lights",
                                   page__locale__language_code="en", indicator__code=LIGHTS)
    CaseStudyKPI.objects.filter(translation_key=kpi.translation_key).update(unit="GWh/yr")
    found = results_on(Indicator.objects.get(code=LIGHTS), language="en")
    assert [r.city.slug for r in found] == ["daegu", "taipei"]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_indicator_page_queries_do_not_grow_with_the_results(
        client, catalogue, prefix, django_assert_max_num_queries):
    with django_assert_max_num_queries(20) as first:
        assert client.get(f"{prefix}/indicators/{LIGHTS}/").status_code == 200
    index = catalogue.get_parent()
    lights = Indicator.objects.get(code=LIGHTS)
    for n in range(8):
        extra = CaseStudyPage(title=f"Extra {n}", slug=f"extra-lights-{n}", city=catalogue.city,
                              summary="s", problem="<p>p</p>", approach="<p>a</p>",
                              locale=catalogue.locale)
        extra.kpis = [CaseStudyKPI(metric="전력", result=Decimal(1000 + n), unit="kWh/km/yr",
                                   indicator=lights)]
        index.add_child(instance=extra)
        extra.themes.set(catalogue.themes.all())
        extra.save_revision().publish()
    with django_assert_max_num_queries(len(first.captured_queries)):
        response = client.get(f"{prefix}/indicators/{LIGHTS}/")
    assert len(response.context["results"]) == 11


def test_filters_narrow_the_adopting_cities_results_too(client, catalogue):
    """Denver replicates Daegu's street lights without a case study of its own: its recorded
    result is on the indicator page, and the country filter narrows it like the rest."""
    origin = CaseStudyPage.objects.get(slug="daegu-smart-street-lights", locale__language_code="ko")
    denver = Organisation.objects.get(slug="denver")
    adoption = Adoption.objects.create(origin=origin, adopter=denver)
    AdoptionResult.objects.create(
        adoption=adoption, indicator=Indicator.objects.get(code=LIGHTS), value=Decimal("2.5"),
        unit="MWh/km/yr", measured_on=datetime.date(2026, 5, 1))

    def adopters(**filters):
        results = client.get(PAGE, filters).context["results"]
        return [r.city.slug for r in results if r.source == "adoption"]

    assert adopters() == ["denver"]
    assert adopters(country="US") == ["denver"]
    assert adopters(country="KR") == []
