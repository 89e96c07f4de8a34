"""A small on-disk cache for data that is slow to derive and never changes for a given
set of inputs: CLDR currency tables (Babel) and compiled recogniser patterns.

Where: `$XDG_CACHE_HOME/localize/` (an absolute XDG_CACHE_HOME only, as the XDG spec
says), else `~/.cache/localize/`.

Each entry is stored with its key: the full text of everything its content was
derived from (pattern texts, library versions, source fingerprints). A read returns
the payload only when the stored key equals the key asked for, byte for byte, and the
payload's CRC-32 matches, so a stale, foreign, truncated or damaged file is ignored
(and rewritten), never used. The file name is a checksum of the key, which only
spreads entries over files. Writes go to a temporary file that is renamed into place,
so readers never see half a file.

The cache only ever saves time: when it cannot be read or written (read-only home,
no home at all, a full disk) everything is derived again in memory, with the same
result. The folder may be deleted at any time. When an entry is written, entries of
the same kind not written for `STALE_DAYS` days (left by older versions) are removed.
(No hashlib: importing it costs ~10 ms, more than a warm start needs.)
"""
from __future__ import annotations

import os
import time
import zlib
from pathlib import Path

_MAGIC = b"localize-cache 2\n"
STALE_DAYS = 30


def cache_dir() -> Path | None:
    """The user cache folder for localize, or None when there is no usable home."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if base and os.path.isabs(base):
        return Path(base) / "localize"
    try:
        return Path.home() / ".cache" / "localize"
    except (RuntimeError, KeyError, OSError):  # no home directory (some containers)
        return None


def entry_name(prefix: str, key: str) -> str:
    """`<prefix>-<checksum of key>`; the caller adds a suffix (.json, .re)."""
    data = key.encode("utf-8", "surrogatepass")
    return f"{prefix}-{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def read(name: str, key: str, *, view: bool = False) -> "bytes | memoryview | None":
    """The payload stored under `name` for exactly this `key`, else None. With `view`,
    a memoryview over the file's bytes: a large payload (a 50 MB automaton) is then not
    copied once more before it is unpickled."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        blob = (folder / name).read_bytes()
    except (OSError, ValueError):
        return None
    if not blob.startswith(_MAGIC):
        return None
    try:
        line_end = blob.index(b"\n", len(_MAGIC))
        key_len, payload_len, crc = (int(x, 16) for x in blob[len(_MAGIC):line_end].split(b" "))
    except ValueError:
        return None
    key_bytes = key.encode("utf-8", "surrogatepass")
    body = line_end + 1
    if key_len != len(key_bytes) or len(blob) != body + key_len + payload_len:
        return None
    if blob[body:body + key_len] != key_bytes:
        return None
    payload = memoryview(blob)[body + key_len:]
    if zlib.crc32(payload) != crc:
        return None
    return payload if view else payload.tobytes()


def write(name: str, key: str, payload: bytes) -> bool:
    """Store `payload` for `key` under `name`, atomically; False (and nothing raised)
    when the cache folder cannot be written."""
    folder = cache_dir()
    if folder is None:
        return False
    import tempfile   # only when writing: a warm start never needs it

    key_bytes = key.encode("utf-8", "surrogatepass")
    head = b"%x %x %x\n" % (len(key_bytes), len(payload), zlib.crc32(payload))
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC + head + key_bytes + payload)
        os.replace(tmp, folder / name)
        _tidy(folder, name)
        return True
    except (OSError, ValueError):
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False


def _tidy(folder: Path, written: str) -> None:
    """Remove entries of the same kind as `written` (same prefix and suffix, another
    checksum) and temporary files, not written for STALE_DAYS days. Best effort."""
    prefix, _, tail = written.rpartition("-")
    suffix = tail[16:]
    cutoff = time.time() - STALE_DAYS * 86400
    try:
        for entry in os.scandir(folder):
            name = entry.name
            rest = name[len(prefix) + 1:] if name.startswith(prefix + "-") else ""
            same_kind = len(rest) == 16 + len(suffix) and rest.endswith(suffix) \
                and all(c in "0123456789abcdef" for c in rest[:16])
            if name != written and (same_kind or name.endswith(".tmp")) \
                    and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
    except OSError:
        pass
