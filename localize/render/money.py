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

from .numbers import (NumberStyle, Scale, format_myriad, format_number, number_style, pick_scale,
                      plain, round_significant, scale_word)

_SPACES = re.compile(r"[ \u00a0\u202f]{2,}")
# French elides "de" before a vowel or a mute h (d'euros), not before y (de yens, de yuans).
_CJK_SPACE = re.compile(r"(?<=[\u3040-\u30ff\u3400-\u9fff]) (?=[\u3040-\u30ff\u3400-\u9fff])")
_VOWEL = re.compile(r"[aeiouàâäéèêëîïôöùûüœæhAEIOUÉÈÊ]")


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


def significant_figures(profile: Any, figures: int | None = None) -> int:
    return figures or int(profile.get("money.significant_figures") or 2)


def render_amount(amount: Decimal, currency: str, profile: Any, *, approximate: bool = False,
                  figures: int | None = None) -> str:
    """`amount` in `currency` as this locale's newsroom writes it.

    Approximate amounts are rounded to the profile's significant figures (default 2)
    and wrapped in its approximation wording ("about {amount}", "約{amount}"). An exact
    amount keeps its value: only its wording changes.
    """
    if approximate:
        amount = round_significant(amount, significant_figures(profile, figures))
    return _approximate(_plain_amount(amount, currency, profile), profile) if approximate \
        else _plain_amount(amount, currency, profile)


def render_range(low: Decimal, high: Decimal, currency: str, profile: Any, *, connector: str = "–",
                 approximate: bool = False, figures: int | None = None) -> str:
    """A range, with the currency and scale word written once when both ends share
    them: "about £2.2–3bn", "約480億～640億円", "rund 2,6 bis 3,5 Mrd. Euro"."""
    if approximate:
        n = significant_figures(profile, figures)
        low, high = round_significant(low, n), round_significant(high, n)
    # A word connector ("to", "bis", "à") takes spaces; a dash or 至/～/から does not.
    joiner = f" {connector} " if any(c.isalpha() and ord(c) < 0x2E80 for c in connector) else connector
    render = profile.get("money.render") or {}
    if render.get("symbol_pattern") and 0 <= low <= high:
        shared = _styled(high, currency, profile, render, low=(low, joiner))
        if shared is not None:
            return _approximate(shared, profile) if approximate else shared
    text = _plain_amount(low, currency, profile) + joiner + _plain_amount(high, currency, profile)
    return _approximate(text, profile) if approximate else text


def render_annotation(text: str, profile: Any) -> str:
    """Wrap an equivalent in the locale's brackets: " (about £3bn)", "（約6400億円）"."""
    pattern = profile.get("money.render.annotation") or " ({text})"
    return pattern.format(text=text)


def _approximate(text: str, profile: Any) -> str:
    return (profile.get("money.render.approximate") or "~{amount}").format(amount=text)


def _plain_amount(amount: Decimal, currency: str, profile: Any) -> str:
    render = profile.get("money.render") or {}
    if not render.get("symbol_pattern"):
        return _cldr(amount, currency, profile)
    # The sign goes before the whole amount: -$4 billion, not $-4 billion.
    sign = _minus(profile) if amount < 0 else ""
    return sign + _styled(abs(amount), currency, profile, render)


def _scales(render: Any) -> list[Scale]:
    return [Scale(int(s["power"]), s["word"], s.get("plural")) for s in render.get("scales") or ()]


def _styled(amount: Decimal, currency: str, profile: Any, render: Any,
            low: tuple[Decimal, str] | None = None) -> str | None:
    """The amount through the profile's pattern. With `low` (value, joiner) the number
    becomes a range sharing the unit; None when the two ends need different units."""
    style = number_style(profile)
    cur = (render.get("currencies") or {}).get(currency) or {}
    scale: Scale | None = None
    if style.myriad:
        number = format_myriad(amount, style)
        shown = amount
        if low is not None:
            number = format_myriad(low[0], style) + low[1] + number
    else:
        scales, min_power = _scales(render), int(render.get("scale_min_power", 6))
        shown, scale = pick_scale(amount, scales, min_power)
        if scale is None:
            number = _with_minor_units(shown, currency, style)
        else:
            number = format_number(shown, style, render.get("max_decimals"))
        if low is not None:
            low_shown, low_scale = pick_scale(low[0], scales, min_power)
            if low_scale != scale:
                return None
            low_number = _with_minor_units(low_shown, currency, style) if scale is None \
                else format_number(low_shown, style, render.get("max_decimals"))
            number = low_number + low[1] + number
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


def _with_minor_units(value: Decimal, currency: str, style: NumberStyle) -> str:
    """$1.50 stays $1.50: a fractional amount is written with the currency's minor-unit
    digits. Digits beyond them are kept, never rounded away (¥1.5, $0.004): the value
    was decided before rendering (exact, or already rounded to significant figures)."""
    if value == value.to_integral_value():
        return format_number(value, style)
    from babel.numbers import get_currency_precision
    minor = get_currency_precision(currency)
    needed = len(plain(value).partition(".")[2])
    text = format_number(value, style)
    whole, _, frac = text.partition(style.decimal)
    return whole + style.decimal + frac.ljust(max(minor, needed), "0")


def _minus(profile: Any) -> str:
    from babel.numbers import get_minus_sign_symbol
    try:
        return get_minus_sign_symbol(profile.babel_locale)
    except Exception:
        return "-"


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
        name = get_currency_name(code, count=count, locale=babel_locale)
    except Exception:
        return code
    # CLDR's display names space their words ("スイス フラン"); running CJK text does not.
    return _CJK_SPACE.sub("", name)


def _cldr(amount: Decimal, currency: str, profile: Any) -> str:
    from babel.numbers import format_compact_currency, format_currency, get_currency_precision
    locale = profile.babel_locale
    try:
        if abs(amount) >= 1_000_000:
            return format_compact_currency(amount, currency, locale=locale, fraction_digits=1)
        # Below the currency's minor unit (an approximate $0.004) CLDR's fixed digits
        # would print $0.00: keep the digits the value has.
        digits = len(plain(abs(amount)).partition(".")[2])
        if digits > get_currency_precision(currency):
            return format_currency(amount, currency, locale=locale, decimal_quantization=False)
        return format_currency(amount, currency, locale=locale)
    except Exception:  # an unknown locale or currency: never fail a run over style
        return f"{currency} {amount:,}"
