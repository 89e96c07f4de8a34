"""Source: BOM and line endings in, the same out; bad bytes are clear errors."""
from __future__ import annotations

import pytest

from localize.errors import InputError
from localize.source import Source


@pytest.mark.parametrize("text, body, bom, crlf", [
    ("plain\n", "plain\n", False, False),
    ("\ufeffbom\n", "bom\n", True, False),
    ("a\r\nb\r\n", "a\nb\n", False, True),
    ("\ufeffa\r\nb", "a\nb", True, True),
    ("mixed\r\nand\nlf\n", "mixed\r\nand\nlf\n", False, False),   # stray CRs stay put
    ("old\rmac\r", "old\rmac\r", False, False),
    ("", "", False, False),
    ("\ufeff", "", True, False),
])
def test_from_text_and_restore(text, body, bom, crlf):
    src = Source.from_text(text)
    assert (src.body, src.bom, src.crlf) == (body, bom, crlf)
    assert src.restore(src.body) == text


def test_restore_applies_the_conventions_to_new_text():
    src = Source.from_text("\ufeffa\r\nb\r\n")
    assert src.restore("x\ny\n") == "\ufeffx\r\ny\r\n"


def test_only_a_leading_bom_is_encoding():
    src = Source.from_text("a\ufeffb")
    assert src.body == "a\ufeffb" and not src.bom


def test_from_bytes():
    assert Source.from_bytes("Grüße\r\n".encode()).body == "Grüße\n"
    assert Source.from_bytes(b"\xef\xbb\xbfx").bom


def test_invalid_utf8_names_line_and_byte():
    with pytest.raises(InputError) as info:
        Source.from_bytes(b"line one\nline two \xc3\x28 here\n", path="a.md")
    err = info.value
    assert err.byte == 18 and err.path == "a.md"
    assert "line 2" in err.message and "UTF-8" in err.message
    assert str(err).startswith("a.md: byte 18")


def test_binary_is_refused():
    with pytest.raises(InputError, match="binary"):
        Source.from_bytes(b"PK\x03\x04\x00\x00", path="x.zip")
