"""Cold start of `localize check` on one small article, as a user's shell sees it.

    .venv/bin/python benchmarks/cold_start.py [--runs 20]

Prints figures; asserts nothing. Target (issue 2): median <= 0.25 s wall on the
project's 2-core machine.

The environment sets PYTHONDONTWRITEBYTECODE=1, which would make every run compile
the package from source. An installed wheel has its bytecode written at install time,
so the package is compiled once (compileall) before timing, to measure what users get.
"""
from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 0.25

ARTICLE = """\
---
title: Harbour ferry fares rise
date: 2026-06-14
lang: en-GB
---

# Harbour ferry fares to rise in July

The harbour authority said on Monday that single fares on the cross-river ferry will
rise by 20p from 1 July, the first increase since the service was rebuilt.

Commuters using the  season ticket are not affected, the authority said. 
"""


def venv_bin() -> Path:
    here = Path(sys.executable).parent
    if (here / "localize").is_file():
        return here
    return ROOT / ".venv" / "bin"


def wall_times(cmd: list[str], cwd: str, runs: int) -> tuple[list[float], subprocess.CompletedProcess]:
    times = []
    proc = None
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True)
        times.append(time.perf_counter() - t0)
    assert proc is not None
    return times, proc


def import_profile(python: Path, cwd: str) -> list[tuple[int, int, str]]:
    """(self µs, cumulative µs, module) for every import of one `check` run (-X importtime)."""
    proc = subprocess.run([str(python), "-X", "importtime", "-c",
                           "import sys; from localize.cli.main import main; "
                           "sys.argv = ['localize', 'check', 'article.md', '--locale', 'en-GB']; main()"],
                          cwd=cwd, capture_output=True, text=True)
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "cumulative" not in line:
            own, cumulative, name = line[len("import time:"):].split("|")
            rows.append((int(own), int(cumulative), name.strip()))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    load = os.getloadavg()

    bindir = venv_bin()
    cli = bindir / "localize"
    python = bindir / "python"
    package = ROOT / "localize"
    compileall.compile_dir(str(package), quiet=1)
    print(f"compiled {package.relative_to(ROOT)}/ to bytecode first (compileall), as an installed "
          f"wheel would be: PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r} "
          "stops imports from caching it")

    with tempfile.TemporaryDirectory(prefix="localize-cold-") as tmp:
        (Path(tmp) / "article.md").write_text(ARTICLE, encoding="utf-8")
        cmd = [str(cli), "check", "article.md", "--locale", "en-GB"]
        subprocess.run(cmd, cwd=tmp, capture_output=True)  # warm the OS file cache
        floor, _ = wall_times([str(python), "-c", "pass"], tmp, args.runs)
        times, proc = wall_times(cmd, tmp, args.runs)
        imports = import_profile(python, tmp)

    crashed = b"Traceback" in proc.stderr or (proc.returncode == 1 and not proc.stdout)
    if proc.returncode not in (0, 1) or crashed:
        # A crash is fast: do not let it pass for a cold-start figure.
        sys.exit(f"`localize check` failed (exit {proc.returncode}); no figures:\n"
                 f"{proc.stderr.decode()[-2000:]}")
    print(f"load average before: {load[0]:.2f}, after: {os.getloadavg()[0]:.2f} "
          "(2 cores; above ~1 the figures are pessimistic)")
    median = statistics.median(times)
    print(f"command: localize check article.md --locale en-GB  (exit {proc.returncode}, "
          f"{len(proc.stdout.decode().splitlines())} report lines)")
    print(f"runs: {args.runs}   median {median * 1000:.0f} ms   min {min(times) * 1000:.0f} ms   "
          f"max {max(times) * 1000:.0f} ms")
    print(f"interpreter floor (python -c pass): median {statistics.median(floor) * 1000:.0f} ms")
    print(f"target: median <= {TARGET_S * 1000:.0f} ms -> {'met' if median <= TARGET_S else 'NOT met'}")
    total = sum(own for own, _, _ in imports)
    print(f"imports: {len(imports)} modules, {total / 1000:.0f} ms in total (one run, -X importtime); "
          "heaviest by own time:")
    for own, cumulative, name in sorted(imports, reverse=True)[:10]:
        print(f"  {own / 1000:6.1f} ms own  {cumulative / 1000:6.1f} ms with children  {name}")
    lazy = sorted(name for name in ("babel", "pint", "ftfy", "markdown_it", "currency_converter")
                  if any(n == name for _, _, n in imports))
    print(f"heavy libraries imported by this check: {', '.join(lazy) or 'none (all lazy)'}")


if __name__ == "__main__":
    main()
