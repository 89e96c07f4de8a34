"""`localize locales` and `localize explain`."""
from __future__ import annotations

import pytest
import yaml

from localize.rules import all_rules

FIRST_CLASS = ["de-DE", "en-GB", "en-US", "es-ES", "fr-FR", "ja-JP", "zh-CN"]


def test_locales_lists_the_first_class_profiles(invoke):
    r = invoke("locales")
    assert r.exit_code == 0
    rows = [line.split()[0] for line in r.stdout.splitlines() if line and "inherits:" in line]
    assert rows == FIRST_CLASS
    assert "ja-JP    Japanese (Japan)" in r.stdout and "inherits: ja <- root" in r.stdout
    assert "Any other CLDR locale" in r.stdout


def test_locales_all_adds_cldr(invoke):
    r = invoke("locales", "--all")
    assert r.exit_code == 0
    assert " ko-KR " in r.stdout and " pt-BR " in r.stdout


def test_show_prints_the_merged_profile(invoke):
    r = invoke("locales", "--show", "ja-JP")
    assert r.exit_code == 0
    head, _, body = r.stdout.partition("\n")
    assert head == "# ja-JP: Japanese (Japan); merged from ja-JP <- ja <- root"
    data = yaml.safe_load(body)
    assert isinstance(data, dict) and data["name"] == "Japanese (Japan)"
    assert "inherits" not in data


def test_show_a_cldr_locale_without_a_file(invoke):
    r = invoke("locales", "--show", "pt-BR")
    assert r.exit_code == 0
    assert r.stdout.startswith("# pt-BR: Portuguese (Brazil); merged from root")


def test_show_unknown_tag_suggests(invoke):
    r = invoke("locales", "--show", "jp")
    assert r.exit_code == 2
    assert "unknown locale 'jp'; did you mean ja-JP?" in r.stderr


RULE_IDS = sorted(all_rules())


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_explain_every_rule(invoke, rule_id):
    rule = all_rules()[rule_id]
    r = invoke("explain", rule_id)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith(f"{rule_id}: {rule.title}\n")
    assert f"stage: {rule.stage}   severity: {rule.severity.value}" in r.stdout
    assert rule.description.split()[0] in r.stdout
    for ex in rule.examples:
        assert repr(ex.text) in r.stdout


def test_every_rule_is_explained():
    assert "normalise.space-run" in RULE_IDS and "pipeline.edit-conflict" in RULE_IDS


def test_explain_by_the_short_name(invoke):
    r = invoke("explain", "space-run")
    assert r.exit_code == 0
    assert r.stdout.startswith("normalise.space-run: ")


def test_explain_unknown_rule_suggests(invoke):
    r = invoke("explain", "normalise.space-runs")
    assert r.exit_code == 2
    assert "unknown rule 'normalise.space-runs'; did you mean normalise.space-run" in r.stderr


def test_explain_nothing_like_a_rule(invoke):
    r = invoke("explain", "qqqqqqqq")
    assert r.exit_code == 2
    assert "localize explain --list" in r.stderr


@pytest.mark.parametrize("args", [["--list"], []])
def test_explain_list(invoke, args):
    r = invoke("explain", *args)
    assert r.exit_code == 0
    assert [line.split()[0] for line in r.stdout.splitlines()] == RULE_IDS


HOUSE = """rules:
  test-plain-words:
    type: substitution
    title: Plain words
    explanation: Say use, not utilise; it is shorter and every reader knows it at once.
    swap: {utilise: use}
    ignorecase: true
    examples:
      - {text: "We utilise it.\\n", fixed: "We use it.\\n"}
      - {text: "We use it.\\n"}
"""


def test_explain_a_style_rule_says_where_it_is_on(invoke, work):
    (work / "localize.yaml").write_text("overrides:\n  en-GB:\n    validate:\n      rules:\n"
                                        "        doubled-word: {enabled: false}\n", encoding="utf-8")
    r = invoke("explain", "validate.doubled-word")
    assert r.exit_code == 0, r.stderr
    on = next(line for line in r.stdout.splitlines() if line.startswith("On in: "))
    assert "en-US (warning)" in on and "en-GB" not in on
    assert "Off in: en-GB" in r.stdout


def test_explain_and_list_a_house_rule_from_the_configuration(invoke, work):
    (work / "localize.yaml").write_text(HOUSE, encoding="utf-8")
    r = invoke("explain", "test-plain-words")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("validate.test-plain-words: Plain words\n")
    assert "localize.yaml" in r.stdout and "'We utilise it.\\n'" in r.stdout
    assert "validate.test-plain-words" in invoke("explain", "--list").stdout


def test_a_house_rule_whose_example_fails_stops_the_run(invoke, work):
    (work / "localize.yaml").write_text(HOUSE.replace('fixed: "We use it.', 'fixed: "We employ it.'),
                                        encoding="utf-8")
    (work / "a.md").write_text("We utilise the tools.\n", encoding="utf-8")
    r = invoke("run", "-l", "en-GB", "a.md")
    assert r.exit_code == 2
    assert "rules.test-plain-words: example 1" in r.stderr and "'We employ it.\\n'" in r.stderr
    (work / "localize.yaml").write_text(HOUSE, encoding="utf-8")
    r = invoke("run", "-l", "en-GB", "a.md")
    assert r.exit_code == 0 and r.stdout == "We use the tools.\n"
