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
from ..compiled import compile as rcompile
from ..spec import RuleSpec
from . import Hit, remaining

DEFAULT_TERMINATORS = r"[.!?。！？]+[\"'”’»」』）)]*(?=\s|$)|[。！？]+[」』）”]*"
_BLOCK_BREAK = r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*+>|#]|\d+[.)])[ \t])"
_MASK_RUN = regex.compile(f"{MASK}+")
_BRACKETED = regex.compile(r"\([^()\n]*\)|（[^（）\n]*）")
_WORD = regex.compile(rf"[\p{{L}}\p{{N}}][\p{{L}}\p{{M}}\p{{N}}'’.,-]*|{MASK}+")


class SentenceLengthChecker:
    def __init__(self, spec: RuleSpec):
        self.spec = spec
        self.max = int(spec.get("max"))
        self.unit = spec.get("unit", "words")
        terminators = spec.get("terminators") or DEFAULT_TERMINATORS
        self.split = rcompile(f"(?:{terminators})|{_BLOCK_BREAK}")
        # The money and units stages add equivalents in brackets ("(about £3bn)",
        # "（約6400億円）"): with ignore_brackets they do not make a sentence too long.
        self.ignore_brackets = bool(spec.get("ignore_brackets"))

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        # Most paragraphs are shorter than the limit altogether: only the others are
        # cut into sentences (str.split counts are C-speed; the cut is a regex). A
        # stretch with no more pieces between spaces than the limit is taken as short;
        # the others have their words counted (a piece such as "Nutzer/innen" is two).
        for start, end in _paragraphs(text):
            if self._short(text[start:end]):
                continue
            pos = start
            for m in self.split.finditer(text, start, end, timeout=remaining(deadline)):
                yield from self._sentence(text, pos, m.end())
                pos = m.end()
            yield from self._sentence(text, pos, end)

    def _short(self, paragraph: str) -> bool:
        if self.unit == "chars":
            return len(paragraph) - paragraph.count(" ") - paragraph.count("\n") <= self.max
        return len(paragraph.split()) <= self.max

    def _sentence(self, text: str, start: int, end: int) -> Iterator[Hit]:
        if end - start <= self.max:  # fewer characters than the limit: cannot exceed it
            return
        original = chunk = text[start:end]
        if self.ignore_brackets and ("(" in chunk or "（" in chunk):
            chunk = _BRACKETED.sub("", chunk)
        if self.unit == "chars":
            # A masked run (a URL, inline code) reads as one item, not as its length.
            size = sum(1 for c in _MASK_RUN.sub(MASK, chunk) if not c.isspace())
        elif len(chunk.split()) <= self.max:
            return  # as for a paragraph: no more pieces between spaces than the limit
        else:
            size = len(_WORD.findall(chunk))
        if size <= self.max:
            return
        lead = len(original) - len(original.lstrip())
        trail = len(original) - len(original.rstrip())
        s, e = start + lead, end - trail
        shown = text[s:e]
        yield Hit(s, e, (), {"match": shown[:60] + ("…" if len(shown) > 60 else ""),
                             "count": size, "max": self.max, "unit": self.unit})


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each stretch between blank lines."""
    pos = 0
    while pos < len(text):
        gap = text.find("\n\n", pos)
        end = len(text) if gap == -1 else gap
        if end > pos:
            yield pos, end
        pos = end + 2
