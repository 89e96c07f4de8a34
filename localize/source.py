"""Bytes and strings in, the same conventions out.

The pipeline works on LF text without a leading BOM. `Source` remembers what the input
had (a BOM, CRLF line endings) so the output is written back the way it came in.
"""
from __future__ import annotations

from dataclasses import dataclass

from .errors import InputError

BOM = "\ufeff"


@dataclass(frozen=True)
class Source:
    body: str
    bom: bool = False
    crlf: bool = False

    @classmethod
    def from_text(cls, text: str) -> "Source":
        bom = text.startswith(BOM)
        if bom:
            text = text[1:]
        # Only a file whose every line ends in CRLF is treated as CRLF; a mixed file keeps
        # its bytes, so the stray CRs stay where they are.
        crlf = "\r\n" in text and text.count("\n") == text.count("\r\n")
        if crlf:
            text = text.replace("\r\n", "\n")
        return cls(text, bom, crlf)

    @classmethod
    def from_bytes(cls, data: bytes, path: str | None = None) -> "Source":
        if b"\x00" in data[:8192]:
            raise InputError("binary file (contains NUL bytes); skipped", path=path)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise InputError(
                f"not valid UTF-8 (line {line}): {exc.reason}; "
                "re-save the file as UTF-8", path=path, byte=exc.start) from None
        return cls.from_text(text)

    def restore(self, body: str) -> str:
        if self.crlf:
            body = body.replace("\n", "\r\n")
        return (BOM + body) if self.bom else body
