"""The library as every database has it after migrating, and as staff edit it: a unit that
is no unit is refused at its field."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from indicators.models import Indicator

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_every_database_has_the_seeded_indicators():
    assert Indicator.objects.count() >= 60
    lights = Indicator.objects.get(code="ISO37120:7.6")
    assert (lights.unit, lights.direction, lights.theme) == (
        "kWh/km/yr", "lower", "sustainability")
    assert lights.name_ko == "조명 도로 1km당 가로등 전력 소비량"
    broadband = Indicator.objects.get(code="U4SSC:EC-ICT-ICT-2C")
    assert broadband.name_en == "Fixed Broadband Subscriptions"


def test_codes_read_as_the_published_sources_number_them():
    """0003 renamed the codes the sources print otherwise and added ISO 37123 (README, sources)."""
    codes = set(Indicator.objects.values_list("code", flat=True))
    assert {"U4SSC:EC-ICT-PS-1A", "U4SSC:EC-ICT-PS-2A", "U4SSC:EC-ICT-ES-2A",
            "U4SSC:EC-ICT-D-1A", "ISO37122:7.6", "ISO37122:7.7"} <= codes
    assert not {"U4SSC:EC-ICT-PS-1C", "U4SSC:EC-ICT-PS-2C", "U4SSC:EC-ICT-ES-2C",
                "U4SSC:EC-ICT-D-1C", "ISO37122:7.5", "U4SSC:EC-ICT-WS-1C"} & codes
    lighting = Indicator.objects.get(code="ISO37122:7.6")
    assert lighting.name_en.startswith("Percentage of street lighting managed by a light")
    losses = Indicator.objects.get(code="ISO37123:5.2")
    assert (losses.standard, losses.theme, losses.direction, losses.sdg_target, losses.unit) == (
        "iso37123", "resilience", "lower", "11.5", "%")
    assert Indicator.objects.filter(standard="iso37123").count() >= 4
    assert set(Indicator.objects.values_list("theme", flat=True)) == {
        "connectivity", "cybersecurity", "mobility", "sustainability", "resilience"}


@pytest.mark.parametrize("field,value,message", [
    ("unit", "furlongs per fortnightly", "is not a unit the portal knows"),
    ("code", "ISO 37120/7.6", "Use letters, digits and : . _ - only"),
    ("sdg_target", "12.5", "An SDG 11 target such as 11.2 or 11.b."),
])
def test_bad_input_is_refused_at_its_field(field, value, message):
    indicator = Indicator.objects.get(code="ISO37120:8.1")
    setattr(indicator, field, value)
    with pytest.raises(ValidationError) as refused:
        indicator.full_clean()
    assert message in " ".join(refused.value.message_dict[field])
    indicator.refresh_from_db()
    assert (indicator.code, indicator.unit, indicator.sdg_target) == (
        "ISO37120:8.1", "µg/m³", "11.6")
