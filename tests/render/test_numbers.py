"""The number layer, table-driven (tests/render/cases/numbers.yaml)."""
from __future__ import annotations

import dataclasses

import pytest

from localize.profiles import load_profile
from localize.render.numbers import (Scale, format_myriad, format_number, number_style, pick_scale,
                                     plain, round_significant, scale_word)

from .money_cases_lib import dec, number_tables

TABLES = number_tables()


def _params(table: str):
    return [pytest.param(case, id=f"{table}[{i}]:{case.get('locale', '')}:{case['value'] if 'value' in case else case['number']}")
            for i, case in enumerate(TABLES[table])]


@pytest.mark.parametrize("case", _params("round_significant"))
def test_round_significant(case):
    assert plain(round_significant(dec(case["value"]), case["figures"])) == case["expect"]


@pytest.mark.parametrize("case", _params("format_number"))
def test_format_number(case):
    style = number_style(load_profile(case["locale"]))
    assert format_number(dec(case["value"]), style, case.get("max_decimals")) == case["expect"]


@pytest.mark.parametrize("case", _params("format_myriad"))
def test_format_myriad(case):
    style = number_style(load_profile(case["locale"]))
    if "mixed" in case:
        style = dataclasses.replace(style, myriad_mixed=case["mixed"])
    assert format_myriad(dec(case["value"]), style) == case["expect"]


@pytest.mark.parametrize("case", _params("scale_word"))
def test_scale_word(case):
    style = number_style(load_profile(case["locale"]))
    scale = Scale(9, case["word"], case.get("plural"))
    assert scale_word(scale, dec(case["number"]), style.babel_locale) == case["expect"]


def test_tables_are_substantial():
    assert {k: len(v) >= 8 for k, v in TABLES.items()} == {k: True for k in TABLES}


@pytest.mark.parametrize("value, power, shown", [
    ("4e9", 9, "4"), ("999e6", 6, "999"), ("1e12", 12, "1"), ("4.5e15", 12, "4500"), ("950000", None, "950000")])
def test_pick_scale_takes_the_largest_reached(value, power, shown):
    scales = [Scale(6, "million"), Scale(12, "trillion"), Scale(9, "billion")]   # any order
    number, scale = pick_scale(dec(value), scales, 6)
    assert (plain(number), scale.power if scale else None) == (shown, power)


def test_min_grouping_and_symbols_come_from_profile_data():
    style = number_style(load_profile("es-ES"))
    assert (style.decimal, style.group, style.min_grouping) == (",", ".", 2)
    overridden = number_style(load_profile("en-US").with_overrides(
        {"numbers": {"decimal_symbol": "·", "group_symbol": "'", "min_grouping_digits": 2}}))
    assert format_number(dec("1234.5"), overridden) == "1234·5"
    assert format_number(dec("12345.5"), overridden) == "12'345·5"
