"""GitHub workflow commands: levels, positions and escaping."""
from __future__ import annotations

from localize.reports import FileReport
from localize.reports.github import render

from report_helpers import finding, report


def test_levels_and_positions():
    src = "Alpha  beta.\nGamma.\n"
    out = render([report("docs/a.md", src,
                         finding(src, "  ", "r.one", "error", "first"),
                         finding(src, "Gamma", "r.two", "info", "second"))])
    assert out.splitlines() == [
        "::error file=docs/a.md,line=1,col=6,endLine=1,endColumn=8,title=r.one::first",
        "::notice file=docs/a.md,line=2,col=1,endLine=2,endColumn=6,title=r.two::second",
    ]


def test_escaping_of_data_and_properties():
    src = "x\n"
    d = finding(src, "x", "rule:with,odd%chars", message="50% off\nnext line\r, a: b", fix="y")
    out = render([report("dir,1/a:b%.md", src, d)])
    assert out == ("::warning file=dir%2C1/a%3Ab%25.md,line=1,col=1,endLine=1,endColumn=2,"
                   "title=rule%3Awith%2Codd%25chars::50%25 off%0Anext line%0D, a: b (fix: 'y')\n")


def test_input_error_with_and_without_a_line():
    out = render([
        FileReport("a.md", error="a.md:4: invalid YAML front matter: bad", error_line=4,
                   error_message="invalid YAML front matter: bad"),
        FileReport("b.md", error="b.md: no such file or directory",
                   error_message="no such file or directory"),
    ])
    assert out.splitlines() == [
        "::error file=a.md,line=4,title=localize::invalid YAML front matter: bad",
        "::error file=b.md,title=localize::no such file or directory",
    ]


def test_nothing_to_say():
    assert render([report("a.md", "fine\n")]) == ""
