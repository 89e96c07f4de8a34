"""Project configuration: discovery, validation with file:line, path mapping, overrides."""
from __future__ import annotations

from pathlib import Path

import pytest

from localize.config import (DEFAULT_EXCLUDE, DEFAULT_INCLUDE, Config, coerce, discover,
                             glob_match)
from localize.errors import ConfigError


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with a nested working directory."""
    root = tmp_path / "project"
    (root / "content" / "deep").mkdir(parents=True)
    monkeypatch.chdir(root / "content" / "deep")
    return root


# -- discovery ----------------------------------------------------------------------------

def test_no_config_gives_defaults(project):
    config = discover()
    assert config == Config()
    assert config.path is None and config.locale is None
    assert config.include == DEFAULT_INCLUDE and config.exclude == DEFAULT_EXCLUDE
    assert config.fail_on == "warning"


@pytest.mark.parametrize("name", ["localize.yaml", ".localize.yaml", "localize.yml"])
def test_config_file_found_upward(project, name):
    (project / name).write_text("locale: en-GB\n")
    config = discover()
    assert config.locale == "en-GB"
    assert Path(config.path) == (project / name).resolve()
    assert config.root == project.resolve()


def test_pyproject_tool_table_found_upward(project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "site"\n\n[tool.localize]\nlocale = "de-DE"\nfail_on = "error"\n')
    config = discover()
    assert config.locale == "de-DE" and config.fail_on == "error"
    assert config.path.endswith("pyproject.toml")


def test_pyproject_with_only_a_subtable_counts(project):
    (project / "pyproject.toml").write_text('[tool.localize.paths]\n"content/ja/**" = "ja-JP"\n')
    config = discover()
    assert config.paths == (("content/ja/**", "ja-JP"),)


def test_pyproject_without_the_table_is_skipped(project):
    (project / "pyproject.toml").write_text('[project]\nname = "site"\n')
    (project / "content" / "pyproject.toml").write_text('[tool.black]\nline-length = 99\n')
    assert discover() == Config()
    (project.parent / "localize.yaml").write_text("locale: fr-FR\n")
    assert discover().locale == "fr-FR"


def test_nearest_config_wins(project):
    (project / "localize.yaml").write_text("locale: en-GB\n")
    (project / "content" / "pyproject.toml").write_text('[tool.localize]\nlocale = "es-ES"\n')
    assert discover().locale == "es-ES"
    (project / "content" / "deep" / ".localize.yaml").write_text("locale: ja-JP\n")
    assert discover().locale == "ja-JP"


def test_localize_yaml_beats_pyproject_in_the_same_folder(project):
    (project / "pyproject.toml").write_text('[tool.localize]\nlocale = "es-ES"\n')
    (project / "localize.yaml").write_text("locale: zh-CN\n")
    assert discover().locale == "zh-CN"


def test_discover_from_an_explicit_start(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "localize.yaml").write_text("locale: en-US\n")
    assert discover(tmp_path / "a" / "b").locale == "en-US"


# -- bad configuration ------------------------------------------------------------------------

@pytest.mark.parametrize("body, line, words", [
    ("locale: en-GB\nlocal: ja-JP\n", 2, "unknown key 'local'"),
    ("locale: en-GB\nstages:\n  money: maybe\n", 3, "stages.money must be true/false"),
    ("fail_on: fatal\n", 1, "fail_on must be one of error, warning, info"),
    ("boilerplate:\n  - Comments\n  - '[unclosed'\n", 3, "invalid regular expression"),
    ("paths:\n  'content/ja/**': ja-JP\n  'content/de/**': [de-DE]\n", 3, "must be a string"),
    ("overrides:\n  ja-JP:\n    normalise:\n      mojibake: 3\n", 4, "mojibake must be true/false"),
    ("overrides:\n  '*':\n    inherits: root\n", 3, "unknown key 'inherits'"),
    ("locale: [unclosed\n", 2, "invalid YAML"),
])
def test_bad_yaml_config_names_file_and_line(project, body, line, words):
    (project / "localize.yaml").write_text(body)
    with pytest.raises(ConfigError) as info:
        discover()
    err = info.value
    assert Path(err.path) == (project / "localize.yaml").resolve()
    assert err.line == line, str(err)
    assert words in err.message
    assert f"localize.yaml:{line}" in str(err)


@pytest.mark.parametrize("body, line, words", [
    ('[project]\nname = "x"\n\n[tool.localize]\nlocale = "en-GB"\nfail_on = "bad"\n', 6, "fail_on"),
    ('[tool.localize]\nlocale = "en-GB"\nglosaries = ["a.yaml"]\n', 3, "unknown key 'glosaries'"),
    ('[tool.localize]\nlocale = "x"\n\n[tool.localize.stages]\nmoney = "no"\n', 5, "stages.money"),
    ('[tool.localize]\nlocale = "en-GB\n', 2, "invalid TOML"),
])
def test_bad_pyproject_config_names_file_and_line(project, body, line, words):
    (project / "pyproject.toml").write_text(body)
    with pytest.raises(ConfigError) as info:
        discover()
    assert info.value.path.endswith("pyproject.toml")
    assert info.value.line == line, str(info.value)
    assert words in info.value.message


def test_unreadable_config_is_a_config_error(project):
    (project / "localize.yaml").write_bytes(b"locale: \xff\xfe\n")
    with pytest.raises(ConfigError, match="cannot read"):
        discover()


# -- contents ---------------------------------------------------------------------------------

FULL = """\
locale: en-GB
stages:
  money: false
disable_rules: [normalise.space-run]
glossaries: [glossaries/house.yaml]
boilerplate: ['Comments', 'Log in to comment']
paths:
  'content/ja/**': ja-JP
  '**/*.de.md': de-DE
  'news/*.md': fr-FR
include: ['**/*.md']
exclude: ['drafts/**']
fail_on: error
overrides:
  '*':
    normalise:
      whitespace:
        blank_lines: false
  ja:
    normalise:
      width:
        halfwidth_katakana_to_fullwidth: false
  ja-JP:
    normalise:
      whitespace:
        trailing: false
"""


def test_full_config_is_read(project):
    (project / "localize.yaml").write_text(FULL)
    c = discover()
    assert c.locale == "en-GB"
    assert c.stages == {"money": False}
    assert c.disable_rules == ("normalise.space-run",)
    # Paths in a config are relative to the config file (bare names stay shipped names).
    assert c.glossaries == (str((project / "glossaries/house.yaml").resolve()),)
    assert c.boilerplate == ("Comments", "Log in to comment")
    assert c.include == ("**/*.md",)
    assert c.exclude == DEFAULT_EXCLUDE + ("drafts/**",)
    assert c.fail_on == "error"


def test_paths_map_globs_to_locales_relative_to_the_config(project):
    (project / "localize.yaml").write_text(FULL)
    c = discover()
    assert c.locale_for_path(project / "content" / "ja" / "a.md") == "ja-JP"
    assert c.locale_for_path(project / "content" / "ja" / "2026" / "06" / "a.md") == "ja-JP"
    assert c.locale_for_path(project / "blog" / "story.de.md") == "de-DE"
    assert c.locale_for_path(project / "story.de.md") == "de-DE"
    assert c.locale_for_path(project / "news" / "a.md") == "fr-FR"
    assert c.locale_for_path(project / "news" / "sub" / "a.md") is None  # `*` stays in its folder
    assert c.locale_for_path(project / "content" / "en" / "a.md") is None
    # Relative paths are taken from the working directory.
    assert c.locale_for_path(Path("x.de.md")) == "de-DE"


def test_first_matching_path_pattern_wins(project):
    (project / "localize.yaml").write_text("paths:\n  'content/**': en-US\n  'content/ja/**': ja-JP\n")
    assert discover().locale_for_path(project / "content" / "ja" / "a.md") == "en-US"


def test_overrides_merge_general_then_language_then_tag(project):
    (project / "localize.yaml").write_text(FULL)
    c = discover()
    ja = c.profile_overrides("ja-JP")
    assert ja["normalise"]["whitespace"] == {"blank_lines": False, "trailing": False}
    assert ja["normalise"]["width"] == {"halfwidth_katakana_to_fullwidth": False}
    assert ja["normalise"]["boilerplate"] == ["Comments", "Log in to comment"]
    assert ja["stages"] == {"money": False}
    en = c.profile_overrides("en-US")
    assert en["normalise"]["whitespace"] == {"blank_lines": False}
    assert "width" not in en["normalise"]


def test_overrides_reach_the_profile_a_pipeline_uses(project):
    from localize.pipeline import Pipeline
    (project / "localize.yaml").write_text(FULL)
    pipeline = Pipeline(config=discover())
    ja = pipeline._profile("ja-JP")
    assert ja.get("normalise.whitespace.trailing") is False
    assert ja.get("normalise.whitespace.space_runs") is True
    assert ja.get("normalise.width.halfwidth_katakana_to_fullwidth") is False
    assert ja.get("normalise.width.fullwidth_alnum_to_halfwidth") is True
    assert not ja.stage_enabled("money")


@pytest.mark.parametrize("rel, pattern, expected", [
    ("a.md", "**/*.md", True),
    ("x/y/a.md", "**/*.md", True),
    ("x/y/a.md", "*.md", True),              # no slash: any folder
    ("content/a.md", "content/**/*.md", True),
    ("content/a/b/c.md", "content/**/*.md", True),
    ("content/a/c.md", "content/*.md", False),
    ("content/ja/x/y.md", "content/ja/**", True),
    ("content/ja", "content/ja/**", True),
    ("content/jax/y.md", "content/ja/**", False),
    ("node_modules/x/y.md", "**/node_modules/**", True),
    ("a/node_modules/y.md", "**/node_modules/**", True),
    ("content/x/ab.md", "content/**/a*", True),
    ("content/a/x/y.md", "content/**/x*", False),  # `*` does not cross folders
    ("drafts/a.md", "drafts/[!x]*.md", True),
    ("drafts/x.md", "drafts/[!x]*.md", False),
    ("a.txt", "**/*.md", False),
])
def test_glob_match(rel, pattern, expected):
    assert glob_match(rel, pattern) is expected


# -- coerce -----------------------------------------------------------------------------------

def test_coerce_none_and_config():
    assert coerce(None) == Config()
    c = Config(locale="en-US")
    assert coerce(c) is c


def test_coerce_from_a_mapping():
    c = coerce({"locale": "ja-JP", "boilerplate": ["Comments"], "disable_rules": ("a.b",),
                "overrides": {"ja": {"normalise": {"mojibake": False}}}})
    assert c.locale == "ja-JP" and c.path is None
    assert c.boilerplate == ("Comments",) and c.disable_rules == ("a.b",)
    assert c.profile_overrides("ja-JP")["normalise"]["mojibake"] is False


def test_coerce_mapping_with_frozen_values():
    from localize.profiles.loader import freeze
    c = coerce(freeze({"boilerplate": ["Comments"], "overrides": {"*": {"stages": {"money": False}}}}))
    assert c.boilerplate == ("Comments",)
    assert c.profile_overrides("en-US")["stages"] == {"money": False}


@pytest.mark.parametrize("mapping, words", [
    ({"locale": 3}, "locale must be a string"),
    ({"stages": {"money": "no"}}, "stages.money"),
    ({"unknown": 1}, "unknown key 'unknown'"),
    ({"boilerplate": ["(bad"]}, "invalid regular expression"),
    ({"locale": Path("x")}, "not plain data"),
])
def test_coerce_rejects_bad_mappings(mapping, words):
    with pytest.raises(ConfigError) as info:
        coerce(mapping)
    assert words in info.value.message
    assert info.value.line is None  # a dict has no lines


def test_coerce_rejects_a_non_mapping():
    with pytest.raises(ConfigError, match="must be a mapping"):
        Config.from_mapping(["locale", "en-US"])  # type: ignore[arg-type]


@pytest.mark.parametrize("as_str", [True, False])
def test_coerce_from_a_path(tmp_path, as_str):
    f = tmp_path / "site.yaml"
    f.write_text("locale: fr-FR\nboilerplate: [Comments]\n")
    c = coerce(str(f) if as_str else f)
    assert c.locale == "fr-FR" and c.path == str(f)
    assert c.root == tmp_path.resolve()


def test_coerce_from_a_missing_path(tmp_path):
    with pytest.raises(ConfigError, match="cannot read"):
        coerce(tmp_path / "nope.yaml")


def test_coerce_from_a_bad_file_names_the_line(tmp_path):
    f = tmp_path / "site.yaml"
    f.write_text("locale: fr-FR\nfail_on: fatal\n")
    with pytest.raises(ConfigError) as info:
        coerce(f)
    assert info.value.line == 2 and info.value.path == str(f)
