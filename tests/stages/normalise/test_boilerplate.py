"""normalise.boilerplate: configured whole lines of page residue, nothing else."""
from __future__ import annotations

import pytest

RULE = "normalise.boilerplate"
CONFIG = {"boilerplate": ["Comments", "Log in to comment", r"Share on \w+"]}

ARTICLE = ("# Harbour reopens\n\nThe harbour reopened on Monday.\n\n"
           "Share on Mastodon\n\nComments\nLog in to comment\n")


def test_nothing_is_removed_without_configuration(normalise):
    result = normalise(ARTICLE)
    assert result.text == ARTICLE
    assert result.changes == []


def test_configured_lines_are_removed(normalise):
    result = normalise(ARTICLE, config=CONFIG)
    assert result.text == "# Harbour reopens\n\nThe harbour reopened on Monday.\n"
    removed = [c for c in result.changes if c.rule == RULE]
    assert [c.before for c in removed] == ["Share on Mastodon\n", "Comments\n", "Log in to comment\n"]
    assert all(c.after == "" and c.stage == "normalise" for c in removed)
    assert [c.line for c in removed] == [5, 7, 8]
    assert "Share on" in removed[0].reason


def test_only_whole_lines_match(normalise):
    text = ("Comments from readers were mixed.\nNo Comments\n"
            "See `Comments`\n> Comments\n- Comments\n")
    result = normalise(text, config=CONFIG)
    assert result.text == text
    assert not [c for c in result.changes if c.rule == RULE]


def test_surrounding_spaces_do_not_hide_a_line(normalise):
    result = normalise("Story.\n\n   Comments  \n", config=CONFIG)
    assert result.text == "Story.\n"
    assert RULE in {c.rule for c in result.changes}


def test_last_line_without_newline(normalise):
    result = normalise("Story.\nComments", config=CONFIG)
    assert result.text == "Story.\n"


def test_lines_inside_code_are_left_alone(normalise):
    text = "Story.\n\n```\nComments\n```\n\n    Comments\n"
    result = normalise(text, config=CONFIG)
    assert result.text == text


def test_profile_patterns_also_apply(normalise):
    config = {"overrides": {"en-US": {"normalise": {"boilerplate": ["Advertisement"]}}}}
    result = normalise("Story.\n\nAdvertisement\n\nMore story.\n", config=config)
    assert result.text == "Story.\n\nMore story.\n"
    other = normalise("Story.\n\nAdvertisement\n", locale="en-GB", config=config)
    assert "Advertisement" in other.text


@pytest.mark.parametrize("locale", ["en-US", "ja-JP", "de-DE"])
def test_boilerplate_removal_is_idempotent(normalise, locale):
    once = normalise(ARTICLE, locale=locale, config=CONFIG).text
    twice = normalise(once, locale=locale, config=CONFIG)
    assert twice.text == once and twice.changes == []


def test_removal_never_turns_a_paragraph_line_into_code(normalise):
    # "    continued" continues the paragraph "Comments" starts; without that line it
    # would become an indented code block.
    text = "Intro.\n\nComments\n    continued line\n"
    result = normalise(text, config=CONFIG)
    assert result.text == text
    (kept,) = result.diagnostics
    assert kept.rule == RULE and kept.severity.value == "info" and kept.line == 3
    # Within a paragraph, or followed by an unindented line, removal is fine.
    assert normalise("Intro.\nComments\n    continued\n", config=CONFIG).text == "Intro.\n    continued\n"
    assert normalise("Comments\nLog in to comment\nNext\n", config=CONFIG).text == "Next\n"


@pytest.mark.parametrize("text", [
    "    code one\n\nComments\n\n    code two\n",       # would merge two code blocks
    "- item\n\nComments\n\n    code\n",                 # code would become list text
])
def test_removal_never_changes_code_blocks(normalise, text):
    result = normalise(text, config=CONFIG)
    assert "Comments" in result.text
    assert [d.rule for d in result.diagnostics] == [RULE]


def test_only_the_harmful_group_is_kept(normalise):
    text = "Story.\n\nComments\n\nMore.\n\nLog in to comment\n    indented\n"
    result = normalise(text, config=CONFIG)
    assert result.text == "Story.\n\nMore.\n\nLog in to comment\n    indented\n"
