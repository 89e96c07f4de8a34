"""Rules that find words, patterns or characters, and may replace them:
existence and leftover (report), substitution (word -> word), script (width and
wrong-script characters), punctuation (character -> character in a context).

A rule's word list is one Aho-Corasick automaton (tokens.py) and each of its patterns
one compiled regex, so a rule with 200 words is still one scan.
"""
from __future__ import annotations

import unicodedata
from typing import Callable, Iterator

import regex

from ..compiled import compile as rcompile
from ..spec import RuleSpec
from . import Hit, remaining
from .gate import Gate
from .tokens import TokenIndex
from .words import alternation, fold, match_case


_SPACE_RUN = regex.compile(r"[ \t\u00a0\u3000]+")
_SPACES = regex.compile(r"[ \t]{2,}")


class MatchingChecker:
    """One or more patterns, each compiled on its own: the `regex` module skips ahead
    on a pattern's literal prefix, which an alternation of unlike patterns defeats (a
    rule of three patterns ran 20x slower as one alternation). Overlapping hits keep
    the leftmost, then the longest."""

    def __init__(self, spec: RuleSpec, patterns: list[str], fix: Callable[[regex.Match], str | None],
                 words: "tuple[TokenIndex, Callable[[str, int], str | None]] | None" = None,
                 gate: Gate | None = None):
        self.spec = spec
        self.words = words  # (index, fix(found, token number)) for a plain word list
        flags = regex.IGNORECASE if spec.get("ignorecase") else 0
        before, after = spec.get("before"), spec.get("after")
        self.regexes = []
        for pattern in patterns:
            if before:
                pattern = f"(?<={before})(?:{pattern})"
            if after:
                pattern = f"(?:{pattern})(?={after})"
            self.regexes.append(rcompile(pattern, flags))
        # Each pattern's place in the rule set's prefilter (None: it scans all the text).
        self.gate = gate
        self.gated = [gate.register(r.pattern) if gate else None for r in self.regexes]
        self.fix = fix
        self.exceptions = frozenset(fold(e) for e in spec.get("exceptions") or ())

    def _matches(self, text: str, deadline: float) -> Iterator[tuple[int, int, str | None]]:
        """(start, end, replacement or None), leftmost then longest, no overlaps."""
        found = [(m.start(), m.end(), self.fix(m)) for r, number in zip(self.regexes, self.gated)
                 for start, end in self._spans(text, number)
                 for m in r.finditer(text, start, end, timeout=remaining(deadline))]
        if self.words is not None:
            index, fix = self.words
            found += [(s, e, fix(text[s:e], i)) for s, e, i in index.finditer(text)]
        if len(self.regexes) + (self.words is not None) > 1:
            found.sort(key=lambda h: (h[0], -h[1]))
        end = -1
        for hit in found:
            if hit[0] >= end or hit[0] == hit[1]:
                end = max(end, hit[1])
                yield hit

    def _spans(self, text: str, number: int | None) -> list[tuple[int, int]]:
        windows = None if number is None or self.gate is None else self.gate.windows(text, number)
        return [(0, len(text))] if windows is None else windows

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        for start, end, replacement in self._matches(text, deadline):
            found = text[start:end]
            if not found or fold(found) in self.exceptions:
                continue
            fixes = ((start, end, replacement),) if replacement is not None and replacement != found else ()
            yield Hit(start, end, fixes, {"match": found, "fix": replacement or ""})


def build_matching(spec: RuleSpec, gate: Gate | None = None) -> MatchingChecker:
    kind = spec.type
    if kind == "substitution":
        return _substitution(spec, gate)
    if kind == "script":
        return _script(spec, gate)
    if kind == "punctuation":
        table = dict(spec.get("map"))
        # Spaces in a key ("、 ") stand for any run of spaces on the line, never a line
        # break: replacing one would join a line onto the next (a heading, a list).
        return MatchingChecker(spec, [alternation(table, multiline=False)],
                               lambda m: _fit_spaces(m, table[_SPACE_RUN.sub(" ", m.group())]), gate=gate)
    # existence, leftover: report only
    patterns = list(spec.get("patterns") or ())
    tokens = list(spec.get("tokens") or ())
    if tokens and _contextual(spec):
        return MatchingChecker(spec, [alternation(tokens)] + patterns, lambda m: None, gate=gate)
    words = (TokenIndex(tokens, bool(spec.get("ignorecase"))), lambda found, i: None) if tokens else None
    return MatchingChecker(spec, patterns, lambda m: None, words, gate=gate)


def _fit_spaces(m: regex.Match, replacement: str) -> str:
    """"、" -> ", " wants its space only where a word follows: not at the end of a line
    or before another space (normalise would take it out again on the next run)."""
    text, end = m.string, m.end()
    if replacement.endswith(" ") and (end >= len(text) or text[end].isspace()):
        replacement = replacement.rstrip(" ")
    return replacement


def _contextual(spec: RuleSpec) -> bool:
    # Context patterns wrap the regex; a word list with context stays a regex.
    return bool(spec.get("before") or spec.get("after"))


def _substitution(spec: RuleSpec, gate: Gate | None) -> MatchingChecker:
    swap = dict(spec.get("swap"))
    ignorecase = bool(spec.get("ignorecase"))
    if spec.get("regex"):
        # Each pattern is compiled on its own, so its \1 means its own first group, and
        # the replacement is expanded on the match itself (lookbehind context kept).
        checker = MatchingChecker(spec, list(swap), lambda m: None, gate=gate)
        replacement_of = {r.pattern: replacement for r, replacement in zip(checker.regexes, swap.values())}
        checker.fix = lambda m: m.expand(replacement_of[m.re.pattern])
        return checker

    table = {fold(k) if ignorecase else " ".join(k.split()): v for k, v in swap.items()}

    def replace(found: str) -> str:
        key = fold(found) if ignorecase else " ".join(found.split())
        replacement = table[key]
        return match_case(found, replacement) if ignorecase else replacement
    if _contextual(spec):
        return MatchingChecker(spec, [alternation(swap)], lambda m: replace(m.group()), gate=gate)
    return MatchingChecker(spec, [], lambda m: None,
                           (TokenIndex(swap, ignorecase), lambda found, _i: replace(found)), gate=gate)


_CONVERT: dict[str, Callable[[str], str]] = {
    # An ideographic space becomes a space, and a run of spaces the match took along
    # with it one space (what normalise would make of it on the next run).
    "halfwidth": lambda s: _SPACES.sub(" ", "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else
                                                 " " if c == "\u3000" else c for c in s)),
    "fullwidth": lambda s: "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s),
    "nfkc": lambda s: unicodedata.normalize("NFKC", s),
}


def _script(spec: RuleSpec, gate: Gate | None) -> MatchingChecker:
    pattern = f"(?:{spec.get('chars')})+"
    convert = spec.get("convert")
    if convert == "map":
        table = dict(spec.get("map") or {})
        if all(len(k) == 1 for k in table):
            # A character map (億 -> 亿, 330 of them for zh-CN) is str.translate's job;
            # a regex alternation of the keys took 50 ms to compile.
            chars = str.maketrans(table)
            return MatchingChecker(spec, [pattern], lambda m: m.group().translate(chars), gate=gate)
        keys = rcompile(alternation(table))
        return MatchingChecker(spec, [pattern], lambda m: keys.sub(lambda k: table[k.group()], m.group()), gate=gate)
    if convert:
        return MatchingChecker(spec, [pattern], lambda m: _CONVERT[convert](m.group()), gate=gate)
    return MatchingChecker(spec, [pattern], lambda m: None, gate=gate)
