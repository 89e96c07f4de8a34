"""The terminology stage through the pipeline, on a test glossary."""
from __future__ import annotations

import pytest

import localize
from localize.errors import LocalizeError
from localize.stages.terminology import RULES
from localize.stages.terminology.policy import glossary_paths


def rules_of(result):
    return [c.rule for c in result.changes] + [d.rule for d in result.diagnostics]


def test_sibling_spelling_replaced_with_concept_and_file(run_terms, glossary_file):
    r = run_terms("The new color is bold.\n")
    assert r.text == "The new colour is bold.\n"
    [change] = r.changes
    assert change.rule == "terminology.deprecated"
    assert change.data["concept"] == "colour" and change.data["glossary"] == glossary_file
    assert change.data["preferred"] == "colour"
    assert "colour" in change.reason and "test-terms.yaml" in change.reason


def test_reverse_direction_for_en_us(run_terms):
    assert run_terms("The new colour is bold.\n", "en-US").text == "The new color is bold.\n"


def test_capitals_and_inflection_are_kept(run_terms):
    text = "Colors matter. COLORS matter. The color's tone and the colors' tones.\n"
    assert run_terms(text).text == \
        "Colours matter. COLOURS matter. The colour's tone and the colours' tones.\n"
    assert run_terms("# Cloud Offerings Grow\n").text == "# Cloud Services Grow\n"


def test_plural_of_the_preferred_term(run_terms):
    r = run_terms("Two cloud offerings launched.\n", "en-US")
    assert r.text == "Two cloud services launched.\n"


def test_season_word_only_in_context(run_terms):
    text = "Prices fall when supply rises. Sales peak in the fall. Launch in fall 2026.\n"
    assert run_terms(text).text == \
        "Prices fall when supply rises. Sales peak in the autumn. Launch in autumn 2026.\n"


def test_forbidden_term_is_an_error_and_replaced(run_terms):
    r = run_terms("The cloud thingy failed.\n", "en-US")
    assert r.text == "The cloud service failed.\n"
    assert rules_of(r) == ["terminology.forbidden"]
    r = run_terms("ジェネAIの時代。\n", "ja-JP")
    assert r.text == "生成AIの時代。\n" and rules_of(r) == ["terminology.forbidden"]


def test_deprecated_cjk_term(run_terms):
    r = run_terms("ジェネレーティブAIを導入した。\n", "ja-JP")
    assert r.text == "生成AIを導入した。\n"
    assert rules_of(r) == ["terminology.deprecated"]


def test_do_not_translate_brand_restored(run_terms):
    r = run_terms("アンソロピックは発表した。\n", "ja-JP")
    assert r.text == "Anthropicは発表した。\n"
    [change] = r.changes
    assert change.rule == "terminology.do-not-translate" and change.data["concept"] == "anthropic"


def test_consistency_warning_for_mixed_admitted_variants(run_terms):
    r = run_terms("A large language model is big. This LLM is big.\n", "en-US")
    assert r.text == "A large language model is big. This LLM is big.\n"
    [d] = r.diagnostics
    assert d.rule == "terminology.consistency" and d.severity.value == "warning"
    assert r.text[d.output_start.offset:d.output_end.offset] == "LLM"
    assert "large language model" in d.message
    assert run_terms("This LLM is big. That LLM is bigger.\n", "en-US").diagnostics == []


def test_replaced_term_counts_as_preferred_for_consistency(run_terms):
    r = run_terms("The cloud offering and the cloud service.\n", "en-US")
    assert r.text == "The cloud service and the cloud service.\n"
    assert rules_of(r) == ["terminology.deprecated"]


def test_deprecated_without_preferred_is_reported_not_changed(run_terms):
    r = run_terms("A gizmo.\n", "en-US")
    assert r.text == "A gizmo.\n"
    assert rules_of(r) == ["terminology.deprecated"]


def test_protected_regions_untouched(run_terms):
    text = ("The color `color` and [color](https://example.com/color) and\n\n"
            "```\ncolor\n```\n<span class=\"color\">x</span>\n")
    r = run_terms(text)
    assert r.text == text.replace("The color", "The colour").replace("[color]", "[colour]")


def test_no_op_is_byte_for_byte_and_idempotent(run_terms):
    text = "The colour is bold.\r\nPrices fall.\r\n"
    assert run_terms(text).text == text
    once = run_terms("Colors in the fall.\n").text
    assert run_terms(once).text == once


def test_no_glossary_no_work(run_terms):
    assert run_terms("The new color.\n", glossaries=[]).text == "The new color.\n"


def test_unknown_shipped_glossary_is_a_clear_error(run_terms):
    with pytest.raises(LocalizeError, match="no-such-glossary"):
        run_terms("text\n", glossaries=["no-such-glossary"])


def test_missing_glossary_path_is_a_clear_error(run_terms, tmp_path):
    with pytest.raises(LocalizeError, match="cannot read glossary"):
        run_terms("text\n", glossaries=[str(tmp_path / "missing.yaml")])


def test_glossary_paths_order_and_resolution(tmp_path, glossary_file):
    from localize.config import Config
    from localize.pipeline import Context
    from localize.profiles.loader import load_profile
    (tmp_path / "house.csv").write_text("x", encoding="utf-8")
    config = Config(path=str(tmp_path / "localize.yaml"), glossaries=("house.csv", glossary_file))
    ctx = Context(load_profile("ja-JP"), config)
    assert glossary_paths(ctx) == [str((tmp_path / "house.csv").resolve()),
                                   str((tmp_path / "test-terms.yaml").resolve())]


def test_house_glossary_takes_precedence(run_terms, glossary_file, tmp_path):
    house = tmp_path / "house.yaml"
    house.write_text("glossary:\n  name: house\nconcepts:\n  - id: colour\n    terms:\n"
                     "      en-GB: [{term: hue}]\n", encoding="utf-8")
    assert run_terms("The color.\n", glossaries=[str(house), glossary_file]).text == "The color.\n"
    assert run_terms("The colour.\n", glossaries=[str(house), glossary_file]).text == "The colour.\n"


def test_edited_glossary_is_compiled_again(run_terms, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text("concepts:\n  - id: a\n    terms:\n      en: [{term: foo}, {term: bar, status: deprecated}]\n",
                    encoding="utf-8")
    assert run_terms("bar\n", "en-US", [str(path)]).text == "foo\n"
    path.write_text("concepts:\n  - id: a\n    terms:\n      en: [{term: baz}, {term: bar, status: deprecated}]\n",
                    encoding="utf-8")
    import os
    os.utime(path, ns=(1, 1))   # a different stamp even on a coarse clock
    assert run_terms("bar\n", "en-US", [str(path)]).text == "baz\n"


@pytest.mark.parametrize("rule, index, example",
                         [pytest.param(r, i, e, id=f"{r.id}[{i}]") for r in RULES
                          for i, e in enumerate(r.examples)])
def test_rule_examples(rule, index, example):
    """The documented examples (on the shipped glossaries), as tests/test_rules.py runs
    them once the stage is registered."""
    result = localize.localize(example.text, locale=example.locale, format=example.format,
                               config=example.config, stages=["terminology"])
    ids = set(rules_of(result))
    if example.fixed is not None:
        assert result.text == example.fixed
        assert rule.id in ids
        again = localize.localize(result.text, locale=example.locale, config=example.config,
                                  stages=["terminology"])
        assert again.text == result.text
    elif example.flags:
        assert result.text == example.text and rule.id in ids
    else:
        assert rule.id not in ids


def test_article_follows_the_replacement(tmp_path, run_terms):
    path = tmp_path / "flat.yaml"
    path.write_text("concepts:\n  - id: flat\n    terms:\n      en-US: [{term: apartment}]\n"
                    "      en-GB: [{term: flat}]\n  - id: oven\n    terms:\n"
                    "      en-US: [{term: stove}]\n      en-GB: [{term: oven}]\n", encoding="utf-8")
    run = lambda text, locale="en-GB": run_terms(text, locale, [str(path)]).text  # noqa: E731
    assert run("An apartment and a stove. Rent an apartment.\n") == \
        "A flat and an oven. Rent a flat.\n"
    assert run("A flat and an oven.\n", "en-US") == "An apartment and a stove.\n"
    # An article that did not follow the spelling rule is left to the writer.
    assert run("a apartment\n") == "a flat\n"
