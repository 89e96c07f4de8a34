"""Repetition: a word written twice ("the the"), or a repeated mark in CJK text.

The default pattern takes whole words in any script that separates words with
spaces; a profile may give its own `patterns`, whose group 1 is the part to keep.
The fix deletes the repeat. `exceptions` lists doubles that are grammar ("had had",
French "nous nous").
"""
from __future__ import annotations

from typing import Iterator

import re

import regex

from ..spec import RuleSpec
from . import Hit, remaining
from .words import fold

# The default runs on the standard `re` module: it is our own pattern (no user can make
# it backtrack), and `re` scans CJK text, where a letter starts at every position,
# several times faster than `regex`. \w without digits and "_" is a letter or mark.
DOUBLED_WORD = re.compile(r"(?<!\w)([^\W\d_][\w'\u2019-]*)(?:[ \t]+|[ \t]*\n[ \t]*)\1(?!\w)",
                          re.IGNORECASE)


class RepetitionChecker:
    def __init__(self, spec: RuleSpec):
        self.spec = spec
        flags = regex.IGNORECASE if spec.get("ignorecase", True) else 0
        # Compiled one by one: each pattern's \1 and group 1 are its own.
        self.regexes = ([regex.compile(p, flags) for p in spec.get("patterns")] if spec.get("patterns")
                        else [DOUBLED_WORD])
        self.exceptions = frozenset(fold(e) for e in spec.get("exceptions") or ())

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        hits = []
        for compiled in self.regexes:
            matches = (_doubled_words(text) if compiled is DOUBLED_WORD
                       else compiled.finditer(text, timeout=remaining(deadline)))
            for m in matches:
                kept = m.group(1)
                if kept is None or fold(kept) in self.exceptions:
                    continue
                hits.append(Hit(m.start(), m.end(), ((m.end(1), m.end(), ""),),
                                {"match": m.group(), "fix": kept, "word": kept}))
        return iter(sorted(hits, key=lambda h: (h.start, h.end)))


def _doubled_words(text: str) -> Iterator[re.Match]:
    """DOUBLED_WORD's matches, found without running it over every paragraph: a
    paragraph is searched only if two neighbouring whitespace-separated tokens could be
    a repeat (the second starts with the first), which str.split finds at C speed."""
    pos, n = 0, len(text)
    while pos < n:
        gap = text.find("\n\n", pos)
        end = n if gap == -1 else gap
        tokens = text[pos:end].lower().split()
        if any(b.startswith(a.lstrip("([{\"'“‘«„¿¡")) for a, b in zip(tokens, tokens[1:])):
            yield from DOUBLED_WORD.finditer(text, pos, end)
        pos = end + 2
