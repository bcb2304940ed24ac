"""Amounts, dates and times are written the way each language writes them."""

from decimal import Decimal

import pytest
from django.utils import translation

from portal.templatetags.money import money


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


@pytest.mark.parametrize("amount", [None, "", "abc", "1,000", "NaN", "Infinity"])
def test_what_is_not_an_amount_writes_nothing(amount):
    assert money(amount, "KRW") == ""


def test_a_float_is_written_as_its_short_decimal():
    with translation.override("en"):
        assert money(0.1, "USD") == "$0.10"



def test_korean_date_and_time_put_the_meridiem_first_like_a_time_alone():
    import datetime

    from django.utils import formats

    when = datetime.datetime(2026, 12, 3, 17, 0)
    with translation.override("ko"):
        assert formats.date_format(when, "DATETIME_FORMAT") == "2026년 12월 3일 오후 5:00"
        assert formats.time_format(when, "TIME_FORMAT") == "오후 5:00"
    with translation.override("en"):
        assert formats.date_format(when, "DATETIME_FORMAT") == "Dec. 3, 2026, 5 p.m."
