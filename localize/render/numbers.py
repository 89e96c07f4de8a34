"""The number layer's output side: rounding, grouping, scale words and East Asian
myriad units (万/億/兆, 万/亿), with symbols from CLDR and house rules from the profile.

Babel supplies the decimal and group symbols; what it lacks (minimum grouping digits,
news scale words such as "bn", 2兆4000億 versus 2.4兆) is profile data.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any, Mapping, Sequence


@dataclass(frozen=True)
class Scale:
    power: int
    word: str
    plural: str | None = None   # "milliards", "millones": chosen by the CLDR plural rule


@dataclass(frozen=True)
class NumberStyle:
    decimal: str
    group: str
    min_grouping: int = 1                     # es: 2 -> "3500" but "20.000"
    myriad: tuple[tuple[int, str], ...] = ()  # ((12, "兆"), (8, "億"), (4, "万")) for ja
    myriad_mixed: bool = True                 # 2兆4000億 (True) or 2.4兆 (False)
    myriad_min_power: int = 4                 # below 10^4 write plain digits
    babel_locale: str = "en"


@lru_cache(maxsize=64)
def _symbols(babel_locale: str) -> tuple[str, str]:
    from ..cldr import number_symbols  # cached on disk: no Babel import on a warm start
    found = number_symbols(babel_locale)
    if found is None:
        raise LookupError(babel_locale)
    return found


def number_style(profile: Any) -> NumberStyle:
    """Build the style from CLDR symbols plus the profile's `numbers` section."""
    section: Mapping[str, Any] = profile.get("numbers") or {}
    babel_locale = profile.babel_locale if profile.tag != "root" else "en"
    try:
        decimal, group = _symbols(babel_locale)
    except Exception:  # a tag Babel cannot resolve: neutral symbols
        decimal, group = ".", ","
    myriad = tuple((int(u["power"]), str(u["word"])) for u in section.get("myriad_units") or ())
    return NumberStyle(
        decimal=section.get("decimal_symbol") or decimal,
        group=section.get("group_symbol") if section.get("group_symbol") is not None else group,
        min_grouping=int(section.get("min_grouping_digits", 1)),
        myriad=tuple(sorted(myriad, reverse=True)),
        myriad_mixed=bool(section.get("myriad_mixed", True)),
        babel_locale=babel_locale,
    )


def round_significant(value: Decimal, figures: int) -> Decimal:
    """Round to `figures` significant figures (half up, as newsrooms round)."""
    if value == 0 or figures <= 0:
        return value
    exponent = value.adjusted() - figures + 1
    quantum = Decimal(1).scaleb(exponent)
    return value.quantize(quantum, rounding=ROUND_HALF_UP) if exponent < 0 else \
        (value / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum


def plain(value: Decimal) -> str:
    """Decimal -> digits without exponent or trailing zeros ("3.50" -> "3.5", "4E+9" -> "4000000000")."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def format_number(value: Decimal, style: NumberStyle, max_decimals: int | None = None) -> str:
    """Group and punctuate `value` for the locale, dropping trailing zeros."""
    if max_decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-max_decimals), rounding=ROUND_HALF_EVEN)
    digits = plain(abs(value))
    whole, _, frac = digits.partition(".")
    if len(whole) > 3 and len(whole) >= 3 + style.min_grouping and style.group:
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = style.group.join([whole, *groups])
    sign = "-" if value < 0 else ""
    return sign + whole + (style.decimal + frac if frac else "")


def pick_scale(value: Decimal, scales: Sequence[Scale], min_power: int) -> tuple[Decimal, Scale | None]:
    """The largest scale word the value reaches ("4000000000" -> 4, billion)."""
    magnitude = abs(value)
    for scale in sorted(scales, key=lambda s: -s.power):
        if scale.power >= min_power and magnitude >= Decimal(1).scaleb(scale.power):
            return value.scaleb(-scale.power), scale
    return value, None


def scale_word(scale: Scale, number: Decimal, babel_locale: str) -> str:
    if scale.plural is None:
        return scale.word
    from babel import Locale
    try:
        form = Locale.parse(babel_locale).plural_form(number)
    except Exception:
        form = "one" if number == 1 else "other"
    return scale.word if form == "one" else scale.plural


def format_myriad(value: Decimal, style: NumberStyle) -> str:
    """6.4e11 -> "6400億"; 2.4e12 -> "2兆4000億" (mixed) or "2.4兆"; 3.52e8 -> "3億5200万"."""
    units = style.myriad
    if not units or abs(value) < Decimal(1).scaleb(units[-1][0]):
        return format_number(value, style)
    sign = "-" if value < 0 else ""
    value = abs(value)
    if not style.myriad_mixed:
        for power, word in units:
            if value >= Decimal(1).scaleb(power):
                return sign + _myriad_digits(value.scaleb(-power), style) + word
    parts = []
    rest = value
    for power, word in units:
        unit = Decimal(1).scaleb(power)
        if rest >= unit:
            count = (rest // unit)
            parts.append(_myriad_digits(count, style) + word)
            rest -= count * unit
    if rest:
        # A remainder below the smallest unit keeps its digits ("1万2345"); fractions of
        # the smallest unit fall back to a decimal of the largest unit used.
        if rest != rest.to_integral_value() or not parts:
            for power, word in units:
                if value >= Decimal(1).scaleb(power):
                    return sign + _myriad_digits(value.scaleb(-power), style) + word
        parts.append(_myriad_digits(rest, style))
    return sign + "".join(parts)


def _myriad_digits(value: Decimal, style: NumberStyle) -> str:
    # Inside 万/億/兆 no thousands separator is written: 6400億, not 6,400億 (news style).
    text = plain(value)
    return text.replace(".", style.decimal)
