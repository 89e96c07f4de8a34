"""Parenthetical equivalents written right after an amount:

    $4 billion (approximately 600 billion yen)      40億ドル（約6000億円）
    €3bn ($3.3bn)                                   4 Milliarden Dollar (rund 3,5 Milliarden Euro)
    4000 millones de dólares (unos 3500 millones de euros)
    40亿美元（约合270亿元人民币）

A pair is made only when the brackets hold nothing but the second amount, its own
qualifiers (about, 約, 约合) and a lead word from the lexicon (or, soit, umgerechnet,
日本円で, 折合). Anything else in the brackets, a bracket inside them, or text between
the amount and the opening bracket means the parenthesis is about something else.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from . import Entity

if TYPE_CHECKING:
    from .lexicon import Lexicon

OPEN = "(（"
CLOSE = ")）"
_GAP = " \u00a0\u202f\u2009\u3000"   # what may stand between the amount and "("


@dataclass(frozen=True)
class Annotation:
    primary: Entity
    annotation: Entity
    start: int      # the space before the opening bracket (or the bracket itself)
    end: int        # just after the closing bracket

    def to_dict(self, text: str | None = None) -> dict:
        out: dict[str, Any] = {"start": self.start, "end": self.end,
                               "primary": self.primary.to_dict(),
                               "annotation": self.annotation.to_dict()}
        if text is not None:
            out["text"] = text[self.start:self.end]
        return out


def find_annotations(text: str, entities: Iterable[Entity], language: str,
                     config: Mapping | None = None) -> list[Annotation]:
    """Pairs (primary amount, its parenthetical equivalent) among `entities`, which
    are the money entities `extract` found in this `text`."""
    money = sorted((e for e in entities if e.kind == "money"), key=lambda e: (e.start, e.end))
    from .lexicon import lexicon_for
    lead = _lead_pattern(lexicon_for(language, config))
    found: list[Annotation] = []
    taken: set[int] = set()
    n = len(text)
    for i, primary in enumerate(money):
        if i in taken or i + 1 >= len(money):
            continue
        pos = primary.qualified_end
        k = pos
        while k < n and text[k] in _GAP:
            k += 1
        if k >= n or text[k] not in OPEN:
            continue
        candidate = money[i + 1]
        if candidate.qualified_start <= k:
            continue
        if not lead.fullmatch(text, k + 1, candidate.qualified_start):
            continue
        close = candidate.qualified_end
        while close < n and text[close] in _GAP:
            close += 1
        if close >= n or text[close] not in CLOSE:
            continue
        found.append(Annotation(primary, candidate, pos, close + 1))
        taken.add(i + 1)
    return found


@lru_cache(maxsize=32)
def _lead_pattern(lx: "Lexicon") -> re.Pattern:
    from .money import _kind, _tokens
    from .patterns import compile_all
    words = _tokens(lx.annotation_lead, fold=True)
    space = f"[{_GAP}]"
    # Nothing but spaces and lead words: no bracket, no other words, no figures.
    return compile_all(_kind("lead", lx), {"lead": f"{space}*(?:(?:{words}){space}*)*"})["lead"]
