"""Recognisers: find figures (money; later quantities and dates) in running text.

    >>> from localize.recognize import extract
    >>> [e.text for e in extract("It paid up to $4 billion.", language="en")]
    ['$4 billion']

Each language has ONE compiled pattern, built from its lexicon (locales/*.yaml) plus
CLDR names and symbols (Babel), cached per process; matching is a single scan.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from ..errors import LocalizeError

KINDS: tuple[str, ...] = ("money", "date")

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Entity:
    """One mention found in text.

    `start`/`end` are Python string offsets (end exclusive) of the amount itself:
    qualifiers ("about", "up to", 約, 相当) are outside the span and described in
    `data` (`approx_word`, `approx_span`, `bound_word`, `bound_span`, `after_word`,
    `after_span`, and `qualified_span`, which covers the amount with them).
    """
    kind: str
    start: int
    end: int
    text: str
    value: Decimal | None             # the amount; for a range, the upper end
    currency: str | None              # ISO 4217, or None when the text does not say which
    approximate: bool = False
    upper_bound: bool = False
    low: Decimal | None = None        # the lower end of a range
    data: Mapping[str, Any] = field(default_factory=lambda: _EMPTY, hash=False)

    @property
    def qualified_start(self) -> int:
        return self.data.get("qualified_span", (self.start, self.end))[0]

    @property
    def qualified_end(self) -> int:
        return self.data.get("qualified_span", (self.start, self.end))[1]

    def to_dict(self) -> dict:
        """JSON-ready: Decimals as exact strings in plain notation."""
        return {
            "kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
            "value": _num(self.value), "currency": self.currency,
            "approximate": self.approximate, "upper_bound": self.upper_bound,
            "low": _num(self.low),
            "data": {k: list(v) if isinstance(v, tuple) else v for k, v in self.data.items()},
        }


def _num(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def extract(text: str, *, language: str, kinds: Iterable[str] = ("money",),
            date: _dt.date | None = None, config: Mapping | None = None) -> list[Entity]:
    """Every mention of the requested kinds in `text`, in text order.

    `language` is a language or locale tag (`en`, `de-DE`); its profile's `lexicon`
    section decides ambiguous signs (`$`, `¥`). `config` overrides that section: a
    mapping shaped like it (`{"symbols": {"$": "CAD"}}`, optionally under "lexicon"),
    or a localize.Config whose `overrides` carry one. `date` is accepted for the
    kinds that need it (relative dates); money does not.
    """
    wanted = _kinds(kinds)
    found: list[Entity] = []
    if "money" in wanted:
        from .lexicon import lexicon_for
        from .money import find_money
        found.extend(find_money(text, lexicon_for(language, config)))
    if "date" in wanted:
        from .dates import find_dates
        found.extend(find_dates(text, language, reference=date, config=config))
    return sorted(found, key=lambda e: (e.start, e.end))


def _kinds(kinds: Iterable[str]) -> set[str]:
    if isinstance(kinds, str):
        kinds = kinds.split(",")
    wanted = {k.strip() for k in kinds if k and k.strip()}
    unknown = wanted - set(KINDS)
    if unknown:
        raise LocalizeError(f"unknown entity kind(s): {', '.join(sorted(unknown))} "
                            f"(known: {', '.join(KINDS)})")
    return wanted


__all__ = ["Entity", "extract", "KINDS"]
