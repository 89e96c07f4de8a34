"""Consistency: one article, one spelling. `variants` lists groups of forms of one
term ("email", "e-mail"); the first form the article uses sets its choice, and every
other form is reported with that choice as the fix. First-use, not majority, so the
fix never changes what the reader met first, and a second run finds nothing.
"""
from __future__ import annotations

from typing import Iterator

import regex

from ..spec import RuleSpec
from . import Hit, remaining
from .words import fold, match_case, token_pattern


class ConsistencyChecker:
    def __init__(self, spec: RuleSpec):
        self.spec = spec
        self.group_of: dict[str, int] = {}
        tokens = []
        for i, group in enumerate(spec.get("variants")):
            for form in group:
                self.group_of[fold(form)] = i
                tokens.append(form)
        tokens.sort(key=lambda t: (-len(t), t))
        flags = 0 if spec.get("ignorecase") is False else regex.IGNORECASE
        self.regex = regex.compile("|".join(token_pattern(t) for t in tokens), flags)

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        chosen: dict[int, str] = {}
        for m in self.regex.finditer(text, timeout=remaining(deadline)):
            found = m.group()
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
            yield Hit(m.start(), m.end(), ((m.start(), m.end(), fix),),
                      {"match": found, "fix": fix, "first": first})
