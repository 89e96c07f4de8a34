"""localize.files: decoding, locale from paths, walking folders, atomic writes."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from localize.config import Config
from localize.errors import InputError
from localize.files import (BinaryInput, InputFile, decode, format_for, locale_from_path, walk,
                            write_atomic)

KNOWN = ["root", "en", "en-GB", "ja", "ja-JP", "de", "de-DE"]


@pytest.mark.parametrize("path, tag", [
    ("article.ja-JP.md", "ja-JP"),
    ("article.de_DE.md", "de-DE"),
    ("story.zh-Hans-CN.md", "zh-Hans-CN"),
    ("story.ja.md", "ja"),
    ("story.ko.md", "ko"),                 # not a profile, but a CLDR language
    ("content/ja-JP/x.md", "ja-JP"),
    ("content/ja/x.md", "ja"),
    ("content/ja/2026/x.md", "ja"),
    ("content/pt-BR/x.md", "pt-BR"),
    ("content/de/x.en-GB.md", "en-GB"),    # the file name is nearer than the folder
    ("content/x.md", None),
    ("content/ko/x.md", None),             # a bare folder name must be a profile
    ("notes.old.md", None),
    ("post.bak.md", None),
    ("x.md", None),
    ("ja-JP.md", None),                    # a name, not a suffix
])
def test_locale_from_path(path, tag):
    assert locale_from_path(Path(path), KNOWN) == tag


@pytest.mark.parametrize("name, fmt", [("a.md", "markdown"), ("a.MARKDOWN", "markdown"), ("a.mdx", "markdown"),
                                       ("a.txt", "text"), ("a.rst", "markdown"), ("-", "markdown")])
def test_format_for(name, fmt):
    assert format_for(name) == fmt


def test_decode_names_the_byte():
    with pytest.raises(InputError) as err:
        decode(InputFile("a.md", None, b"ok\nna\xefve\n"))
    assert err.value.byte == 5 and str(err.value).startswith("a.md: byte 5: not valid UTF-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_decode_recognises_wide_encodings(encoding):
    data = "Some text\n".encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    with pytest.raises(InputError) as err:
        decode(InputFile("a.md", None, data))
    assert not isinstance(err.value, BinaryInput)
    assert encoding.split("-")[0].upper() + "-" in str(err.value)


def test_decode_refuses_binary():
    with pytest.raises(BinaryInput) as err:
        decode(InputFile("a.bin", None, b"GIF89a\x01\x00\x00"))
    assert err.value.byte == 7


def test_decode_keeps_bom_and_crlf_facts():
    src = decode(InputFile("a.md", None, "\ufeffa\r\nb\r\n".encode()))
    assert (src.body, src.bom, src.crlf) == ("a\nb\n", True, True)


def make(root: Path, names: list[str]) -> None:
    for name in names:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x\n")


def test_walk_order_and_default_excludes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    make(tmp_path, ["s/b.md", "s/a.md", "s/A/z.md", "s/a/y.txt", "s/.git/x.md", "s/node_modules/m.md",
                    "s/.venv/v.md", "s/pic.png"])
    found = [p.as_posix() for p in walk(Path("s"), Config())]
    assert found == ["s/a.md", "s/b.md", "s/A/z.md", "s/a/y.txt"]


def test_walk_globs_are_relative_to_the_config_folder(tmp_path, monkeypatch):
    make(tmp_path, ["site/keep.md", "site/drafts/skip.md", "other/drafts/keep.md"])
    config = Config(path=str(tmp_path / "localize.yaml"), exclude=("site/drafts/**",))
    monkeypatch.chdir(tmp_path / "site")
    assert [p.as_posix() for p in walk(Path("."), config)] == ["keep.md"]
    monkeypatch.chdir(tmp_path)
    assert [p.as_posix() for p in walk(Path("other"), config)] == ["other/drafts/keep.md"]


def test_walk_outside_the_config_folder_uses_the_walked_root(tmp_path):
    make(tmp_path, ["elsewhere/a.md", "elsewhere/tmp/b.md"])
    config = Config(path=str(tmp_path / "project/localize.yaml"), exclude=("tmp/**",))
    found = walk(tmp_path / "elsewhere", config)
    assert [p.name for p in found] == ["a.md"]


def test_walk_avoids_given_folders(tmp_path):
    make(tmp_path, ["a.md", "out/a.md", "sub/out/c.md"])
    found = walk(tmp_path, Config(), avoid=[tmp_path / "out"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.md", "sub/out/c.md"]


def test_write_atomic_new_file_gets_the_usual_mode(tmp_path):
    umask = os.umask(0o027)
    try:
        from localize import files
        files._umask.cache_clear()
        target = tmp_path / "new.md"
        assert write_atomic(target, b"hello\n") is True
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
    finally:
        os.umask(umask)
        files._umask.cache_clear()
    assert target.read_bytes() == b"hello\n"


def test_write_atomic_keeps_mode_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "a.md"
    target.write_bytes(b"old\n")
    target.chmod(0o600)
    assert write_atomic(target, b"new\n") is True
    assert target.read_bytes() == b"new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["a.md"]


def test_write_atomic_skips_identical_content(tmp_path):
    target = tmp_path / "a.md"
    target.write_bytes(b"same\n")
    os.utime(target, ns=(10**18, 10**18))
    before = target.stat()
    assert write_atomic(target, b"same\n") is False
    after = target.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_write_atomic_follows_a_symlink(tmp_path):
    real_file = tmp_path / "real.md"
    real_file.write_bytes(b"old\n")
    link = tmp_path / "link.md"
    link.symlink_to(real_file.name)
    write_atomic(link, b"new\n")
    assert link.is_symlink()
    assert real_file.read_bytes() == b"new\n"


def test_write_atomic_failure_leaves_the_original(tmp_path, monkeypatch):
    target = tmp_path / "a.md"
    target.write_bytes(b"original\n")

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomic(target, b"half-written\n")
    assert target.read_bytes() == b"original\n"
    assert os.listdir(tmp_path) == ["a.md"]
