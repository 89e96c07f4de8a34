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
    def __init__(self, spec: RuleSpec, pattern: str, fix: Callable[[regex.Match], str | None]):
        self.spec = spec
        flags = regex.IGNORECASE if spec.get("ignorecase") else 0
        before, after = spec.get("before"), spec.get("after")
        if before:
            pattern = f"(?<={before})(?:{pattern})"
        if after:
            pattern = f"(?:{pattern})(?={after})"
        self.regex = regex.compile(pattern, flags)
        self.fix = fix
        self.exceptions = frozenset(fold(e) for e in spec.get("exceptions") or ())

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        for m in self.regex.finditer(text, timeout=remaining(deadline)):
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
        return MatchingChecker(spec, alternation(table), lambda m: table[m.group()])
    # existence, leftover: report only
    parts = []
    if spec.get("tokens"):
        parts.append(alternation(spec.get("tokens")))
    parts += [f"(?:{p})" for p in spec.get("patterns") or ()]
    return MatchingChecker(spec, "|".join(parts), lambda m: None)


def _substitution(spec: RuleSpec) -> MatchingChecker:
    swap = dict(spec.get("swap"))
    ignorecase = bool(spec.get("ignorecase"))
    if spec.get("regex"):
        # Patterns keep their own groups (for \1 in the replacement): one named group
        # per pattern tells which one matched.
        flags = regex.IGNORECASE if ignorecase else 0
        own = {f"s{i}": (regex.compile(p, flags), r) for i, (p, r) in enumerate(swap.items())}
        pattern = "|".join(f"(?P<{n}>{p})" for n, p in zip(own, swap))

        def fix(m: regex.Match) -> str:
            name = next(n for n in own if m.group(n) is not None)
            # Expand against this pattern alone, so its \1 means its own first group.
            compiled, replacement = own[name]
            # Re-match in the whole text, so the pattern's lookbehind sees what it saw.
            again = compiled.match(m.string, m.start(), m.end())
            return again.expand(replacement) if again else m.group()
        return MatchingChecker(spec, pattern, fix)

    table = {fold(k) if ignorecase else " ".join(k.split()): v for k, v in swap.items()}

    def lookup(m: regex.Match) -> str:
        found = m.group()
        key = fold(found) if ignorecase else " ".join(found.split())
        replacement = table[key]
        return match_case(found, replacement) if ignorecase else replacement
    return MatchingChecker(spec, alternation(swap), lookup)


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
        return MatchingChecker(spec, pattern, lambda m: keys.sub(lambda k: table[k.group()], m.group()))
    if convert:
        return MatchingChecker(spec, pattern, lambda m: _CONVERT[convert](m.group()))
    return MatchingChecker(spec, pattern, lambda m: None)
