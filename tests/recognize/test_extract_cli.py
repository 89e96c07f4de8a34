"""`localize extract`: the reviewer's listing of every figure."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from localize.cli.extract_cmd import extract

ARTICLE = """---
lang: en
date: 2026-06-12
---
# Deal

Amazon agreed to invest up to $4 billion (approximately 600 billion yen).

Code such as `$5 billion` is left alone.
"""


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "deal.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_text_listing(article):
    result = CliRunner().invoke(extract, [str(article)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines == [
        f"{article}:7:31: '$4 billion'  USD 4000000000  [upper bound]",
        f"{article}:7:57: '600 billion yen'  JPY 600000000000  [approximate, annotation]",
    ]


def test_json_listing(article):
    result = CliRunner().invoke(extract, [str(article), "--format", "json", "--language", "en-US"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    [f] = data["files"]
    assert f["language"] == "en-US"
    assert [e["text"] for e in f["entities"]] == ["$4 billion", "600 billion yen"]
    assert f["entities"][1]["annotates"] == f["entities"][0]["start"]
    [a] = f["annotations"]
    assert a["text"] == " (approximately 600 billion yen)" and a["line"] == 7


def test_stdin_needs_a_language():
    runner = CliRunner()
    result = runner.invoke(extract, ["-"], input="40億ドル（約6000億円）")
    assert result.exit_code == 2 and "no language" in result.output
    result = runner.invoke(extract, ["-", "-L", "ja", "--input-format", "text"],
                           input="40億ドル（約6000億円）")
    assert result.exit_code == 0
    assert "'40億ドル'  USD 4000000000" in result.output


def test_errors_exit_2(tmp_path):
    runner = CliRunner()
    assert runner.invoke(extract, [str(tmp_path / "missing.md"), "-L", "en"]).exit_code == 2
    assert runner.invoke(extract, []).exit_code == 2
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"caf\xe9 $4")
    result = runner.invoke(extract, [str(bad), "-L", "en"])
    assert result.exit_code == 2 and "UTF-8" in result.output
    result = runner.invoke(extract, [str(bad), "-L", "en", "--kinds", "weather"])
    assert result.exit_code == 2


def test_no_amounts(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Nothing to see.\n", encoding="utf-8")
    result = CliRunner().invoke(extract, [str(path), "-L", "de"])
    assert result.exit_code == 0 and "no amounts found" in result.output
