"""Profile validation: every mistake is reported with its file and line."""
from __future__ import annotations

import pytest
import yaml

from localize.errors import ConfigError, ProfileError
from localize.profiles import load_profile
from localize.profiles.schema import (BOOL, INT, NUMBER, OPT_STR, STR, ListOf, MapOf,
                                      load_validated, validate)
from localize.profiles.sections import PROFILE_SCHEMA


def _error(locales_dir, body: str, tag: str = "xx") -> ProfileError:
    (locales_dir / f"{tag}.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(tag)
    return info.value


def test_unknown_key_names_file_and_line(locales_dir):
    err = _error(locales_dir, "name: X\nlanguage: xx\nnormalise:\n  mojibake: true\n  mojibak: true\n")
    assert err.path == str(locales_dir / "xx.yaml")
    assert err.line == 5 and err.column == 3
    assert "unknown key 'mojibak'" in err.message and "normalise" in err.message
    assert str(err).startswith(f"{locales_dir / 'xx.yaml'}:5:3: ")


def test_unknown_top_level_key(locales_dir):
    err = _error(locales_dir, "name: X\n\ncolour: blue\n")
    assert err.line == 3 and "unknown key 'colour'" in err.message
    assert "known keys" in err.message


@pytest.mark.parametrize("body, line, words", [
    ("name: X\nnormalise:\n  mojibake: yes please\n", 3, "normalise.mojibake must be true/false"),
    ("name: X\nnormalise:\n  mojibake: 1\n", 3, "true/false"),
    ("name: [X]\n", 1, "name must be a string"),
    ("name: X\nstages: true\n", 2, "stages must be a mapping"),
    ("name: X\nnormalise:\n  invisible_chars: \"\\u200b\"\n", 3, "must be a list"),
    ("name: X\nnormalise:\n  invisible_chars:\n    - \"\\u200b\"\n    - 7\n", 5, "invisible_chars[1] must be a string"),
    ("name: X\nnormalise:\n  unicode_form: NFD\n", 3, "must be one of NFC, none"),
    ("name: X\nstages:\n  normalise: true\n  normalise: false\n", 4, "duplicate key"),
])
def test_wrong_types_name_file_and_line(locales_dir, body, line, words):
    err = _error(locales_dir, body)
    assert err.path.endswith("xx.yaml")
    assert err.line == line, err
    assert words in err.message


def test_bad_regex_names_file_and_line(locales_dir):
    err = _error(locales_dir, "name: X\nnormalise:\n  boilerplate:\n    - 'Comments'\n    - '(unclosed'\n")
    assert err.line == 5
    assert "invalid regular expression" in err.message and "(unclosed" in err.message


def test_invalid_yaml_names_file_and_line(locales_dir):
    err = _error(locales_dir, "name: X\nnormalise: [\n  mojibake: true\n")
    assert err.path.endswith("xx.yaml") and err.line is not None
    assert "invalid YAML" in err.message


def test_error_in_a_parent_is_reported_in_the_parent(locales_dir):
    (locales_dir / "xx.yaml").write_text("name: X\nlanguage: 5\n")
    (locales_dir / "xx-AA.yaml").write_text("name: X AA\n")
    with pytest.raises(ProfileError) as info:
        load_profile("xx-AA")
    assert info.value.path.endswith("xx.yaml") and info.value.line == 2


def test_empty_profile_file_is_valid(locales_dir):
    (locales_dir / "xx.yaml").write_text("# nothing yet\n")
    p = load_profile("xx")
    assert p.chain == ("xx", "root")


def test_the_shipped_profiles_all_validate():
    from localize.profiles import available_profiles
    for tag in available_profiles():
        assert load_profile(tag).data


# -- the schema language itself -------------------------------------------------------------

def _node(text: str):
    return yaml.compose(text)


def test_validate_scalars_and_nullable():
    validate(_node("a: null"), {"a": OPT_STR}, "f.yaml")
    validate(_node("a: 3"), {"a": INT}, "f.yaml")
    validate(_node("a: 3.5"), {"a": NUMBER}, "f.yaml")
    with pytest.raises(ProfileError, match="a must be an integer"):
        validate(_node("a: 3.5"), {"a": INT}, "f.yaml")
    with pytest.raises(ProfileError, match="must be an integer"):
        validate(_node("a: true"), {"a": INT}, "f.yaml")  # a bool is not a number here
    with pytest.raises(ProfileError):
        validate(_node("a: null"), {"a": STR}, "f.yaml")
    # A quoted "true" is a string, not a boolean.
    with pytest.raises(ProfileError):
        validate(_node("a: 'true'"), {"a": BOOL}, "f.yaml")


def test_validate_map_of_and_list_of():
    schema = {"paths": MapOf(STR), "tags": ListOf(INT)}
    validate(_node("paths: {'a/**': x}\ntags: [1, 2]"), schema, "f.yaml")
    with pytest.raises(ProfileError) as info:
        validate(_node("paths:\n  'a/**': x\n  'b/**': [y]\n"), schema, "f.yaml")
    assert info.value.line == 3 and "paths['b/**']" in info.value.message


def test_error_class_is_chosen_by_the_caller():
    with pytest.raises(ConfigError) as info:
        load_validated("locale: 5\n", "c.yaml", {"locale": STR}, error=ConfigError)
    assert info.value.path == "c.yaml" and info.value.line == 1


def test_load_validated_returns_plain_data():
    data = load_validated("name: X\nnormalise:\n  boilerplate: ['a']\n", "x.yaml", PROFILE_SCHEMA)
    assert data == {"name": "X", "normalise": {"boilerplate": ["a"]}}
    assert load_validated("", "x.yaml", PROFILE_SCHEMA) == {}
