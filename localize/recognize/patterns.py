"""Compiling the recognisers' patterns fast, and matching some of them backwards.

**Compiled code cache.** The money pattern of one language is large (every sign, scale
word and qualifier, and Unicode classes written out as ranges), and compiling it with
`re` takes a few hundred milliseconds: `re`'s parser and compiler are pure Python. What
they produce is a list of integers that the C matcher runs. `compile_all` keeps those
lists in the user cache (localize.cache), keyed by the pattern texts and the
Python build, and builds the pattern objects straight from them on later starts (a few
milliseconds). This uses `re`'s internals (re._parser, re._compiler, _sre.compile), so
anything unexpected (another Python whose internals differ, a damaged file) means an
ordinary `re.compile`: the cache never changes a result, only how long the first
match takes.

**Backward matching.** Qualifiers and currency signs stand before an amount (`up to
$4bn`), so they are found by matching backwards from where the amount starts. `re`
cannot match backwards, so a `Backward` pattern is the reversed pattern matched over
the reversed text just before that point, wide enough to hold any match and the
character before it.
"""
from __future__ import annotations

import marshal
import re
import sys
from array import array
from typing import Mapping

from .. import cache

_FORMAT = "1"


def compile_all(kind: str, patterns: Mapping[str, str]) -> dict[str, re.Pattern]:
    """{name: compiled pattern} for {name: pattern text}, from the cache when it holds
    exactly these patterns for this Python, else compiled (and then cached)."""
    names = sorted(patterns)
    runtime = _runtime()
    # The key is the pattern texts themselves: a cached entry is used only for
    # exactly these patterns (see cache.read).
    key = "\0".join([f"re {_FORMAT}", runtime or "", *(f"{n}\0{patterns[n]}" for n in names)])
    file = cache.entry_name(kind, key) + ".re"
    if runtime is not None:
        found = _load(file, key, names, patterns)
        if found is not None:
            return found
    compiled: dict[str, re.Pattern] = {}
    parts: list[tuple] = []
    for name in names:
        made = _compile_parts(patterns[name]) if runtime is not None else None
        if made is None:
            compiled[name] = re.compile(patterns[name])
        else:
            compiled[name], part = made
            parts.append(part)
    if runtime is not None and len(parts) == len(names):
        cache.write(file, key, marshal.dumps(tuple(parts)))
    return compiled


def _runtime() -> str | None:
    """What the compiled code depends on besides the pattern, or None when this
    Python's `re` internals are not the ones this module knows."""
    try:
        import _sre
        from re import _constants  # type: ignore[attr-defined]
        if array("I").itemsize != _sre.CODESIZE:
            return None
        return "|".join(str(part) for part in (sys.version, sys.implementation.cache_tag,
                                               _constants.MAGIC, _sre.CODESIZE, sys.maxunicode))
    except (ImportError, AttributeError):
        return None


def _compile_parts(pattern: str) -> tuple[re.Pattern, tuple] | None:
    """What `re.compile` does (re._compiler.compile), keeping the code it builds."""
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]
        parsed = _parser.parse(pattern, 0)
        code = _compiler._code(parsed, 0)
        flags = parsed.state.flags
        groups = parsed.state.groups
        groupindex = dict(parsed.state.groupdict)
        compiled = _build(pattern, flags, code, groups, groupindex)
    except (AttributeError, TypeError, ImportError):   # internals not as expected
        return None
    return compiled, (flags, array("I", code).tobytes(), groups, groupindex)


def _build(pattern: str, flags: int, code: list[int], groups: int,
           groupindex: dict[str, int]) -> re.Pattern:
    import _sre
    indexgroup: list[str | None] = [None] * groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return _sre.compile(pattern, flags, code, groups - 1, groupindex, tuple(indexgroup))


def _load(file: str, key: str, names: list[str],
          patterns: Mapping[str, str]) -> dict[str, re.Pattern] | None:
    payload = cache.read(file, key)
    if payload is None:
        return None
    try:
        parts = marshal.loads(payload)
        if not isinstance(parts, tuple) or len(parts) != len(names):
            return None
        out = {}
        for name, (flags, blob, groups, groupindex) in zip(names, parts):
            code = array("I")
            code.frombytes(blob)
            out[name] = _build(patterns[name], flags, code.tolist(), groups, groupindex)
        return out
    except Exception:  # noqa: BLE001 - any damage means "compile again"
        return None


class Backward:
    """A pattern matched backwards from a position: `match(text, end)` finds the match
    that ends at `end`, as a `regex` reverse pattern (`(?r)`) would in text[:end].

    `pattern` is written for the reversed text (each token reversed, look-behinds and
    look-aheads swapped, alternatives in their original order so that the same one
    wins); `width` is the most characters any match holds that are not in `spaces`,
    plus one for the character before it that boundary checks look at. Runs of
    `spaces` are unbounded, so the window grows over them.
    """

    __slots__ = ("pattern", "width", "spaces")

    def __init__(self, pattern: re.Pattern, width: int, spaces: str) -> None:
        self.pattern = pattern
        self.width = width
        self.spaces = spaces

    def match(self, text: str, end: int) -> "BackMatch | None":
        # The window: back from `end` until it holds `width` characters that are not
        # spaces (counted with str.count, in C), or to the start of the text. A wider
        # window would give the same result; a narrower one might not.
        lo = max(0, end - self.width)
        while lo:
            window = text[lo:end]
            short = self.width - len(window) + sum(map(window.count, self.spaces))
            if short <= 0:
                break
            lo = max(0, lo - short)
        m = self.pattern.match(text[lo:end][::-1])
        return None if m is None else BackMatch(m, end)


class BackMatch:
    """A backward match in the original text's coordinates."""

    __slots__ = ("_m", "_end")

    def __init__(self, m: re.Match, end: int) -> None:
        self._m = m
        self._end = end

    def start(self, group: str | int = 0) -> int:
        e = self._m.end(group)
        return -1 if e < 0 else self._end - e

    def end(self, group: str | int = 0) -> int:
        s = self._m.start(group)
        return -1 if s < 0 else self._end - s

    def group(self, group: str | int = 0) -> str | None:
        g = self._m.group(group)
        return None if g is None else g[::-1]
