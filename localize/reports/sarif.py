"""SARIF 2.1.0 (`localize check --format sarif`), for GitHub code scanning and the
editors and dashboards that read static-analysis results.

One run per invocation. Each rule that produced a finding is described under
`tool.driver.rules` (title, explanation, and how to ask `localize explain`); each finding
is a result with its region in code points (`columnKind: unicodeCodePoints`, so
columns agree with the text and JSON reports) and, when `run` would change the text,
a `fixes` entry with the replacement. A file that could not be read becomes a
tool execution notification, and `executionSuccessful` is false.
"""
from __future__ import annotations

import json
from pathlib import Path, PurePath
from urllib.parse import quote

from .. import __version__
from ..edits import Diagnostic
from . import FileReport

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(reports: list[FileReport], colour: bool = False) -> str:
    return json.dumps(as_data(reports), ensure_ascii=False, indent=2) + "\n"


def as_data(reports: list[FileReport]) -> dict:
    rule_index: dict[str, int] = {}
    rules: list[dict] = []
    results: list[dict] = []
    notifications: list[dict] = []
    for report in reports:
        uri = _uri(report.name)
        if report.error:
            note: dict = {"level": "error", "message": {"text": report.error_message or report.error}}
            if uri:
                location: dict = {"physicalLocation": {"artifactLocation": {"uri": uri}}}
                if report.error_line:
                    location["physicalLocation"]["region"] = {"startLine": report.error_line}
                note["locations"] = [location]
            notifications.append(note)
            continue
        for d in report.findings:
            if d.rule not in rule_index:
                rule_index[d.rule] = len(rules)
                rules.append(_rule(d))
            results.append(_result(d, uri, rule_index[d.rule]))
    invocation: dict = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "localize", "version": __version__, "semanticVersion": __version__,
                                "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "invocations": [invocation],
            "results": results,
        }],
    }


def _uri(name: str) -> str | None:
    if name in ("-", "<stdin>"):
        return None
    path = PurePath(name)
    if path.is_absolute():
        return Path(name).as_uri()
    # SARIF wants URI references: forward slashes, and a relative path stays relative
    # (to the checkout, which is what code scanning expects).
    return quote(path.as_posix())


def _rule(d: Diagnostic) -> dict:
    from ..rules import rule_for
    rule = rule_for(d.stage, d.rule)
    entry: dict = {"id": d.rule,
                   "help": {"text": f"Run `localize explain {d.rule}` for the rule and its examples."}}
    if rule is not None:
        entry["name"] = rule.id.split(".", 1)[-1]
        entry["shortDescription"] = {"text": rule.title}
        entry["fullDescription"] = {"text": rule.description}
        entry["defaultConfiguration"] = {"level": _LEVEL[rule.severity.value]}
        entry["properties"] = {"stage": rule.stage, "fixable": rule.fixable}
    return entry


def _result(d: Diagnostic, uri: str | None, index: int) -> dict:
    start, end = d.original_start, d.original_end
    region: dict = {"startLine": max(1, d.line), "startColumn": max(1, d.column)}
    if end is not None:
        region["endLine"] = end.line
        region["endColumn"] = end.column
    physical: dict = {"region": region}
    if uri:
        physical["artifactLocation"] = {"uri": uri}
    result: dict = {
        "ruleId": d.rule, "ruleIndex": index, "level": _LEVEL[d.severity.value],
        "message": {"text": d.message},
        "locations": [{"physicalLocation": physical}],
    }
    if d.fix is not None and uri and start is not None and end is not None:
        result["fixes"] = [{
            "description": {"text": f"Replace with {d.fix!r}" if d.fix else "Delete"},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [{
                "deletedRegion": dict(region), "insertedContent": {"text": d.fix}}]}],
        }]
    if d.data:
        result["properties"] = {"data": d.data}
    return result
