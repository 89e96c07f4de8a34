"""Where the shipped locale profiles and glossaries live.

In a wheel they are packaged as localize/_data/; in a source checkout (or an editable
install) they are the top-level locales/ and glossaries/ folders.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / name
