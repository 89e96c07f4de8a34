"""Compiling the style rules' patterns fast on a warm start.

The `regex` module parses and compiles patterns in Python; a locale's rule set took
0.2-0.3 s to compile on every start, which a pre-commit run over one file pays in full.
What the compiler hands to the C engine (`_regex.compile`) is plain data: the pattern,
flags, a list of integers and a few tables. The first run of a rule set keeps those
arguments in the user cache (localize.cache), keyed by the rule set's content and the
exact `regex` and Python versions; later runs build the pattern objects straight from
them. Anything unexpected (another `regex` whose internals differ, a damaged file)
means an ordinary `regex.compile`: the cache never changes a result.
"""
from __future__ import annotations

import marshal
import sys
import threading
from contextlib import contextmanager
from typing import Any, Iterator

import regex

from ... import cache

_FORMAT = "1"
_local = threading.local()
_spy_lock = threading.Lock()


def compile(pattern: str, flags: int = 0) -> "regex.Pattern":
    """regex.compile, served from the active rule set's cache when there is one."""
    if flags & regex.IGNORECASE and not _has_case(pattern):
        # Case-insensitive matching costs the regex module twice the time even where
        # nothing has case (a pattern of digits and Han): same matches without it.
        flags &= ~regex.IGNORECASE
    session = getattr(_local, "session", None)
    if session is None:
        return regex.compile(pattern, flags)
    return session.compile(pattern, flags)


_ESCAPE = regex.compile(r"\\[pP]\{(?!(?:Lu|Ll|Lt|Upper|Lower|Uppercase|Lowercase|Cased)\})[^}]*\}|\\.")


def _has_case(pattern: str) -> bool:
    """Whether ignoring case can change what `pattern` matches: it holds a letter with
    case, or a case property (\\p{Lu}). Escapes like \\d and \\p{Han} do not count."""
    rest = _ESCAPE.sub("", pattern)
    return any(c.lower() != c.upper() for c in rest)


class _Session:
    def __init__(self, stored: dict | None):
        self.stored = stored or {}
        self.made: dict[str, tuple] = {}
        self.complete = True

    def compile(self, pattern: str, flags: int) -> "regex.Pattern":
        name = f"{flags}\0{pattern}"
        args = self.stored.get(name)
        if args is not None:
            try:
                import regex._regex as engine
                compiled = engine.compile(*args)
                self.made[name] = args
                return compiled
            except Exception:  # internals changed: compile the ordinary way
                pass
        compiled, args = _compile_capturing(pattern, flags)
        if args is None:
            self.complete = False
        else:
            self.made[name] = args
        return compiled


@contextmanager
def rule_set(fingerprint: str) -> Iterator[None]:
    """Within this block, `compile` uses (and then refreshes) the cache entry for the
    rule set whose content is `fingerprint`."""
    key = "\0".join(["regex", _FORMAT, regex.__version__, sys.version, fingerprint])
    name = cache.entry_name("validate", key) + ".rx"
    stored = None
    payload = cache.read(name, key)
    if payload is not None:
        try:
            stored = marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            stored = None
    session = _Session(stored if isinstance(stored, dict) else None)
    _local.session = session
    try:
        yield
    finally:
        _local.session = None
    if session.complete and session.made and session.made != session.stored:
        try:
            cache.write(name, key, marshal.dumps(session.made))
        except ValueError:  # something marshal cannot store: no cache, same result
            pass


def _compile_capturing(pattern: str, flags: int) -> tuple["regex.Pattern", tuple | None]:
    """regex.compile, also returning the arguments it gave the C engine (None when
    they could not be seen, e.g. the pattern came from regex's own in-process cache)."""
    import regex._regex as engine
    seen: list[tuple[Any, ...]] = []
    with _spy_lock:
        real = engine.compile

        def spy(*args: Any) -> Any:
            seen.append(args)
            return real(*args)
        engine.compile = spy
        try:
            compiled = regex.compile(pattern, flags, cache_pattern=False)
        finally:
            engine.compile = real
    if len(seen) != 1 or seen[0][5]:  # named lists are not plain data: do not cache
        return compiled, None
    # Flag enums (the flags, the required string's flags) become plain ints for marshal.
    return compiled, tuple(int(a) if isinstance(a, int) and type(a) is not int and not isinstance(a, bool)
                           else a for a in seen[0])
