"""Regular-expression fragments for numerals, scale words and ranges.

Recognisers compose these into one pattern per language (see localize.recognize.money);
the fragments carry no capturing groups of their own, so callers name what they need.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from .digits import APOSTROPHES, DIGITS, GROUP_SPACES
from .han import BIG_UNIT_CLASS, HAN_DIGIT_CLASS, SMALL_UNIT_CLASS
from .parse import NumberFormat

# Spaces that may separate a number from its scale word or currency.
SPACE = f"[ {GROUP_SPACES}]"
DASHES = ("-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "~", "～", "〜", "－")


def alternation(items: Iterable[str], *, flexible_space: bool = True) -> str:
    """Longest alternatives first, so the automaton prefers `US$` to `$` and
    `mil millones` to `mil`. Spaces inside an item match any one space character."""
    unique = sorted(set(i for i in items if i), key=lambda s: (-len(s), s))
    space = f"{SPACE}+" if flexible_space else " "
    parts = ["".join(space if ch == " " else re.escape(ch) for ch in item) for item in unique]
    return "|".join(parts) if parts else "(?!)"


def arabic_pattern(fmt: NumberFormat) -> str:
    """Digits with optional grouping and one decimal part, written in the ways any of
    our languages do; which mark is the decimal one is decided when parsing."""
    d = f"[{DIGITS}]"
    seps = f"[,.{GROUP_SPACES}{APOSTROPHES}" + (" " if fmt.space_group else "") + "]"
    grouped = f"{d}{{1,3}}(?:{seps}{d}{{3}})+(?![{DIGITS}])"
    return f"(?:{grouped}(?:[.,．]{d}+)?|{d}+(?:[.,．]{d}+)?)"


def numeral_pattern(fmt: NumberFormat, infixes: Iterable[str] = ()) -> str:
    """A whole numeral, never starting or ending inside a longer run of digits."""
    arabic = arabic_pattern(fmt)
    d = f"[{DIGITS}]"
    # (Two look-behinds, not one with two widths: the standard `re` needs fixed widths.)
    not_inside = f"(?<!{d})(?<!{d}[.,．'’])"
    if not fmt.han:
        return f"{not_inside}(?:{arabic})(?![{DIGITS}]|[.,．]{d})"
    han = f"[{HAN_DIGIT_CLASS}{SMALL_UNIT_CLASS}]"
    seg = f"(?:{arabic}[{SMALL_UNIT_CLASS}]?|{han}+)"
    infix = alternation(infixes)
    big = f"(?:(?:{infix})?[{BIG_UNIT_CLASS}]+)"
    # An Arabic start must not continue digits; a Han start must not continue a Han
    # numeral. (`統一100億円`: the 一 of 統一 does not stop `100億` from starting.)
    han_chars = f"{HAN_DIGIT_CLASS}{SMALL_UNIT_CLASS}{BIG_UNIT_CLASS}"
    before = (f"(?:{not_inside}(?={d})"
              f"|(?<![{han_chars}]|{d})(?=[{HAN_DIGIT_CLASS}{SMALL_UNIT_CLASS}]))")
    return f"{before}(?:{seg}(?:{big}{seg})*{big}?)(?![{DIGITS}]|[.,．]{d})"


def scaled(value: Decimal, exponent: int) -> Decimal:
    return value.scaleb(exponent) if exponent else value


def range_low(low: Decimal, low_exponent: int | None, high: Decimal, high_exponent: int) -> Decimal:
    """The low end of `$3–4 billion` borrows the high end's scale word, unless that
    would put it above the high end (then it stands as written)."""
    if low_exponent is not None:
        return scaled(low, low_exponent)
    borrowed = scaled(low, high_exponent)
    return borrowed if borrowed <= high else low
