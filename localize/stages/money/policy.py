"""The money policy: what to do with each amount and each equivalent."""
from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import Any

from ...edits import Diagnostic, Edit, Severity
from ...render.money import locale_currency, render_amount, render_annotation
from .. import PassOutput
from . import rules as R


def _fmt(value: Decimal) -> str:
    """A rate or ratio for a message: 4 significant figures, no exponent."""
    from ...render.numbers import plain, round_significant
    return plain(round_significant(value, 4))


def _pct(share: Decimal) -> str:
    from ...render.numbers import plain
    return f"{'+' if share > 0 else ''}{plain(round(share * 100, 1))}%"


class _Rates:
    """Rate look-ups for one document, with the date warnings raised once."""

    def __init__(self, ctx: Any, out: PassOutput) -> None:
        from ...rates import rate_table
        files = tuple(ctx.profile.get("money.rates") or ()) + tuple(getattr(ctx.config, "rates", ()) or ())
        self.table = rate_table(files)
        self.ctx = ctx
        self.out = out
        self.on: _dt.date | None = ctx.date
        self.warned_stale = False
        self.stale_days = int(ctx.profile.get("money.stale_rate_days", 10))

    def rate(self, base: str, quote: str, start: int, end: int):
        rate = self.table.rate(base, quote, self.on)
        if rate is None:
            self.out.diagnostics.append(Diagnostic(
                R.MISSING_RATE, Severity.WARNING,
                f"no exchange rate {base}->{quote} on or before {self.on or 'the newest data'}; "
                "add a house rate file (money.rates)", start, end))
            return None
        if not self.warned_stale and rate.age_days is not None and rate.age_days > self.stale_days:
            self.warned_stale = True
            self.out.diagnostics.append(Diagnostic(
                R.STALE_RATE, Severity.WARNING,
                f"the newest {base}->{quote} rate is from {rate.date}, {rate.age_days} days "
                f"before {self.on or 'the newest data'}", start, end))
        return rate


def run(doc: Any, ctx: Any) -> PassOutput:
    from ...recognize import extract
    from ...recognize.annotations import find_annotations

    out = PassOutput()
    profile = ctx.profile
    money = profile.get("money") or {}
    target = locale_currency(profile)
    text = doc.text
    entities = [e for e in extract(text, language=ctx.locale, kinds=("money",), date=ctx.date,
                                    config=ctx.config)
                if e.value is not None and e.currency and doc.touches_protected(e.start, e.end) is None]
    if not entities or target is None:
        return out
    from ...rates import currency_status

    pairs = [a for a in find_annotations(text, entities, ctx.locale, config=ctx.config)
             if doc.touches_protected(a.start, a.end) is None]
    annotated = {id(a.primary) for a in pairs}
    annotations = {id(a.annotation) for a in pairs}
    rates = _Rates(ctx, out)
    if ctx.date is None:
        first = entities[0]
        newest = rates.table.newest_date()
        out.diagnostics.append(Diagnostic(
            R.NO_DATE, Severity.WARNING,
            f"the article has no date (front matter `date:` or --date); rates from the newest data "
            f"({newest}) were used", first.start, first.end))

    for e in entities:
        if currency_status(e.currency, ctx.date) != "active":
            out.diagnostics.append(Diagnostic(
                R.UNKNOWN_CURRENCY, Severity.INFO,
                f"{e.text!r}: {e.currency} is {currency_status(e.currency, ctx.date)}; left as it is", e.start, e.end))

    for pair in pairs:
        _check_annotation(pair, target, profile, money, rates, out, text)

    if money.get("restyle_primary"):
        for e in entities:
            if id(e) in annotations or currency_status(e.currency, ctx.date) != "active":
                continue
            styled = _render_entity(e, profile)
            if styled and styled != e.text and _same_value_restyle(e):
                out.edits.append(Edit(e.start, e.end, styled, R.STYLE,
                                      f"house style for {profile.tag}: {e.text!r} -> {styled!r}"))

    policy = money.get("annotate", "first")
    if policy != "none":
        seen: set[str] = {a.primary.currency for a in pairs}
        for e in entities:
            if id(e) in annotated or id(e) in annotations or e.currency == target:
                continue
            if currency_status(e.currency, ctx.date) != "active" or doc.is_heading(e.start):
                continue  # headlines carry no conversions
            if policy == "first" and e.currency in seen:
                continue
            seen.add(e.currency)
            rate = rates.rate(e.currency, target, e.start, e.end)
            if rate is None:
                continue
            converted = e.value * rate.value
            note = render_annotation(render_amount(converted, target, profile, approximate=True), profile)
            # After the amount's trailing qualifier: 25億ユーロ超（約4600億円）, not …（…）超.
            at = e.qualified_end
            out.edits.append(Edit(at, at, note, R.ADD,
                                  f"added the {target} equivalent of {e.text!r} at {rate.describe()}",
                                  data=_evidence(rate, e.value, converted)))
    return out


def _same_value_restyle(e: Any) -> bool:
    # Only amounts written with a scale word are restyled ("$4 billion" -> "$4bn"). A
    # range keeps the writer's wording, since one value cannot re-render it; a hedge
    # ("roughly", 約) lies outside the entity's span, so it survives a restyle.
    return e.low is None and abs(e.value) >= 1_000_000


def _render_entity(e: Any, profile: Any) -> str:
    return render_amount(e.value, e.currency, profile, approximate=False)


def _evidence(rate: Any, amount: Decimal, converted: Decimal) -> dict[str, Any]:
    return {"rate": str(rate.value), "rate_date": rate.date.isoformat(), "source": rate.source,
            "base": rate.base, "quote": rate.quote, "amount": str(amount), "converted": str(converted)}


def _check_annotation(pair: Any, target: str, profile: Any, money: Any, rates: _Rates,
                      out: PassOutput, text: str) -> None:
    p, a = pair.primary, pair.annotation
    span = text[pair.start:pair.end]
    if a.currency == p.currency:
        if money.get("drop_redundant_annotations", True):
            out.edits.append(Edit(pair.start, pair.end, "", R.REDUNDANT,
                                  f"removed {span.strip()!r}: it repeats the amount in its own currency ({p.currency})"))
        return
    # An equivalent in a third currency is redone in the reader's; an equivalent that the
    # reader's currency makes pointless (the amount is already in it) goes.
    if a.currency != target and money.get("rewrite_annotations", True):
        if p.currency == target:
            out.edits.append(Edit(pair.start, pair.end, "", R.REDUNDANT,
                                  f"removed {span.strip()!r}: the amount is already in {target}, the reader's currency"))
            return
        rate = rates.rate(p.currency, target, pair.start, pair.end)
        if rate is None:
            return
        converted = p.value * rate.value
        note = render_annotation(render_amount(converted, target, profile, approximate=True), profile)
        out.edits.append(Edit(pair.start, pair.end, note, R.REWRITE,
                              f"equivalent {span.strip()!r} is in {a.currency}; recomputed in {target} "
                              f"at {rate.describe()}", data=_evidence(rate, p.value, converted)))
        return
    rate = rates.rate(p.currency, a.currency, pair.start, pair.end)
    if rate is None or p.value == 0:
        return
    expected = p.value * rate.value
    if expected == 0:
        return
    ratio = a.value / expected
    tolerance = Decimal(str(money.get("tolerance", {}).get("approximate" if a.approximate else "exact",
                                                               0.10 if a.approximate else 0.02)))
    if abs(ratio - 1) <= tolerance:
        return
    implied = a.value / p.value
    factor = Decimal(str(money.get("error_factor", 3)))
    detail = (f"{a.text!r} implies 1 {p.currency} = {_fmt(implied)} {a.currency}; "
              f"{rate.describe()} gives {render_amount(expected, a.currency, profile, approximate=True)} "
              f"({_pct(ratio - 1)} off, tolerance {_pct(tolerance).lstrip('+')})")
    if ratio > factor or ratio < 1 / factor:
        note = render_annotation(render_amount(expected, a.currency, profile, approximate=True), profile)
        out.edits.append(Edit(pair.start, pair.end, note, R.MAGNITUDE,
                              f"equivalent off by a factor of {_fmt(ratio if ratio > 1 else 1 / ratio)}: {detail}",
                              data=_evidence(rate, p.value, expected)))
    else:
        out.diagnostics.append(Diagnostic(R.MISMATCH, Severity.WARNING, detail, a.start, a.end,
                                          data=_evidence(rate, p.value, expected)))
