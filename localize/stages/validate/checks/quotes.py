"""Quotation marks: the locale's pair instead of straight quotes or another locale's.

A pair is recognised only when it looks like one: the opening mark starts a word
(after a space, a bracket or the start of the text) and is followed by text, the
closing mark ends one. Inches (5") and a lone mark are left alone; a quotation may
run over a line break but not over a paragraph.
"""
from __future__ import annotations

from typing import Iterator

import regex

from ..compiled import compile as rcompile
from ..spec import RuleSpec
from . import Hit, remaining

# A quote mark inside a word of a spaced script is an apostrophe or an inch sign; next
# to kana or Han it is an ordinary quotation ("同社は“敬語”と話す").
_SPACED = r"[\p{Latin}\p{Greek}\p{Cyrillic}\p{N}]"
_NOT_WORD = f"(?<!{_SPACED})"
_NO_WORD_AFTER = f"(?!{_SPACED})"


class QuotesChecker:
    def __init__(self, spec: RuleSpec):
        self.spec = spec
        self.open, self.close = spec.get("open"), spec.get("close")
        self.inner = spec.get("inner_space", "")
        alternatives = []
        # A pair never spans the locale's own marks: once an inner quotation is fixed,
        # the straight marks around it must not pair up on the next run (idempotence).
        own = regex.escape(self.open + self.close)
        for pair in spec.get("wrong"):
            if len(pair) != 2:
                raise ValueError(f"{spec.id}: each `wrong` entry is two characters, not {pair!r}")
            o, c = (regex.escape(ch) for ch in pair)
            inside = f"(?:[^{o}{c}{own}\\n]|\\n(?![ \\t]*\\n))"
            alternatives.append(f"{_NOT_WORD}{o}(?=[^\\s{o}{c}]){inside}{{1,600}}?(?<=\\S){c}{_NO_WORD_AFTER}")
        self.regex = rcompile("|".join(f"(?:{a})" for a in alternatives))

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        opening, closing = self.open + self.inner, self.inner + self.close
        for m in self.regex.finditer(text, timeout=remaining(deadline)):
            start, end = m.span()
            # Only the marks change: an edit over the whole quotation would blur where
            # any other finding inside it is (and could not touch code within it).
            fixes = ((start, start + 1, opening), (end - 1, end, closing))
            yield Hit(start, end, fixes,
                      {"match": m.group(), "fix": opening + m.group()[1:-1] + closing,
                       "found": m.group()[0] + m.group()[-1], "want": self.open + self.close})
