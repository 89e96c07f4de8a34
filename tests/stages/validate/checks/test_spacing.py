"""Every scanning plan of a spacing rule finds the same spots.

The planner picks a plan by timing them, so which one runs depends on the machine;
the output must not. For every shipped spacing rule, each plan is run on the corpus
articles of the rule's language, the rule's own examples and a few faults, and must
give exactly the spots of the plain pattern.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from localize.stages.validate.catalogue import definitions
from localize.stages.validate.checks.spacing import SpacingChecker
from localize.stages.validate.spec import read_spec

CORPUS = Path(__file__).resolve().parents[3] / "corpus"
FAULTS = ("14h30 et 9 h 5, 14 h 30 « Quoi ?» 2,3 % 5km 18 °C 40\u00a0MW Quoi\u202f? "
          "Word を 東京 Tokyo 10 % 10% 「 括弧 」 12 ℃ 1 234 ; a:b 3 :")
SPACING = [(tag, key, entry) for tag, key, entry in definitions() if entry["type"] == "spacing"]


def _text(tag: str, entry) -> str:
    language = tag.split("-")[0]
    articles = [p.read_text(encoding="utf-8") for folder in sorted(CORPUS.iterdir())
                if folder.name.split("-")[0] == language for p in sorted(folder.glob("*.md"))]
    examples = [ex["text"] for ex in entry.get("examples") or ()]
    return "\n".join(articles + examples + [FAULTS] * 3)


def test_there_are_spacing_rules_to_check():
    assert len(SPACING) >= 10


@pytest.mark.parametrize("tag,key,entry", SPACING, ids=[f"{t}:{k}" for t, k, _ in SPACING])
def test_every_plan_finds_the_plain_patterns_spots(tag, key, entry):
    checker = SpacingChecker(read_spec(key, entry))
    text = _text(tag, entry)
    deadline = time.monotonic() + 60
    plain = list(checker.spots(text, deadline, "plain"))
    for plan in checker.plans:
        assert list(checker.spots(text, deadline, plan)) == plain, plan
