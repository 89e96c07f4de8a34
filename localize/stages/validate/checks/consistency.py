"""Consistency: one article, one spelling. `variants` lists groups of forms of one
term ("email", "e-mail"); the first form the article uses sets its choice, and every
other form is reported with that choice as the fix. First-use, not majority, so the
fix never changes what the reader met first, and a second run finds nothing.
"""
from __future__ import annotations

from typing import Iterator

from ..spec import RuleSpec
from . import Hit
from .tokens import TokenIndex
from .words import fold, match_case


class ConsistencyChecker:
    def __init__(self, spec: RuleSpec):
        self.spec = spec
        self.group_of: dict[str, int] = {}
        tokens = []
        for i, group in enumerate(spec.get("variants")):
            for form in group:
                self.group_of[fold(form)] = i
                tokens.append(form)
        self.index = TokenIndex(tokens, spec.get("ignorecase") is not False)

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        chosen: dict[int, str] = {}
        for start, end, _i in self.index.finditer(text):
            found = text[start:end]
            key = fold(found)
            group = self.group_of.get(key)
            if group is None:
                continue
            first = chosen.setdefault(group, found)
            if fold(first) == key:
                continue
            # A lower-case choice takes the case of the spot (sentence start); a form
            # with its own capitals (German "E-Mail") is written as it was chosen.
            fix = match_case(found, first) if first.islower() else first
            yield Hit(start, end, ((start, end, fix),),
                      {"match": found, "fix": fix, "first": first})
