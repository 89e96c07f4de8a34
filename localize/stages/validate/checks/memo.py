"""Things derived from a whole text (a folded copy, the gate's literal positions),
made once per text and shared by every rule that scans it.

The rules of a pass scan the same masked string (masking.py caches it on the
document), so the string itself is the key, compared by identity: comparing 1 MB by
value would cost what the cache saves. The last few texts are kept per thread, so
threads sharing a pipeline never see each other's entries.
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Hashable, TypeVar

T = TypeVar("T")
KEEP = 8  # texts remembered: each scope's masked text (prose, headings, all) and a few more

_local = threading.local()


def derived(text: str, kind: Hashable, make: Callable[[str], T]) -> T:
    """`make(text)`, remembered under `kind` for this very string."""
    values = _values(text)
    if kind not in values:
        values[kind] = make(text)
    return values[kind]


def remember(text: str, kind: Hashable, value: Any) -> None:
    """Note `value` under `kind` for this very string (what it was made from)."""
    _values(text)[kind] = value


def recall(text: str, kind: Hashable) -> Any:
    """What `remember` noted for this string, or None."""
    for seen, values in getattr(_local, "entries", ()):
        if seen is text:
            return values.get(kind)
    return None


def _values(text: str) -> dict[Hashable, Any]:
    entries: list[tuple[str, dict[Hashable, Any]]] | None = getattr(_local, "entries", None)
    if entries is None:
        entries = _local.entries = []
    for seen, values in entries:
        if seen is text:
            return values
    values = {}
    entries.insert(0, (text, values))
    del entries[KEEP:]
    return values
