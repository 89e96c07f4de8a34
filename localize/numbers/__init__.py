"""Numerals in running text: locale separators, full-width digits, Han numerals with
万/億/兆 and 万/亿 units, scale words and ranges. Pure functions and data; no I/O."""
from __future__ import annotations

from decimal import Decimal

from .digits import to_ascii_digits
from .grammar import DASHES, SPACE, alternation, arabic_pattern, numeral_pattern, range_low, scaled
from .han import BIG_UNITS, HAN_DIGITS, SMALL_UNITS, is_han_only, parse_han
from .parse import NumberError, NumberFormat, exact, parse_number

__all__ = ["NumberError", "NumberFormat", "parse_number", "parse_numeral", "parse_han", "exact",
           "to_ascii_digits", "alternation", "arabic_pattern", "numeral_pattern", "range_low",
           "scaled", "is_han_only", "DASHES", "SPACE", "HAN_DIGITS", "SMALL_UNITS", "BIG_UNITS"]


def parse_numeral(text: str, fmt: NumberFormat = NumberFormat()) -> Decimal:
    """Any numeral `numeral_pattern` matches: plain (`1.234,5`) or with Han parts (`2兆4000億`)."""
    if fmt.han and any(c in HAN_DIGITS or c in SMALL_UNITS or c in BIG_UNITS for c in text):
        return parse_han(text, fmt)
    return parse_number(text, fmt)
