"""`check --format sarif` is valid SARIF 2.1.0, checked against the official schema."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from localize.reports import FileReport
from localize.reports.sarif import as_data

import localize

SCHEMA = Path(__file__).resolve().parents[2].parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    if not SCHEMA.exists():
        pytest.skip(f"the official SARIF schema is not at {SCHEMA} (it ships in ../shared/schemas/)")
    jsonschema = pytest.importorskip("jsonschema")
    return jsonschema.Draft4Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def _report(text: str, locale: str, name: str = "news/a.md") -> FileReport:
    result = localize.localize(text, locale=locale)
    return FileReport(name, result.locale, text, result.findings())


def test_findings_validate_against_the_schema(validator):
    reports = [_report("We use the the tools.\n\nPrices rose   sharply.\n", "en-GB"),
               _report("彼は「はい」と言った。\n", "ja-JP", "ja/b.md"),
               FileReport("bad.md", error="bad.md: byte 3: invalid UTF-8", error_line=1,
                          error_message="byte 3: invalid UTF-8")]
    data = as_data(reports)
    validator.validate(data)
    run = data["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["invocations"][0]["toolExecutionNotifications"][0]["locations"][0][
        "physicalLocation"]["artifactLocation"]["uri"] == "bad.md"
    ids = [r["ruleId"] for r in run["results"]]
    assert "validate.doubled-word" in ids
    # Every result points at a rule described in the driver, by index.
    rules = run["tool"]["driver"]["rules"]
    for r in run["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]


def test_a_fix_is_a_replacement_of_the_finding_region(validator):
    data = as_data([_report("We use the the tools.\n", "en-GB")])
    validator.validate(data)
    (result,) = [r for r in data["runs"][0]["results"] if r["ruleId"] == "validate.doubled-word"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 11, "endLine": 1, "endColumn": 15}
    replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement == {"deletedRegion": region, "insertedContent": {"text": ""}}


def test_clean_run_is_successful_and_empty(validator):
    data = as_data([_report("The figures were revised.\n", "en-GB")])
    validator.validate(data)
    assert data["runs"][0]["results"] == []
    assert data["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_uris_are_uri_references():
    data = as_data([_report("We use the the tools.\n", "en-GB", "my news/a%b.md"),
                    _report("We use the the tools.\n", "en-GB", "/abs/path/c.md")])
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]]
    assert uris == ["my%20news/a%25b.md", "file:///abs/path/c.md"]
