"""normalise width rules: on for ja/zh, off elsewhere."""
from __future__ import annotations

import pytest

ALNUM = "normalise.fullwidth-alnum"
KANA = "normalise.halfwidth-katakana"
PUNCT = "normalise.halfwidth-punctuation"


@pytest.mark.parametrize("locale", ["ja-JP", "zh-CN"])
def test_fullwidth_letters_and_digits_become_halfwidth(normalise, locale):
    result = normalise("ＡＩ市場は２０２６年に拡大\n", locale=locale)
    assert result.text == "AI市場は2026年に拡大\n"
    assert [(c.rule, c.before, c.after) for c in result.changes] == [
        (ALNUM, "ＡＩ", "AI"), (ALNUM, "２０２６", "2026")]


@pytest.mark.parametrize("fw, hw", [
    ("１，０００億円", "1,000億円"),
    ("３．５％", "3.5％"),
    ("１，２３４．５６", "1,234.56"),
    ("ＡＢＣ，ＤＥＦ", "ABC，DEF"),      # a comma between letters is punctuation
    ("１，", "1，"),                    # a trailing separator is punctuation
    ("，１", "，1"),
])
def test_fullwidth_digit_separators(normalise, fw, hw):
    assert normalise(fw + "\n", locale="ja-JP").text == hw + "\n"


def test_halfwidth_katakana_become_fullwidth_with_voicing(normalise):
    result = normalise("ｸﾗｳﾄﾞｻｰﾋﾞｽとﾊﾟｿｺﾝ\n", locale="ja-JP")
    assert result.text == "クラウドサービスとパソコン\n"
    assert {c.rule for c in result.changes} == {KANA}


def test_lone_halfwidth_voicing_mark_composes_with_fullwidth_kana(normalise):
    result = normalise("カﾞイド\n", locale="ja-JP")
    assert result.text == "ガイド\n"
    assert normalise(result.text, locale="ja-JP").changes == []


def test_halfwidth_punctuation(normalise):
    result = normalise("ｶﾒﾗ｢新製品｣を発表した｡価格､未定\n", locale="ja-JP")
    assert result.text == "カメラ「新製品」を発表した。価格、未定\n"
    assert {c.rule for c in result.changes} == {KANA, PUNCT}
    assert sum(c.rule == PUNCT for c in result.changes) == 4


@pytest.mark.parametrize("locale", ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES"])
def test_width_rules_are_off_outside_cjk(normalise, locale):
    text = "ＡＩ and ｶﾀｶﾅ｡ １，０００\n"
    result = normalise(text, locale=locale)
    assert result.text is text and result.changes == []


def test_correct_japanese_is_left_alone(normalise):
    text = "AI市場は1,000億円規模。クラウドサービス「新製品」、全角スペース　も保持。\n"
    result = normalise(text, locale="ja-JP")
    assert result.text is text and result.changes == []


def test_code_and_urls_keep_their_width(normalise):
    text = "`ＡＩ` https://example.jp/ＡＩ\n\n    ｶﾀｶﾅ\n"
    assert normalise(text, locale="ja-JP").text == text


def test_each_width_rule_can_be_switched_off(normalise):
    config = {"overrides": {"ja": {"normalise": {"width": {"halfwidth_katakana_to_fullwidth": False}}}}}
    result = normalise("ＡＩとｶﾀｶﾅ｡\n", locale="ja-JP", config=config)
    assert result.text == "AIとｶﾀｶﾅ。\n"
    assert {c.rule for c in result.changes} == {ALNUM, PUNCT}


def test_reason_names_the_profile(normalise):
    result = normalise("ＡＩ\n", locale="ja-JP")
    assert "ja-JP" in result.changes[0].reason
