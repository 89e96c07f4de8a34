"""Rules that find words, patterns or characters, and may replace them:
existence and leftover (report), substitution (word -> word), script (width and
wrong-script characters), punctuation (character -> character in a context).

Each rule compiles to one alternation, so a rule with 200 words is still one scan.
"""
from __future__ import annotations

import unicodedata
from typing import Callable, Iterator

import regex

from ..spec import RuleSpec
from . import Hit, remaining
from .words import alternation, fold, match_case


class MatchingChecker:
    """One or more patterns, each compiled on its own: the `regex` module skips ahead
    on a pattern's literal prefix, which an alternation of unlike patterns defeats (a
    rule of three patterns ran 20x slower as one alternation). Overlapping hits keep
    the leftmost, then the longest."""

    def __init__(self, spec: RuleSpec, patterns: list[str], fix: Callable[[regex.Match], str | None]):
        self.spec = spec
        flags = regex.IGNORECASE if spec.get("ignorecase") else 0
        before, after = spec.get("before"), spec.get("after")
        self.regexes = []
        for pattern in patterns:
            if before:
                pattern = f"(?<={before})(?:{pattern})"
            if after:
                pattern = f"(?:{pattern})(?={after})"
            self.regexes.append(regex.compile(pattern, flags))
        self.fix = fix
        self.exceptions = frozenset(fold(e) for e in spec.get("exceptions") or ())

    def _matches(self, text: str, deadline: float) -> Iterator[regex.Match]:
        if len(self.regexes) == 1:
            yield from self.regexes[0].finditer(text, timeout=remaining(deadline))
            return
        found = [m for r in self.regexes for m in r.finditer(text, timeout=remaining(deadline))]
        found.sort(key=lambda m: (m.start(), -m.end()))
        end = -1
        for m in found:
            if m.start() >= end or m.start() == m.end():
                end = max(end, m.end())
                yield m

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        for m in self._matches(text, deadline):
            found = m.group()
            if not found or fold(found) in self.exceptions:
                continue
            replacement = self.fix(m)
            fixes = ((m.start(), m.end(), replacement),) if replacement is not None and replacement != found else ()
            yield Hit(m.start(), m.end(), fixes, {"match": found, "fix": replacement or ""})


def build_matching(spec: RuleSpec) -> MatchingChecker:
    kind = spec.type
    if kind == "substitution":
        return _substitution(spec)
    if kind == "script":
        return _script(spec)
    if kind == "punctuation":
        table = dict(spec.get("map"))
        return MatchingChecker(spec, [alternation(table)], lambda m: table[m.group()])
    # existence, leftover: report only
    parts = [alternation(spec.get("tokens"))] if spec.get("tokens") else []
    parts += list(spec.get("patterns") or ())
    return MatchingChecker(spec, parts, lambda m: None)


def _substitution(spec: RuleSpec) -> MatchingChecker:
    swap = dict(spec.get("swap"))
    ignorecase = bool(spec.get("ignorecase"))
    if spec.get("regex"):
        # Each pattern is compiled on its own, so its \1 means its own first group, and
        # the replacement is expanded on the match itself (lookbehind context kept).
        checker = MatchingChecker(spec, list(swap), lambda m: None)
        replacement_of = {r.pattern: replacement for r, replacement in zip(checker.regexes, swap.values())}
        checker.fix = lambda m: m.expand(replacement_of[m.re.pattern])
        return checker

    table = {fold(k) if ignorecase else " ".join(k.split()): v for k, v in swap.items()}

    def lookup(m: regex.Match) -> str:
        found = m.group()
        key = fold(found) if ignorecase else " ".join(found.split())
        replacement = table[key]
        return match_case(found, replacement) if ignorecase else replacement
    return MatchingChecker(spec, [alternation(swap)], lookup)


_CONVERT: dict[str, Callable[[str], str]] = {
    "halfwidth": lambda s: "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else
                                   " " if c == "\u3000" else c for c in s),
    "fullwidth": lambda s: "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s),
    "nfkc": lambda s: unicodedata.normalize("NFKC", s),
}


def _script(spec: RuleSpec) -> MatchingChecker:
    pattern = f"(?:{spec.get('chars')})+"
    convert = spec.get("convert")
    if convert == "map":
        table = dict(spec.get("map") or {})
        keys = regex.compile(alternation(table))
        return MatchingChecker(spec, [pattern], lambda m: keys.sub(lambda k: table[k.group()], m.group()))
    if convert:
        return MatchingChecker(spec, [pattern], lambda m: _CONVERT[convert](m.group()))
    return MatchingChecker(spec, [pattern], lambda m: None)
