"""Machine-readable findings. The schema is documented in the README and versioned:
fields are only ever added; a breaking change bumps `version`."""
from __future__ import annotations

import json

from .. import __version__
from . import FileReport, counts

SCHEMA_VERSION = 1


def as_data(reports: list[FileReport]) -> dict:
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "localize", "version": __version__},
        "files": [
            {"path": r.name, "locale": r.locale, "error": r.error,
             "findings": [d.to_dict() for d in r.findings]}
            for r in reports
        ],
        "summary": {"files": len(reports), **counts(reports)},
    }


def render(reports: list[FileReport], colour: bool = False) -> str:
    return json.dumps(as_data(reports), ensure_ascii=False, indent=2) + "\n"
