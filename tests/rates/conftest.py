"""Helpers for the rate tests: small synthetic ECB archives in the real file's shape."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest


def write_ecb_zip(path: Path, csv_text: str, member: str = "eurofxref-hist.csv") -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, csv_text)
    return path


@pytest.fixture
def ecb_zip(tmp_path: Path):
    def make(csv_text: str, name: str = "hist.zip") -> Path:
        return write_ecb_zip(tmp_path / name, csv_text)
    return make
