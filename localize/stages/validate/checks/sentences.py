"""Sentence length, in words for scripts that space words and in characters for CJK.

Sentences end at the profile's `terminators` (closing quotes and brackets stay with
the sentence), at a blank line, and where a line starts a new block (a list item, a
table row, a quotation). Masked text (code, URLs) counts as one word, or as its
characters. The rule reports; shortening a sentence is a writer's job.
"""
from __future__ import annotations

from typing import Iterator

import regex

from ..masking import MASK
from ..spec import RuleSpec
from . import Hit, remaining

DEFAULT_TERMINATORS = r"[.!?。！？]+[\"'”’»」』）)]*(?=\s|$)|[。！？]+[」』）”]*"
_BLOCK_BREAK = r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*+>|#]|\d+[.)])[ \t])"
_WORD = regex.compile(rf"[\p{{L}}\p{{N}}][\p{{L}}\p{{M}}\p{{N}}'’.,-]*|{MASK}+")


class SentenceLengthChecker:
    def __init__(self, spec: RuleSpec):
        self.spec = spec
        self.max = int(spec.get("max"))
        self.unit = spec.get("unit", "words")
        terminators = spec.get("terminators") or DEFAULT_TERMINATORS
        self.split = regex.compile(f"(?:{terminators})|{_BLOCK_BREAK}")

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        pos = 0
        for m in self.split.finditer(text, timeout=remaining(deadline)):
            yield from self._sentence(text, pos, m.end())
            pos = m.end()
        yield from self._sentence(text, pos, len(text))

    def _sentence(self, text: str, start: int, end: int) -> Iterator[Hit]:
        if end - start <= self.max:  # fewer characters than the limit: cannot exceed it
            return
        chunk = text[start:end]
        if self.unit == "chars":
            size = sum(1 for c in chunk if not c.isspace())
        else:
            size = sum(1 for _ in _WORD.finditer(chunk))
        if size <= self.max:
            return
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        s, e = start + lead, end - trail
        shown = text[s:e]
        yield Hit(s, e, (), {"match": shown[:60] + ("…" if len(shown) > 60 else ""),
                             "count": size, "max": self.max, "unit": self.unit})
