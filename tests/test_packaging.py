"""The wheel is complete: built from this tree, installed into a fresh virtualenv
(its dependencies come from the package index, so the declared list must be enough),
and run from a folder outside the checkout, it finds its locale profiles and
glossaries inside the installed package (localize/_data/), never in the checkout.
"""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIRST_CLASS = ("en-US", "en-GB", "ja-JP", "de-DE", "fr-FR", "es-ES", "zh-CN")


def _env() -> dict[str, str]:
    # Nothing may point the installed package back at the checkout.
    return {k: v for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONSTARTUP")}


def _run(cmd: list[str], cwd: Path, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=_env(), capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=900, **kw)


def _report(proc: subprocess.CompletedProcess[str]) -> str:
    return f"{proc.args}\nexit {proc.returncode}\n--- stdout\n{proc.stdout}\n--- stderr\n{proc.stderr}"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = _run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)], cwd=out)
    assert proc.returncode == 0, _report(proc)
    wheels = list(out.glob("localize-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtualenv holding the wheel and its dependencies: its bin/ folder."""
    venv = tmp_path_factory.mktemp("venv")
    proc = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=venv)
    assert proc.returncode == 0, _report(proc)
    # The test environment's pip installs into the new interpreter (pip --python): no
    # need to bootstrap a second pip, and the result is the same.
    proc = _run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"),
                 "install", "--quiet", str(wheel)], cwd=venv)
    assert proc.returncode == 0, _report(proc)
    return venv / "bin"


@pytest.fixture()
def outside(tmp_path) -> Path:
    """A working folder with no checkout, config or pyproject.toml above it."""
    work = tmp_path / "newsroom"
    work.mkdir()
    assert ROOT not in work.parents
    return work


def test_wheel_ships_the_package_and_its_data(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
    shipped_locales = {n.rsplit("/", 1)[1] for n in names
                       if n.startswith("localize/_data/locales/") and n.endswith(".yaml")}
    assert shipped_locales == {p.name for p in (ROOT / "locales").glob("*.yaml")}
    assert {"root.yaml", *(f"{tag}.yaml" for tag in FIRST_CLASS)} <= shipped_locales
    glossary_files = [n for n in names if n.startswith("localize/_data/glossaries/") and not n.endswith("/")]
    assert glossary_files, ("the wheel has no localize/_data/glossaries/: glossaries/ must hold at "
                            "least one committed file (a README or a glossary)")
    assert "localize/py.typed" in names
    assert "localize/cli/main.py" in names
    # Only the package and its metadata: no tests, examples or checkout leftovers.
    strays = [n for n in names if not n.startswith(("localize/", "localize-"))]
    assert not strays, strays
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    with zipfile.ZipFile(wheel) as zf:
        assert "localize = localize.cli.main:main" in zf.read(entry_points).decode()


def test_installed_package_uses_its_own_data(installed, outside):
    probe = ("import localize, localize.data_paths as d; "
             "print(localize.__file__); print(d.data_dir('locales')); print(d.data_dir('glossaries'))")
    proc = _run([str(installed / "python"), "-c", probe], cwd=outside)
    assert proc.returncode == 0, _report(proc)
    package, locales, glossaries = (Path(line) for line in proc.stdout.splitlines())
    site = package.parent
    assert site.parent.name == "site-packages" and installed.parent in site.parents, package
    assert locales == site / "_data" / "locales" and locales.is_dir()
    assert glossaries == site / "_data" / "glossaries" and glossaries.is_dir()
    assert ROOT not in locales.parents


def test_installed_cli_lists_locales(installed, outside):
    proc = _run([str(installed / "localize"), "--version"], cwd=outside)
    assert proc.returncode == 0 and "localize" in proc.stdout, _report(proc)
    proc = _run([str(installed / "localize"), "locales"], cwd=outside)
    assert proc.returncode == 0, _report(proc)
    listed = {line.split()[0]: line for line in proc.stdout.splitlines() if line.strip()}
    for tag in FIRST_CLASS:
        assert tag in listed, (tag, proc.stdout)
    assert "inherits: ja <- root" in listed["ja-JP"], listed["ja-JP"]


def test_installed_cli_checks_and_fixes(installed, outside):
    bad = outside / "brief.en-GB.md"
    bad.write_bytes("# Harbour brief  \n\nThe operator\u00e2\u20ac\u2122s statement followed.\n".encode())
    clean = outside / "clean.de-DE.md"
    clean.write_bytes("# Hafen\n\nDie Fähre fährt pünktlich.\n".encode())
    # Profile data inherited through ja-JP -> ja -> root: full-width digits become half-width.
    ja = outside / "prices.ja-JP.md"
    ja.write_bytes("# 運賃\n\n片道は３２０円です。\n".encode())
    localize = str(installed / "localize")

    proc = _run([localize, "check", bad.name, clean.name], cwd=outside)
    assert proc.returncode == 1, _report(proc)
    assert "brief.en-GB.md" in proc.stdout and "clean.de-DE.md" not in proc.stdout, _report(proc)
    assert "normalise.mojibake" in proc.stdout and "normalise.trailing-whitespace" in proc.stdout

    proc = _run([localize, "check", clean.name], cwd=outside)
    assert proc.returncode == 0, _report(proc)

    proc = _run([localize, "run", bad.name], cwd=outside)
    assert proc.returncode == 0, _report(proc)
    assert proc.stdout == "# Harbour brief\n\nThe operator\u2019s statement followed.\n"

    proc = _run([localize, "run", ja.name], cwd=outside)
    assert proc.returncode == 0, _report(proc)
    assert proc.stdout == "# 運賃\n\n片道は320円です。\n"

    proc = _run([localize, "check", "--locale", "xx-NOPE", clean.name], cwd=outside)
    assert proc.returncode == 2, _report(proc)
