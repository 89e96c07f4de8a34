"""Repetition: a word written twice ("the the"), or a repeated mark in CJK text.

The default pattern takes whole words in any script that separates words with
spaces; a profile may give its own `patterns`, whose group 1 is the part to keep.
The fix deletes the repeat. `exceptions` lists doubles that are grammar ("had had",
French "nous nous").
"""
from __future__ import annotations

from typing import Iterator

import re
from bisect import bisect_right
from itertools import accumulate, chain, compress, islice, repeat
from operator import eq

import regex

from ..compiled import compile as rcompile
from ..spec import RuleSpec
from . import Hit, remaining
from .literals import same_length_fold
from .memo import derived
from .words import fold

# The default runs on the standard `re` module: it is our own pattern (no user can make
# it backtrack), and `re` scans CJK text, where a letter starts at every position,
# several times faster than `regex`. \w without digits and "_" is a letter or mark.
# "the the the" is one finding, and the fix leaves one "the" (a second run must find
# nothing), so the repeat may come more than once.
# The repeat must be the whole word: "that that’s" and "der der-Artikel" are grammar.
DOUBLED_WORD = re.compile(r"(?<!\w)([^\W\d_][\w'\u2019-]*)(?:(?:[ \t]+|[ \t]*\n[ \t]*)\1(?![\w'\u2019-]))+",
                          re.IGNORECASE)


class RepetitionChecker:
    def __init__(self, spec: RuleSpec):
        self.spec = spec
        flags = regex.IGNORECASE if spec.get("ignorecase", True) else 0
        # Compiled one by one: each pattern's \1 and group 1 are its own.
        self.regexes = ([rcompile(p, flags) for p in spec.get("patterns")] if spec.get("patterns")
                        else [DOUBLED_WORD])
        self.exceptions = frozenset(fold(e) for e in spec.get("exceptions") or ())
        # `words: true`: the patterns repeat a whole word, so they can only match where
        # some word stands twice in a row; the rest of the text is skipped.
        self.words = bool(spec.get("words"))

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        hits = []
        # The default pattern, and patterns declaring `words: true`, repeat a whole
        # word: they can only match where some word stands twice.
        doubled = self.words or any(r is DOUBLED_WORD for r in self.regexes)
        regions = _doubled_spans(text) if doubled else [(0, len(text))]
        for compiled in self.regexes:
            for m in (m for start, end in regions
                      for m in compiled.finditer(text, start, end, **_timeout(compiled, deadline))):
                kept = m.group(1)
                if kept is None or fold(kept) in self.exceptions:
                    continue
                hits.append(Hit(m.start(), m.end(), ((m.end(1), m.end(), ""),),
                                {"match": m.group(), "fix": kept, "word": kept}))
        return iter(sorted(hits, key=lambda h: (h.start, h.end)))


def _timeout(compiled, deadline: float) -> dict:
    # `re` (the default pattern) takes no timeout; it cannot backtrack without end.
    return {} if compiled is DOUBLED_WORD else {"timeout": remaining(deadline)}


def _doubled_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each place where a word is followed by itself (ignoring case
    and the marks around it), from the first word to the last repeat ("der\nder\nder" is one span, so one fix settles it).

    Found with C-speed string operations, no bytecode per word: the text is split into
    paragraphs and words once, a shifted comparison finds the doubles, the count of
    words per paragraph says where each one is, and a scan of that paragraph's words
    gives its offsets. A regex over the whole text took 0.1 s per MB, most of it
    trying every "the" of the text.
    """
    # The folded text (made once per text, shared with the prefilter and word lists)
    # has the same length and the same spaces: its words and offsets are the text's.
    paragraphs = derived(text, "fold", same_length_fold).split("\n\n")
    words = list(map(str.split, paragraphs))
    flat = list(chain.from_iterable(words))
    flat = list(map(str.strip, flat, repeat(_PUNCT, len(flat))))
    doubles = [i for i in compress(range(len(flat)), map(eq, flat, islice(flat, 1, None))) if flat[i][:1].isalpha()]
    if not doubles:
        return []
    last_word = list(accumulate(map(len, words)))  # words up to the end of each paragraph
    starts = list(accumulate((len(p) + 2 for p in paragraphs), initial=0))
    out: list[tuple[int, int]] = []
    reach = -1  # the last word of the run already covered
    for i in doubles:
        if i <= reach:
            continue
        k = bisect_right(last_word, i)  # the paragraph holding word i
        if i + 1 >= last_word[k]:
            continue  # the repeat opens the next paragraph: no pattern runs over a blank line
        reach = i + 1
        while reach + 1 < last_word[k] and flat[reach + 1] == flat[i]:
            reach += 1
        # str.split and \S+ agree on what a space is (str.isspace), so the n-th word
        # of the paragraph is the n-th match.
        first = last_word[k - 1] if k else 0
        found = islice(_WORD_RUN.finditer(paragraphs[k]), i - first, reach - first + 1)
        head = next(found)
        tail = head
        for tail in found:
            pass
        out.append((starts[k] + head.start(), starts[k] + tail.end()))
    return out


_WORD_RUN = re.compile(r"\S+")

# Marks a word may carry at either end, taken off before two words are compared ("the
# the," and "(the the" are doubles). A word glued to another by a mark inside it
# ("x/the the") is not looked at.
_PUNCT = "\"'()[]{}.,;:!?¿¡“”‘’«»„‹›—–…*_-/\\|+=<>@#%&^~`$§°•·"
