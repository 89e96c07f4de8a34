"""Loading and scoring the table-driven date cases (tests/recognize/dates/cases/*.yaml).

A case passes when the spans found are exactly the spans expected (in order) and every
data key an expectation lists has that value. `python -m tests.recognize.dates.score`
prints precision, recall and F1 per language.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CASES = Path(__file__).parent / "cases"
LANGUAGES = ("en", "ja", "de", "fr", "es", "zh")
REFERENCE = _dt.date(2026, 6, 14)


@dataclass
class Case:
    file: str
    index: int
    language: str
    text: str
    expect: list[dict[str, Any]]
    reference: _dt.date

    @property
    def id(self) -> str:
        return f"{self.file}#{self.index}"


def load(prefix: str = "dates") -> list[Case]:
    out = []
    for path in sorted(CASES.glob(f"{prefix}_*.yaml")):
        language = path.stem.split("_", 1)[1]
        for i, item in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
            ref = item.get("reference", REFERENCE)
            out.append(Case(path.name, i, language, item["text"], item.get("expect") or [],
                            ref if isinstance(ref, _dt.date) else _dt.date.fromisoformat(ref)))
    return out


def mismatches(expect: dict, entity) -> list[str]:
    """The listed keys whose value differs from what was found."""
    bad = []
    for key, want in expect.items():
        if key == "span":
            got = entity.text
        else:
            got = entity.data.get(key)
            if isinstance(want, _dt.date):
                want = want.isoformat()
        if got != want:
            bad.append(f"{key}: expected {want!r}, got {got!r}")
    return bad


def score(cases: list[Case]) -> dict[str, tuple[int, int, int]]:
    """language -> (true positives, false positives, false negatives); a found date
    counts as true only when its span and every listed key are right."""
    from localize.recognize.dates import find_dates
    out: dict[str, list[int]] = {}
    for case in cases:
        tally = out.setdefault(case.language, [0, 0, 0])
        found = find_dates(case.text, case.language, case.reference)
        unmatched = list(case.expect)
        for ent in found:
            hit = next((e for e in unmatched if not mismatches(e, ent)), None)
            if hit is None:
                tally[1] += 1
            else:
                tally[0] += 1
                unmatched.remove(hit)
        tally[2] += len(unmatched)
    return {k: tuple(v) for k, v in out.items()}
