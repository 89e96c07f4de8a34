"""The text report: grouping, positions, carets that point at the right column."""
from __future__ import annotations

from localize.reports import FileReport
from localize.reports.text import CONTEXT_WIDTH, excerpt, render

from report_helpers import finding, report


def test_grouped_by_file_with_source_and_caret():
    src = "First line.\nThe tide  came in.\n"
    out = render([report("a.md", src, finding(src, "  ", "normalise.space-run", fix=" ")),
                  report("b.md", "Fine.\n")])
    assert out == (
        "a.md  (en-GB)\n"
        "  2:9  warning  normalise.space-run  something to look at\n"
        "      | The tide  came in.\n"
        "      |         ^^\n"
        "      = fix: ' '\n"
        "\n"
        "0 error(s), 1 warning(s), 0 info in 2 file(s)\n")


def test_colour_is_optional():
    src = "Bad  thing.\n"
    plain = render([report("a.md", src, finding(src, "  ", severity="error"))])
    coloured = render([report("a.md", src, finding(src, "  ", severity="error"))], colour=True)
    assert "\x1b[" not in plain
    assert "\x1b[31m" in coloured  # errors in red
    assert "1 error(s)" in plain


def test_input_errors_are_listed_and_counted():
    out = render([FileReport("x.md", error="x.md:3: invalid YAML front matter: oops", error_line=3)])
    assert out == ("error: x.md:3: invalid YAML front matter: oops\n"
                   "0 error(s), 0 warning(s), 0 info in 1 file(s); 1 file(s) could not be read\n")


def test_invisible_characters_are_spelled_out_under_the_caret():
    src = "zero\u200bwidth and a bell\x07 here\n"
    out = render([report("a.md", src, finding(src, "\u200b", "normalise.invisible-chars"))])
    assert "      | zero<U+200B>width and a bell<U+0007> here\n" in out
    assert "      |     ^^^^^^^^\n" in out
    assert "\x07" not in out


def test_caret_counts_wide_and_combining_characters():
    shown, pad, width = excerpt("日本語e\u0301 x  y", 7, 9)
    assert shown == "日本語e\u0301 x  y"
    assert (pad, width) == (9, 2)  # 3 wide characters (6), e + combining accent (1), " x" (2)


def test_zero_width_span_still_gets_a_caret():
    assert excerpt("abc", 3, 3) == ("abc", 3, 1)


def test_long_lines_are_cut_around_the_finding():
    line = "word " * 100 + "HERE" + " word" * 100
    start = line.index("HERE")
    shown, pad, width = excerpt(line, start, start + 4)
    assert len(shown) <= CONTEXT_WIDTH + 2
    assert shown.startswith("…") and shown.endswith("…")
    assert shown[pad:pad + width] == "HERE"


def test_multi_line_finding_underlines_to_the_end_of_the_line():
    src = "Start of it\nand the rest\n"
    d = finding(src, "of it\nand")
    out = render([report("a.md", src, d)])
    assert "      | Start of it\n      |       ^^^^^\n" in out


def test_no_findings_no_errors():
    assert render([]) == "0 error(s), 0 warning(s), 0 info in 0 file(s)\n"
