"""Reading inputs and writing outputs without losing anything.

Inputs are decoded strictly (invalid UTF-8 is an error naming the byte), binary files
are refused, and writes go to a temporary file in the same folder that is renamed over
the target only when complete, keeping the target's permissions.
"""
from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .config import Config, glob_match
from .errors import InputError
from .source import Source

FORMAT_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".mdx": "markdown",
                    ".txt": "text", ".text": "text"}
_TAG = re.compile(r"[a-z]{2,3}(?:[-_][A-Z][a-z]{3})?(?:[-_](?:[A-Z]{2}|\d{3}))?")
_REGIONAL_TAG = re.compile(r"[a-z]{2,3}(?:[-_][A-Z][a-z]{3})?[-_](?:[A-Z]{2}|\d{3})")
_SNIFF = 8192
# Editors on Windows still save "Unicode" text as UTF-16; its NUL bytes would otherwise
# make a perfectly good article look binary.
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
              (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


class BinaryInput(InputError):
    """Not text at all: the file is skipped, the rest of the run goes on."""


@dataclass(frozen=True)
class InputFile:
    name: str             # as given or found (for messages); "<stdin>" for stdin
    path: Path | None     # None for stdin
    data: bytes


def read_input(name: str) -> InputFile:
    if name == "-":
        return InputFile("<stdin>", None, sys.stdin.buffer.read())
    path = Path(name)
    if not path.exists():
        hint = "; it is a broken symbolic link" if path.is_symlink() else ""
        raise InputError(f"no such file or directory{hint}", path=name)
    if path.is_dir():
        raise InputError("is a directory", path=name)
    try:
        return InputFile(name, path, path.read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=name) from None


def decode(item: InputFile) -> Source:
    """The file's text, or an InputError saying exactly what is wrong with its bytes."""
    for bom, encoding in _WIDE_BOMS:
        if item.data.startswith(bom):
            raise InputError(f"encoded as {encoding}, not UTF-8; re-save the file as UTF-8",
                             path=item.name, byte=0)
    if b"\x00" in item.data[:_SNIFF]:
        raise BinaryInput("binary file (contains NUL bytes); skipped", path=item.name,
                          byte=item.data.index(b"\x00"))
    return Source.from_bytes(item.data, item.name)


def format_for(name: str, default: str = "markdown") -> str:
    return FORMAT_BY_SUFFIX.get(Path(name).suffix.lower(), default)


def locale_from_path(path: Path, known: Iterable[str] = ()) -> str | None:
    """`article.ja-JP.md` -> ja-JP; `content/de-DE/x.md` -> de-DE; `content/ja/x.md` -> ja.

    A bare language is trusted in a folder name only when a profile of that name exists,
    and in a file name when it is also a CLDR language, so `notes.old.md` or `post.bak.md`
    never pass for a locale.
    """
    known = set(known)
    parts = path.name.split(".")
    if len(parts) >= 3 and _TAG.fullmatch(parts[-2]):
        tag = parts[-2].replace("_", "-")
        if _REGIONAL_TAG.fullmatch(parts[-2]) or tag in known or _cldr_language(tag):
            return tag
    for part in reversed(path.parent.parts):
        if _REGIONAL_TAG.fullmatch(part) or part in known:
            return part.replace("_", "-")
    return None


@lru_cache(maxsize=64)
def _cldr_language(tag: str) -> bool:
    # Looks for Babel's data file without importing Babel (20+ ms of start-up).
    import importlib.util
    spec = importlib.util.find_spec("babel")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        data = Path(folder) / "locale-data"
        if data.is_dir():
            return (data / f"{tag}.dat").is_file()
    from babel import localedata
    return localedata.exists(tag)


def walk(root: Path, config: Config, avoid: Iterable[Path] = ()) -> list[Path]:
    """Files under `root` matching the config's include globs and none of its excludes,
    in a stable order (names sorted, a folder's files before its subfolders').

    Globs are matched against the path relative to the config file's folder when the
    file lies under it (so patterns mean the same from wherever the tool is run), else
    relative to `root`. Folders in `avoid` (e.g. the output folder) are not entered.
    """
    avoid = {p.resolve() for p in avoid}
    base = config.root.resolve()
    absolute_root = root.resolve()
    try:
        prefix = absolute_root.relative_to(base).as_posix()
        prefix = "" if prefix == "." else prefix + "/"
    except ValueError:
        prefix = ""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = Path(dirpath).relative_to(root).as_posix()
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        kept = []
        for d in sorted(dirnames):
            rel = prefix + rel_dir + d
            if any(glob_match(rel + "/x", pat) for pat in config.exclude):
                continue
            if avoid and (Path(dirpath) / d).resolve() in avoid:
                continue
            kept.append(d)
        dirnames[:] = kept
        for fname in sorted(filenames):
            if included(prefix + rel_dir + fname, config):
                found.append(Path(dirpath) / fname)
    return found


def included(rel: str, config: Config) -> bool:
    return any(glob_match(rel, pat) for pat in config.include) and not excluded(rel, config)


def excluded(rel: str, config: Config) -> bool:
    return any(glob_match(rel, pat) for pat in config.exclude)


def write_atomic(path: Path, data: bytes) -> bool:
    """Write `data` to `path` via a temporary file and a rename: all or nothing.

    Returns False (and touches nothing) when the file already holds exactly `data`.
    A symbolic link is followed, so the link survives and its target is updated.
    """
    import tempfile  # only writers pay for it

    path = Path(os.path.realpath(path))
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    if st is not None:
        if stat.S_ISREG(st.st_mode) and st.st_size == len(data) and path.read_bytes() == data:
            return False
        mode = stat.S_IMODE(st.st_mode)
    else:
        mode = 0o666 & ~_umask()  # what open() would have given a new file
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".localize-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return True


@lru_cache(maxsize=1)
def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current
