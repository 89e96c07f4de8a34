"""Find the parts of a Markdown document that no stage may touch.

Why not markdown-it-py: its inline tokens carry no source offsets, and the import costs
about 0.1 s of the 0.25 s cold-start budget. The regions we need are few and local, so a
line scanner plus one inline pattern does the job, erring on the side of protecting.
"""
from __future__ import annotations

import re
from typing import NamedTuple


class Region(NamedTuple):
    start: int
    end: int
    kind: str


_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})(.*)")
_INDENTED = re.compile(r"(?: {4}| {0,3}\t)")
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_REF_DEF = re.compile(r" {0,3}\[(?:[^\]\\\n]|\\.){1,999}\]:[ \t]*\S")
_HTML_RAW_OPEN = re.compile(r" {0,3}<(script|pre|style|textarea)(?:[\s>]|$)", re.I)
_HTML_COMMENT_OPEN = re.compile(r" {0,3}<!--")
_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")

_URL = r"(?:(?:https?|ftp)://|www\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}*_~。、，；：！？）」』】]"
# Tried only where a run of address characters begins: the same matches, but the
# scanner no longer re-reads every word from each of its letters (2x faster overall).
_EMAIL = r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"

# A hashtag is an identifier (#StartUps, #人工智能): rewriting a term inside it breaks the
# tag. It needs a letter, so "#1" and "# Heading" are not tags.
_HASHTAG = r"(?<![\w#&/])#(?=\w*[^\W\d_])\w+"

_NOT_EMAIL = (
    r"(?P<code_span>(?<!`)(?P<bt>`+)(?!`).*?(?<!`)(?P=bt)(?!`))"
    r"|(?P<html_comment><!--.*?-->)"
    r"|(?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>)"
    r"|(?P<html_tag></?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w:.-]*(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>)"
    r"|\](?P<link_destination>\((?:\s*<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\))"
    r"|\](?P<link_label>\[[^\]\n]*\])"
    rf"|(?P<url>{_URL})"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    rf"|(?P<hashtag>{_HASHTAG})"
)
# The alternatives above can only start at one of these characters, or with a URL's
# scheme (keep this in step with them). Saying so up front lets the regex engine skip
# every other position instead of trying ten alternatives at each: the inline scan,
# most of normalise's time, gets ~5x faster (and a third faster again for naming the
# schemes rather than every h, f and w). E-mail addresses start with any word
# character, so only a block that contains "@" pays for the full pattern.
_INLINE_FAST = re.compile(rf"(?=[`<\]&#]|https?://|ftp://|www\.)(?:{_NOT_EMAIL})", re.DOTALL)
_INLINE = re.compile(
    _NOT_EMAIL.replace("|(?P<entity>", rf"|(?P<email>{_EMAIL})|(?P<entity>"), re.DOTALL)
_PLAIN_INLINE = re.compile(rf"(?P<url>{_URL})|(?P<email>{_EMAIL})|(?P<hashtag>{_HASHTAG})")


def scan_markdown(text: str, start: int = 0) -> tuple[list[Region], list[Region]]:
    """Return (protected regions, heading lines) of `text[start:]`, sorted."""
    protected: list[Region] = []
    headings: list[Region] = []
    block: list[tuple[int, int]] = []  # the current run of prose lines

    def flush() -> None:
        if block:
            first, last = block[0][0], block[-1][1]
            pattern = _INLINE if text.find("@", first, last) != -1 else _INLINE_FAST
            _scan_inline(text, first, last, protected, pattern)
            block.clear()

    fence: tuple[str, int, int] | None = None  # (char, length, start offset)
    closing: re.Pattern[str] | None = None      # end of a raw HTML block or comment
    closing_start = 0
    # An indented code block is one region from its first to its last code line, so
    # the blank lines inside it (which may hold spaces) are code too.
    indented_code: list[int] | None = None  # [start, end] of the open block
    prev_blank = True
    in_list = False
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl == -1 else nl
        line = text[pos:end]
        next_pos = end + 1
        if fence is not None:
            m = _FENCE.fullmatch(line.rstrip())
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1] and not m.group(2).strip():
                protected.append(Region(fence[2], end, "code_block"))
                fence = None
                prev_blank = True  # like a blank line, the end of a block lets any block start
            pos = next_pos
            continue
        if closing is not None:
            if closing.search(line):
                protected.append(Region(closing_start, end, "html_block"))
                closing = None
                prev_blank = True
            pos = next_pos
            continue
        blank = not line.strip()
        if blank:
            flush()
            prev_blank = True
            pos = next_pos
            continue
        if indented_code is not None:
            if _INDENTED.match(line):
                indented_code[1] = end
                pos = next_pos
                continue
            protected.append(Region(indented_code[0], indented_code[1], "code_block"))
            indented_code = None
        if line[0].isalpha():
            # No block construct opens with a letter: most lines of prose skip the
            # seven patterns below (a third of the scan of a long article).
            if prev_blank:
                in_list = False
            block.append((pos, end))
            prev_blank = False
            pos = next_pos
            continue
        m = _FENCE.match(line)
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            flush()
            fence = (m.group(1)[0], len(m.group(1)), pos)
            prev_blank = False
            pos = next_pos
            continue
        if prev_blank and not in_list and _INDENTED.match(line):
            flush()
            indented_code = [pos, end]
            pos = next_pos
            continue
        raw = _HTML_RAW_OPEN.match(line)
        if raw or (prev_blank and _HTML_COMMENT_OPEN.match(line)):
            flush()
            pattern = re.compile(rf"</{raw.group(1)}>", re.I) if raw else re.compile("-->")
            body = line[raw.end():] if raw else line[line.index("<!--") + 4:]
            if pattern.search(body):
                protected.append(Region(pos, end, "html_block"))
                prev_blank = True
            else:
                closing, closing_start = pattern, pos
                prev_blank = False
            pos = next_pos
            continue
        if prev_blank and _REF_DEF.match(line):
            flush()
            protected.append(Region(pos, end, "reference_definition"))
            pos = next_pos
            continue
        if _LIST_ITEM.match(line):
            in_list = True
        elif prev_blank and not _INDENTED.match(line):
            in_list = False
        block.append((pos, end))
        if _HEADING.match(line):
            # An ATX heading is a block of one line: inline code cannot run on past it,
            # and an indented line after it is code.
            headings.append(Region(pos, end, "heading"))
            flush()
            prev_blank = True
        else:
            prev_blank = False
        pos = next_pos
    flush()
    if indented_code is not None:
        protected.append(Region(indented_code[0], indented_code[1], "code_block"))
    if fence is not None:  # an unclosed fence runs to the end, as in CommonMark
        protected.append(Region(fence[2], n, "code_block"))
    if closing is not None:
        protected.append(Region(closing_start, n, "html_block"))
    protected.sort()
    return protected, headings


def scan_plain(text: str, start: int = 0) -> list[Region]:
    out: list[Region] = []
    _scan_inline(text, start, len(text), out, _PLAIN_INLINE)
    return out


def _scan_inline(text: str, start: int, end: int, out: list[Region], pattern: re.Pattern[str]) -> None:
    for m in pattern.finditer(text, start, end):
        kind = m.lastgroup
        if kind == "bt":
            kind = "code_span"
        s, e = m.span(kind)
        if kind == "url":
            # As in GFM, a closing parenthesis ends a URL only if it is unbalanced:
            # "https://example.org/wiki/Foo_(bar)" keeps its ")".
            while e < end and text[e] == ")" and text.count("(", s, e) > text.count(")", s, e):
                e += 1
        if s < e:
            out.append(Region(s, e, kind))
