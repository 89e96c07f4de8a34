"""GitHub Actions workflow commands: each finding becomes an annotation on the PR diff."""
from __future__ import annotations

from . import FileReport

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(reports: list[FileReport], colour: bool = False) -> str:
    out = []
    for r in reports:
        if r.error:
            props = [f"file={_escape_property(r.name)}"]
            if r.error_line:
                props.append(f"line={r.error_line}")
            props.append("title=localize")
            out.append(f"::error {','.join(props)}::{_escape_data(r.error_message or r.error)}")
            continue
        for d in r.findings:
            props = [f"file={_escape_property(r.name)}", f"line={d.line}", f"col={d.column}"]
            if d.original_end:
                props += [f"endLine={d.original_end.line}", f"endColumn={d.original_end.column}"]
            props.append(f"title={_escape_property(d.rule)}")
            msg = d.message + (f" (fix: {d.fix!r})" if d.fix is not None else "")
            out.append(f"::{_LEVEL[d.severity.value]} {','.join(props)}::{_escape_data(msg)}")
    return "\n".join(out) + ("\n" if out else "")
