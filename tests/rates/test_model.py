"""Rate values: rounding in descriptions, conversion and inversion stay in Decimal."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from localize.rates import Rate, format_rate


@pytest.mark.parametrize("value, text", [
    ("160.1971124751448085069594536", "160.197"),
    ("0.006360617", "0.00636062"),
    ("20275.17", "20275.2"),
    ("1234567.8", "1234570"),
    ("136", "136"),
    ("1.5000", "1.5"),
    ("0", "0"),
])
def test_format_rate_keeps_six_significant_digits_without_exponents(value, text):
    assert format_rate(Decimal(value)) == text


def test_convert_and_inverse_stay_exact():
    rate = Rate("USD", "JPY", Decimal("158.5"), date(2026, 6, 12), "house.yaml", date(2026, 6, 14), 3)
    assert rate.convert(Decimal("4e9")) == Decimal("6.340E+11")
    back = rate.inverse()
    assert (back.base, back.quote, back.date, back.line) == ("JPY", "USD", date(2026, 6, 12), 3)
    assert isinstance(back.value, Decimal) and back.convert(Decimal("158.5")).quantize(Decimal(1)) == 1
    assert rate.age_days == 2 and rate.stale(1) and not rate.stale(2)
    assert rate.describe() == "house.yaml:3 2026-06-12: 1 USD = 158.5 JPY"


def test_floats_are_refused():
    rate = Rate("USD", "JPY", Decimal("158.5"), date(2026, 6, 12), "ECB reference rate")
    with pytest.raises(TypeError):
        rate.convert(4e9)
    assert rate.convert(2) == Decimal("317.0")
