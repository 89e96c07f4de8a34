"""Reading a written numeral as an exact `Decimal`, whatever the locale's separators."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, Mapping

from .digits import APOSTROPHES, GROUP_SPACES, to_ascii_digits


class NumberError(ValueError):
    """A string that looked like a numeral but is not one."""


@dataclass(frozen=True)
class NumberFormat:
    """How one language writes numbers (from its lexicon, else from CLDR via Babel)."""
    decimal: str = "."
    group: str = ","
    space_group: bool = False   # a plain space may group digits ("3 000 euros")
    han: bool = False           # Han numerals and 万/億/兆 units (ja, zh)

    @classmethod
    def from_data(cls, language: str, data: Mapping[str, Any] | None = None) -> "NumberFormat":
        data = data or {}
        decimal, group = data.get("decimal"), data.get("group")
        if decimal is None or group is None:
            babel_decimal, babel_group = babel_number_symbols(language)
            decimal = decimal or babel_decimal
            group = group or babel_group
        return cls(decimal, group, bool(data.get("space_group", False)), bool(data.get("han", False)))


@lru_cache(maxsize=64)
def babel_number_symbols(language: str) -> tuple[str, str]:
    """CLDR's decimal and group marks for `language`, for a profile that does not say."""
    try:
        from babel import Locale
        symbols = Locale.parse(language.replace("-", "_")).number_symbols.get("latn", {})
        return symbols.get("decimal", "."), symbols.get("group", ",")
    except Exception:  # an unknown language: the neutral convention
        return ".", ","


_SPACES = re.compile(f"[ {GROUP_SPACES}{APOSTROPHES}]")
_SHAPE = re.compile(r"\d+(?:[.,]\d+)*")


def parse_number(text: str, fmt: NumberFormat = NumberFormat()) -> Decimal:
    """`1,234.5`, `1.234,5`, `1 234,5`, `1'234`, `４０` -> Decimal.

    Where both `,` and `.` occur, the last one is the decimal mark, whatever the locale.
    A lone mark is the locale's decimal mark if it is that; otherwise it groups only
    when exactly three digits follow it (`4.000 millones`), and is a decimal mark
    otherwise (`3.5 Milliarden` written the English way).
    """
    s = _SPACES.sub("", to_ascii_digits(text.strip()))
    if not _SHAPE.fullmatch(s):
        raise NumberError(f"not a numeral: {text!r}")
    commas, dots = s.count(","), s.count(".")
    if commas and dots:
        mark = "," if s.rfind(",") > s.rfind(".") else "."
        other = "." if mark == "," else ","
        if s.count(mark) > 1:
            raise NumberError(f"two decimal marks in {text!r}")
        s = s.replace(other, "").replace(mark, ".")
    elif commas or dots:
        mark = "," if commas else "."
        if s.count(mark) > 1:
            s = s.replace(mark, "")
        elif mark != fmt.decimal and len(s) - s.index(mark) - 1 == 3:
            s = s.replace(mark, "")
        else:
            s = s.replace(mark, ".")
    try:
        return Decimal(s)
    except InvalidOperation:  # pragma: no cover - _SHAPE admits only digits and marks
        raise NumberError(f"not a numeral: {text!r}") from None


def exact(value: Decimal) -> Decimal:
    """Plain notation for whole values (`6E+11` -> `600000000000`), so that `str()`
    and JSON show what a reader would write."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
