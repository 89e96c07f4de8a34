"""Report writers. One findings model, several renderings: text for people, JSON for
tools, SARIF for code scanning, GitHub workflow commands for pull-request annotations."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..edits import Diagnostic, Severity

REPORT_FORMATS = ("text", "json", "sarif", "github")


@dataclass
class FileReport:
    name: str
    locale: str | None = None
    source: str = ""                 # the input text, for context lines
    findings: list[Diagnostic] = field(default_factory=list)
    error: str | None = None         # an input error that stopped this file, naming it
    error_line: int | None = None    # where in the file the error is, when known
    error_message: str | None = None  # `error` without the file name and position


def counts(reports: list[FileReport]) -> dict[str, int]:
    out = {s.value: 0 for s in Severity}
    for r in reports:
        for d in r.findings:
            out[d.severity.value] += 1
    out["input_errors"] = sum(1 for r in reports if r.error)
    return out


def renderer(fmt: str) -> Callable[..., str]:
    if fmt == "json":
        from .json_report import render
    elif fmt == "sarif":
        from .sarif import render
    elif fmt == "github":
        from .github import render
    else:
        from .text import render
    return render
