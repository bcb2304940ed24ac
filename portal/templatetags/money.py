"""Amounts of money written the way each language writes them: ``US$2,000,000`` in Korean,
``$2,000,000`` in English, ``₩3,000,000,000`` in both; whole amounts without a fractional
part."""

from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError
from babel.numbers import format_currency
from django import template
from django.utils import translation

register = template.Library()


@register.filter
def money(amount: Decimal | int | str | None, currency: str) -> str:
    """``{{ bid.requested_amount|money:bid.currency }}`` → ``₩3,000,000,000``; nothing for
    what is not an amount, as Django's own number filters do."""
    try:
        value = Decimal(str(amount))
        locale = Locale.parse(translation.get_language() or "ko", sep="-")
    except (InvalidOperation, UnknownLocaleError, ValueError):
        return ""
    if not value.is_finite() or not currency:
        return ""
    pattern = locale.currency_formats["standard"].pattern
    if value == value.to_integral_value():
        pattern = pattern.split(";")[0].replace(".00", "")
    return format_currency(value, currency, format=pattern, locale=locale,
                           currency_digits=False)
