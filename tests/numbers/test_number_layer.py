"""The number layer: separators per locale, full-width digits, Han numerals, ranges."""
from __future__ import annotations

from decimal import Decimal

import pytest
import regex

from localize.numbers import (NumberError, NumberFormat, exact, numeral_pattern, parse_han,
                              parse_number, parse_numeral, range_low, to_ascii_digits)

EN = NumberFormat(".", ",")
DE = NumberFormat(",", ".", space_group=True)
FR = NumberFormat(",", "\u202f", space_group=True)
JA = NumberFormat(".", ",", han=True)


@pytest.mark.parametrize("text, fmt, value", [
    ("1,234.5", EN, "1234.5"),
    ("1.234,5", DE, "1234.5"),
    ("1\u202f234,5", FR, "1234.5"),
    ("1\u00a0234\u00a0567", FR, "1234567"),
    ("1 234,5", FR, "1234.5"),
    ("1'234'567", DE, "1234567"),
    ("1\u2019234", DE, "1234"),
    ("3,5", DE, "3.5"),          # the locale's decimal comma
    ("3.5", DE, "3.5"),          # written the English way: not three digits after the mark
    ("4.000", DE, "4000"),       # grouping: exactly three digits follow
    ("4.000", EN, "4.000"),      # English: the point is decimal
    ("1,234", DE, "1.234"),      # German: the comma is decimal
    ("1,234", EN, "1234"),
    ("1.234,5", EN, "1234.5"),   # both marks: the last one is decimal, whatever the locale
    ("1,234.5", DE, "1234.5"),
    ("1,234,567", DE, "1234567"),  # a repeated mark only groups
    ("４０", JA, "40"),
    ("１２．５", JA, "12.5"),
    ("0.05", EN, "0.05"),
])
def test_parse_number(text, fmt, value):
    assert parse_number(text, fmt) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3,4,5", "1,2,3.4.5"])
def test_parse_number_rejects_non_numerals(text):
    with pytest.raises(NumberError):
        parse_number(text, EN)


@pytest.mark.parametrize("text, value", [
    ("四十億", 4_000_000_000),
    ("二千四百億", 240_000_000_000),
    ("2兆4000億", 2_400_000_000_000),
    ("3億5200万", 352_000_000),
    ("１億２０００万", 120_000_000),
    ("1.2万亿", 1_200_000_000_000),     # 万亿: a unit after a unit multiplies
    ("2万亿", 2_000_000_000_000),
    ("3千亿", 300_000_000_000),
    ("两亿", 200_000_000),
    ("一千零五十", 1050),
    ("二〇二三", 2023),
    ("十五", 15),
    ("百万", 1_000_000),
    ("4,000億", 400_000_000_000),
    ("壹佰贰拾", 120),                 # financial forms
    ("1万2000", 12000),
])
def test_parse_han(text, value):
    assert parse_han(text, JA) == value
    assert parse_numeral(text, JA) == value


@pytest.mark.parametrize("text", ["億", "万亿", "一100", "5二"])
def test_parse_han_rejects(text):
    with pytest.raises(NumberError):
        parse_han(text, JA)


def test_exact_is_plain_and_equal():
    assert str(exact(Decimal("6E+11"))) == "600000000000"
    assert exact(Decimal("1.340")) == Decimal("1.34")
    assert str(exact(Decimal("1.5").scaleb(9))) == "1500000000"


def test_to_ascii_digits():
    assert to_ascii_digits("４０億ドル") == "40億ドル"


def _numerals(text: str, fmt: NumberFormat) -> list[str]:
    return [m.group() for m in regex.finditer(numeral_pattern(fmt), text)]


def test_numeral_pattern_never_starts_inside_digits():
    assert _numerals("in 2023 100 euros", EN) == ["2023", "100"]
    assert _numerals("1,234.5 and 12,345", EN) == ["1,234.5", "12,345"]
    assert _numerals("paid 3 000 euros", FR) == ["3 000"]
    assert _numerals("paid 3 000 euros", EN) == ["3", "000"]   # no space grouping in English


def test_numeral_pattern_han():
    text = "統一100億円と2兆4000億円、四十億円、１２億"
    assert _numerals(text, JA) == ["100億", "2兆4000億", "四十億", "１２億"]
    assert _numerals("40多亿", NumberFormat(".", ",", han=True)) == ["40"]
    infix = regex.compile(numeral_pattern(NumberFormat(".", ",", han=True), ["多"]))
    assert infix.search("40多亿").group() == "40多亿"


def test_range_low_borrows_the_scale_word():
    assert range_low(Decimal(3), None, Decimal(4_000_000_000), 9) == 3_000_000_000
    assert range_low(Decimal(300), 6, Decimal(1_000_000_000), 9) == 300_000_000
    assert range_low(Decimal(500), None, Decimal(1_000_000_000), 9) == 500   # would exceed


def test_number_format_from_babel_when_lexicon_is_silent():
    assert NumberFormat.from_data("de") == NumberFormat(",", ".")
    assert NumberFormat.from_data("fr").decimal == ","
    assert NumberFormat.from_data("xx-unknown") == NumberFormat(".", ",")
    assert NumberFormat.from_data("ja", {"han": True}).han


@pytest.mark.parametrize("fmt", [EN, DE, FR, JA], ids=["en", "de", "fr", "ja"])
def test_numeral_pattern_means_the_same_to_re_and_regex(fmt):
    """The fragments are written for the standard `re` (fixed-width look-behinds), and
    must find exactly what `regex` finds with them."""
    import re
    text = ("in 2023 100 euros; 1,234.5 and 12,345; 3 000 euros; 1\u202f234,5; 4.000 millones; "
            "1'234'567, １２億, 統一100億円と2兆4000億円、四十億円, 40多亿, 3.5, .5, 5., 1,2,3, "
            "12.345.678,9 x1 2x 3,000,00 ٣٤ 1\u2019234")
    for infixes in ((), ("多",)):
        pattern = numeral_pattern(fmt, infixes)
        ours = [(m.start(), m.group()) for m in re.finditer(pattern, text)]
        theirs = [(m.start(), m.group()) for m in regex.finditer(pattern, text)]
        assert ours == theirs and ours
