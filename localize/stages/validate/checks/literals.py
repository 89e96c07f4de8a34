"""The strings a pattern cannot match without: "every match contains one of these".

`regex` skips ahead on a pattern's required literal when it finds one, but a pattern
that opens with a class or an alternation ("\\d+ (?:yen|yuan)", "[0-9]{1,2}月",
"\\b(?:juin|juillet)") gets none and tries every character of the text. Knowing that
every match of "[\\d０-９]+(?:円|元)" contains 円 or 元 lets the gate (gate.py) run it
only on the paragraphs that hold one, the way grep tools pick candidate lines before
running the full pattern.

The pattern is read with the standard library's parser, after `regex`'s property
escapes (\\p{L}) are swapped for a class the parser knows: literals never come from a
class of that kind, so the swap cannot invent one. Anything the parser does not read
(other `regex` syntax) gives None: no literals known, and the pattern scans all the
text as before. Literals come back folded (`same_length_fold`), to be looked for in the
folded text whatever the pattern's case flags: a superset of the matches is all a
gate needs.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - older layout
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

# A class of at most this many characters yields them as one-character literals.
MAX_CLASS = 10
# Sets larger than this are not worth a gate: too many candidates to look for.
MAX_SET = 200

_PROPERTY = re.compile(r"\\([pP])\{[^}]*\}")

# Lower-case characters that `regex` matches, under IGNORECASE, with a different
# character that str.lower() does not turn them into (long s and "s", final sigma and
# sigma, the micro sign and mu...): the fold maps them onto that one. Generated with
#   {c: c.casefold() for c in every character if c.lower() == c and
#    len(c.casefold()) == 1 and c.casefold() != c and c.casefold().lower() != c}
# and checked against unicodedata by tests/stages/validate/checks/test_literals.py.
# Folding more than `regex` does is safe: the gate may only ever find too much.
SPECIAL_FOLDS = {
    "\u00b5": "\u03bc", "\u017f": "s", "\u0345": "\u03b9", "\u03c2": "\u03c3", "\u03d0": "\u03b2",
    "\u03d1": "\u03b8", "\u03d5": "\u03c6", "\u03d6": "\u03c0", "\u03f0": "\u03ba", "\u03f1": "\u03c1",
    "\u03f5": "\u03b5", "\u1c80": "\u0432", "\u1c81": "\u0434", "\u1c82": "\u043e", "\u1c83": "\u0441",
    "\u1c84": "\u0442", "\u1c85": "\u0442", "\u1c86": "\u044a", "\u1c87": "\u0463", "\u1c88": "\ua64b",
    "\u1e9b": "\u1e61", "\u1fbe": "\u03b9",
    # Not from the formula: `regex` matches i with İ and I with dotless ı.
    "\u0130": "i", "\u0131": "i",
}


def same_length_fold(text: str) -> str:
    """Lower case with SPECIAL_FOLDS, one character for one character, so an offset in
    the folded text is an offset in the text."""
    low = text.lower()
    if len(low) != len(text):
        # İ lowers to two characters: such a character is kept as it is.
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if not text.isascii():
        for char, folded in SPECIAL_FOLDS.items():
            if char in low:
                low = low.replace(char, folded)
    return low


def required_literals(pattern: str) -> frozenset[str] | None:
    """Folded strings of which every match of `pattern` contains at least one, or None.

    A positive lookaround's literals count: the text must hold them next to the match.
    """
    try:
        parsed = _parser.parse(_PROPERTY.sub(lambda m: "\\w" if m.group(1) == "p" else "\\W", pattern))
    except Exception:  # syntax only `regex` reads: no literals known
        return None
    found = _sequence(list(parsed))[0]
    if not found or "" in found:
        return None
    return frozenset(same_length_fold(s) for s in found)


# Each reader returns (strings, exact): every match contains one of the strings, and,
# when exact, every match *is* one of them, so adjacent exact parts can be joined
# ("j" then "anuar|uni" is januar or juni, not merely "uni").
_Found = tuple[frozenset[str] | None, bool]


def _sequence(items: list[tuple[Any, Any]]) -> _Found:
    candidates: list[frozenset[str]] = []
    empty = frozenset([""])
    joined: frozenset[str] | None = empty  # the exact run being joined
    all_exact = True
    for op, av in items:
        found, exact = _item(op, av)
        if exact and found is not None and joined is not None:
            product = frozenset(a + b for a in joined for b in found)
            if len(product) <= MAX_SET:
                joined = product
                continue
        all_exact = False
        if joined is not None and joined != empty:
            candidates.append(joined)
        joined = empty
        if found:
            candidates.append(found)
    if all_exact:
        return joined, True  # the whole sequence is one of these strings ("" if empty)
    if joined != empty:
        candidates.append(joined)
    usable = [c for c in candidates if "" not in c]
    return max(usable, key=_quality, default=None), False


def _quality(found: frozenset[str]) -> tuple[int, int]:
    # Longer literals are rarer in text; fewer of them are cheaper to look for.
    return min(len(s) for s in found), -len(found)


def _item(op: Any, av: Any) -> _Found:
    if op is _c.LITERAL:
        return frozenset([chr(av)]), True
    if op is _c.SUBPATTERN:
        return _sequence(list(av[3]))
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is _c.BRANCH:
        branches = [_sequence(list(branch)) for branch in av[1]]
        return _union(b[0] for b in branches), all(b[1] for b in branches)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, inner = av
        found, exact = _sequence(list(inner))
        return (found if low >= 1 else None), exact and low == high == 1
    if op is _c.IN:
        return _class(av), True
    if op is _c.ASSERT:  # a positive lookahead or lookbehind: required, not consumed
        return _sequence(list(av[1]))[0], False
    return None, False  # negative lookarounds, anchors, any character, back-references


def _union(sets: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    out: set[str] = set()
    for found in sets:
        if not found:
            return None  # a branch with no literal can match without any
        out |= found
        if len(out) > MAX_SET:
            return None
    return frozenset(out)


def _class(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, categories, wide ranges
            return None
        if len(chars) > MAX_CLASS:
            return None
    return frozenset(chars) or None
