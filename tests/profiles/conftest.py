"""A temporary locales/ folder for profile tests that need broken or extra files."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from localize.profiles import loader


def _clear() -> None:
    loader._read.cache_clear()
    loader._load.cache_clear()


@pytest.fixture
def locales_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of root.yaml (and the rule files) in an empty folder the loader reads instead of locales/."""
    real = loader._profiles_dir()
    folder = tmp_path / "locales"
    folder.mkdir()
    shutil.copy(real / "root.yaml", folder / "root.yaml")
    shutil.copytree(real / "rules", folder / "rules")  # root.yaml includes rules/root.yaml
    monkeypatch.setattr(loader, "_profiles_dir", lambda: folder)
    _clear()
    yield folder
    monkeypatch.undo()
    _clear()  # never leave a temporary profile in the process-wide cache
