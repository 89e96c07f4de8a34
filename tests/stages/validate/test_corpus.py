"""False positives are bugs: each shipped rule set finds nothing on well-formed
articles written in its locale's house style (tests/corpus/<locale>/*.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

import localize

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
FIRST_CLASS = ("en-US", "en-GB", "ja-JP", "de-DE", "fr-FR", "es-ES", "zh-CN")
ARTICLES = sorted(CORPUS.glob("*/*.md"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_well_formed_article_has_no_style_findings(path):
    text = path.read_text(encoding="utf-8")
    result = localize.localize(text, locale=path.parent.name, stages=["validate"])
    found = [(d.line, d.column, d.rule, d.message) for d in result.findings()]
    assert found == []
    assert result.text == text


@pytest.mark.parametrize("locale", FIRST_CLASS)
def test_every_first_class_locale_has_a_corpus(locale):
    articles = list((CORPUS / locale).glob("*.md"))
    assert len(articles) >= 2, f"tests/corpus/{locale} needs at least two articles"
    # Long enough to exercise the rules: about 250 words, or 600 characters of CJK.
    assert all(len(a.read_text(encoding="utf-8")) >= 600 for a in articles)
