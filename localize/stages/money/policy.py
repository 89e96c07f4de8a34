"""The money policy: what to do with each amount and each equivalent."""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from decimal import Decimal
from typing import Any

from ...edits import Diagnostic, Edit, Severity
from ...render.money import (locale_currency, render_amount, render_annotation, render_range,
                             significant_figures)
from .. import PassOutput
from . import rules as R


def _fmt(value: Decimal) -> str:
    """A rate or ratio for a message: 4 significant figures, no exponent."""
    from ...render.numbers import plain, round_significant
    return plain(round_significant(value, 4))


def _pct(share: Decimal, tolerance: Decimal | None = None) -> str:
    """A signed percentage with one decimal, or more when one decimal would make a value
    just beyond the tolerance read as equal to it ("-2.02% off, tolerance 2%")."""
    from ...render.numbers import plain
    digits = 1
    while tolerance is not None and digits < 4 and round(abs(share) * 100, digits) == tolerance * 100:
        digits += 1
    return f"{'+' if share > 0 else ''}{plain(round(share * 100, digits))}%"


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
    foreign = money.get("foreign_scale_words")
    if foreign and entities:
        pattern = re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, foreign)) + r")(?![^\W\d_])")
        entities = [e for e in entities if not pattern.search(e.text)]
    if not entities or target is None:
        return out
    from ...rates import currency_status

    def active(code: str) -> bool:
        return currency_status(code, ctx.date) == "active"

    # A pair with an obsolete or unknown currency on either side is left as it is
    # (money.unknown-currency says so); it still counts as annotated.
    found = [a for a in find_annotations(text, entities, ctx.locale, config=ctx.config)
             if doc.touches_protected(a.start, a.end) is None]
    annotations = {id(a.annotation) for a in found}
    pairs = [a for a in found if active(a.primary.currency) and active(a.annotation.currency)]
    # An equivalent repeating the amount's own currency goes; when the amount is foreign
    # and due an equivalent, the right one takes its place (below), so that a second run
    # finds nothing left to add.
    drop = money.get("drop_redundant_annotations", True)
    redundant = {id(a.primary): a for a in pairs if drop and a.annotation.currency == a.primary.currency}
    rates = _Rates(ctx, out)
    if ctx.date is None:
        first = entities[0]
        newest = rates.table.newest_date()
        out.diagnostics.append(Diagnostic(
            R.NO_DATE, Severity.WARNING,
            f"the article has no date (front matter `date:` or --date); rates from the newest data "
            f"({newest}) were used", first.start, first.end))

    for e in entities:
        if not active(e.currency):
            out.diagnostics.append(Diagnostic(
                R.UNKNOWN_CURRENCY, Severity.INFO,
                f"{e.text!r}: {e.currency} is {currency_status(e.currency, ctx.date)}; left as it is", e.start, e.end))

    for pair in pairs:
        if id(pair.primary) not in redundant:
            _check_annotation(pair, target, profile, money, rates, out, text)

    if money.get("restyle_primary"):
        for e in entities:
            if id(e) in annotations or not active(e.currency):
                continue
            styled = _render_entity(e, profile)
            if styled and styled != e.text and _same_value_restyle(e) \
                    and _clean_edges(text, e, entities):
                out.edits.append(Edit(e.start, e.end, styled, R.STYLE,
                                      f"house style for {profile.tag}: {e.text!r} -> {styled!r}"))

    _add_equivalents(doc, entities, found, redundant, target, profile, money.get("annotate", "first"),
                     rates, out, active)
    return out


def _add_equivalents(doc: Any, entities: list[Any], found: list[Any], redundant: dict[int, Any],
                     target: str, profile: Any, policy: str, rates: _Rates, out: PassOutput,
                     active: Any) -> None:
    """Give foreign amounts an equivalent in the reader's currency (`money.annotate`:
    the first mention of each currency, all, or none), and settle the redundant pairs."""
    text = doc.text
    annotations = {id(a.annotation) for a in found}
    annotated = {id(a.primary) for a in found}
    seen: set[str] = {a.primary.currency for a in found if id(a.primary) not in redundant}
    for e in entities:
        pair = redundant.get(id(e))
        if id(e) in annotations or (id(e) in annotated and pair is None):
            continue
        due = (policy == "all" or (policy == "first" and e.currency not in seen)) \
            and e.currency != target and active(e.currency) \
            and not doc.is_heading(e.start)           # headlines carry no conversions
        if due and pair is None and not _can_insert(text, e.qualified_end, entities, doc):
            due = False   # the next mention of the currency gets the equivalent instead
        rate = rates.rate(e.currency, target, e.start, e.end) if due else None
        if rate is not None:
            seen.add(e.currency)
            note, converted = _equivalent(e, rate, target, profile)
        if pair is not None:
            span = text[pair.start:pair.end].strip()
            if rate is None:
                out.edits.append(Edit(pair.start, pair.end, "", R.REDUNDANT,
                                      f"removed {span!r}: it repeats the amount in its own currency ({e.currency})"))
            else:
                out.edits.append(Edit(pair.start, pair.end, note, R.REDUNDANT,
                                      f"replaced {span!r}, which repeats the amount in its own currency, "
                                      f"with the {target} equivalent at {rate.describe()}",
                                      data=_evidence(rate, e, converted)))
        elif rate is not None:
            # After the amount's trailing qualifier: 25億ユーロ超（約4600億円）, not …（…）超.
            at = e.qualified_end
            out.edits.append(Edit(at, at, note, R.ADD,
                                  f"added the {target} equivalent of {e.text!r} at {rate.describe()}",
                                  data=_evidence(rate, e, converted)))


def _can_insert(text: str, at: int, entities: list[Any], doc: Any) -> bool:
    """Whether an equivalent may go at `at`: at the end of a word or figure (see
    _ends_here), and not inside a link's text, whose words are the link."""
    return _ends_here(text, at, entities) and not _in_link_text(text, at, doc)


def _ends_here(text: str, at: int, entities: list[Any]) -> bool:
    """Whether a mention may end at `at`: not where the next character carries on its
    word or number (a symbol that belongs to the next figure, "5 €|5", or a scale word
    the recogniser did not read, "$3|bn"), and not inside another mention."""
    if any(o.start < at < o.end for o in entities):
        return False
    nxt = text[at] if at < len(text) else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    prev = text[at - 1] if at > 0 else ""
    if nxt.isdigit() or (nxt in ".,'’-‐" and after.isalnum()):
        return False
    if nxt.isspace() and _UNREAD_SCALE.match(text, at):
        return False  # "$4 billion" in text whose language has no such word: not "$4"
    return not (_alphabetic(nxt) and (prev.isdigit() or _alphabetic(prev) or _is_symbol(prev)))


# Scale words in the languages the recognisers read; one right after a mention that did
# not take it means the recogniser stopped short of the real amount.
_UNREAD_SCALE = re.compile(r"\s+(?:billions?|millions?|trillions?|thousand|bn|mn|tn|Mrd\.?|Mio\.?|"
                           r"milliards?|millones|mil millones)(?![A-Za-z])", re.IGNORECASE)


def _clean_edges(text: str, e: Any, entities: list[Any]) -> bool:
    """Whether `e` starts and ends where a word or figure does: a mention that runs into
    the next figure ("$4bn $" read out of "$4bn $4bn") is a misreading, not to reword."""
    prev = text[e.start - 1] if e.start > 0 else ""
    if prev.isdigit() or (_alphabetic(prev) and (e.text[:1].isalnum() or _is_symbol(e.text[:1]))):
        return False
    return _ends_here(text, e.end, [o for o in entities if o is not e])


def _alphabetic(ch: str) -> bool:
    # Letters of alphabetic scripts; Han and kana follow one another without spaces.
    return bool(ch) and ch.isalpha() and ord(ch) < 0x2E80


def _is_symbol(ch: str) -> bool:
    return bool(ch) and unicodedata.category(ch) == "Sc"


def _in_link_text(text: str, at: int, doc: Any) -> bool:
    """Inside `[...]` followed by a link destination or label: [€3bn](https://…)."""
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    depth = 0
    for i in range(at, end):
        ch = text[i]
        if ch == "[":
            depth += 1
        elif ch == "]":
            if depth:
                depth -= 1
                continue
            region = doc.touches_protected(i + 1, i + 2)
            return region is not None and region.kind in ("link_destination", "link_label")
    return False


def _same_value_restyle(e: Any) -> bool:
    # Only amounts written with a scale word are restyled ("$4 billion" -> "$4bn"); a
    # figure in digits ("$12,345,678") is exact on purpose. A range keeps the writer's
    # wording, since one value cannot re-render it; a hedge ("roughly", 約) lies outside
    # the entity's span, so it survives a restyle.
    return e.low is None and abs(e.value) >= 1_000_000 and int(e.data.get("magnitude") or 0) > 0


def _render_entity(e: Any, profile: Any) -> str:
    return render_amount(e.value, e.currency, profile, approximate=False)


def _equivalent(e: Any, rate: Any, target: str, profile: Any) -> tuple[str, Decimal]:
    """The bracketed equivalent of entity `e`, and the converted (upper) value."""
    converted = rate.convert(e.value)
    if e.low is None:
        return render_annotation(render_amount(converted, target, profile, approximate=True), profile), converted
    text = render_range(rate.convert(e.low), converted, target, profile,
                        connector=_range_connector(e, profile), approximate=True)
    return render_annotation(text, profile), converted


def _range_connector(e: Any, profile: Any) -> str:
    """The writer's connector ("–", "to", "bis", ～, 至), but a dash for the second word
    of a pair, which needs its first: "between $3 and $4 billion" -> "£2.2–3bn"."""
    connector = str(e.data.get("connector") or "–").strip() or "–"
    seconds = {str(p[-1]).casefold() for p in profile.get("lexicon.range_pairs") or () if p}
    return "–" if connector.casefold() in seconds else connector


def _evidence(rate: Any, e: Any, converted: Decimal) -> dict[str, Any]:
    data = {"rate": str(rate.value), "rate_date": rate.date.isoformat(), "source": rate.source,
            "base": rate.base, "quote": rate.quote, "amount": str(e.value), "converted": str(converted)}
    if getattr(e, "low", None) is not None:
        data["amount_low"] = str(e.low)
        data["converted_low"] = str(rate.convert(e.low))
    return data


def _check_annotation(pair: Any, target: str, profile: Any, money: Any, rates: _Rates,
                      out: PassOutput, text: str) -> None:
    p, a = pair.primary, pair.annotation
    span = text[pair.start:pair.end]
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
        note, converted = _equivalent(p, rate, target, profile)
        out.edits.append(Edit(pair.start, pair.end, note, R.REWRITE,
                              f"equivalent {span.strip()!r} is in {a.currency}; recomputed in {target} "
                              f"at {rate.describe()}", data=_evidence(rate, p, converted)))
        return
    rate = rates.rate(p.currency, a.currency, pair.start, pair.end)
    if rate is None or p.value == 0:
        return
    expected = rate.convert(p.value)
    if expected == 0:
        return
    ratio = a.value / expected
    approximate = a.approximate
    tolerance = Decimal(str(money.get("tolerance", {}).get("approximate" if approximate else "exact",
                                                               0.10 if approximate else 0.02)))
    if abs(ratio - 1) <= tolerance or _as_rendered(a.value, expected, profile):
        return
    implied = a.value / p.value
    factor = Decimal(str(money.get("error_factor", 3)))
    detail = (f"{a.text!r} implies 1 {p.currency} = {_fmt(implied)} {a.currency}; "
              f"{rate.describe()} gives {render_amount(expected, a.currency, profile, approximate=True)} "
              f"({_pct(ratio - 1, tolerance)} off, tolerance {_pct(tolerance).lstrip('+')})")
    if ratio > factor or ratio < 1 / factor:
        note, expected = _equivalent(p, rate, a.currency, profile)
        out.edits.append(Edit(pair.start, pair.end, note, R.MAGNITUDE,
                              f"equivalent off by a factor of {_fmt(ratio if ratio > 1 else 1 / ratio)}: {detail}",
                              data=_evidence(rate, p, expected)))
    else:
        out.diagnostics.append(Diagnostic(R.MISMATCH, Severity.WARNING, detail, a.start, a.end,
                                          data=_evidence(rate, p, expected)))


def _as_rendered(written: Decimal, expected: Decimal, profile: Any) -> bool:
    """The figure this stage itself would write is never a mismatch, whatever the
    significant figures make of the tolerance (a second run stays silent)."""
    from ...render.numbers import round_significant
    return round_significant(expected, significant_figures(profile)) == written
