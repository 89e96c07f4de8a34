"""Build findings positioned in a source text, as the pipeline would."""
from __future__ import annotations

from localize.edits import Diagnostic, Severity
from localize.offsets import LineIndex
from localize.reports import FileReport


def finding(source: str, needle: str, rule: str = "test.rule", severity: str = "warning",
            message: str = "something to look at", fix: str | None = None) -> Diagnostic:
    start = source.index(needle)
    end = start + len(needle)
    index = LineIndex(source)
    d = Diagnostic(rule, Severity(severity), message, start, end, stage="test", fix=fix)
    d.original_start, d.original_end = index.position(start), index.position(end)
    return d


def report(name: str, source: str, *findings: Diagnostic, locale: str = "en-GB") -> FileReport:
    return FileReport(name, locale, source, list(findings))
