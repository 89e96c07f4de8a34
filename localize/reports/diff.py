"""Unified diffs that `patch` and `git apply` accept, down to the last line."""
from __future__ import annotations

import difflib

NO_NEWLINE = "\\ No newline at end of file\n"


def unified(old: str, new: str, name: str) -> str:
    """A unified diff of `old` -> `new` labelled a/NAME, b/NAME; empty when equal."""
    if old == new:
        return ""
    out = []
    for line in difflib.unified_diff(_lines(old), _lines(new), fromfile=f"a/{name}", tofile=f"b/{name}"):
        out.append(line if line.endswith("\n") else line + "\n" + NO_NEWLINE)
    return "".join(out)


def _lines(text: str) -> list[str]:
    # Split on LF only: str.splitlines() would also split on U+2028, form feeds and
    # lone CRs, which are ordinary characters inside a line to diff and patch.
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines
