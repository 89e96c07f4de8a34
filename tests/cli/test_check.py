"""`localize check`: text, JSON and GitHub reports; --fail-on; exit codes."""
from __future__ import annotations

import json

import jsonschema
import pytest

from cli_helpers import CLEAN, MESSY, real


def write(path, data: str | bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_text_report(invoke, work):
    write(work / "a.md", MESSY)
    write(work / "b.md", CLEAN)
    write(work / "c.md", "Second  file.\n")
    r = invoke("check", "-l", "en-GB", "a.md", "b.md", "c.md")
    assert r.exit_code == 1
    assert r.stdout == (
        "a.md  (en-GB)\n"
        "  1:9  warning  normalise.space-run  collapsed 2 spaces to one\n"
        "      | The crew  painted the lantern room. \n"
        "      |         ^^\n"
        "      = fix: ' '\n"
        "  1:36  warning  normalise.trailing-whitespace  removed 1 trailing whitespace character(s)\n"
        "      | The crew  painted the lantern room. \n"
        "      |                                    ^\n"
        "      = fix: ''\n"
        "\n"
        "c.md  (en-GB)\n"
        "  1:7  warning  normalise.space-run  collapsed 2 spaces to one\n"
        "      | Second  file.\n"
        "      |       ^^\n"
        "      = fix: ' '\n"
        "\n"
        "0 error(s), 3 warning(s), 0 info in 3 file(s)\n")
    assert "\x1b" not in r.stdout


def test_text_report_caret_under_wide_characters(invoke, work):
    write(work / "a.md", "東京の港で  船が出た。\n")
    r = invoke("check", "-l", "ja-JP", "a.md")
    lines = r.stdout.splitlines()
    source = next(l for l in lines if l.startswith("      | 東京"))
    caret = lines[lines.index(source) + 1]
    assert caret == "      | " + " " * 10 + "^^"  # five wide characters take ten columns


def test_text_report_on_a_clean_file(invoke, work):
    write(work / "a.md", CLEAN)
    r = invoke("check", "-l", "en-GB", "a.md")
    assert r.exit_code == 0
    assert r.stdout == "0 error(s), 0 warning(s), 0 info in 1 file(s)\n"


def test_check_changes_nothing(invoke, work):
    f = write(work / "a.md", MESSY)
    mtime = f.stat().st_mtime_ns
    invoke("check", "-l", "en-GB", "a.md")
    assert f.read_text() == MESSY and f.stat().st_mtime_ns == mtime


def test_check_reads_standard_input(invoke):
    r = invoke("check", "-l", "en-GB", "-", input=MESSY)
    assert r.exit_code == 1
    assert r.stdout.startswith("<stdin>  (en-GB)\n")


FINDING = {
    "type": "object",
    "required": ["rule", "severity", "message", "stage", "line", "column", "end_line", "end_column",
                 "offset", "end_offset", "fix"],
    "properties": {
        "rule": {"type": "string"}, "severity": {"enum": ["error", "warning", "info"]},
        "message": {"type": "string"}, "stage": {"type": "string"},
        "line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1},
        "end_line": {"type": "integer"}, "end_column": {"type": "integer"},
        "offset": {"type": "integer", "minimum": 0}, "end_offset": {"type": "integer"},
        "fix": {"type": ["string", "null"]},
        "output": {"type": "object", "required": ["line", "column"]},
        "data": {"type": "object"},
    },
    "additionalProperties": False,
}
REPORT = {
    "type": "object",
    "required": ["version", "tool", "files", "summary"],
    "additionalProperties": False,
    "properties": {
        "version": {"const": 1},
        "tool": {"type": "object", "required": ["name", "version"],
                 "properties": {"name": {"const": "localize"}}},
        "files": {"type": "array", "items": {
            "type": "object", "required": ["path", "locale", "error", "error_line", "findings"],
            "additionalProperties": False,
            "properties": {"path": {"type": "string"}, "locale": {"type": ["string", "null"]},
                           "error": {"type": ["string", "null"]},
                           "error_line": {"type": ["integer", "null"]},
                           "findings": {"type": "array", "items": FINDING}}}},
        "summary": {"type": "object", "required": ["files", "error", "warning", "info", "input_errors"],
                    "additionalProperties": {"type": "integer"}},
    },
}


def test_json_report_follows_the_documented_schema(invoke, work):
    write(work / "a.md", MESSY)
    write(work / "b.md", b"\xff\xfeno")
    write(work / "c.md", "---\nlocale: [\n---\n")
    r = invoke("check", "-l", "en-GB", "--format", "json", "a.md", "b.md", "c.md")
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    jsonschema.validate(data, REPORT)
    a, b, c = data["files"]
    assert [f["rule"] for f in a["findings"]] == ["normalise.space-run", "normalise.trailing-whitespace"]
    assert (a["findings"][0]["line"], a["findings"][0]["column"], a["findings"][0]["fix"]) == (1, 9, " ")
    assert b["locale"] is None and "UTF-16" in b["error"]
    assert c["error"].startswith("c.md:3: ") and c["error_line"] == 3
    assert data["summary"] == {"files": 3, "error": 0, "warning": 2, "info": 0, "input_errors": 2}


def test_github_annotations(invoke, work):
    write(work / "a.md", MESSY)
    r = invoke("check", "-l", "en-GB", "--format", "github", "a.md")
    assert r.exit_code == 1
    assert r.stdout.splitlines() == [
        "::warning file=a.md,line=1,col=9,endLine=1,endColumn=11,title=normalise.space-run::"
        "collapsed 2 spaces to one (fix: ' ')",
        "::warning file=a.md,line=1,col=36,endLine=1,endColumn=37,title=normalise.trailing-whitespace::"
        "removed 1 trailing whitespace character(s) (fix: '')",
    ]


def test_github_escapes_awkward_file_names(invoke, work):
    write(work / "100%,a:b.md", MESSY)
    r = invoke("check", "-l", "en-GB", "--format", "github", "100%,a:b.md")
    assert r.stdout.startswith("::warning file=100%25%2Ca%3Ab.md,line=1,col=9,")


def test_real_process_github_output_bytes(work):
    write(work / "a.en-GB.md", "Crème  brûlée\n")
    p = real(["check", "--format", "github", "a.en-GB.md"], work)
    assert p.returncode == 1
    assert p.stdout == ("::warning file=a.en-GB.md,line=1,col=6,endLine=1,endColumn=8,"
                        "title=normalise.space-run::collapsed 2 spaces to one (fix: ' ')\n").encode()
    assert p.stderr == b""


def test_real_process_text_report_has_no_colour_when_piped(work):
    write(work / "a.en-GB.md", MESSY)
    p = real(["check", "a.en-GB.md"], work)
    assert p.returncode == 1
    assert b"normalise.space-run" in p.stdout and b"\x1b" not in p.stdout


# -- --fail-on and exit codes ----------------------------------------------------------

@pytest.mark.parametrize("word, fail_on, code", [
    ("TODO", "info", 1), ("TODO", "warning", 0), ("TODO", "never", 0),
    ("FIXME", "info", 1), ("FIXME", "warning", 1), ("FIXME", "error", 0),
    ("BROKEN", "error", 1), ("BROKEN", "never", 0),
])
def test_fail_on(invoke, work, flagging_stage, word, fail_on, code):
    write(work / "a.md", f"Still {word} here.\n")
    r = invoke("check", "-l", "en-GB", "--fail-on", fail_on, "a.md")
    assert r.exit_code == code
    assert "1:7  " in r.stdout


def test_fail_on_defaults_to_warning(invoke, work, flagging_stage):
    write(work / "a.md", "Still TODO here.\n")
    write(work / "b.md", "Still FIXME here.\n")
    assert invoke("check", "-l", "en-GB", "a.md").exit_code == 0
    assert invoke("check", "-l", "en-GB", "b.md").exit_code == 1


def test_fail_on_from_config_and_overridden(invoke, work, flagging_stage):
    write(work / "localize.yaml", "locale: en-GB\nfail_on: error\n")
    write(work / "a.md", "Still FIXME here.\n")
    assert invoke("check", "a.md").exit_code == 0
    assert invoke("check", "--fail-on", "warning", "a.md").exit_code == 1
    write(work / "localize.yaml", "locale: en-GB\nfail_on: info\n")
    write(work / "a.md", "Still TODO here.\n")
    assert invoke("check", "a.md").exit_code == 1


def test_input_errors_beat_findings(invoke, work):
    write(work / "a.md", MESSY)
    r = invoke("check", "-l", "en-GB", "a.md", "missing.md")
    assert r.exit_code == 2
    assert "normalise.space-run" in r.stdout  # the readable file is still reported
    assert "error: missing.md: no such file or directory" in r.stdout


def test_unknown_locale(invoke, work):
    write(work / "a.md", MESSY)
    r = invoke("check", "-l", "ja-XX", "a.md")
    assert r.exit_code == 2
    assert "unknown locale 'ja-XX'; did you mean ja-JP?" in r.stderr
    assert r.stdout == ""


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    from localize.cli.main import _colour

    class Stream:
        def __init__(self, tty):
            self.tty = tty

        def isatty(self):
            return self.tty

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _colour(Stream(True)) and not _colour(Stream(False))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _colour(Stream(True))


def test_progress_bar_decision():
    from localize.cli.jobs import PROGRESS_MIN_FILES, show_progress
    assert show_progress(PROGRESS_MIN_FILES, stderr_is_terminal=True)
    assert show_progress(500, stderr_is_terminal=True)
    assert not show_progress(PROGRESS_MIN_FILES - 1, stderr_is_terminal=True)
    assert not show_progress(1, stderr_is_terminal=True)
    assert not show_progress(500, stderr_is_terminal=False)


def test_progress_bar_goes_to_stderr_only(work, monkeypatch, capsys):
    """With the bar forced on, stdout still carries only the report."""
    from localize.cli import jobs
    from localize.config import Config
    from localize.pipeline import Pipeline
    for i in range(3):
        write(work / f"{i}.md", MESSY)
    outcomes = jobs.read_all(jobs.expand(["."], Config()).jobs)
    done = list(jobs.process(outcomes, Pipeline("en-GB"), locale=None, date=None,
                             input_format=None, progress=True))
    assert [o.result.changed for o in done] == [True, True, True]
    captured = capsys.readouterr()
    assert captured.out == "" and "localize" in captured.err


def test_sarif_format(invoke, work):
    import json
    (work / "a.md").write_text("We use the the tools.\n", encoding="utf-8")
    r = invoke("check", "-l", "en-GB", "--format", "sarif", "a.md")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data["version"] == "2.1.0"
    (result,) = data["runs"][0]["results"]
    assert result["ruleId"] == "validate.doubled-word"
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a.md"
