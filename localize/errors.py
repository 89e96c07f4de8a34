"""Errors a user can act on. Each names the file and, where known, the line or byte."""
from __future__ import annotations


class LocalizeError(Exception):
    """Base class: the CLI turns these into a message and exit code 2."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None, byte: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.byte = byte

    def __str__(self) -> str:
        if self.line is not None:
            where = (f"{self.path}:{self.line}" if self.path else f"line {self.line}") + \
                (f":{self.column}" if self.column is not None else "")
        elif self.byte is not None:
            where = f"{self.path}: byte {self.byte}" if self.path else f"byte {self.byte}"
        else:
            where = self.path or ""
        return f"{where}: {self.message}" if where else self.message


class InputError(LocalizeError):
    """The input cannot be read as a document (encoding, binary, bad front matter)."""


class ProfileError(LocalizeError):
    """A locale profile or glossary file is invalid, or a locale tag is unknown."""


class ConfigError(LocalizeError):
    """A localize.yaml or [tool.localize] table is invalid."""
