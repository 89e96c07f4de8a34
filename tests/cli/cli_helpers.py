"""Shared constants and helpers for the CLI tests (fixtures live in conftest.py)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LOCALIZE = Path(sys.executable).with_name("localize")

# Original sample text. CLEAN needs no change in any locale; MESSY has a doubled space
# (normalise.space-run) and a trailing space (normalise.trailing-whitespace).
CLEAN = "# Lighthouse keepers\n\nThe crew painted the lantern room white again.\n"
MESSY = "The crew  painted the lantern room. \nThey left at dusk.\n"
MESSY_FIXED = "The crew painted the lantern room.\nThey left at dusk.\n"


def real(args: list[str], cwd: Path, input: bytes | None = None) -> subprocess.CompletedProcess:
    """The installed console script, for byte-level checks."""
    return subprocess.run([str(LOCALIZE), *args], cwd=cwd, input=input, capture_output=True,
                          timeout=60)
