"""`localize run`: outputs, in-place rewriting, diffs, JSON, exit codes."""
from __future__ import annotations

import json
import os
import stat

import jsonschema
import pytest

from cli_helpers import CLEAN, MESSY, MESSY_FIXED, real

BOM = "\ufeff".encode()


def write(path, data: str | bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def age(path, seconds_ago: int = 3600):
    """Backdate a file so an unwanted rewrite cannot hide inside the clock's resolution."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns - seconds_ago * 10**9, st.st_mtime_ns - seconds_ago * 10**9))
    return path.stat()


# -- one file to standard output ------------------------------------------------------

def test_clean_file_comes_back_byte_for_byte(invoke, work):
    write(work / "a.md", CLEAN)
    r = invoke("run", "-l", "en-GB", "a.md")
    assert r.exit_code == 0, r.stderr
    assert r.stdout_bytes == CLEAN.encode()
    assert r.stderr == ""


def test_fixes_go_to_stdout_and_the_file_is_left_alone(invoke, work):
    f = write(work / "a.md", MESSY)
    r = invoke("run", "-l", "en-GB", "a.md")
    assert r.exit_code == 0
    assert r.stdout == MESSY_FIXED
    assert f.read_text() == MESSY


def test_real_process_returns_bom_and_crlf_input_byte_for_byte(work):
    data = BOM + CLEAN.replace("\n", "\r\n").encode()
    write(work / "a.en-GB.md", data)
    p = real(["run", "a.en-GB.md"], work)
    assert p.returncode == 0, p.stderr
    assert p.stdout == data
    assert p.stderr == b""


def test_real_process_keeps_bom_and_crlf_when_fixing(work):
    write(work / "a.en-GB.md", BOM + MESSY.replace("\n", "\r\n").encode())
    p = real(["run", "a.en-GB.md"], work)
    assert p.returncode == 0, p.stderr
    assert p.stdout == BOM + MESSY_FIXED.replace("\n", "\r\n").encode()


def test_standard_input(invoke):
    r = invoke("run", "-l", "en-GB", "-", input=MESSY)
    assert r.exit_code == 0
    assert r.stdout == MESSY_FIXED


def test_real_process_standard_input_bytes(work):
    data = MESSY.replace("\n", "\r\n").encode()
    p = real(["run", "--locale", "de-DE", "-"], work, input=data)
    assert p.returncode == 0, p.stderr
    assert p.stdout == MESSY_FIXED.replace("\n", "\r\n").encode()


def test_standard_input_cannot_be_rewritten_or_read_twice(invoke):
    r = invoke("run", "-l", "en-GB", "-i", "-", input=MESSY)
    assert r.exit_code == 2
    assert "standard input" in r.stderr
    r = invoke("run", "-l", "en-GB", "--diff", "-", "-", input=MESSY)
    assert r.exit_code == 2
    assert "only once" in r.stderr


def test_empty_file_is_fine(invoke, work):
    write(work / "empty.md", b"")
    r = invoke("run", "-l", "ja-JP", "empty.md")
    assert r.exit_code == 0, r.stderr
    assert r.stdout_bytes == b""


# -- -o ----------------------------------------------------------------------------

def test_output_file_gets_the_text_and_default_permissions(invoke, work):
    write(work / "a.md", MESSY)
    r = invoke("run", "-l", "en-GB", "a.md", "-o", "out/deeper/b.md")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    out = work / "out/deeper/b.md"
    assert out.read_text() == MESSY_FIXED
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in out.parent.iterdir()] == ["b.md"]


def test_output_file_already_up_to_date_is_not_touched(invoke, work):
    write(work / "a.md", MESSY)
    out = write(work / "b.md", MESSY_FIXED)
    before = age(out)
    r = invoke("run", "-l", "en-GB", "a.md", "-o", "b.md")
    assert r.exit_code == 0
    after = out.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_output_into_an_existing_folder_keeps_the_name(invoke, work):
    write(work / "sub/a.md", MESSY)
    (work / "out").mkdir()
    r = invoke("run", "-l", "en-GB", "sub/a.md", "-o", "out")
    assert r.exit_code == 0, r.stderr
    assert [p.name for p in (work / "out").iterdir()] == ["a.md"]
    assert (work / "out/a.md").read_text() == MESSY_FIXED


def test_output_folder_mirrors_the_walked_tree(invoke, work):
    write(work / "content/en/a.md", MESSY)
    write(work / "content/fr/a.md", CLEAN)
    r = invoke("run", "-l", "en-GB", "content", "-o", "out")
    assert r.exit_code == 0, r.stderr
    assert (work / "out/en/a.md").read_text() == MESSY_FIXED
    assert (work / "out/fr/a.md").read_text() == CLEAN
    assert (work / "content/en/a.md").read_text() == MESSY


def test_output_folder_mirrors_named_files_below_the_working_directory(invoke, work):
    write(work / "sub/a.md", MESSY)
    write(work / "b.md", CLEAN)
    r = invoke("run", "-l", "en-GB", "sub/a.md", "b.md", "-o", "out")
    assert r.exit_code == 0, r.stderr
    assert (work / "out/sub/a.md").read_text() == MESSY_FIXED
    assert (work / "out/b.md").read_text() == CLEAN


def test_colliding_outputs_are_refused_before_anything_is_written(invoke, work):
    write(work / "content/en/a.md", MESSY)
    write(work / "content/fr/a.md", MESSY)
    r = invoke("run", "-l", "en-GB", "content/en", "content/fr", "-o", "out")
    assert r.exit_code == 2
    assert "content/en/a.md" in r.stderr and "content/fr/a.md" in r.stderr
    assert not (work / "out").exists()


def test_output_folder_inside_the_input_is_not_walked(invoke, work):
    write(work / "site/a.md", MESSY)
    write(work / "site/out/a.md", "stale output  from last time\n")
    r = invoke("run", "-l", "en-GB", "site", "-o", "site/out", "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert [x["path"] for x in json.loads(r.stdout)["results"]] == ["site/a.md"]
    assert (work / "site/out/a.md").read_text() == MESSY_FIXED


def test_unwritable_output_is_a_clear_error(invoke, work):
    write(work / "a.md", MESSY)
    write(work / "blocker", "a file, not a folder\n")
    r = invoke("run", "-l", "en-GB", "a.md", "-o", "blocker/b.md")
    assert r.exit_code == 2
    assert "cannot write" in r.stderr and "blocker" in r.stderr


def test_standard_input_has_no_name_inside_an_output_folder(invoke, work):
    write(work / "a.md", CLEAN)
    r = invoke("run", "-l", "en-GB", "a.md", "-", "-o", "out", input=MESSY)
    assert r.exit_code == 2
    assert "standard input" in r.stderr


# -- --in-place -------------------------------------------------------------------------

def test_in_place_rewrites_atomically_and_keeps_the_mode(invoke, work):
    f = write(work / "a.md", MESSY)
    f.chmod(0o640)
    before = age(f)
    r = invoke("run", "-l", "en-GB", "--in-place", "a.md")
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert "rewrote a.md" in r.stderr
    after = f.stat()
    assert f.read_text() == MESSY_FIXED
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert after.st_ino != before.st_ino  # a new file renamed over the old one
    assert sorted(p.name for p in work.iterdir()) == ["a.md"]  # no temporary file left


@pytest.mark.parametrize("bom", [b"", BOM])
def test_in_place_keeps_crlf_and_bom(invoke, work, bom):
    f = write(work / "a.md", bom + MESSY.replace("\n", "\r\n").encode())
    r = invoke("run", "-l", "en-GB", "-i", "a.md")
    assert r.exit_code == 0, r.stderr
    assert f.read_bytes() == bom + MESSY_FIXED.replace("\n", "\r\n").encode()


@pytest.mark.parametrize("data", [CLEAN.encode(), BOM + CLEAN.replace("\n", "\r\n").encode(), b""])
def test_in_place_leaves_a_file_with_nothing_to_change_untouched(invoke, work, data):
    f = write(work / "a.md", data)
    before = age(f)
    r = invoke("run", "-l", "en-GB", "-i", "a.md")
    assert r.exit_code == 0, r.stderr
    after = f.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert f.read_bytes() == data
    assert r.stderr == ""


def test_in_place_on_a_folder(invoke, work):
    messy = write(work / "site/news/a.md", MESSY)
    clean = write(work / "site/b.md", CLEAN)
    clean_before = age(clean)
    r = invoke("run", "-l", "en-GB", "-i", "site")
    assert r.exit_code == 0, r.stderr
    assert messy.read_text() == MESSY_FIXED
    assert clean.stat().st_mtime_ns == clean_before.st_mtime_ns


def test_real_process_in_place_crlf(work):
    f = write(work / "notes.fr-FR.txt", MESSY.replace("\n", "\r\n"))
    p = real(["run", "-i", "notes.fr-FR.txt"], work)
    assert p.returncode == 0, p.stderr
    assert f.read_bytes() == MESSY_FIXED.replace("\n", "\r\n").encode()
    assert os.listdir(work) == ["notes.fr-FR.txt"]


def test_in_place_and_output_exclude_each_other(invoke, work):
    write(work / "a.md", MESSY)
    r = invoke("run", "-l", "en-GB", "-i", "-o", "b.md", "a.md")
    assert r.exit_code == 2
    assert not (work / "b.md").exists()


# -- --diff, --format json, --changes -----------------------------------------------

def test_diff(invoke, work):
    write(work / "a.md", MESSY)
    r = invoke("run", "-l", "en-GB", "--diff", "a.md")
    assert r.exit_code == 0
    assert r.stdout == (
        "--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n"
        "-The crew  painted the lantern room. \n+The crew painted the lantern room.\n"
        " They left at dusk.\n")


def test_diff_marks_a_missing_final_newline(invoke, work):
    write(work / "a.md", "One  line")
    r = invoke("run", "-l", "en-GB", "--diff", "a.md")
    assert r.stdout == ("--- a/a.md\n+++ b/a.md\n@@ -1 +1 @@\n-One  line\n\\ No newline at end of file\n"
                        "+One line\n\\ No newline at end of file\n")


def test_diff_is_empty_when_nothing_changes(invoke, work):
    write(work / "a.md", CLEAN)
    write(work / "b.md", MESSY)
    r = invoke("run", "-l", "en-GB", "--diff", "a.md", "b.md")
    assert r.exit_code == 0
    assert "a/a.md" not in r.stdout and "--- a/b.md" in r.stdout


def test_diff_besides_in_place(invoke, work):
    f = write(work / "a.md", MESSY)
    r = invoke("run", "-l", "en-GB", "-i", "--diff", "a.md")
    assert r.exit_code == 0
    assert "+The crew painted the lantern room." in r.stdout
    assert f.read_text() == MESSY_FIXED


CHANGE = {
    "type": "object",
    "required": ["stage", "rule", "before", "after", "reason", "line", "column", "end_line",
                 "end_column", "offset", "end_offset", "output"],
    "properties": {
        "stage": {"type": "string"}, "rule": {"type": "string"}, "before": {"type": "string"},
        "after": {"type": "string"}, "reason": {"type": "string", "minLength": 1},
        "line": {"type": "integer", "minimum": 1}, "column": {"type": "integer", "minimum": 1},
        "output": {"type": "object", "required": ["line", "column"]},
    },
}
RESULT = {
    "type": "object",
    "required": ["path", "locale", "date", "changed", "text", "changes", "diagnostics"],
    "properties": {
        "path": {"type": ["string", "null"]}, "locale": {"type": "string"},
        "date": {"type": ["string", "null"]}, "changed": {"type": "boolean"},
        "text": {"type": "string"}, "changes": {"type": "array", "items": CHANGE},
        "diagnostics": {"type": "array"},
    },
}
SEVERAL = {
    "type": "object", "required": ["version", "results"],
    "properties": {"version": {"const": 1}, "results": {"type": "array", "items": {
        "anyOf": [RESULT, {"type": "object", "required": ["path", "error"]}]}}},
}


def test_json_for_one_file(invoke, work):
    write(work / "a.md", MESSY)
    r = invoke("run", "-l", "en-GB", "--format", "json", "a.md")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    jsonschema.validate(data, RESULT)
    assert data["text"] == MESSY_FIXED and data["changed"] is True and data["locale"] == "en-GB"
    assert {c["rule"] for c in data["changes"]} == {"normalise.space-run", "normalise.trailing-whitespace"}
    space = next(c for c in data["changes"] if c["rule"] == "normalise.space-run")
    assert (space["line"], space["column"], space["before"], space["after"]) == (1, 9, "  ", " ")


def test_json_for_several_files_includes_the_ones_that_failed(invoke, work):
    write(work / "a.md", MESSY)
    write(work / "b.md", b"caf\xe9\n")
    r = invoke("run", "-l", "en-GB", "--format", "json", "a.md", "b.md")
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    jsonschema.validate(data, SEVERAL)
    assert [x["path"] for x in data["results"]] == ["a.md", "b.md"]
    assert "byte 3" in data["results"][1]["error"]


def test_changes_are_listed_with_reasons_on_stderr(invoke, work):
    write(work / "a.md", MESSY)
    r = invoke("run", "-l", "en-GB", "--changes", "a.md")
    assert r.exit_code == 0
    assert r.stdout == MESSY_FIXED
    assert "a.md: 2 change(s) for en-GB" in r.stderr
    assert "1:9 -> 1:9  [normalise] normalise.space-run: '  ' -> ' '  (collapsed 2 spaces to one)" in r.stderr
    assert "normalise.trailing-whitespace" in r.stderr
    assert "\x1b[" not in r.stderr


def test_several_inputs_need_somewhere_to_go(invoke, work):
    write(work / "a.md", MESSY)
    write(work / "b.md", MESSY)
    r = invoke("run", "-l", "en-GB", "a.md", "b.md")
    assert r.exit_code == 2
    assert "--in-place" in r.stderr and "-o FOLDER" in r.stderr
    assert r.stdout == ""


def test_a_folder_counts_as_several_inputs_even_with_one_file(invoke, work):
    write(work / "site/a.md", MESSY)
    r = invoke("run", "-l", "en-GB", "site")
    assert r.exit_code == 2
    r = invoke("run", "-l", "en-GB", "--format", "json", "site")
    assert json.loads(r.stdout)["results"][0]["path"] == "site/a.md"


# -- exit codes and option checks ---------------------------------------------------

@pytest.mark.parametrize("text, fail_on, code", [
    ("Keep FIXME here.\n", "never", 0),
    ("Keep FIXME here.\n", "warning", 1),
    ("Keep FIXME here.\n", "error", 0),
    ("Keep TODO here.\n", "info", 1),
    ("Keep TODO here.\n", "warning", 0),
    ("Keep BROKEN here.\n", "error", 1),
])
def test_fail_on_counts_diagnostics_that_remain(invoke, work, flagging_stage, text, fail_on, code):
    write(work / "a.md", text)
    r = invoke("run", "-l", "en-GB", "--fail-on", fail_on, "a.md")
    assert r.exit_code == code
    assert r.stdout == text
    if code:  # the reason for exit 1 is shown, at file:line:col
        assert "a.md:1:6: " in r.stderr


def test_fail_on_defaults_to_never(invoke, work, flagging_stage):
    write(work / "a.md", "Keep BROKEN here.\n")
    assert invoke("run", "-l", "en-GB", "a.md").exit_code == 0


def test_unknown_locale_fails_before_anything_runs(invoke, work):
    f = write(work / "a.md", MESSY)
    r = invoke("run", "-l", "jp", "-i", "a.md")
    assert r.exit_code == 2
    assert "unknown locale 'jp'" in r.stderr and "ja-JP" in r.stderr
    assert f.read_text() == MESSY


def test_bad_date_is_a_usage_error(invoke, work):
    write(work / "a.md", MESSY)
    r = invoke("run", "-l", "en-GB", "--date", "14/06/2026", "a.md")
    assert r.exit_code == 2
    assert "--date" in r.stderr and "YYYY-MM-DD" in r.stderr


def test_disable_rule(invoke, work):
    write(work / "a.md", MESSY)
    r = invoke("run", "-l", "en-GB", "--disable-rule", "normalise.space-run", "a.md")
    assert r.exit_code == 0
    assert r.stdout == MESSY_FIXED.replace("crew painted", "crew  painted")


def test_unknown_rule_to_disable_gets_a_suggestion(invoke, work):
    write(work / "a.md", MESSY)
    r = invoke("run", "-l", "en-GB", "--disable-rule", "space-run", "a.md")
    assert r.exit_code == 2
    assert "did you mean normalise.space-run" in r.stderr


def test_unknown_stage(invoke, work):
    write(work / "a.md", MESSY)
    r = invoke("run", "-l", "en-GB", "--skip", "normalize", "a.md")
    assert r.exit_code == 2
    assert "unknown stage 'normalize'" in r.stderr


def test_a_crashing_stage_names_the_file(invoke, work, monkeypatch, flagging_stage):
    def boom(doc, ctx):
        raise RuntimeError("stage fell over")
    from localize.stages import Pass
    monkeypatch.setattr(flagging_stage, "passes", lambda profile: [Pass("validate", "boom", boom)])
    write(work / "a.md", CLEAN)
    r = invoke("run", "-l", "en-GB", "a.md")
    assert r.exit_code == 2
    assert "a.md: internal error (RuntimeError: stage fell over)" in r.stderr


def test_no_input(invoke):
    r = invoke("run", "-l", "en-GB")
    assert r.exit_code == 2
    assert "no input" in r.stderr
