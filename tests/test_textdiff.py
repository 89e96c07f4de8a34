"""minimal_edits: the smallest spans that turn one line into its fixed form."""
from __future__ import annotations

import random

import pytest

from localize.textdiff import minimal_edits


def apply(old: str, spans, offset: int = 0) -> str:
    out, pos = [], 0
    for s, e, r in spans:
        out.append(old[pos:s - offset])
        out.append(r)
        pos = e - offset
    out.append(old[pos:])
    return "".join(out)


def test_no_difference_no_edits():
    assert minimal_edits("same", "same") == []


def test_single_local_fix():
    assert minimal_edits("It isnâ€™t", "It isn’t") == [(6, 9, "’")]


def test_offset_shifts_spans():
    assert minimal_edits("abXd", "abYd", offset=100) == [(102, 103, "Y")]


def test_neighbouring_fixes_merge_within_the_gap():
    assert minimal_edits("Ã©tÃ©", "été") == [(0, 5, "été")]
    assert minimal_edits("aXbYc", "a1b2c", merge_gap=0) == [(1, 2, "1"), (3, 4, "2")]
    assert minimal_edits("aXbbYc", "a1bb2c", merge_gap=1) == [(1, 2, "1"), (4, 5, "2")]


def test_insertions_and_deletions():
    assert minimal_edits("abc", "abXc") == [(2, 2, "X")]
    assert minimal_edits("abXc", "abc") == [(2, 3, "")]


@pytest.mark.parametrize("seed", range(30))
def test_applying_the_edits_gives_the_new_text(seed):
    rng = random.Random(seed)
    old = "".join(rng.choice("abcé ’Ã©") for _ in range(rng.randint(0, 30)))
    new = list(old)
    for _ in range(rng.randint(0, 5)):
        i = rng.randint(0, len(new))
        if new and rng.random() < 0.5:
            del new[min(i, len(new) - 1)]
        else:
            new.insert(i, rng.choice("xyz’"))
    new = "".join(new)
    spans = minimal_edits(old, new, offset=7)
    assert apply(old, spans, offset=7) == new
    assert all(s <= e for s, e, _ in spans)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))
