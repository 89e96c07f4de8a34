"""The JSON report: a stable, versioned shape."""
from __future__ import annotations

import json

from localize import __version__
from localize.reports import FileReport
from localize.reports.json_report import SCHEMA_VERSION, as_data, render

from report_helpers import finding, report


def test_shape():
    src = "One  two.\nThree\u00a0four.\n"
    data = as_data([
        report("a.md", src, finding(src, "  ", "normalise.space-run", fix=" "),
               finding(src, "Three", "test.info", severity="info")),
        FileReport("b.md", error="b.md: byte 4: not valid UTF-8", error_message="not valid UTF-8"),
    ])
    assert data["version"] == SCHEMA_VERSION == 1
    assert data["tool"] == {"name": "localize", "version": __version__}
    a, b = data["files"]
    assert set(a) == {"path", "locale", "error", "error_line", "findings"}
    assert (a["path"], a["locale"], a["error"]) == ("a.md", "en-GB", None)
    first = a["findings"][0]
    assert {k: first[k] for k in ("rule", "severity", "line", "column", "end_line", "end_column",
                                  "offset", "end_offset", "fix")} == {
        "rule": "normalise.space-run", "severity": "warning", "line": 1, "column": 4,
        "end_line": 1, "end_column": 6, "offset": 3, "end_offset": 5, "fix": " "}
    assert a["findings"][1]["line"] == 2 and a["findings"][1]["severity"] == "info"
    assert b == {"path": "b.md", "locale": None, "error": "b.md: byte 4: not valid UTF-8",
                 "error_line": None, "findings": []}
    assert data["summary"] == {"files": 2, "error": 0, "warning": 1, "info": 1, "input_errors": 1}


def test_render_is_utf8_json_with_a_final_newline():
    src = "東京  駅\n"
    text = render([report("a.md", src, finding(src, "  ", message="全角"))])
    assert text.endswith("}\n")
    assert "全角" in text  # not \\u-escaped
    assert json.loads(text)["files"][0]["findings"][0]["message"] == "全角"
