"""The document model: front-matter metadata, prose, edits across protected regions."""
from __future__ import annotations

import datetime as dt

import pytest

from localize.document import Document, parse_date
from localize.errors import InputError
from localize.offsets import EditMap


# -- metadata ----------------------------------------------------------------------------

def test_front_matter_locale_and_date():
    doc = Document("---\ntitle: Port reopens\nlocale: fr-FR\ndate: 2026-06-14\n---\nBody.\n")
    assert doc.metadata.locale == "fr-FR"
    assert doc.metadata.date == dt.date(2026, 6, 14)
    assert doc.metadata.datetime is None
    assert doc.metadata.fields["title"] == "Port reopens"


@pytest.mark.parametrize("key", ["lang", "language", "locale"])
def test_front_matter_locale_keys(key):
    doc = Document(f"---\n{key}: ja-JP\n---\nx\n")
    assert doc.metadata.locale == "ja-JP"


def test_locale_key_wins_over_lang():
    doc = Document("---\nlang: de-DE\nlocale: es-ES\n---\nx\n")
    assert doc.metadata.locale == "es-ES"


def test_front_matter_datetime_keeps_the_moment():
    doc = Document("---\ndate: 2026-06-14T02:46:00Z\n---\nx\n")
    assert doc.metadata.date == dt.date(2026, 6, 14)
    assert doc.metadata.datetime == dt.datetime(2026, 6, 14, 2, 46, tzinfo=dt.timezone.utc)


def test_front_matter_quoted_date_string():
    doc = Document("---\ndate: '2026-06-14'\n---\nx\n")
    assert doc.metadata.date == dt.date(2026, 6, 14)


def test_toml_front_matter_metadata():
    doc = Document("+++\nlang = \"de-DE\"\ndate = 2026-06-14\n+++\nText.\n")
    assert doc.metadata.locale == "de-DE"
    assert doc.metadata.date == dt.date(2026, 6, 14)


def test_no_front_matter_no_metadata():
    doc = Document("Just text.\n")
    assert doc.metadata.locale is None and doc.metadata.date is None and doc.metadata.fields == {}


def test_text_format_ignores_front_matter():
    doc = Document("---\nlocale: ja-JP\n---\nx\n", "text")
    assert doc.metadata.locale is None


def test_empty_front_matter_is_fine():
    doc = Document("---\n---\nx\n")
    assert doc.metadata.fields == {}


# -- bad front matter ----------------------------------------------------------------------

@pytest.mark.parametrize("text, line", [
    ("---\ntitle: ok\nlist: [unclosed\n---\nBody.\n", 4),
    ("---\ntitle: ok\nbad: : value\n---\n", 3),
    ("---\n- just\n- a list\n---\n", 2),
    ("---\ntitle: x\ndate: 14 June\n---\n", 3),
    ("---\ndate: 2026-13-45\n---\n", 2),
    ("+++\ntitle = \"ok\"\nbroken = \n+++\n", 3),
    ("+++\ntitle = \"ok\"\nlist = [1,\n+++\n", 3),
])
def test_bad_front_matter_is_an_input_error_with_a_line(text, line):
    with pytest.raises(InputError) as info:
        Document(text, path="story.md")
    assert info.value.line == line
    assert info.value.path == "story.md"
    assert str(info.value).startswith(f"story.md:{line}")


def test_bad_front_matter_error_names_the_problem():
    with pytest.raises(InputError, match="front matter"):
        Document("---\ndate: soon\n---\n")
    with pytest.raises(InputError, match="TOML front matter"):
        Document("+++\nx = \n+++\n")


def test_unknown_format_is_an_input_error():
    with pytest.raises(InputError, match="unknown format"):
        Document("x", "html")  # type: ignore[arg-type]


@pytest.mark.parametrize("value, expected", [
    ("2026-06-14", (dt.date(2026, 6, 14), None)),
    (dt.date(2026, 1, 2), (dt.date(2026, 1, 2), None)),
    (dt.datetime(2026, 1, 2, 3, 4), (dt.date(2026, 1, 2), dt.datetime(2026, 1, 2, 3, 4))),
    ("2026-06-14T10:00:00+09:00", (dt.date(2026, 6, 14),
                                   dt.datetime(2026, 6, 14, 10, tzinfo=dt.timezone(dt.timedelta(hours=9))))),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["June 14", "2026-6-14x", 20260614, None])
def test_parse_date_rejects(value):
    with pytest.raises(ValueError, match="not an ISO date"):
        parse_date(value)


# -- prose ---------------------------------------------------------------------------------

DOC = ("---\ntitle: t\n---\n# Heading\n\nSome `code` and https://example.com here.\n\n"
       "```\nblock\n```\nTail [link](/x) end.\n")


def test_prose_is_the_exact_complement_of_protected_regions():
    doc = Document(DOC)
    covered = [0] * len(DOC)
    for s, e in doc.prose():
        assert s < e
        for i in range(s, e):
            covered[i] += 1
    for r in doc.protected:
        for i in range(r.start, r.end):
            covered[i] += 1
    assert covered == [1] * len(DOC)


def test_prose_lines_cut_at_newlines_and_protected_regions():
    doc = Document(DOC)
    pieces = [DOC[s:e] for s, e in doc.prose_lines()]
    assert "# Heading" in pieces
    assert "Some " in pieces and " and " in pieces and " here." in pieces
    assert "Tail [link]" in pieces and " end." in pieces
    assert all("\n" not in p and p for p in pieces)
    assert not any("code" in p or "block" in p or "example.com" in p for p in pieces)


def test_prose_of_a_document_without_protected_regions():
    doc = Document("plain\ntext\n")
    assert list(doc.prose()) == [(0, 11)]
    assert list(doc.prose_lines()) == [(0, 5), (6, 10)]


def test_prose_of_an_empty_document():
    doc = Document("")
    assert list(doc.prose()) == [] and list(doc.prose_lines()) == []
    assert doc.protected == ()


def test_touches_protected():
    text = "ab `cd` ef"
    doc = Document(text)
    code = doc.protected[0]
    assert (code.start, code.end) == (3, 7)
    assert doc.touches_protected(0, 2) is None
    assert doc.touches_protected(2, 3) is None       # ends where the code starts
    assert doc.touches_protected(7, 9) is None       # starts where the code ends
    assert doc.touches_protected(2, 4) == code
    assert doc.touches_protected(6, 8) == code
    assert doc.touches_protected(0, 10) == code      # swallows it whole
    assert doc.touches_protected(5, 5) == code       # insertion inside
    assert doc.touches_protected(3, 3) is None       # insertion at its edge
    assert doc.touches_protected(7, 7) is None


def test_touches_protected_with_many_regions():
    text = " ".join(f"`c{i}`" for i in range(30))
    doc = Document(text)
    assert len(doc.protected) == 30
    for r in doc.protected:
        assert doc.touches_protected(r.start + 1, r.start + 2) == r
        assert doc.touches_protected(r.end, r.end + 1) is None
    assert doc.touches_protected(0, len(text)) is not None


def test_is_heading():
    doc = Document("# Title\nbody\n")
    assert doc.is_heading(2) and not doc.is_heading(10)


def test_with_edits_moves_regions_and_keeps_metadata():
    text = "---\nlocale: en-GB\n---\nOld  text `code` more  words https://x.example\n"
    doc = Document(text, path="a.md")
    start = text.index("Old  text")
    edits = [(start + 3, start + 5, " "), (text.index("more  ") + 4, text.index("more  ") + 6, " ")]
    new_text = text
    for s, e, r in reversed(edits):
        new_text = new_text[:s] + r + new_text[e:]
    nd = doc.with_edits(new_text, EditMap((s, e, len(r)) for s, e, r in edits))
    assert nd.metadata == doc.metadata and nd.path == "a.md" and nd.format == "markdown"
    assert [(r.kind, new_text[r.start:r.end]) for r in nd.protected] == \
        [(r.kind, text[r.start:r.end]) for r in doc.protected]
    # The moved regions are what a fresh scan of the new text finds.
    assert [(r.kind, r.start, r.end) for r in nd.protected] == \
        [(r.kind, r.start, r.end) for r in Document(new_text).protected]


def test_breaks_block():
    text = "Intro.\n```\ncode\n```\nAfter `x`.\n"
    doc = Document(text)
    fence = text.index("```")
    close = text.index("```", fence + 3) + 3
    assert doc.breaks_block(fence, fence, "X") is not None
    assert doc.breaks_block(fence, fence, "X\n") is None
    assert doc.breaks_block(fence - 1, fence, "") is not None        # joins "Intro." onto the fence
    assert doc.breaks_block(fence - 2, fence - 1, "") is None        # the newline stays
    assert doc.breaks_block(close, close, "Y") is not None
    assert doc.breaks_block(close, close, "\nY") is None
    assert doc.breaks_block(close, close + 1, "") is not None         # joins "After" onto it
    # Inline regions have no lines to keep.
    code = text.index("`x`")
    assert doc.breaks_block(code, code, "see ") is None
    assert doc.breaks_block(code + 3, code + 3, "!") is None
