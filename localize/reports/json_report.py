"""Machine-readable findings (`localize check --format json`).

The schema is versioned: fields are only ever added; a breaking change bumps `version`.

    {
      "version": 1,
      "tool": {"name": "localize", "version": "0.1.0"},
      "files": [
        {"path": "a.md", "locale": "en-GB" | null,
         "error": null | "a.md:3: invalid YAML front matter: ...",
         "error_line": null | 3,
         "findings": [
           {"rule": "normalise.space-run", "severity": "error" | "warning" | "info",
            "message": "...", "stage": "normalise",
            "line": 1, "column": 6, "end_line": 1, "end_column": 8,     (1-based, input)
            "offset": 5, "end_offset": 7,                               (code points)
            "fix": " " | null,
            "output": {"line": 1, "column": 6},                         (optional)
            "data": {...}}                                              (optional)
         ]}
      ],
      "summary": {"files": 1, "error": 0, "warning": 1, "info": 0, "input_errors": 0}
    }
"""
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
            {"path": r.name, "locale": r.locale, "error": r.error, "error_line": r.error_line,
             "findings": [d.to_dict() for d in r.findings]}
            for r in reports
        ],
        "summary": {"files": len(reports), **counts(reports)},
    }


def render(reports: list[FileReport], colour: bool = False) -> str:
    return json.dumps(as_data(reports), ensure_ascii=False, indent=2) + "\n"
