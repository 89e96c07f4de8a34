"""User rate files: YAML and CSV, overriding and extending the ECB data, and their errors."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from localize.errors import ConfigError
from localize.rates import RateTable, load_user_rates, rate_table
from localize.rates.ecb import EcbHistory
from localize.rates.model import DECIMAL

ECB_USD_0612, ECB_JPY_0612 = Decimal("1.1567"), Decimal("185.3")   # 2026-06-12 row

HOUSE_YAML = """\
# house rates of an imaginary newsroom
rates:
  - {date: 2026-06-12, base: USD, quote: JPY, rate: 158.5}   # overrides the ECB cross that day
  - date: 2026-06-10
    base: usd
    quote: twd
    rate: 31.42
    note: desk rate for the Taipei bureau
  - {date: 2026-06-01, base: ARS, quote: USD, rate: "0.00084"}
"""

HOUSE_CSV = """\
date,base,quote,rate,note
# a comment line
2026-06-11,EUR,TWD,36.1,
2026-06-12,GBP,USD,1.3,"desk, London"
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_rates_are_read_exactly(tmp_path):
    rates = load_user_rates(write(tmp_path, "house.yaml", HOUSE_YAML))
    assert [(r.date, r.base, r.quote, r.value, r.line) for r in rates.rates] == [
        (date(2026, 6, 12), "USD", "JPY", Decimal("158.5"), 3),
        (date(2026, 6, 10), "USD", "TWD", Decimal("31.42"), 4),
        (date(2026, 6, 1), "ARS", "USD", Decimal("0.00084"), 9),
    ]


def test_csv_rates_are_read_exactly(tmp_path):
    rates = load_user_rates(write(tmp_path, "house.csv", HOUSE_CSV))
    assert [(r.date, r.base, r.quote, r.value, r.line) for r in rates.rates] == [
        (date(2026, 6, 11), "EUR", "TWD", Decimal("36.1"), 3),
        (date(2026, 6, 12), "GBP", "USD", Decimal("1.3"), 4),
    ]


def test_semicolon_csv_and_bom(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffDate;Base;Quote;Rate\r\n2026-06-12;USD;KRW;1520.5\r\n".encode("utf-8"))
    (rate,) = load_user_rates(path).rates
    assert (rate.base, rate.quote, rate.value, rate.line) == ("USD", "KRW", Decimal("1520.5"), 2)


def test_a_list_at_the_top_of_the_yaml_is_accepted(tmp_path):
    path = write(tmp_path, "list.yml", "- {date: 2026-06-12, base: USD, quote: TWD, rate: 31}\n")
    assert len(load_user_rates(path).rates) == 1
    assert load_user_rates(write(tmp_path, "empty.yaml", "# nothing yet\n")).rates == ()


def test_user_rate_overrides_the_ecb_on_the_same_date(tmp_path):
    table = rate_table([write(tmp_path, "house.yaml", HOUSE_YAML)])
    rate = table.rate("USD", "JPY", date(2026, 6, 12))
    assert (rate.value, rate.date, rate.line) == (Decimal("158.5"), date(2026, 6, 12), 3)
    assert rate.source.endswith("house.yaml")
    assert rate.describe() == f"{rate.source}:3 2026-06-12: 1 USD = 158.5 JPY"
    # ... and serves the inverse pair too
    assert table.rate("JPY", "USD", date(2026, 6, 12)).value == DECIMAL.divide(1, Decimal("158.5"))


def test_a_house_rate_overrides_newer_ecb_observations(tmp_path):
    path = write(tmp_path, "house.yaml", HOUSE_YAML)
    table = rate_table([path])
    rate = table.rate("USD", "JPY", date(2026, 6, 15))   # ECB has 2026-06-15; the house rate is 06-12
    assert rate.source == str(path) and rate.date == date(2026, 6, 12) and rate.value == Decimal("158.5")
    assert rate.age_days == 3                            # the stage warns when this grows
    sunday = table.rate("USD", "JPY", date(2026, 6, 14))
    assert sunday.value == Decimal("158.5")
    ecb_day_before = table.rate("USD", "JPY", date(2026, 6, 11))  # no house rate yet: the ECB's
    assert ecb_day_before.source == "ECB reference rate"


def test_user_rates_extend_the_ecb_with_currencies_it_lacks(tmp_path):
    table = rate_table([write(tmp_path, "house.yaml", HOUSE_YAML)])
    assert table.has_currency("TWD") and table.has_currency("ars")
    twd = table.rate("USD", "TWD", date(2026, 6, 12))
    assert (twd.value, twd.date, twd.age_days) == (Decimal("31.42"), date(2026, 6, 10), 2)
    assert table.rate("TWD", "USD", date(2026, 6, 12)).value == DECIMAL.divide(1, Decimal("31.42"))


def test_a_currency_the_ecb_lacks_chains_through_its_user_pair(tmp_path):
    table = rate_table([write(tmp_path, "house.yaml", HOUSE_YAML)])
    # TWD -> JPY: TWD/USD from the user (06-10), USD/JPY from the user on 06-12.
    rate = table.rate("TWD", "JPY", date(2026, 6, 12))
    assert rate.value == DECIMAL.multiply(DECIMAL.divide(1, Decimal("31.42")), Decimal("158.5"))
    assert rate.date == date(2026, 6, 10)   # the older leg
    assert [leg.quote for leg in rate.legs] == ["USD", "JPY"]
    # TWD -> EUR: TWD/USD (user, 06-10) then USD/EUR (ECB, 06-10)
    to_eur = table.rate("TWD", "EUR", date(2026, 6, 10))
    assert to_eur.value == DECIMAL.multiply(DECIMAL.divide(1, Decimal("31.42")), DECIMAL.divide(1, Decimal("1.1539")))
    assert "ECB reference rate" in to_eur.source and "house.yaml" in to_eur.source
    assert to_eur.describe().startswith("1 TWD = 0.0275") and " via USD (" in to_eur.describe()
    # ARS -> TWD: both only in user data, through USD
    ars = table.rate("ARS", "TWD", date(2026, 6, 12))
    assert ars.value == DECIMAL.multiply(Decimal("0.00084"), Decimal("31.42"))


def test_later_user_data_is_never_used(tmp_path):
    path = write(tmp_path, "later.csv", "date,base,quote,rate\n2026-06-10,USD,TWD,31.42\n")
    table = rate_table([path])
    assert table.rate("USD", "TWD", date(2026, 6, 9)) is None
    assert table.rate("TWD", "JPY", date(2026, 6, 9)) is None
    assert table.rate("USD", "TWD", date(2026, 6, 10)).value == Decimal("31.42")


def test_later_files_win_on_the_same_date_and_pair(tmp_path):
    first = write(tmp_path, "a.csv", "date,base,quote,rate\n2026-06-10,USD,TWD,31\n")
    second = write(tmp_path, "b.yaml", "- {date: 2026-06-10, base: TWD, quote: USD, rate: 0.025}\n")
    assert rate_table([first, second]).rate("USD", "TWD", date(2026, 6, 10)).value == 40
    assert rate_table([second, first]).rate("USD", "TWD", date(2026, 6, 10)).value == 31


def test_the_table_is_cached_by_content(tmp_path):
    path = write(tmp_path, "house.csv", HOUSE_CSV)
    assert rate_table([path]) is rate_table([str(path)]) is rate_table(path)
    assert rate_table() is rate_table([])
    path.write_text(HOUSE_CSV.replace("36.1", "36.2"), encoding="utf-8")
    changed = rate_table([path])
    assert changed.rate("EUR", "TWD", date(2026, 6, 11)).value == Decimal("36.2")


def test_user_data_with_a_synthetic_ecb(tmp_path, ecb_zip):
    ecb = EcbHistory(ecb_zip("Date,USD,\n2026-06-03,1.25,\n"))
    rates = load_user_rates(write(tmp_path, "r.csv", "date,base,quote,rate\n2026-06-05,EUR,USD,1.5\n"))
    table = RateTable([rates], ecb=ecb)
    assert table.newest_date() == date(2026, 6, 5)
    assert table.rate("USD", "EUR", None).value == DECIMAL.divide(1, Decimal("1.5"))
    assert table.rate("EUR", "USD", date(2026, 6, 4)).value == Decimal("1.25")


# -- errors: each names the file and the line ----------------------------------------

@pytest.mark.parametrize("name, text, line, message", [
    ("r.csv", "date,base,quote,rate\n2026-06-31,USD,TWD,31\n", 2, "not a YYYY-MM-DD date"),
    ("r.csv", "date,base,quote,rate\n12/06/2026,USD,TWD,31\n", 2, "not a YYYY-MM-DD date"),
    ("r.csv", "date,base,quote,rate\n2026-06-12,US$,TWD,31\n", 2, "three-letter currency code"),
    ("r.csv", "date,base,quote,rate\n2026-06-12,USD,USD,1\n", 2, "both USD"),
    ("r.csv", "date,base,quote,rate\n2026-06-12,USD,TWD,\"31,4\"\n", 2, "decimal separator"),
    ("r.csv", "date,base,quote,rate\n2026-06-12,USD,TWD,0\n", 2, "positive"),
    ("r.csv", "date,base,quote,rate\n2026-06-12,USD,TWD,NaN\n", 2, "positive"),
    ("r.csv", "date,base,quote,rate\n\n2026-06-12,USD,TWD\n", 3, "expected 4 fields"),
    ("r.csv", "date,base,rate\n2026-06-12,USD,31\n", 1, "lacks quote"),
    ("r.csv", "date,base,quote,rate,desk\n", 1, "unknown field 'desk'"),
    ("r.csv", "date,base,quote,rate\n2026-06-12,USD,TWD,31\n2026-06-12,TWD,USD,0.03\n", 3,
     "already given at line 2"),
    ("r.yaml", "rates:\n  - {date: 2026-06-12, base: USD, quote: TWD}\n", 2, "missing rate"),
    ("r.yaml", "rates:\n  - date: 2026-06-12\n    base: USD\n    quote: TWD\n    rate: abc\n", 5,
     "not a number"),
    ("r.yaml", "rates:\n  - date: 2026-06-12\n    base: [USD]\n", 3, "single value"),
    ("r.yaml", "rates:\n  - {date: 2026-06-12, base: USD, quote: TWD, rate: 1, rate: 2}\n", 2,
     "duplicate key 'rate'"),
    ("r.yaml", "rates:\n  - {date: 2026-06-12, bse: USD}\n", 2, "unknown field 'bse'"),
    ("r.yaml", "rates:\n  - just text\n", 2, "must be a mapping"),
    ("r.yaml", "currency: USD\n", 1, "'rates' key"),
    ("r.yaml", "rates: {date: 2026-06-12}\n", 1, "must be a list"),
    ("r.yaml", "rates:\n  - {date: 2026-06-12, base: USD\n", 3, "invalid YAML"),
])
def test_bad_files_name_file_and_line(tmp_path, name, text, line, message):
    path = write(tmp_path, name, text)
    with pytest.raises(ConfigError, match=message) as info:
        load_user_rates(path)
    assert (info.value.path, info.value.line) == (str(path), line)
    assert str(info.value).startswith(f"{path}:{line}: ")
    with pytest.raises(ConfigError):   # rate_table checks user files when it is called
        rate_table([path])


@pytest.mark.parametrize("name, data, message", [
    ("r.txt", b"date,base,quote,rate\n", "must end in"),
    ("r.csv", b"", "empty"),
    ("r.csv", b"date,base,quote,rate\n2026-06-12,USD,TWD,3\xff\n", "not UTF-8"),
])
def test_bad_files_without_a_line(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ConfigError, match=message) as info:
        load_user_rates(path)
    assert info.value.path == str(path)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="cannot read") as info:
        rate_table([tmp_path / "nowhere.yaml"])
    assert info.value.path.endswith("nowhere.yaml")
