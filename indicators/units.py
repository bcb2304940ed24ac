"""Units of measurement through pint, with the portal's own units (``units.txt``): rates per
100 000 residents, tonnes of CO2 equivalent, Korean spellings. Figures stay ``Decimal`` from
end to end, so converting 12.5 GWh/yr gives exactly 12500 MWh/yr."""

import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import pint
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REGISTRY = pint.UnitRegistry(non_int_type=Decimal, cache_folder=None)
REGISTRY.load_definitions(Path(__file__).with_name("units.txt"))
PRECISION = Decimal("1e-12")
# "m2", "km2", "m3" as typed (and as NFKC spells ㎡ ㎥) are powers, not units named m2.
AREA_OR_VOLUME = re.compile(r"\b(k?m|cm|mm)([23])\b")
# What a unit is written with; pint would read more ("<b>" as barn).
UNIT_TEXT = re.compile(r"[\w /*^.()%°µ²³·-]+")


class UnitError(ValueError):
    """A unit this portal cannot read, or two units that measure different things. ``str()``
    is the message for the person who typed it (translated)."""

    def __init__(self, message) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


class UnknownUnit(UnitError):
    pass


class IncompatibleUnits(UnitError):
    pass


def parse_unit(text: str) -> pint.Unit:
    """The unit ``text`` names ("GWh/yr", "%", "per_100k", "tCO2e/capita", "분");
    ``UnknownUnit`` if it names none."""
    # NFKC: the CJK unit signs (㎍ ㎥ ℃ ㎞) as the letters they stand for
    spelled = unicodedata.normalize("NFKC", str(text)).strip()
    try:
        if not UNIT_TEXT.fullmatch(spelled):
            raise ValueError(text)
        return REGISTRY.parse_units(AREA_OR_VOLUME.sub(r"\1**\2", spelled))
    except Exception as error:  # pint raises what its parser meets (AssertionError on "kWh/")
        raise UnknownUnit(_(
            "“%(unit)s” is not a unit the portal knows. Write it as, for example, kWh/yr, "
            "%%, per_100k, tCO2e, minutes or km/h.") % {"unit": text}) from error


def is_unit(text: str) -> bool:
    try:
        parse_unit(text)
    except UnknownUnit:
        return False
    return True


def compatible(unit_a: str, unit_b: str) -> bool:
    """Whether figures in the two units measure the same thing (False if either is unknown)."""
    try:
        return parse_unit(unit_a).is_compatible_with(parse_unit(unit_b))
    except UnknownUnit:
        return False


def check_compatible(unit: str, target: str) -> None:
    """Raise ``UnknownUnit`` or ``IncompatibleUnits`` unless ``unit`` converts to ``target``."""
    source = parse_unit(unit)
    if not source.is_compatible_with(parse_unit(target)):
        raise IncompatibleUnits(_(
            "“%(unit)s” cannot be converted to “%(target)s”: they measure different things. "
            "Give the figure in %(target)s or a unit of the same kind.")
            % {"unit": unit, "target": target})


def convert(value: Decimal | int | float, from_unit: str, to_unit: str) -> Decimal:
    """``value`` in ``from_unit`` expressed in ``to_unit``: convert(12.5, "GWh/yr",
    "MWh/yr") == Decimal("12500"). Raises ``UnknownUnit`` or ``IncompatibleUnits``."""
    check_compatible(from_unit, to_unit)
    magnitude = Decimal(str(value)) if not isinstance(value, Decimal) else value
    quantity = REGISTRY.Quantity(magnitude, parse_unit(from_unit))
    return plain(Decimal(quantity.to(parse_unit(to_unit)).magnitude))


def plain(value: Decimal) -> Decimal:
    """Without the last digits' noise of offset units (°C → °F) and without an exponent:
    Decimal("12500"), not Decimal("1.25E+4")."""
    value = value.quantize(PRECISION).normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def validate_unit(text: str) -> None:
    """A model field validator: the field's message when ``text`` is no unit."""
    try:
        parse_unit(text)
    except UnknownUnit as error:
        raise ValidationError(error.message, code="unknown_unit") from error
