"""Loading and scoring the table-driven money cases (tests/recognize/cases/*.yaml).

Used by the tests and by `python tests/recognize/score_cases.py`, which prints
precision, recall and F1 per language.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

CASES = Path(__file__).parent / "cases"
LANGUAGES = ("en", "ja", "de", "fr", "es", "zh")
FLAGS = ("approximate", "upper_bound")


@dataclass
class Case:
    file: str
    index: int
    language: str
    text: str
    expect: list[dict[str, Any]]
    config: dict | None = None

    @property
    def id(self) -> str:
        return f"{self.file}#{self.index}"


def load(prefix: str = "money") -> list[Case]:
    cases = []
    for path in sorted(CASES.glob(f"{prefix}_*.yaml")):
        language = path.stem.split("_", 1)[1]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, item in enumerate(data):
            cases.append(Case(path.name, i, item.get("language", language), item["text"],
                              item.get("expect") or [], item.get("config")))
    return cases


def expected_tuple(exp: dict) -> tuple:
    low = exp.get("low")
    return (exp["span"], Decimal(str(exp["value"])) if exp.get("value") is not None else None,
            exp.get("currency"), bool(exp.get("approximate", False)),
            bool(exp.get("upper_bound", False)), Decimal(str(low)) if low is not None else None)


def found_tuple(entity) -> tuple:
    return (entity.text, entity.value, entity.currency, entity.approximate, entity.upper_bound,
            entity.low)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    cases: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(cases: list[Case], strict: bool = True) -> dict[str, Score]:
    """A found amount counts as right when span, value and currency (and, if `strict`,
    the flags and the range's low end) all match an expected one."""
    from localize.recognize import extract
    out: dict[str, Score] = {}
    for case in cases:
        s = out.setdefault(case.file.split("_", 1)[1].split(".")[0], Score())
        s.cases += 1
        width = 6 if strict else 3
        want = [expected_tuple(e)[:width] for e in case.expect]
        got = [found_tuple(e)[:width] for e in extract(case.text, language=case.language,
                                                      config=case.config)]
        remaining = list(want)
        for g in got:
            if g in remaining:
                remaining.remove(g)
                s.tp += 1
            else:
                s.fp += 1
                s.failures.append(f"{case.id}: unexpected {g}")
        s.fn += len(remaining)
        s.failures.extend(f"{case.id}: missed {r}" for r in remaining)
    return out
