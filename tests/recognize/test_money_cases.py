"""The table-driven money cases: every case must come out exactly as written."""
from __future__ import annotations

from collections import Counter

import pytest

from localize.recognize import extract

from .cases_lib import LANGUAGES, expected_tuple, found_tuple, load, score

CASES = load("money")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case):
    found = extract(case.text, language=case.language, config=case.config)
    assert [found_tuple(e) for e in found] == [expected_tuple(e) for e in case.expect]
    for e in found:  # the span is where the text says it is
        assert case.text[e.start:e.end] == e.text


def test_case_set_is_large_and_covers_every_language():
    per_language = Counter(c.file.split("_", 1)[1].split(".")[0] for c in CASES)
    assert set(per_language) == set(LANGUAGES)
    assert sum(per_language.values()) >= 200
    assert all(n >= 30 for n in per_language.values()), per_language
    negatives = sum(1 for c in CASES if not c.expect)
    assert negatives >= 40


def test_scores_are_perfect_on_the_case_set():
    scores = score(CASES)
    for lang, s in scores.items():
        assert s.f1 == 1.0, (lang, s.failures[:5])
