"""The prefilter changes how much text a pattern scans, never what it finds."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from localize.stages.validate.catalogue import definitions
from localize.stages.validate.checks import gate as gate_module
from localize.stages.validate.checks.gate import Gate
from localize.stages.validate.checks.matching import build_matching
from localize.stages.validate.spec import read_spec

CORPUS = Path(__file__).resolve().parents[3] / "corpus"
MATCHING = [(tag, key, entry) for tag, key, entry in definitions()
            if entry["type"] in ("existence", "leftover", "substitution", "script", "punctuation")]


def _text(tag: str, entry) -> str:
    language = tag.split("-")[0]
    articles = [p.read_text(encoding="utf-8") for folder in sorted(CORPUS.iterdir())
                if folder.name.split("-")[0] in (language, "en") for p in sorted(folder.glob("*.md"))]
    examples = [ex["text"] for ex in entry.get("examples") or ()]
    # Examples between articles and glued to them, so windows start and end everywhere.
    return "\n\n".join(a + e for a, e in zip(articles * 3, examples * 10)) + "\n\n" + "\n".join(examples)


def _hits(checker, text):
    return [(h.start, h.end, h.fixes) for h in checker.find(text, time.monotonic() + 60)]


def test_most_shipped_patterns_have_literals():
    gate = Gate()
    checkers = [build_matching(read_spec(key, entry), gate) for _tag, key, entry in MATCHING]
    gated = sum(n is not None for c in checkers for n in c.gated)
    assert gated >= 0.5 * sum(len(c.gated) for c in checkers)


@pytest.mark.parametrize("tag,key,entry", MATCHING, ids=[f"{t}:{k}" for t, k, _ in MATCHING])
def test_gated_rule_finds_what_the_full_scan_finds(tag, key, entry, monkeypatch):
    monkeypatch.setattr(gate_module, "WHOLE", 2.0)  # always windows, however many
    spec = read_spec(key, entry)
    gate = Gate()
    gated = build_matching(spec, gate)
    gate.seal()
    text = _text(tag, entry)
    assert _hits(gated, text) == _hits(build_matching(spec), text)


def test_a_pattern_whose_literal_is_absent_scans_nothing():
    gate = Gate()
    number = gate.register(frozenset({"yen"}))
    gate.seal()
    assert gate.windows("No such currency here.\n\nNor here.\n", number) == []


def test_windows_are_the_paragraphs_holding_a_literal():
    gate = Gate()
    number = gate.register(frozenset({"yen"}))
    gate.seal()
    filler = "Nothing to see. " * 10
    text = f"{filler}\n\nIt cost 5 YEN.\nStill here.\n\n{filler}\n\nMore Yen, yen.\n"
    spans = gate.windows(text, number)
    assert [text[s:e] for s, e in spans] == ["It cost 5 YEN.\nStill here.\n", "More Yen, yen.\n"]


def test_windows_give_way_to_one_scan_when_they_cover_most_of_the_text():
    gate = Gate()
    number = gate.register(frozenset({"a"}))
    gate.seal()
    assert gate.windows("a b\n\nc a\n\nd", number) is None
