"""Amounts are written the way each language writes them, with the currency's own sign."""

from decimal import Decimal

import pytest
from django.utils import translation

from portal.templatetags.money import money, money_short


@pytest.mark.parametrize(("language", "amount", "currency", "expected"), [
    ("ko", Decimal("3000000000"), "KRW", "₩3,000,000,000"),
    ("en", Decimal("3000000000"), "KRW", "₩3,000,000,000"),
    ("ko", Decimal("2000000"), "USD", "US$2,000,000"),
    ("en", Decimal("2000000"), "USD", "$2,000,000"),
    ("en", Decimal("1250000.50"), "USD", "$1,250,000.50"),
    ("en", 1500, "EUR", "€1,500"),
])
def test_amounts_follow_the_language(language, amount, currency, expected):
    with translation.override(language):
        assert money(amount, currency) == expected


def test_short_amounts_use_each_languages_large_units():
    with translation.override("ko"):
        assert money_short(Decimal("3000000000"), "KRW") == "₩30억"
    with translation.override("en"):
        assert money_short(Decimal("3000000000"), "KRW") == "₩3B"


def test_no_amount_writes_nothing():
    assert money(None, "KRW") == ""

