"""normalise.nfc: compose decomposed text, minimally."""
from __future__ import annotations

import unicodedata

import pytest

RULE = "normalise.nfc"


def test_decomposed_text_is_composed(normalise):
    result = normalise("Cafe\u0301 Ame\u0301lie\n")
    assert result.text == "Café Amélie\n"
    assert [c.rule for c in result.changes] == [RULE, RULE]
    assert [(c.before, c.after) for c in result.changes] == [("e\u0301", "é"), ("e\u0301", "é")]
    assert [c.column for c in result.changes] == [4, 9]
    # Output columns count the composed characters.
    assert [c.output_start.column for c in result.changes] == [4, 8]


@pytest.mark.parametrize("text", [
    "Café Amélie, naïve, Ærø\n",
    "한국어 텍스트\n",
    "ガギグゲゴ パピプペポ\n",
    "Ångström in NFC\n",
])
def test_composed_text_is_left_alone(normalise, text):
    assert unicodedata.is_normalized("NFC", text)
    result = normalise(text)
    assert result.text is text and result.changes == []


def test_hangul_jamo_and_kana_voicing_compose(normalise):
    jamo = unicodedata.normalize("NFD", "한국")
    kana = unicodedata.normalize("NFD", "ガイド")
    result = normalise(f"{jamo} {kana}\n", locale="ja-JP")
    assert result.text == "한국 ガイド\n"
    assert {c.rule for c in result.changes} == {RULE}


def test_code_is_not_normalised(normalise):
    text = "`Cafe\u0301`\n\n    cafe\u0301\n"
    assert normalise(text).text == text


def test_nfc_can_be_switched_off(normalise):
    config = {"overrides": {"*": {"normalise": {"unicode_form": "none"}}}}
    text = "Cafe\u0301\n"
    assert normalise(text, config=config).text is text


def test_singleton_decompositions_are_reported(normalise):
    # U+212B ANGSTROM SIGN is NFC-normalised to U+00C5.
    result = normalise("10 \u212b\n")
    assert result.text == "10 \u00c5\n"
    assert result.changes[0].rule == RULE
