"""ISO 4217 status through CLDR (Babel): active, obsolete, unknown."""
from __future__ import annotations

from datetime import date

import pytest

from localize.rates import currency_status


@pytest.mark.parametrize("code, status", [
    ("USD", "active"), ("JPY", "active"), ("EUR", "active"), ("CNY", "active"), ("TWD", "active"),
    ("usd", "active"),
    ("XAU", "active"),          # gold: not legal tender, but a code in use
    ("DEM", "obsolete"), ("FRF", "obsolete"), ("CYP", "obsolete"), ("ESP", "obsolete"),
    ("HRK", "obsolete"),        # Croatia joined the euro in 2023
    ("VEF", "obsolete"),
    ("XYZ", "unknown"), ("ABC", "unknown"), ("US", "unknown"), ("", "unknown"), ("ＵＳＤ", "unknown"),
])
def test_status_today(code, status):
    assert currency_status(code) == status


@pytest.mark.parametrize("code, on, status", [
    ("HRK", date(2020, 5, 1), "active"),
    ("HRK", date(2023, 6, 1), "obsolete"),
    ("DEM", date(2001, 6, 1), "active"),
    ("DEM", date(2003, 1, 1), "obsolete"),
    ("USD", date(1990, 1, 1), "active"),
])
def test_status_on_a_date(code, on, status):
    assert currency_status(code, on) == status
