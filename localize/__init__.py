"""localize: localise news articles for a target locale.

The library API for a CMS::

    import localize
    result = localize.localize(text, locale="en-GB")
    result.text, result.changes, result.diagnostics

    pipeline = localize.Pipeline(locale="ja-JP")   # reusable and thread-safe
    pipeline.run(text).text

Nothing here touches the network, the clock or a random source: the same input gives
the same output.
"""
from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any, Iterable, Mapping

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .config import Config
    from .edits import Change, Diagnostic, Severity
    from .errors import ConfigError, InputError, LocalizeError, ProfileError
    from .pipeline import Pipeline, Result
    from .recognize import Entity, extract

__all__ = ["localize", "check", "extract", "Entity", "Pipeline", "Result", "Change", "Diagnostic", "Severity",
           "Config", "LocalizeError", "InputError", "ProfileError", "ConfigError", "__version__"]

_LAZY = {
    "Pipeline": "pipeline", "Result": "pipeline", "Context": "pipeline",
    "Change": "edits", "Diagnostic": "edits", "Severity": "edits", "Edit": "edits",
    "Config": "config",
    "extract": "recognize", "Entity": "recognize",
    "LocalizeError": "errors", "InputError": "errors", "ProfileError": "errors", "ConfigError": "errors",
}


def __getattr__(name: str) -> Any:
    # Keeps `import localize` cheap: modules load when first used.
    if name in _LAZY:
        import importlib
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'localize' has no attribute {name!r}")


def localize(text: str, *, locale: str | None, format: str = "markdown",
             date: "_dt.date | str | None" = None,
             config: "Config | Mapping[str, Any] | str | None" = None,
             stages: Iterable[str] | None = None, glossaries: Iterable[str] = ()) -> "Result":
    """Localise one article. `locale=None` takes the locale from front matter.

    Returns a Result with `.text` (the localised article), `.changes` (each change with
    stage, rule, before, after, reason and positions) and `.diagnostics`.
    """
    from .pipeline import Pipeline
    return Pipeline(locale, config=config, stages=stages, format=format,  # type: ignore[arg-type]
                    glossaries=glossaries).run(text, date=date)


def check(text: str, *, locale: str | None, format: str = "markdown",
          date: "_dt.date | str | None" = None,
          config: "Config | Mapping[str, Any] | str | None" = None,
          stages: Iterable[str] | None = None, glossaries: Iterable[str] = ()) -> "list[Diagnostic]":
    """Report only: every diagnostic, plus one finding per change `localize` would make."""
    return localize(text, locale=locale, format=format, date=date, config=config, stages=stages,
                    glossaries=glossaries).findings()
