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
KEEP = 3  # texts remembered: one per scope (prose, headings, all)

_local = threading.local()


def derived(text: str, kind: Hashable, make: Callable[[str], T]) -> T:
    """`make(text)`, remembered under `kind` for this very string."""
    entries: list[tuple[str, dict[Hashable, Any]]] | None = getattr(_local, "entries", None)
    if entries is None:
        entries = _local.entries = []
    for seen, values in entries:
        if seen is text:
            break
    else:
        values = {}
        entries.insert(0, (text, values))
        del entries[KEEP:]
    if kind not in values:
        values[kind] = make(text)
    return values[kind]
