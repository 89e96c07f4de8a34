"""Rules switched off by comments in the article, per path, and by selector."""
from __future__ import annotations

import pytest

import localize
from localize.errors import ConfigError
from localize.pipeline import Pipeline
from localize.suppression import RuleFilter, selected

DOUBLE = "We use the the tools.\n"


def _ids(text, **kw):
    result = localize.localize(text, locale="en-GB", stages=["validate", "normalise"], **kw)
    return result, {c.rule for c in result.changes} | {d.rule for d in result.diagnostics}


@pytest.mark.parametrize("selector, rule, stage, expected", [
    ("validate.doubled-word", "validate.doubled-word", "validate", True),
    ("validate", "validate.doubled-word", "validate", True),
    ("validate.*", "validate.doubled-word", "validate", True),
    ("*", "money.annotation", "money", True),
    ("validate.doubled", "validate.doubled-word", "validate", False),
    ("money", "validate.doubled-word", "validate", False),
])
def test_selectors(selector, rule, stage, expected):
    assert selected(selector, rule, stage) is expected
    assert RuleFilter([selector]).off(rule, stage) is expected


def test_disable_and_enable_a_block():
    text = ("We use the the tools.\n\n<!-- localize-disable validate.doubled-word -->\n"
            "We kept the the quote.\n<!-- localize-enable validate.doubled-word -->\n\nAnd the the end.\n")
    result, _ = _ids(text)
    assert result.text == text.replace("We use the the", "We use the").replace("And the the", "And the")


def test_disable_without_ids_silences_every_rule_until_the_end():
    text = "We use the the tools.\n<!-- localize-disable -->\nA  double  space and the the word.\n"
    result, _ = _ids(text)
    assert result.text == text.replace("We use the the", "We use the")


def test_disable_next_line_and_disable_line():
    text = ("<!-- localize-disable-next-line validate -->\nWe use the the tools.\n"
            "We use the the tools. <!-- localize-disable-line validate.doubled-word -->\n"
            "We use the the tools.\n")
    result, _ = _ids(text)
    lines = result.text.split("\n")
    assert lines[1] == "We use the the tools."
    assert lines[2].startswith("We use the the tools.")
    assert lines[3] == "We use the tools."


def test_a_directive_inside_code_is_only_an_example():
    text = "Write `<!-- localize-disable -->` to silence rules.\n\nWe use the the tools.\n"
    result, _ = _ids(text)
    assert "We use the tools." in result.text


def test_comments_also_silence_other_stages():
    text = "<!-- localize-disable-next-line normalise -->\nA  double space.\nA  double space.\n"
    result, _ = _ids(text)
    assert result.text.split("\n")[1:3] == ["A  double space.", "A double space."]


def test_per_file_ignores_match_paths_like_gitignore(tmp_path):
    cfg = {"per_file_ignores": {"archive/**": ["validate.doubled-word"]}}
    pipeline = Pipeline("en-GB", config=cfg, stages=["validate"])
    assert pipeline.run(DOUBLE, path="archive/2019/a.md").text == DOUBLE
    assert pipeline.run(DOUBLE, path="news/a.md").text == "We use the tools.\n"


def test_disable_rule_accepts_selectors():
    assert Pipeline("en-GB", stages=["validate"], disable_rules=["validate.*"]).run(DOUBLE).text == DOUBLE


def test_per_file_ignores_must_be_lists():
    with pytest.raises(ConfigError, match="per_file_ignores"):
        Pipeline("en-GB", config={"per_file_ignores": {"a/**": "validate"}})
