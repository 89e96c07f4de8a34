"""Repetition: a word written twice ("the the"), or a repeated mark in CJK text.

The default pattern takes whole words in any script that separates words with
spaces; a profile may give its own `patterns`, whose group 1 is the part to keep.
The fix deletes the repeat. `exceptions` lists doubles that are grammar ("had had",
French "nous nous").
"""
from __future__ import annotations

from typing import Iterator

import re
from itertools import compress, repeat
from operator import eq

import regex

from ..compiled import compile as rcompile
from ..spec import RuleSpec
from . import Hit, remaining
from .words import fold

# The default runs on the standard `re` module: it is our own pattern (no user can make
# it backtrack), and `re` scans CJK text, where a letter starts at every position,
# several times faster than `regex`. \w without digits and "_" is a letter or mark.
# "the the the" is one finding, and the fix leaves one "the" (a second run must find
# nothing), so the repeat may come more than once.
DOUBLED_WORD = re.compile(r"(?<!\w)([^\W\d_][\w'\u2019-]*)(?:(?:[ \t]+|[ \t]*\n[ \t]*)\1(?!\w))+",
                          re.IGNORECASE)


class RepetitionChecker:
    def __init__(self, spec: RuleSpec):
        self.spec = spec
        flags = regex.IGNORECASE if spec.get("ignorecase", True) else 0
        # Compiled one by one: each pattern's \1 and group 1 are its own.
        self.regexes = ([rcompile(p, flags) for p in spec.get("patterns")] if spec.get("patterns")
                        else [DOUBLED_WORD])
        self.exceptions = frozenset(fold(e) for e in spec.get("exceptions") or ())
        # `words: true`: the patterns repeat a whole word, so they can only match in a
        # paragraph where some word stands twice in a row; the others are skipped.
        self.words = bool(spec.get("words"))

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        hits = []
        regions = _doubled_paragraphs(text) if self.words else [(0, len(text))]
        for compiled in self.regexes:
            matches = (_doubled_words(text) if compiled is DOUBLED_WORD
                       else (m for start, end in regions
                             for m in compiled.finditer(text, start, end, timeout=remaining(deadline))))
            for m in matches:
                kept = m.group(1)
                if kept is None or fold(kept) in self.exceptions:
                    continue
                hits.append(Hit(m.start(), m.end(), ((m.end(1), m.end(), ""),),
                                {"match": m.group(), "fix": kept, "word": kept}))
        return iter(sorted(hits, key=lambda h: (h.start, h.end)))


def _doubled_words(text: str) -> Iterator[re.Match]:
    """DOUBLED_WORD's matches, without running it over the whole text: the words that
    stand twice in a row are found first with C-speed string operations, and the
    pattern is then built from those few words, so it scans for literals."""
    tokens = text.lower().split()
    tokens = list(map(str.strip, tokens, repeat(_PUNCT, len(tokens))))  # C loops, no bytecode per word
    twice = {w for w in compress(tokens, map(eq, tokens, tokens[1:])) if w[:1].isalpha()}
    if not twice:
        return iter(())
    words = "|".join(re.escape(w) for w in sorted(twice, key=len, reverse=True))
    return re.compile(rf"(?<!\w)({words})(?:(?:[ \t]+|[ \t]*\n[ \t]*)\1(?!\w))+", re.IGNORECASE).finditer(text)


def _doubled_paragraphs(text: str) -> list[tuple[int, int]]:
    """The paragraphs (between blank lines) holding a word written twice in a row."""
    out: list[tuple[int, int]] = []
    for m in _doubled_words(text):
        if out and m.start() < out[-1][1]:
            continue
        start = text.rfind("\n\n", 0, m.start())
        end = text.find("\n\n", m.end())
        out.append((0 if start == -1 else start, len(text) if end == -1 else end))
    return out


_PUNCT = "\"'()[]{}.,;:!?¿¡“”‘’«»„‹›—–…*_"
