from __future__ import annotations

from typing import Any, Callable

import pytest

import localize
from localize.pipeline import Result


@pytest.fixture
def normalise() -> Callable[..., Result]:
    """Run only the normalise stage."""
    def run(text: str, locale: str = "en-US", format: str = "markdown",
            config: Any = None) -> Result:
        return localize.localize(text, locale=locale, format=format, config=config,
                                 stages=["normalise"])
    return run
