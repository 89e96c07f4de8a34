"""Turn "old line -> fixed line" into the smallest edits, so a change report shows the
two characters that were fixed rather than the whole line."""
from __future__ import annotations

from difflib import SequenceMatcher


def minimal_edits(old: str, new: str, offset: int = 0, merge_gap: int = 1) -> list[tuple[int, int, str]]:
    """(start, end, replacement) spans, in `old` coordinates shifted by `offset`.

    Neighbouring differences separated by at most `merge_gap` unchanged characters are
    merged: "Ã©tÃ©" -> "été" reads better as one fix than as four.
    """
    if old == new:
        return []
    # Trim the common prefix and suffix first: most fixes are local, and SequenceMatcher
    # is quadratic in the worst case.
    p = 0
    limit = min(len(old), len(new))
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[len(old) - 1 - s] == new[len(new) - 1 - s]:
        s += 1
    a, b = old[p:len(old) - s], new[p:len(new) - s]
    spans: list[list] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if spans and i1 - spans[-1][1] <= merge_gap:
            spans[-1][1] = i2
            spans[-1][3] = j2
        else:
            spans.append([i1, i2, j1, j2])
    return [(offset + p + i1, offset + p + i2, b[j1:j2]) for i1, i2, j1, j2 in spans]
