"""The `lexicon` profile section: validated like every section, merged with CLDR."""
from __future__ import annotations

import pytest

from localize.errors import ProfileError
from localize.profiles import load_profile
from localize.profiles.schema import load_validated
from localize.profiles.sections import PROFILE_SCHEMA
from localize.recognize.lexicon import lexicon_for


@pytest.mark.parametrize("tag", ["en", "ja", "de", "fr", "es", "zh"])
def test_shipped_lexicons_load(tag):
    lexicon = load_profile(tag).get("lexicon")
    assert lexicon["names"] and lexicon["symbols"] and lexicon["approx_before"]
    lx = lexicon_for(tag)
    assert "USD" in lx.codes and lx.current


def test_translation_traps_are_data():
    assert lexicon_for("de").magnitudes["billion"] == 12
    assert lexicon_for("fr").magnitudes["billion"] == 12
    assert lexicon_for("es").magnitudes["billones"] == 12
    assert lexicon_for("es").magnitudes["mil millones"] == 9
    assert lexicon_for("en").magnitudes["billion"] == 9


def test_cldr_names_are_included():
    lx = lexicon_for("en")
    assert lx.names["swiss francs"] == "CHF"
    assert lx.names["japanese yen"] == "JPY"
    assert lexicon_for("ja").names["カナダドル"] == "CAD"   # CLDR writes カナダ ドル


@pytest.mark.parametrize("snippet, problem", [
    ("lexicon:\n  names: [dollars]\n", "lexicon.names must be a mapping"),
    ("lexicon:\n  magnitudes:\n    billion: nine\n", "must be an integer"),
    ("lexicon:\n  spelling: {}\n", "unknown key 'spelling'"),
    ("lexicon:\n  number:\n    han: maybe\n", "must be true/false"),
])
def test_bad_lexicon_is_a_profile_error_with_a_line(snippet, problem):
    with pytest.raises(ProfileError, match=problem) as info:
        load_validated("name: X\nlanguage: xx\n" + snippet, "xx.yaml", PROFILE_SCHEMA)
    assert info.value.line is not None
