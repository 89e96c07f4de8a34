"""Human-readable findings: grouped by file, each with the source line and a caret."""
from __future__ import annotations

import click

from . import FileReport, counts

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}


def render(reports: list[FileReport], colour: bool = False) -> str:
    def style(text: str, **kw) -> str:
        return click.style(text, **kw) if colour else text

    out: list[str] = []
    for report in reports:
        if report.error:
            out.append(f"{style(report.name, bold=True)}: {style('error', fg='red')}: {report.error}")
            continue
        if not report.findings:
            continue
        out.append(style(report.name, bold=True) + (f"  ({report.locale})" if report.locale else ""))
        lines = report.source.split("\n")
        for d in report.findings:
            sev = d.severity.value
            out.append(f"  {d.line}:{d.column}  {style(f'{sev:<7}', fg=_COLOURS[sev])}  "
                       f"{style(d.rule, dim=True)}  {d.message}")
            if 0 < d.line <= len(lines):
                src = lines[d.line - 1].rstrip("\r")
                width = 1
                if d.original_end and d.original_end.line == d.line:
                    width = max(1, d.original_end.column - d.column)
                shown = src.replace("\t", " ")
                out.append(f"      | {shown}")
                out.append(f"      | {' ' * _display_width(shown[:d.column - 1])}"
                           f"{style('^' * _display_width(shown[d.column - 1:d.column - 1 + width]) or '^', fg=_COLOURS[sev])}")
            if d.fix is not None:
                out.append(f"      = fix: {d.fix!r}")
        out.append("")
    c = counts(reports)
    files = len(reports)
    summary = (f"{c['error']} error(s), {c['warning']} warning(s), {c['info']} info "
               f"in {files} file(s)")
    if c["input_errors"]:
        summary += f"; {c['input_errors']} file(s) could not be read"
    out.append(summary)
    return "\n".join(out) + "\n"


def _display_width(s: str) -> int:
    """Terminal columns: East Asian wide characters take two."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
