"""Render an amount of money in a locale's news style.

First-class profiles describe their style as data (`money.render`: scale words,
patterns, currency symbols and names, the approximation wording). A locale without
that data falls back to CLDR's compact currency format through Babel, which is
neutral but correct.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from .numbers import (Scale, format_myriad, format_number, number_style, pick_scale,
                      round_significant, scale_word)

_SPACES = re.compile(r"[ \u00a0\u202f]{2,}")
_VOWEL = re.compile(r"[aeiouyàâäéèêëîïôöùûüœæhAEIOUYÉÈÊ]")


def locale_currency(profile: Any) -> str | None:
    """The profile's currency, else the territory's current currency from CLDR."""
    code = profile.get("money.currency")
    if code:
        return code
    parts = profile.tag.split("-")
    territory = next((p for p in parts[1:] if len(p) == 2 and p.isupper()), None)
    if territory is None:
        return None
    from babel.numbers import get_territory_currencies
    found = get_territory_currencies(territory)
    return found[0] if found else None


def render_amount(amount: Decimal, currency: str, profile: Any, *, approximate: bool = False,
                  figures: int | None = None) -> str:
    """`amount` in `currency` as this locale's newsroom writes it.

    Approximate amounts are rounded to the profile's significant figures (default 2)
    and wrapped in its approximation wording ("about {amount}", "約{amount}").
    """
    money = profile.get("money") or {}
    render = money.get("render") or {}
    if approximate:
        amount = round_significant(amount, figures or int(money.get("significant_figures", 2)))
    text = _styled(amount, currency, profile, render, approximate) if render.get("symbol_pattern") \
        else _cldr(amount, currency, profile)
    if approximate:
        text = (render.get("approximate") or "~{amount}").format(amount=text)
    return text


def render_annotation(text: str, profile: Any) -> str:
    """Wrap an equivalent in the locale's brackets: " (about £3bn)", "（約6400億円）"."""
    pattern = profile.get("money.render.annotation") or " ({text})"
    return pattern.format(text=text)


def _styled(amount: Decimal, currency: str, profile: Any, render: Any, approximate: bool = False) -> str:
    style = number_style(profile)
    cur = (render.get("currencies") or {}).get(currency) or {}
    scale: Scale | None = None
    if style.myriad:
        number = format_myriad(amount, style)
        shown = amount
    else:
        scales = [Scale(int(s["power"]), s["word"], s.get("plural")) for s in render.get("scales") or ()]
        shown, scale = pick_scale(amount, scales, int(render.get("scale_min_power", 6)))
        number = format_number(shown, style, render.get("max_decimals", 2 if scale is None else None))
        if scale is None and not approximate and shown != shown.to_integral_value():
            number = _with_minor_units(shown, currency, style)
    scale_text = scale_word(scale, shown, style.babel_locale) if scale else ""
    symbol = cur.get("symbol")
    if symbol:
        text = render["symbol_pattern"].format(symbol=symbol, number=number, scale=scale_text)
    else:
        name = _currency_name(currency, cur, shown if scale is None else Decimal(2), style.babel_locale)
        of = ""
        if scale is not None and render.get("of"):
            of = render["of"]["before_vowel"] if _VOWEL.match(name) else render["of"]["with_scale"]
        text = render["name_pattern"].format(number=number, scale=scale_text, name=name, of=of)
    # An empty {scale} leaves two spaces; keep the first (it may be a no-break space).
    return _SPACES.sub(lambda m: m.group()[0], text).strip()


def _with_minor_units(value: Decimal, currency: str, style: Any) -> str:
    """$1.50 stays $1.50: a fractional amount keeps the currency's minor-unit digits."""
    from babel.numbers import get_currency_precision
    digits = get_currency_precision(currency)
    text = format_number(value, style, digits)
    whole, sep, frac = text.partition(style.decimal)
    return whole + style.decimal + frac.ljust(digits, "0") if digits else whole


def _currency_name(code: str, cur: Any, count: Decimal, babel_locale: str) -> str:
    from babel import Locale
    try:
        form = Locale.parse(babel_locale).plural_form(count)
    except Exception:
        form = "other"
    if form != "one" and cur.get("plural"):
        return cur["plural"]
    if cur.get("name"):
        return cur["name"]
    from babel.numbers import get_currency_name
    try:
        return get_currency_name(code, count=count, locale=babel_locale)
    except Exception:
        return code


def _cldr(amount: Decimal, currency: str, profile: Any) -> str:
    from babel.numbers import format_compact_currency, format_currency
    locale = profile.babel_locale
    try:
        if abs(amount) >= 1_000_000:
            return format_compact_currency(amount, currency, locale=locale, fraction_digits=1)
        return format_currency(amount, currency, locale=locale)
    except Exception:  # an unknown locale or currency: never fail a run over style
        return f"{currency} {amount:,}"
