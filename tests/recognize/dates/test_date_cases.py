"""The table-driven date cases: every expected span with its data, nothing else."""
from __future__ import annotations

import pytest

from localize.recognize.dates import find_dates

from .cases_lib import LANGUAGES, load, mismatches

CASES = load("dates")


def test_enough_cases_in_every_language():
    counts = {lang: sum(c.language == lang for c in CASES) for lang in LANGUAGES}
    assert sum(counts.values()) >= 200, counts
    assert all(n >= 25 for n in counts.values()), counts
    assert all(any(not c.expect for c in CASES if c.language == lang) for lang in LANGUAGES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case(case):
    found = find_dates(case.text, case.language, case.reference)
    assert [e.text for e in found] == [x["span"] for x in case.expect], case.text
    for want, ent in zip(case.expect, found):
        assert not mismatches(want, ent), (case.text, mismatches(want, ent))
        assert case.text[ent.start:ent.end] == ent.text
