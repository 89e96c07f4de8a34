"""Bad input, locale resolution, folder walking and config discovery, through the CLI."""
from __future__ import annotations

import json
import os

import pytest

from cli_helpers import CLEAN, MESSY, MESSY_FIXED, real


def write(path, data: str | bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def backdate(path):
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - 3600 * 10**9))
    return path.stat().st_mtime_ns


# -- bad input ---------------------------------------------------------------------

def test_invalid_utf8_names_file_and_byte(invoke, work):
    write(work / "a.md", b"Line one\nna\xefve caf\xe9\n")
    r = invoke("run", "-l", "fr-FR", "a.md")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert "a.md: byte 11: not valid UTF-8" in r.stderr


def test_real_process_invalid_utf8(work):
    f = write(work / "a.md", b"caf\xe9  au lait\n")
    p = real(["run", "-l", "fr-FR", "-i", "a.md"], work)
    assert p.returncode == 2
    assert b"a.md: byte 3: not valid UTF-8" in p.stderr
    assert b"nothing written" in p.stderr
    assert f.read_bytes() == b"caf\xe9  au lait\n"


def test_one_bad_file_stops_every_rewrite(invoke, work):
    good = write(work / "good.md", MESSY)
    bad = write(work / "bad.md", b"caf\xe9  bar\n")
    stamp = backdate(good)
    r = invoke("run", "-l", "en-GB", "-i", "good.md", "bad.md")
    assert r.exit_code == 2
    assert "bad.md: byte 3" in r.stderr and "nothing written" in r.stderr
    assert good.read_text() == MESSY and good.stat().st_mtime_ns == stamp
    assert bad.read_bytes() == b"caf\xe9  bar\n"


def test_bad_front_matter_in_one_file_stops_every_rewrite(invoke, work):
    good = write(work / "good.md", MESSY)
    write(work / "bad.md", "---\ntitle: [unclosed\ndate: 2026-06-14\n---\nBody  text.\n")
    r = invoke("run", "-l", "en-GB", "-i", "good.md", "bad.md")
    assert r.exit_code == 2
    assert "bad.md:" in r.stderr and "front matter" in r.stderr
    assert good.read_text() == MESSY


def test_utf16_is_named_as_such(invoke, work):
    write(work / "a.md", "Saved by an old editor\n".encode("utf-16"))
    r = invoke("check", "-l", "en-GB", "a.md")
    assert r.exit_code == 2
    assert "UTF-16" in r.stdout


def test_binary_file_is_skipped_with_an_error(invoke, work):
    write(work / "logo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    good = write(work / "good.md", MESSY)
    r = invoke("run", "-l", "en-GB", "-i", "logo.md", "good.md")
    assert r.exit_code == 2
    assert "logo.md: byte 8: binary file" in r.stderr and "skipped" in r.stderr
    assert good.read_text() == MESSY_FIXED  # the rest of the run goes on
    r = invoke("check", "-l", "en-GB", "logo.md")
    assert r.exit_code == 2
    assert "binary file" in r.stdout


def test_empty_file(invoke, work):
    write(work / "a.md", b"")
    r = invoke("check", "-l", "zh-CN", "a.md")
    assert r.exit_code == 0
    assert r.stdout == "0 error(s), 0 warning(s), 0 info in 1 file(s)\n"


def test_missing_file(invoke, work):
    r = invoke("run", "-l", "en-GB", "nope.md")
    assert r.exit_code == 2
    assert "nope.md: no such file or directory" in r.stderr
    r = invoke("check", "-l", "en-GB", "nope.md")
    assert r.exit_code == 2
    assert "nope.md: no such file or directory" in r.stdout


def test_unknown_locale_in_front_matter_names_the_file(invoke, work):
    write(work / "a.md", "---\nlocale: ja-XX\n---\nText.\n")
    r = invoke("run", "a.md")
    assert r.exit_code == 2
    assert "a.md" in r.stderr and "unknown locale 'ja-XX'; did you mean ja-JP?" in r.stderr


def test_bad_front_matter_names_file_and_line(invoke, work):
    write(work / "a.md", "---\nlocale: en-GB\ntitle: [unclosed\n---\nText.\n")
    r = invoke("run", "a.md")
    assert r.exit_code == 2
    assert "a.md:4: invalid YAML front matter" in r.stderr
    r = invoke("check", "--format", "github", "a.md")
    assert r.exit_code == 2
    assert r.stdout.startswith("::error file=a.md,line=4,title=localize::invalid YAML front matter")


def test_bad_config_names_file_and_line(invoke, work):
    write(work / "localize.yaml", "locale: en-GB\nfail_on: sometimes\n")
    write(work / "a.md", CLEAN)
    r = invoke("check", "a.md")
    assert r.exit_code == 2
    assert "localize.yaml:2" in r.stderr and "fail_on" in r.stderr


def test_bad_config_named_by_option(invoke, work):
    write(work / "team.yaml", "locale: en-GB\nstages:\n  normalize: false\n")
    write(work / "a.md", CLEAN)
    r = invoke("run", "--config", "team.yaml", "a.md")
    assert r.exit_code == 2
    assert "team.yaml:3" in r.stderr and "normalize" in r.stderr


def test_missing_config_named_by_option(invoke, work):
    write(work / "a.md", CLEAN)
    r = invoke("run", "--config", "absent.yaml", "a.md")
    assert r.exit_code == 2
    assert "absent.yaml" in r.stderr


# -- which locale ------------------------------------------------------------------

def locale_of(invoke, path: str, *extra: str) -> str:
    r = invoke("run", "--format", "json", *extra, path)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)["locale"]


FRONT = "---\n{key}: {tag}\n---\nText.\n"


def test_option_beats_front_matter_and_file_name(invoke, work):
    write(work / "content/ja-JP/a.fr-FR.md", FRONT.format(key="locale", tag="de-DE"))
    assert locale_of(invoke, "content/ja-JP/a.fr-FR.md", "--locale", "en-GB") == "en-GB"


@pytest.mark.parametrize("key", ["locale", "lang"])
def test_front_matter_beats_file_name(invoke, work, key):
    write(work / "content/ja-JP/a.fr-FR.md", FRONT.format(key=key, tag="de-DE"))
    assert locale_of(invoke, "content/ja-JP/a.fr-FR.md") == "de-DE"


def test_file_name_beats_folder_and_config(invoke, work):
    write(work / "localize.yaml", "locale: es-ES\npaths:\n  'content/**': zh-CN\n")
    write(work / "content/ja-JP/a.fr-FR.md", "Text.\n")
    assert locale_of(invoke, "content/ja-JP/a.fr-FR.md") == "fr-FR"


@pytest.mark.parametrize("folder, tag", [("ja-JP", "ja-JP"), ("ja", "ja"), ("de_DE", "de-DE")])
def test_folder_named_by_a_tag(invoke, work, folder, tag):
    write(work / "localize.yaml", "locale: es-ES\npaths:\n  'content/**': zh-CN\n")
    write(work / f"content/{folder}/a.md", "Text.\n")
    assert locale_of(invoke, f"content/{folder}/a.md") == tag


def test_config_paths_beat_config_locale(invoke, work):
    write(work / "localize.yaml", "locale: es-ES\npaths:\n  'news/**': en-US\n")
    write(work / "news/x/a.md", "Text.\n")
    write(work / "other/a.md", "Text.\n")
    assert locale_of(invoke, "news/x/a.md") == "en-US"
    assert locale_of(invoke, "other/a.md") == "es-ES"


def test_config_locale_applies_to_stdin(invoke, work):
    write(work / "localize.yaml", "locale: de-DE\n")
    r = invoke("run", "--format", "json", "-", input="Text.\n")
    assert json.loads(r.stdout)["locale"] == "de-DE"


@pytest.mark.parametrize("name", ["a.md", "notes.old.md", "post.bak.md", "content/misc/a.md"])
def test_no_locale_anywhere_is_a_helpful_error(invoke, work, name):
    write(work / name, "Text.\n")
    r = invoke("run", name)
    assert r.exit_code == 2
    assert f"{name}: no locale" in r.stderr
    assert "--locale" in r.stderr and "front matter" in r.stderr and "localize.yaml" in r.stderr


def test_a_bare_cldr_language_in_the_file_name_counts(invoke, work):
    write(work / "a.ko.md", "Text.\n")
    assert locale_of(invoke, "a.ko.md") == "ko"


# -- walking folders -----------------------------------------------------------------

def checked_paths(invoke, *args: str) -> list[str]:
    r = invoke("check", "-l", "en-GB", "--format", "json", *args)
    assert r.exit_code in (0, 1), r.stdout + r.stderr
    return [f["path"] for f in json.loads(r.stdout)["files"]]


def test_walk_is_recursive_sorted_and_skips_tool_folders(invoke, work):
    for name in ["site/b.md", "site/a.txt", "site/z/c.markdown", "site/m/d.md", "site/image.png",
                 "site/.git/e.md", "site/node_modules/pkg/f.md", "site/.venv/g.md", "site/sub/.git/h.md"]:
        write(work / name, CLEAN)
    assert checked_paths(invoke, "site") == ["site/a.txt", "site/b.md", "site/m/d.md", "site/z/c.markdown"]


def test_walk_uses_config_include_and_exclude(invoke, work):
    write(work / "localize.yaml", "include: ['**/*.md', '**/*.mdx']\nexclude: ['drafts/**', '**/README.md']\n")
    for name in ["site/a.md", "site/b.mdx", "site/c.txt", "site/README.md", "drafts/d.md", "drafts/x/e.md"]:
        write(work / name, CLEAN)
    assert checked_paths(invoke, ".") == ["site/a.md", "site/b.mdx"]
    # the patterns are relative to the config's folder, wherever the walk starts
    assert checked_paths(invoke, "drafts") == []


def test_named_files_ignore_excludes_unless_forced(invoke, work):
    write(work / "localize.yaml", "exclude: ['CHANGELOG.md']\n")
    write(work / "CHANGELOG.md", CLEAN)
    write(work / "a.md", CLEAN)
    assert checked_paths(invoke, "CHANGELOG.md", "a.md") == ["CHANGELOG.md", "a.md"]
    assert checked_paths(invoke, "--force-exclude", "CHANGELOG.md", "a.md") == ["a.md"]


def test_each_file_is_processed_once(invoke, work):
    write(work / "site/a.md", CLEAN)
    assert checked_paths(invoke, "site", "site/a.md", "./site/a.md") == ["site/a.md"]


def test_empty_folder_warns(invoke, work):
    (work / "nothing").mkdir()
    r = invoke("check", "-l", "en-GB", "nothing")
    assert r.exit_code == 0
    assert "no files to process under nothing" in r.stderr


def test_many_files_without_a_terminal_show_no_progress_bar(invoke, work):
    for i in range(12):
        write(work / f"site/{i:02}.md", CLEAN)
    r = invoke("check", "-l", "en-GB", "site")
    assert r.exit_code == 0
    assert r.stderr == ""


# -- config discovery --------------------------------------------------------------

def test_config_is_found_upward_from_the_working_directory(invoke, work, monkeypatch):
    write(work / "localize.yaml", "locale: de-DE\npaths:\n  'content/french/**': fr-FR\n")
    write(work / "content/french/a.md", "Text.\n")
    write(work / "content/b.md", "Text.\n")
    monkeypatch.chdir(work / "content")
    assert locale_of(invoke, "french/a.md") == "fr-FR"  # mapping relative to the config's folder
    assert locale_of(invoke, "b.md") == "de-DE"


def test_pyproject_table_is_found(invoke, work, monkeypatch):
    write(work / "pyproject.toml", '[project]\nname = "site"\n\n[tool.localize]\nlocale = "ja-JP"\n')
    write(work / "docs/a.md", "Text.\n")
    monkeypatch.chdir(work / "docs")
    assert locale_of(invoke, "a.md") == "ja-JP"


def test_nearest_config_wins(invoke, work, monkeypatch):
    write(work / "localize.yaml", "locale: de-DE\n")
    write(work / "sub/pyproject.toml", '[tool.localize]\nlocale = "es-ES"\n')
    write(work / "sub/a.md", "Text.\n")
    monkeypatch.chdir(work / "sub")
    assert locale_of(invoke, "a.md") == "es-ES"


def test_config_option_replaces_discovery(invoke, work):
    write(work / "localize.yaml", "locale: de-DE\n")
    write(work / "other.yaml", "locale: fr-FR\n")
    write(work / "a.md", "Text.\n")
    assert locale_of(invoke, "a.md", "--config", "other.yaml") == "fr-FR"


def test_real_process_discovers_config_from_a_subfolder(work):
    write(work / "localize.yaml", "locale: en-GB\n")
    write(work / "deep/er/a.md", MESSY)
    p = real(["run", "a.md"], work / "deep/er")
    assert p.returncode == 0, p.stderr
    assert p.stdout == MESSY_FIXED.encode()
