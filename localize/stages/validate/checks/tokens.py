"""Word lists on one Aho-Corasick automaton (pyahocorasick), not a regex alternation.

A rule's tokens (words to flag, phrases to swap, variants to keep consistent) are
matched in one pass over the text, and the automaton builds in microseconds per
token where the `regex` module took tens of milliseconds to compile a 100-word
alternation on every start. Word edges follow words.token_pattern: a token that
starts or ends with a letter or digit of a spaced script needs a non-word character
there (an apostrophe continues a word, except a possessive 's); CJK tokens need none.
Spaces inside a phrase match one space, tab or line break.
"""
from __future__ import annotations

import unicodedata
from typing import Iterable, Iterator

from .literals import same_length_fold
from .memo import derived
from .words import needs_edge

_APOSTROPHES = "'\u2019"
# Same-length stand-ins, so offsets in the folded text are offsets in the text.
# (str.replace, not str.translate: a translate table costs 0.14 s per MB.)
_SPACES = ("\n", "\t", "\u00a0", "\u202f")


class TokenIndex:
    def __init__(self, tokens: Iterable[str], ignorecase: bool):
        import ahocorasick
        self.ignorecase = ignorecase
        self.tokens: list[str] = []
        self._auto = ahocorasick.Automaton()
        for token in tokens:
            key = self._key(token)
            if not key or self._auto.exists(key):
                continue
            self._auto.add_word(key, (len(key), len(self.tokens)))
            self.tokens.append(token)
        self._empty = not self.tokens
        if not self._empty:
            self._auto.make_automaton()
        self._edges = [(needs_edge(t[:1]), needs_edge(t[-1:])) for t in self.tokens]

    def _key(self, token: str) -> str:
        key = " ".join(token.split())
        return same_length_fold(key) if self.ignorecase else key

    def _fold(self, text: str) -> str:
        """The text as the automaton reads it (made once per text for all word lists)."""
        return derived(text, ("tokens", self.ignorecase), _folded_for_tokens if self.ignorecase else _spaced)

    def finditer(self, text: str) -> Iterator[tuple[int, int, int]]:
        """(start, end, token number) of each match, leftmost then longest, no overlaps."""
        if self._empty:
            return
        hits = []
        for last, (length, index) in self._auto.iter(self._fold(text)):
            start, end = last - length + 1, last + 1
            head, tail = self._edges[index]
            if head and start > 0 and _word(text[start - 1]):
                continue
            if tail and end < len(text) and (_word(text[end]) or _apostrophe_word(text, end)):
                continue
            hits.append((start, end, index))
        hits.sort(key=lambda h: (h[0], -h[1]))
        reach = -1
        for hit in hits:
            if hit[0] >= reach:
                reach = hit[1]
                yield hit


def _spaced(text: str) -> str:
    for space in _SPACES:
        if space in text:
            text = text.replace(space, " ")
    return text


def _folded_for_tokens(text: str) -> str:
    return _spaced(derived(text, "fold", same_length_fold))  # folding leaves spaces alone


def _word(ch: str) -> bool:
    # What regex's \b counts as a word character: letters, marks, digits, "_".
    return ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M")


def _apostrophe_word(text: str, at: int) -> bool:
    """An apostrophe that carries the word on ("don|'t"), not a possessive "'s"."""
    if text[at] not in _APOSTROPHES or at + 1 >= len(text) or not text[at + 1].isalpha():
        return False
    possessive = text[at + 1] in "sS" and (at + 2 >= len(text) or not text[at + 2].isalpha())
    return not possessive
