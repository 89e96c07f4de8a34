"""normalise.control-chars and normalise.invisible-chars."""
from __future__ import annotations

import pytest

CONTROL = "normalise.control-chars"
INVISIBLE = "normalise.invisible-chars"


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f"])
def test_control_characters_are_removed(normalise, char):
    result = normalise(f"Tokyo{char} markets\n")
    assert result.text == "Tokyo markets\n"
    (change,) = result.changes
    assert change.rule == CONTROL and change.before == char and change.after == ""
    assert f"U+{ord(char):04X}" in change.reason


@pytest.mark.parametrize("char, name", [("\u200b", "zero width space"), ("\u2060", "word joiner"),
                                        ("\ufeff", "zero width no-break space")])
def test_invisible_characters_are_removed(normalise, char, name):
    result = normalise(f"Open{char}AI and Anthro{char}{char}pic\n")
    assert result.text == "OpenAI and Anthropic\n"
    assert [c.rule for c in result.changes] == [INVISIBLE, INVISIBLE]
    assert result.changes[1].before == char * 2
    assert name in result.changes[0].reason


def test_mixed_run_is_reported_as_control(normalise):
    result = normalise("a\u200b\x07b\n")
    assert result.text == "ab\n"
    assert [c.rule for c in result.changes] == [CONTROL]


@pytest.mark.parametrize("text", [
    "Tab\tseparated\tvalues\n",
    "Windows line\r\nendings\r\n",
    "👩\u200d💻 developer and ह\u094d\u200dष\n",   # ZWJ carries meaning
    "می\u200cخواهم\n",                            # ZWNJ in Persian
    "soft\u00adhyphen and no\u00a0break\n",
])
def test_meaningful_characters_are_kept(normalise, text):
    result = normalise(text)
    assert result.text is text
    assert result.changes == []


def test_leading_bom_is_file_encoding_not_content(normalise):
    text = "\ufeffHello\n"
    result = normalise(text)
    assert result.text is text and result.changes == []


def test_protected_regions_keep_their_invisible_characters(normalise):
    text = "Text.\n\n```\ncode\u200b\x07\n```\n\nSee `a\u200bb` <!-- x\u200b -->\n"
    result = normalise(text)
    assert result.text == text


def test_text_format_is_cleaned_too(normalise):
    result = normalise("`x\u200by`\n", format="text")
    assert result.text == "`xy`\n"


def test_profile_list_decides_what_is_invisible(normalise):
    config = {"overrides": {"*": {"normalise": {"invisible_chars": ["\u00ad"]}}}}
    result = normalise("soft\u00adhyphen\u200b\n", config=config)
    assert result.text == "softhyphen\u200b\n"
    assert [c.rule for c in result.changes] == [INVISIBLE]


def test_control_removal_can_be_switched_off(normalise):
    config = {"overrides": {"*": {"normalise": {"control_chars": False, "invisible_chars": []}}}}
    text = "a\x07b\u200bc\n"
    assert normalise(text, config=config).text is text
