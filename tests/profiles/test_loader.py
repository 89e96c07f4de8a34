"""Loading profiles: inheritance, CLDR fallback, suggestions, immutability."""
from __future__ import annotations

from types import MappingProxyType

import pytest

from localize.errors import ProfileError
from localize.profiles import Profile, available_profiles, load_profile, normalise_tag
from localize.profiles.loader import deep_merge, freeze, thaw

FIRST_CLASS = {
    "en-US": ("en-US", "en", "root"),
    "en-GB": ("en-GB", "en", "root"),
    "ja-JP": ("ja-JP", "ja", "root"),
    "de-DE": ("de-DE", "de", "root"),
    "fr-FR": ("fr-FR", "fr", "root"),
    "es-ES": ("es-ES", "es", "root"),
    "zh-CN": ("zh-CN", "zh", "root"),
}


@pytest.mark.parametrize("tag, chain", FIRST_CLASS.items())
def test_first_class_inheritance_chain(tag, chain):
    p = load_profile(tag)
    assert p.tag == tag
    assert p.chain == chain
    assert p.first_class
    assert p.language == tag.split("-")[0]
    assert p.name and p.name != tag
    # Inherited from root: every profile has the normalise defaults and all stages.
    assert p.get("normalise.unicode_form") == "NFC"
    assert p.get("normalise.mojibake") is True
    assert p.stage_enabled("normalise")
    assert "inherits" not in p.data


def test_all_first_class_profiles_ship():
    assert set(FIRST_CLASS) | {"root", "en", "ja", "de", "fr", "es", "zh"} <= set(available_profiles())


@pytest.mark.parametrize("tag, on", [("ja-JP", True), ("zh-CN", True), ("en-US", False),
                                     ("de-DE", False), ("fr-FR", False)])
def test_language_file_overrides_root(tag, on):
    p = load_profile(tag)
    assert p.get("normalise.width.fullwidth_alnum_to_halfwidth") is on
    assert p.get("normalise.width.halfwidth_katakana_to_fullwidth") is on
    # A sibling key in the same mapping still comes from root (deep merge).
    assert p.get("normalise.whitespace.trailing") is True


@pytest.mark.parametrize("tag, chain, language, name", [
    ("pt-BR", ("root",), "pt", "Portuguese (Brazil)"),
    ("en-AU", ("en", "root"), "en", "English (Australia)"),
    ("ko-KR", ("root",), "ko", "Korean (South Korea)"),
    ("fr-CA", ("fr", "root"), "fr", "French (Canada)"),
    ("ja", ("ja", "root"), "ja", "Japanese"),
    ("sw", ("root",), "sw", "Swahili"),
])
def test_any_cldr_locale_works_with_language_or_root_defaults(tag, chain, language, name):
    p = load_profile(tag)
    assert p.tag == tag
    assert p.chain == chain
    assert p.language == language
    assert p.name == name
    assert p.first_class is (chain[0] == tag)
    assert p.get("normalise.unicode_form") == "NFC"
    assert p.babel_locale == tag.replace("-", "_")


def test_cldr_locale_takes_language_settings():
    assert load_profile("zh-SG").chain == ("zh", "root")
    assert load_profile("zh-SG").get("normalise.width.fullwidth_alnum_to_halfwidth") is True
    assert load_profile("pt-BR").get("normalise.width.fullwidth_alnum_to_halfwidth") is False


@pytest.mark.parametrize("given, normal", [
    ("ja_jp", "ja-JP"), ("JA-JP", "ja-JP"), (" en-gb ", "en-GB"), ("zh-hans-cn", "zh-Hans-CN"),
    ("es-419", "es-419"), ("de", "de"),
])
def test_normalise_tag(given, normal):
    assert normalise_tag(given) == normal


def test_tags_are_normalised_when_loading():
    assert load_profile("ja_jp").tag == "ja-JP"
    assert load_profile("EN-gb").chain == FIRST_CLASS["en-GB"]


@pytest.mark.parametrize("tag, suggestion", [
    ("jp", "ja-JP"),
    ("english", "en"),
    ("fr-QQ", "fr-"),
    ("en_USA", "en-US"),
    ("de-DX", "de-DE"),
])
def test_unknown_tag_suggests_close_tags(tag, suggestion):
    with pytest.raises(ProfileError) as info:
        load_profile(tag)
    message = str(info.value)
    assert "unknown locale" in message
    if suggestion:
        assert "did you mean" in message and suggestion in message


def test_hopeless_tag_points_at_the_list():
    with pytest.raises(ProfileError, match="unknown locale 'qqq-QQ'"):
        load_profile("qqq-QQ")


def test_profiles_are_cached_and_shared():
    assert load_profile("en-GB") is load_profile("en-GB")


def test_profile_data_is_immutable():
    p = load_profile("ja-JP")
    with pytest.raises(TypeError):
        p.data["name"] = "x"  # type: ignore[index]
    with pytest.raises(TypeError):
        p.data["normalise"]["mojibake"] = False  # type: ignore[index]
    assert isinstance(p.get("normalise.invisible_chars"), tuple)
    with pytest.raises(AttributeError):
        p.tag = "en-US"  # type: ignore[misc]
    assert load_profile("ja-JP").get("normalise.mojibake") is True


def test_get_with_defaults():
    p = load_profile("en-US")
    assert p.get("normalise.nothing.here", 42) == 42
    assert p.get("normalise.mojibake.deeper", "d") == "d"   # a scalar has no children
    assert p.get("stages.normalise") is True


def test_with_overrides_merges_without_touching_the_cached_profile():
    p = load_profile("en-US")
    q = p.with_overrides({"normalise": {"whitespace": {"trailing": False}}, "stages": {"money": False}})
    assert q.get("normalise.whitespace.trailing") is False
    assert q.get("normalise.whitespace.space_runs") is True
    assert not q.stage_enabled("money")
    assert p.get("normalise.whitespace.trailing") is True
    assert load_profile("en-US").get("normalise.whitespace.trailing") is True
    assert isinstance(q.data, MappingProxyType)
    assert p.with_overrides({}) is p


def test_freeze_thaw_and_deep_merge():
    data = {"a": {"b": [1, {"c": 2}]}, "d": 3}
    frozen = freeze(data)
    assert isinstance(frozen["a"], MappingProxyType) and frozen["a"]["b"] == (1, MappingProxyType({"c": 2}))
    assert thaw(frozen) == data
    merged = deep_merge({"a": {"x": 1, "y": [1, 2]}, "k": 1}, {"a": {"y": [3]}, "n": 2})
    assert merged == {"a": {"x": 1, "y": [3]}, "k": 1, "n": 2}


# -- temporary profile folders ------------------------------------------------------------

def test_explicit_inherits_and_default_parent(locales_dir):
    (locales_dir / "xx.yaml").write_text("name: Test language\nlanguage: xx\n"
                                         "normalise:\n  mojibake: false\n")
    (locales_dir / "xx-AA.yaml").write_text("name: Test (AA)\n")            # parent: xx
    (locales_dir / "xx-BB.yaml").write_text("name: Test (BB)\ninherits: root\n")
    assert load_profile("xx-AA").chain == ("xx-AA", "xx", "root")
    assert load_profile("xx-AA").get("normalise.mojibake") is False
    assert load_profile("xx-BB").chain == ("xx-BB", "root")
    assert load_profile("xx-BB").get("normalise.mojibake") is True


def test_inheritance_loop_is_an_error(locales_dir):
    (locales_dir / "aa.yaml").write_text("name: A\ninherits: bb\n")
    (locales_dir / "bb.yaml").write_text("name: B\ninherits: aa\n")
    with pytest.raises(ProfileError, match="loops"):
        load_profile("aa")


def test_missing_parent_is_an_error_naming_the_file(locales_dir):
    (locales_dir / "aa.yaml").write_text("name: A\ninherits: nowhere\n")
    with pytest.raises(ProfileError) as info:
        load_profile("aa")
    assert "nowhere" in str(info.value)
    assert info.value.path.endswith("aa.yaml")


def test_profile_is_a_frozen_dataclass():
    p = load_profile("fr-FR")
    assert isinstance(p, Profile)
    with pytest.raises(Exception):
        p.chain = ()  # type: ignore[misc]


def test_rule_files_are_included_and_the_profile_adjusts_them(locales_dir):
    (locales_dir / "rules" / "xx.yaml").write_text(
        "rules:\n  shout:\n    type: existence\n    title: Shouting\n    tokens: [WOW]\n"
        "    explanation: Capitals shout at the reader; news copy never needs them.\n", encoding="utf-8")
    (locales_dir / "xx.yaml").write_text(
        "name: Test language\nlanguage: xx\nvalidate:\n  include: [rules/xx.yaml]\n"
        "  rules:\n    shout: {severity: error}\n", encoding="utf-8")
    rules = load_profile("xx").get("validate.rules")
    assert rules["shout"]["severity"] == "error" and rules["shout"]["tokens"] == ("WOW",)
    assert "doubled-word" in rules  # from root's own include


def test_a_broken_rule_file_is_named_with_its_line(locales_dir):
    (locales_dir / "rules" / "xx.yaml").write_text(
        "rules:\n  shout:\n    type: existence\n    tokens: 5\n", encoding="utf-8")
    (locales_dir / "xx.yaml").write_text("name: X\nvalidate:\n  include: [rules/xx.yaml]\n", encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile("xx")
    assert info.value.path.endswith("rules/xx.yaml") and info.value.line == 4


def test_a_missing_rule_file_names_the_profile(locales_dir):
    (locales_dir / "xx.yaml").write_text("name: X\nvalidate:\n  include: [rules/none.yaml]\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="cannot read rules/none.yaml") as info:
        load_profile("xx")
    assert info.value.path.endswith("xx.yaml")
