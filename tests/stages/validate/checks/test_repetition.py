"""Doubled words are looked for only where a word stands twice: the same findings as
the pattern over the whole text."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from localize.stages.validate.checks.repetition import DOUBLED_WORD, _doubled_spans

CORPUS = Path(__file__).resolve().parents[3] / "corpus"


def _in_spans(text):
    return [m.span() for s, e in _doubled_spans(text) for m in DOUBLED_WORD.finditer(text, s, e)]


def _everywhere(text):
    return [m.span() for m in DOUBLED_WORD.finditer(text)]


@pytest.mark.parametrize("text", [
    "The the figures were revised.\n",
    "It was the\nthe end of it.\n",
    "der der der Vertrag\n\nund und\nund so\n",
    'He said "the the deal" was done, the. The end.\n',
    "First paragraph.\n\nNo double here.\n\nA a b.\n",
    "Mixed Case CASE case words.\n",
])
def test_spans_hold_every_double(text):
    assert _in_spans(text) == _everywhere(text)


def test_a_run_over_several_lines_is_one_span():
    text = "Intro.\n\nWe saw der\nder\nder Vertrag here.\n\nEnd.\n"
    (start, end), = _doubled_spans(text)
    assert text[start:end] == "der\nder\nder"


@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["the", "The", "a", "der", "x.", "(the", "the,", "the’s", "-the", "«the»", "/the", " ", "  ", "\n", "\n\n", "\n \n", "\t"]),
                max_size=30))
def test_random_texts(parts):
    text = " ".join(parts)
    assert _in_spans(text) == _everywhere(text)


def test_corpus_with_faults():
    faults = "the the\nder der\n\nle le le\n"
    text = "\n\n".join(p.read_text(encoding="utf-8") + faults for p in sorted(CORPUS.glob("*/*.md")))
    assert _in_spans(text) == _everywhere(text)
    assert len(_everywhere(text)) >= 3 * len(list(CORPUS.glob("*/*.md")))
