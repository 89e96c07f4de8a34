"""Rule types. Each builds, from a `RuleSpec` and the profile, a checker whose
`find(text, deadline)` yields `Hit`s in the masked text of the rule's scope.

All patterns run on the `regex` module: Unicode properties (\\p{Han}), variable-length
lookbehind, and a timeout, so a catastrophic user pattern ends in a finding instead
of a hung pre-commit run.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Protocol

from ..spec import RuleSpec

if TYPE_CHECKING:
    from .gate import Gate


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    # (start, end, replacement) edits that fix it; empty: the rule only reports.
    fixes: tuple[tuple[int, int, str], ...] = ()
    fields: Mapping[str, Any] = field(default_factory=dict)


class Checker(Protocol):
    def find(self, text: str, deadline: float) -> Iterator[Hit]: ...


def remaining(deadline: float) -> float:
    """Seconds left for the next regex call (never zero: regex treats 0 as no time)."""
    return max(deadline - time.monotonic(), 1e-3)


def build(spec: RuleSpec, profile: Any, gate: "Gate | None" = None) -> Checker:
    """The checker of one rule; `gate`, when given, is the rule set's shared prefilter."""
    if spec.type in ("existence", "leftover", "substitution", "script", "punctuation"):
        from .matching import build_matching
        return build_matching(spec, gate)
    if spec.type == "spacing":
        from .spacing import SpacingChecker
        return SpacingChecker(spec)
    if spec.type == "quotes":
        from .quotes import QuotesChecker
        return QuotesChecker(spec)
    if spec.type == "number_format":
        from .numbers import NumberFormatChecker
        return NumberFormatChecker(spec, profile)
    if spec.type == "repetition":
        from .repetition import RepetitionChecker
        return RepetitionChecker(spec)
    if spec.type == "sentence_length":
        from .sentences import SentenceLengthChecker
        return SentenceLengthChecker(spec)
    if spec.type == "consistency":
        from .consistency import ConsistencyChecker
        return ConsistencyChecker(spec)
    raise ValueError(f"unknown rule type {spec.type!r}")  # the schema prevents this
