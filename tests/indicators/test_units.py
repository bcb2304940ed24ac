"""Units convert through pint, exactly, and figures of different kinds are refused with a
message for the person who typed them; the seeded library is usable as it stands."""

import importlib
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from indicators.models import CODE_PATTERN, ThemeKey
from indicators.units import (
    IncompatibleUnits,
    UnknownUnit,
    check_compatible,
    compatible,
    convert,
    parse_unit,
    validate_unit,
)

SEED = importlib.import_module("indicators.migrations.0002_seed_indicators")
ROWS = [row for rows in SEED.STANDARDS.values() for row in rows]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize("value,source,target,expected", [
    ("12.5", "GWh/yr", "MWh/yr", "12500"),
    ("18.4", "GWh/년", "MWh/yr", "18400"),  # as a Korean case study writes it
    ("2.24", "MWh/km/yr", "kWh/km/yr", "2240"),
    ("1.5", "h", "minutes", "90"),
    ("90", "분", "h", "1.5"),
    ("24", "㎍/㎥", "µg/m³", "24"),
    ("3", "tCO2e", "kgCO2e", "3000"),
    ("1", "MtCO2e/yr", "ktCO2e/yr", "1000"),
    ("12", "per_100k", "per_1000", "0.12"),
    ("36", "km/h", "m/s", "10"),
    ("3500", "kWh/capita/yr", "MWh/capita/yr", "3.5"),
    ("20", "degC", "degF", "68"),
    ("45", "%", "dimensionless", "0.45"),
])
def test_figures_convert_exactly(value, source, target, expected):
    result = convert(Decimal(value), source, target)
    assert result == Decimal(expected) and isinstance(result, Decimal)
    assert str(result) == expected  # no exponent, no float noise


@pytest.mark.parametrize("unit", ["%", "per_100k", "tCO2e", "tCO2e/capita", "kWh/yr", "minutes",
                                  "km/h", "trips/capita/yr", "µg/m³", "kWh/m2/yr", "건/년",
                                  "km * per_100k", "L/capita/d"])
def test_the_units_cities_report_in_parse(unit):
    parse_unit(unit)
    validate_unit(unit)


@pytest.mark.parametrize("source,target", [
    ("kWh/yr", "minutes"), ("%", "per_100k"), ("tCO2e", "kg"), ("per_100k", "count"),
    ("MWh/km/yr", "MWh/yr")])
def test_units_of_another_dimension_are_refused(source, target):
    assert not compatible(source, target)
    with pytest.raises(IncompatibleUnits) as refused:
        convert(1, source, target)
    assert str(refused.value) == (f"“{source}” cannot be converted to “{target}”: they measure "
                                  f"different things. Give the figure in {target} or a unit of "
                                  "the same kind.")


def test_the_refusal_reads_in_korean():
    with translation.override("ko"), pytest.raises(IncompatibleUnits) as refused:
        check_compatible("kWh/yr", "minutes")
    assert str(refused.value).startswith("“kWh/yr” 단위는 “minutes” 단위로 환산할 수 없습니다.")


@pytest.mark.parametrize("text", ["", "  ", "foo", "kWh/", "2 kWh", "회/100km", "<b>"])
def test_what_is_no_unit_is_named_as_such(text):
    with pytest.raises(UnknownUnit) as unknown:
        parse_unit(text)
    assert "is not a unit the portal knows" in str(unknown.value)
    with pytest.raises(ValidationError):
        validate_unit(text)
    assert not compatible(text, "kWh")


def test_the_seeded_library_covers_the_five_themes_in_units_that_parse():
    assert len(ROWS) >= 60
    codes = [row[0] for row in ROWS]
    assert len(set(codes)) == len(codes)
    assert {row[1] for row in ROWS} == set(ThemeKey.values)
    for code, _theme, unit, direction, sdg, name_en, name_ko in ROWS:
        assert re.fullmatch(CODE_PATTERN, code), code
        parse_unit(unit)
        assert direction in ("lower", "higher")
        assert sdg == "" or re.fullmatch(r"11\.([1-7]|[abc])", sdg), code
        assert name_en and name_ko
