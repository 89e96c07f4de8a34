"""Whitespace tidy-up that knows Markdown.

Two passes: first within lines (trailing blanks, runs of spaces), then between lines
(runs of blank lines, blank lines at the end), so each pass sees settled text and the
stage stays idempotent. Two or more trailing spaces before a continuation line are a
Markdown hard break and are left alone; indentation is never touched.
"""
from __future__ import annotations

import re

from ...edits import Edit, Severity
from ...profiles import Profile
from ...rules import Example, Rule
from .. import Pass, PassOutput

TRAILING_RULE = "normalise.trailing-whitespace"
SPACES_RULE = "normalise.space-run"
BLANK_RULE = "normalise.blank-lines"

_TRAILING = re.compile(r"[ \t]+(?=\r?$)", re.M)
# Neighbours are checked in code: a leading lookbehind stops the regex engine from
# jumping to the literal "  ", which makes the scan ~10x slower.
_SPACE_RUN = re.compile(r"  +")
# Blockquote and list markers that may start a line before its indentation.
_BLOCK_MARKERS = re.compile(r"[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)+")
_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){2,}")
_START_BLANKS = re.compile(r"(?:[ \t]*\n){2,}")
_END_BLANKS = re.compile(r"\n(?:[ \t]*\n)+\Z")

RULES = (
    Rule(TRAILING_RULE, "normalise", Severity.WARNING, "Trailing whitespace",
         "Spaces or tabs at the end of a line are invisible noise that shows up in every diff. "
         "They are removed, except two or more spaces before a line that continues the "
         "paragraph, which Markdown reads as a hard line break.",
         (Example("A line with blanks   \n\nNext.\n", "A line with blanks\n\nNext.\n"),
          Example("Hard break  \ncontinues here\n", None))),
    Rule(SPACES_RULE, "normalise", Severity.WARNING, "Run of spaces inside a line",
         "Two or more spaces between words (often left by deleted text or by sentence-end "
         "double spacing) become one. Indentation and no-break spaces are not touched.",
         (Example("The  deal  closed.\n", "The deal closed.\n"),
          Example("    indented code\n", None),
          Example("- list\n\n  continued\n", None))),
    Rule(BLANK_RULE, "normalise", Severity.WARNING, "Extra blank lines",
         "More than one blank line between blocks, or blank lines at the end of the file, "
         "mean nothing in Markdown. They are reduced to one blank line, and to a single final "
         "newline at the end.",
         (Example("One.\n\n\n\nTwo.\n\n\n", "One.\n\nTwo.\n"),
          Example("One.\n\nTwo.\n", None))),
)


def passes(profile: Profile) -> list[Pass]:
    out: list[Pass] = []
    trailing = profile.get("normalise.whitespace.trailing", True)
    runs = profile.get("normalise.whitespace.space_runs", True)
    if trailing or runs:
        out.append(Pass("normalise", "whitespace-lines",
                        lambda doc, ctx: _within_lines(doc, trailing, runs)))
    if profile.get("normalise.whitespace.blank_lines", True):
        out.append(Pass("normalise", "blank-lines", _between_lines))
    return out


def _is_hard_break(text: str, start: int, end: int, markdown: bool) -> bool:
    if not markdown or end - start < 2 or text[start:end].strip(" ") or "\t" in text[start:end]:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() or text[line_start:start].lstrip().startswith("#"):
        return False  # a blank line or a heading cannot end in a hard break
    nl = text.find("\n", end)
    if nl == -1:
        return False
    next_end = text.find("\n", nl + 1)
    next_line = text[nl + 1: len(text) if next_end == -1 else next_end]
    return bool(next_line.strip())


def _between_words(text: str, first: int, stop: int) -> bool:
    return first > 0 and stop < len(text) and not text[first - 1].isspace() and not text[stop].isspace()


def _line_end_blanks(text: str, start: int, end: int):
    """(start, end) of each run of spaces, tabs and ideographic spaces that ends a line (before an optional
    CR) inside text[start:end]. Walks the newlines with str.find, which is far faster
    than a regex trying `[ \\t]+$` at every space."""
    stops = []
    nl = text.find("\n", start, end)
    while nl != -1:
        stops.append(nl)
        nl = text.find("\n", nl + 1, end)
    stops.append(end)
    for stop in stops:
        if stop > start and text[stop - 1] == "\r":
            stop -= 1
        if stop < len(text) and text[stop] not in "\r\n":
            continue  # the prose ends at a protected region, not at the end of the line
        first = stop
        # The ideographic space too: at a line's end it is as invisible as any other
        # (at its start it is Japanese paragraph indentation, which stays).
        while first > start and text[first - 1] in " \t\u3000":
            first -= 1
        if first < stop:
            yield first, stop


def _within_lines(doc, trailing: bool, runs: bool) -> PassOutput:
    out = PassOutput()
    text = doc.text
    markdown = doc.format == "markdown"
    for start, end in doc.prose():
        if trailing:
            for first, stop in _line_end_blanks(text, start, end):
                if _is_hard_break(text, first, stop, markdown):
                    continue
                out.edits.append(Edit(first, stop, "", TRAILING_RULE,
                                      f"removed {stop - first} trailing whitespace character(s)"))
        if runs:
            # One character past the prose, so a run just before a protected region
            # ("see  `code`") can see what follows it.
            for m in _SPACE_RUN.finditer(text, start, min(end + 1, len(text))):
                if m.end() > end or not _between_words(text, m.start(), m.end()):
                    continue
                line_start = text.rfind("\n", 0, m.start()) + 1
                if markdown and _BLOCK_MARKERS.fullmatch(text, line_start, m.start()):
                    continue  # indentation after "> " or a list marker: structure, not a gap
                out.edits.append(Edit(m.start(), m.end(), " ", SPACES_RULE,
                                      f"collapsed {m.end() - m.start()} spaces to one"))
    return out


def _between_lines(doc, ctx) -> PassOutput:
    out = PassOutput()
    text = doc.text
    for start, end in doc.prose():
        if start == 0:
            # At the top of the file no line ends before the run, so _BLANK_RUN would
            # leave two blank lines where it means to leave one.
            m = _START_BLANKS.match(text, 0, end)
            if m:
                out.edits.append(Edit(0, m.end(), "\n", BLANK_RULE,
                                      f"reduced {m.group().count(chr(10))} blank lines to one"))
                start = m.end()
        for m in _BLANK_RUN.finditer(text, start, end):
            if end == len(text) and m.end() == len(text):
                break  # the end of the file is handled below
            out.edits.append(Edit(m.start(), m.end(), "\n\n", BLANK_RULE,
                                  f"reduced {m.group().count(chr(10)) - 1} blank lines to one"))
        if end == len(text):
            m = _END_BLANKS.search(text, start, end)
            if m:
                out.edits.append(Edit(m.start(), m.end(), "\n", BLANK_RULE,
                                      "removed blank lines at the end of the file"))
    return out
