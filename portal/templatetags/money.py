"""Amounts of money written the way each language writes them: ``₩50억`` and ``US$120만``
in Korean, ``₩5B`` and ``$1.2M`` in English; whole amounts without a fractional part."""

from decimal import Decimal

from babel import Locale
from babel.numbers import format_compact_currency, format_currency
from django import template
from django.utils import translation

register = template.Library()


def _locale() -> Locale:
    return Locale.parse(translation.get_language() or "ko", sep="-")


@register.filter
def money(amount, currency: str) -> str:
    """``{{ bid.requested_amount|money:bid.currency }}`` → ``₩3,000,000,000``."""
    if amount in (None, ""):
        return ""
    amount = Decimal(amount)
    locale = _locale()
    pattern = locale.currency_formats["standard"].pattern
    if amount == amount.to_integral_value():
        pattern = pattern.split(";")[0].replace(".00", "")
    return format_currency(amount, currency, format=pattern, locale=locale,
                           currency_digits=False)


@register.filter
def money_short(amount, currency: str) -> str:
    """A compact amount for tight places (cards, charts): ``₩30억`` / ``₩3B``."""
    if amount in (None, ""):
        return ""
    return format_compact_currency(Decimal(amount), currency, locale=_locale(),
                                   fraction_digits=1)
