"""Every rule is documented with examples, and every example holds."""
from __future__ import annotations

import re

import pytest

import localize
from localize.edits import CONFLICT_RULE, PROTECTED_RULE, Severity
from localize.rules import PIPELINE_RULES, all_rules, find_rule, rule_for
from localize.stages import STAGE_MODULES, STAGE_ORDER

RULES = all_rules()
CASES = [pytest.param(rule, i, example, id=f"{rule.id}[{i}]")
         for rule in RULES.values() for i, example in enumerate(rule.examples)]


@pytest.mark.parametrize("rule, index, example", CASES)
def test_rule_example(rule, index, example):
    result = localize.localize(example.text, locale=example.locale, format=example.format,
                               config=example.config, stages=[rule.stage])
    ids = {c.rule for c in result.changes} | {d.rule for d in result.diagnostics}
    if example.fixed is not None:
        assert result.text == example.fixed
        assert rule.id in ids, f"{rule.id} did not fire on {example.text!r}"
        if rule.fixable:
            assert rule.id in {c.rule for c in result.changes}
        # The fixed text is settled: running again changes nothing.
        again = localize.localize(result.text, locale=example.locale, format=example.format,
                                  config=example.config, stages=[rule.stage])
        assert again.text == result.text
    elif example.flags:
        assert result.text == example.text, f"{rule.id} only reports; it must not change {example.text!r}"
        assert rule.id in ids, f"{rule.id} did not report {example.text!r}"
    else:
        assert rule.id not in ids, f"{rule.id} fired on {example.text!r}, which it must leave alone"


@pytest.mark.parametrize("rule", [r for r in RULES.values() if r.stage != "pipeline"], ids=lambda r: r.id)
def test_every_stage_rule_proves_it_fires_and_holds_back(rule):
    assert any(e.fires for e in rule.examples), f"{rule.id}: no example where it fires"
    assert any(not e.fires for e in rule.examples), f"{rule.id}: no example it leaves alone"


@pytest.mark.parametrize("rule", list(RULES.values()), ids=lambda r: r.id)
def test_rule_documentation(rule):
    assert re.fullmatch(r"[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*", rule.id), rule.id
    assert rule.id.split(".")[0] == rule.stage
    assert rule.stage in STAGE_ORDER or rule.stage == "pipeline"
    assert isinstance(rule.severity, Severity)
    assert rule.title and rule.title[0].isupper() and not rule.title.endswith(".")
    assert len(rule.description) >= 60 and rule.description.rstrip().endswith(".")


def test_rule_ids_are_unique_across_stages():
    seen: dict[str, str] = {}
    from importlib import import_module
    for stage, module in STAGE_MODULES.items():
        for rule in import_module(module).RULES:
            assert rule.id not in seen, f"{rule.id} defined in {seen.get(rule.id)} and {stage}"
            seen[rule.id] = stage
    for rule in PIPELINE_RULES:
        assert rule.id not in seen


def test_pipeline_rules_are_documented():
    assert find_rule(CONFLICT_RULE).severity is Severity.INFO
    assert find_rule(PROTECTED_RULE).severity is Severity.WARNING
    assert rule_for("normalise", CONFLICT_RULE) is find_rule(CONFLICT_RULE)


def test_rule_for_looks_only_in_the_named_stage():
    assert rule_for("normalise", "normalise.mojibake") is RULES["normalise.mojibake"]
    assert rule_for("normalise", "no.such-rule") is None
    assert rule_for("nonexistent", "normalise.mojibake") is None
    assert find_rule("no.such-rule") is None


def test_every_rule_id_the_normalise_stage_emits_is_documented():
    """A document with every normalise problem at once: all the ids it yields exist."""
    text = ("# Title  \n\nCafÃ© \x07Open\u200bAI Cafe\u0301  bar   \nｶﾀｶﾅ｡ ＡＩ\n\n\n\n"
            "Comments\n\n\n")
    result = localize.localize(text, locale="ja-JP", config={"boilerplate": ["Comments"]},
                               stages=["normalise"])
    ids = {c.rule for c in result.changes}
    fixing = {r.id for r in RULES.values() if r.stage == "normalise" and r.fixable}
    assert ids == fixing
    assert ids <= set(RULES)
    # Report-only normalise rules: a leftover the repair declines to touch.
    left = localize.localize("The café sold Â¥920 of coffee.\n", locale="en-US", stages=["normalise"])
    reported = {d.rule for d in left.diagnostics}
    assert reported == {r.id for r in RULES.values() if r.stage == "normalise" and not r.fixable}
