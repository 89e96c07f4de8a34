"""Reading inputs and writing outputs without losing anything.

Inputs are decoded strictly (invalid UTF-8 is an error naming the byte), binary files
are refused, and in-place writes go to a temporary file in the same folder that is
renamed over the original only when complete, keeping its permissions.
"""
from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .config import Config, glob_match
from .errors import InputError
from .source import Source

FORMAT_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".mdx": "markdown",
                    ".txt": "text", ".text": "text"}
_TAG = re.compile(r"[a-z]{2,3}(?:[-_][A-Z][a-z]{3})?(?:[-_](?:[A-Z]{2}|\d{3}))?")
_REGIONAL_TAG = re.compile(r"[a-z]{2,3}(?:[-_][A-Z][a-z]{3})?[-_](?:[A-Z]{2}|\d{3})")


@dataclass(frozen=True)
class InputFile:
    name: str             # as given or found (for messages); "-" for stdin
    path: Path | None     # None for stdin
    data: bytes


def read_input(name: str) -> InputFile:
    if name == "-":
        return InputFile("<stdin>", None, sys.stdin.buffer.read())
    path = Path(name)
    if not path.exists():
        raise InputError("no such file or directory", path=name)
    if path.is_dir():
        raise InputError("is a directory", path=name)
    try:
        return InputFile(name, path, path.read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=name) from None


def decode(item: InputFile) -> Source:
    return Source.from_bytes(item.data, item.name)


def format_for(name: str, default: str = "markdown") -> str:
    return FORMAT_BY_SUFFIX.get(Path(name).suffix.lower(), default)


def locale_from_path(path: Path, known: Iterable[str] = ()) -> str | None:
    """`article.ja-JP.md` -> ja-JP; `content/de-DE/x.md` -> de-DE; `content/ja/x.md` -> ja
    (a bare language folder counts only when a profile of that name exists)."""
    suffixes = path.name.split(".")
    if len(suffixes) >= 3 and _TAG.fullmatch(suffixes[-2]):
        return suffixes[-2].replace("_", "-")
    known = set(known)
    for part in reversed(path.parent.parts):
        if _REGIONAL_TAG.fullmatch(part) or part in known:
            return part.replace("_", "-")
    return None


def walk(root: Path, config: Config) -> list[Path]:
    """Files under `root` matching the config's include globs and none of its excludes."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        rel_dir = Path(dirpath).relative_to(root)
        dirnames[:] = [d for d in dirnames
                       if not any(glob_match((rel_dir / d).as_posix() + "/x", pat) for pat in config.exclude)]
        for fname in sorted(filenames):
            rel = (rel_dir / fname).as_posix()
            if any(glob_match(rel, pat) for pat in config.include) and \
                    not any(glob_match(rel, pat) for pat in config.exclude):
                found.append(Path(dirpath) / fname)
    return found


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file and a rename: all or nothing."""
    import tempfile  # only writers pay for it

    directory = path.parent
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".localize-tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
