"""Running the money stage the way a user does (localize.localize) with the article
dated 2026-06-14, whose newest ECB reference rates are those of Friday 2026-06-12:
1 USD = 160.197 JPY = 0.746131 GBP = 0.864528 EUR = 6.76234 CNY.

Every run here is checked for idempotence (a second run changes nothing) and every
change that converts an amount for its evidence (rate, rate date, source)."""
from __future__ import annotations

from typing import Any

import localize

DATED = "---\ndate: 2026-06-14\n---\n"
CONVERTING = {"money.add-annotation", "money.rewrite-annotation", "money.annotation-magnitude"}


def localise(body: str, locale: str, *, config: Any = None, dated: bool = True, date: Any = None):
    """Run `body` (front matter added when `dated`); returns (result, output body)."""
    text = DATED + body if dated else body
    result = localize.localize(text, locale=locale, config=config, date=date)
    again = localize.localize(result.text, locale=locale, config=config, date=date)
    assert again.text == result.text, f"not idempotent: {result.text!r} -> {again.text!r}"
    assert [c.rule for c in again.changes] == []
    for change in result.changes:
        if change.rule in CONVERTING or (change.rule == "money.redundant-annotation" and change.after):
            assert {"rate", "rate_date", "source"} <= set(change.data), change
    out = result.text[len(DATED):] if dated else result.text
    return result, out


def rules(result) -> list[str]:
    return [c.rule for c in result.changes if c.stage == "money"]


def findings(result, rule: str) -> list:
    return [d for d in result.diagnostics if d.rule == rule]


def overrides(locale: str, **money: Any) -> dict:
    return {"overrides": {locale: {"money": money}}}
