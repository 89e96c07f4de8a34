"""Repetition: a word written twice ("the the"), or a repeated mark in CJK text.

The default pattern takes whole words in any script that separates words with
spaces; a profile may give its own `patterns`, whose group 1 is the part to keep.
The fix deletes the repeat. `exceptions` lists doubles that are grammar ("had had",
French "nous nous").
"""
from __future__ import annotations

from typing import Iterator

import regex

from ..spec import RuleSpec
from . import Hit, remaining
from .words import WORD, fold

DOUBLED_WORD = (f"(?<!{WORD})(\\p{{L}}[\\p{{L}}\\p{{M}}'\u2019-]*)"
                f"(?:[ \\t]+|[ \\t]*\\n[ \\t]*)(?:\\1)(?!{WORD})")


class RepetitionChecker:
    def __init__(self, spec: RuleSpec):
        self.spec = spec
        flags = regex.IGNORECASE if spec.get("ignorecase", True) else 0
        # Compiled one by one: each pattern's \1 and group 1 are its own.
        self.regexes = [regex.compile(p, flags) for p in spec.get("patterns") or (DOUBLED_WORD,)]
        self.exceptions = frozenset(fold(e) for e in spec.get("exceptions") or ())

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        hits = []
        for compiled in self.regexes:
            for m in compiled.finditer(text, timeout=remaining(deadline)):
                kept = m.group(1)
                if kept is None or fold(kept) in self.exceptions:
                    continue
                hits.append(Hit(m.start(), m.end(), ((m.end(1), m.end(), ""),),
                                {"match": m.group(), "fix": kept, "word": kept}))
        return iter(sorted(hits, key=lambda h: (h.start, h.end)))
