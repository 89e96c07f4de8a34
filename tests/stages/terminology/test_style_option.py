"""House-style options shared by the terminology and validate stages."""
from __future__ import annotations

import pytest

import localize


@pytest.mark.parametrize("spelling, expected", [("ise", "organise"), ("ize", "organize")])
def test_the_spelling_option_drives_glossary_and_style_rules_alike(spelling, expected):
    """One option, no fight: with Oxford -ize the glossary leaves organize alone and the
    style rule turns organise into it; the output is settled after one run."""
    config = {"overrides": {"en-GB": {"style": {"spelling": spelling}}}}
    text = "The council will organize a vote and the groups organise rallies, a spokesman said.\n"
    once = localize.localize(text, locale="en-GB", config=config)
    assert once.text.count(expected) == 2
    assert localize.localize(once.text, locale="en-GB", config=config).text == once.text
