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
    for _tag, key, entry in MATCHING:
        build_matching(read_spec(key, entry), gate)
    sets = gate._literals()
    assert sum(found is not None for found in sets) >= 0.5 * len(sets)


@pytest.mark.parametrize("tag,key,entry", MATCHING, ids=[f"{t}:{k}" for t, k, _ in MATCHING])
def test_gated_rule_finds_what_the_full_scan_finds(tag, key, entry, monkeypatch):
    monkeypatch.setattr(gate_module, "WHOLE", 2.0)  # always windows, however many
    monkeypatch.setattr(gate_module, "MIN_TEXT", 0)  # and however short the text
    spec = read_spec(key, entry)
    gate = Gate()
    gated = build_matching(spec, gate)
    text = _text(tag, entry)
    assert _hits(gated, text) == _hits(build_matching(spec), text)


@pytest.fixture
def short_texts_too(monkeypatch):
    monkeypatch.setattr(gate_module, "MIN_TEXT", 0)


def test_a_pattern_whose_literal_is_absent_scans_nothing(short_texts_too):
    gate = Gate()
    number = gate.register(r"\d+ yen")
    assert gate.windows("No such currency here.\n\nNor here.\n", number) == []


def test_windows_are_the_paragraphs_holding_a_literal(short_texts_too):
    gate = Gate()
    number = gate.register(r"\d+ yen")
    filler = "Nothing to see. " * 10
    text = f"{filler}\n\nIt cost 5 YEN.\nStill here.\n\n{filler}\n\nMore Yen, yen.\n"
    spans = gate.windows(text, number)
    assert [text[s:e] for s, e in spans] == ["It cost 5 YEN.\nStill here.\n", "More Yen, yen.\n"]


def test_windows_give_way_to_one_scan_when_they_cover_most_of_the_text(short_texts_too):
    gate = Gate()
    number = gate.register("a")
    assert gate.windows("a b\n\nc a\n\nd", number) is None


def test_a_short_text_is_scanned_whole_without_reading_the_literals():
    gate = Gate()
    number = gate.register(r"\d+ yen")
    assert gate.windows("It cost 5 euros.\n", number) is None
    assert gate._sets is None  # nothing built for a short article


def test_a_pattern_without_literals_scans_the_whole_text(short_texts_too):
    gate = Gate()
    number = gate.register(r"\p{Lu}\p{Ll}+")
    assert gate.windows("Some Text here.\n\n" + "x" * 100, number) is None
