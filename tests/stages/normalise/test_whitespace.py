"""normalise whitespace: trailing blanks, space runs, blank lines; Markdown-aware."""
from __future__ import annotations

import pytest

TRAILING = "normalise.trailing-whitespace"
SPACES = "normalise.space-run"
BLANK = "normalise.blank-lines"


def rules(result) -> list[str]:
    return [c.rule for c in result.changes]


def test_trailing_whitespace_removed(normalise):
    result = normalise("A line with blanks \t \n\nNext.\t\n")
    assert result.text == "A line with blanks\n\nNext.\n"
    assert rules(result) == [TRAILING, TRAILING]
    assert result.changes[0].before == " \t "


def test_markdown_hard_break_is_kept(normalise):
    text = "Hard break  \ncontinues here\nand   \nagain\n"
    result = normalise(text)
    assert result.text == "Hard break  \ncontinues here\nand   \nagain\n"
    assert result.changes == []


@pytest.mark.parametrize("text, fixed", [
    ("Ends a paragraph  \n\nNext.\n", "Ends a paragraph\n\nNext.\n"),     # no line follows
    ("Last line  \n", "Last line\n"),                                      # end of file
    ("# Heading  \ntext\n", "# Heading\ntext\n"),                           # headings cannot break
    ("Tab break\t\t\nnext\n", "Tab break\nnext\n"),                         # tabs are no break
    ("One space \nnext\n", "One space\nnext\n"),                            # one space is no break
    ("  \nnext\n", "\nnext\n"),                                            # a blank line
])
def test_trailing_spaces_that_are_not_hard_breaks(normalise, text, fixed):
    result = normalise(text)
    assert result.text == fixed
    assert set(rules(result)) == {TRAILING}


def test_text_format_has_no_hard_breaks(normalise):
    result = normalise("Line  \nnext\n", format="text")
    assert result.text == "Line\nnext\n"


def test_space_runs_collapse_inside_lines(normalise):
    result = normalise("The  deal   closed.\n")
    assert result.text == "The deal closed.\n"
    assert rules(result) == [SPACES, SPACES]
    assert result.changes[1].before == "   " and result.changes[1].after == " "
    assert "3 spaces" in result.changes[1].reason


@pytest.mark.parametrize("text", [
    "    indented code\n",
    "- list\n\n  continued\n",
    "- item\n  - nested item\n    - deeper\n",
    "1. step\n\n   more text\n",
    "no-break\u00a0\u00a0spaces and ideographic　　spaces\n",
    "> quote\n>   indented quote\n",
])
def test_indentation_and_other_spaces_are_kept(normalise, text):
    result = normalise(text)
    assert result.text is text


def test_code_is_untouched(normalise):
    text = ("Para.\n\n```\nx  =  1   \n\n\n\ny\t\n```\n\n    a  =  1  \n\n\n\n    b\n\n"
            "`a  b` and <span  class=x>  </span>\n")
    result = normalise(text)
    assert "```\nx  =  1   \n\n\n\ny\t\n```" in result.text
    assert "    a  =  1  \n\n\n\n    b" in result.text
    assert "`a  b`" in result.text and "<span  class=x>" in result.text


def test_blank_line_runs_reduced_to_one(normalise):
    result = normalise("One.\n\n\n\nTwo.\n \t\n\nThree.\n")
    assert result.text == "One.\n\nTwo.\n\nThree.\n"
    assert BLANK in rules(result)


def test_blank_lines_at_end_of_file(normalise):
    result = normalise("One.\n\n\n")
    assert result.text == "One.\n"
    assert rules(result) == [BLANK]
    assert "end of the file" in result.changes[0].reason


def test_no_final_newline_is_not_added(normalise):
    text = "One.\n\nTwo."
    assert normalise(text).text is text


def test_single_blank_lines_are_fine(normalise):
    text = "One.\n\nTwo.\n\n- a\n- b\n"
    assert normalise(text).text is text


def test_blank_lines_after_front_matter_and_code(normalise):
    text = "---\ntitle: x\n---\n\n\n\nBody.\n\n```\ncode\n```\n\n\n\nEnd.\n"
    result = normalise(text)
    assert result.text == "---\ntitle: x\n---\n\nBody.\n\n```\ncode\n```\n\nEnd.\n"


def test_crlf_input_is_cleaned_and_keeps_crlf(normalise):
    text = "A  b   \r\n\r\n\r\n\r\nNext\r\n"
    result = normalise(text)
    assert result.text == "A b\r\n\r\nNext\r\n"


def test_each_whitespace_rule_can_be_switched_off(normalise):
    text = "A  b  \n\n\n\nc\n"
    off = lambda key: {"overrides": {"*": {"normalise": {"whitespace": {key: False}}}}}  # noqa: E731
    assert normalise(text, config=off("trailing")).text == "A b  \n\nc\n"
    assert normalise(text, config=off("space_runs")).text == "A  b\n\nc\n"
    assert normalise(text, config=off("blank_lines")).text == "A b\n\n\n\nc\n"


@pytest.mark.parametrize("text", [
    "a  \n  \n\n\n b  \n",
    "x\t \n\n\n\n\n",
    "Line  \n\n\n\nnext  \ncont\n",
])
def test_whitespace_fixes_are_idempotent(normalise, text):
    once = normalise(text).text
    assert normalise(once).changes == []


@pytest.mark.parametrize("text", [
    ">     code inside a quote\n",
    "> -   item in a quote\n>     continued\n",
    "-   item with wide marker spacing\n",
    "10.  tenth step\n",
])
def test_indentation_after_block_markers_is_kept(normalise, text):
    assert normalise(text).text is text


def test_space_runs_after_words_that_look_like_markers_still_collapse(normalise):
    assert normalise("Rates rose -  sharply.\n").text == "Rates rose - sharply.\n"
    assert normalise("In 2026  prices rose.\n").text == "In 2026 prices rose.\n"


@pytest.mark.parametrize("text, fixed", [
    ("\n\n\nText\n", "\nText\n"),
    (" \n\t\n\nText\n", "\nText\n"),
    ("\n\n\n", "\n"),
])
def test_blank_lines_at_the_top_reduced_to_one(normalise, text, fixed):
    result = normalise(text)
    assert result.text == fixed
    assert BLANK in rules(result)
    assert normalise(result.text).changes == []


def test_single_blank_line_at_the_top_is_kept(normalise):
    text = "\nText\n"
    assert normalise(text).text is text


def test_space_runs_next_to_protected_regions_collapse(normalise):
    result = normalise("See  `code`  and  <b>bold</b>  or  https://example.com  now\n")
    assert result.text == "See `code` and <b>bold</b> or https://example.com now\n"
    assert set(rules(result)) == {SPACES}
