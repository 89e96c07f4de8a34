"""Human-readable findings: grouped by file, each with the source line and a caret."""
from __future__ import annotations

import unicodedata

import click

from . import FileReport, counts

_COLOURS = {"error": "red", "warning": "yellow", "info": "blue"}
# Context lines are cut to about this many columns around the finding: a Markdown
# paragraph is often one very long line.
CONTEXT_WIDTH = 100


def render(reports: list[FileReport], colour: bool = False) -> str:
    def style(text: str, **kw) -> str:
        return click.style(text, **kw) if colour else text

    out: list[str] = []
    for report in reports:
        if report.error:
            out.append(f"{style('error', fg='red', bold=True)}: {report.error}")
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
                start = min(d.column - 1, len(src))
                end = start + 1
                if d.original_end and d.original_end.line == d.line:
                    end = max(start + 1, d.original_end.column - 1)
                elif d.original_end and d.original_end.line > d.line:
                    end = max(start + 1, len(src))
                shown, pad, width = excerpt(src, start, end)
                out.append(f"      | {shown}")
                out.append(f"      | {' ' * pad}{style('^' * width, fg=_COLOURS[sev])}")
            if d.fix is not None:
                out.append(f"      = fix: {d.fix!r}")
        out.append("")
    c = counts(reports)
    summary = (f"{c['error']} error(s), {c['warning']} warning(s), {c['info']} info "
               f"in {len(reports)} file(s)")
    if c["input_errors"]:
        summary += f"; {c['input_errors']} file(s) could not be read"
    out.append(summary)
    return "\n".join(out) + "\n"


def excerpt(line: str, start: int, end: int, budget: int = CONTEXT_WIDTH) -> tuple[str, int, int]:
    """(text to show, columns before the caret, caret width) for line[start:end].

    Invisible and control characters are spelled out as <U+XXXX>, so the caret points
    at something and no escape sequence reaches the terminal; long lines are cut
    around the span with an ellipsis.
    """
    end = max(end, start)
    lo, hi = 0, len(line)
    if _display_width(_visible(line)) > budget:
        lo = max(0, start - budget // 3)
        hi = min(len(line), max(end, lo + budget))
    head = ("…" if lo > 0 else "") + _visible(line[lo:start])
    span = _visible(line[start:end])
    tail = _visible(line[end:hi]) + ("…" if hi < len(line) else "")
    return head + span + tail, _display_width(head), max(1, _display_width(span))


def _visible(s: str) -> str:
    out = []
    for c in s:
        if c == "\t":
            out.append(" ")
        elif unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"):
            out.append(f"<U+{ord(c):04X}>")
        else:
            out.append(c)
    return "".join(out)


def _display_width(s: str) -> int:
    """Terminal columns: East Asian wide characters take two, combining marks none."""
    width = 0
    for c in s:
        if unicodedata.combining(c):
            continue
        width += 2 if unicodedata.east_asian_width(c) in "WF" else 1
    return width
