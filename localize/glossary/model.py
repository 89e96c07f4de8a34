"""The glossary model shared by every format, the checker and the terminology stage.

A glossary is a list of concepts; a concept lists terms per language or locale, each
with a status. Formats (YAML, TBX, CSV) only translate to and from these classes, so
the stage never knows which format a glossary came from.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Literal, Sequence

from ..errors import LocalizeError

Status = Literal["preferred", "admitted", "deprecated", "forbidden"]
STATUSES: tuple[str, ...] = ("preferred", "admitted", "deprecated", "forbidden")

# Bumped when the model changes shape, so caches keyed by content_hash() go stale.
MODEL_VERSION = 1


class GlossaryError(LocalizeError):
    """A glossary file cannot be read or does not follow its format; names file:line."""


@dataclass(frozen=True)
class Term:
    text: str
    language: str                 # a locale tag "en-GB" or a language "ja"
    status: Status = "preferred"
    case_sensitive: bool = False
    pos: str | None = None
    note: str | None = None
    context: str | None = None    # a regular expression the text around a match must satisfy
    # Where the term was defined. Not part of equality: the same term read from YAML
    # and from TBX is the same term.
    source: tuple[str, int] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Concept:
    id: str
    terms: tuple[Term, ...]
    domain: tuple[str, ...] = ()
    note: str | None = None
    do_not_translate: bool = False  # brand/product names: must appear unchanged in every language
    source: tuple[str, int] | None = field(default=None, compare=False)
    see: tuple[str, ...] = ()       # ids of related concepts (checked, not used for matching)

    def terms_for(self, language: str) -> tuple[Term, ...]:
        """Terms listed under exactly this tag (case-insensitive)."""
        key = language.lower()
        return tuple(t for t in self.terms if t.language.lower() == key)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.language for t in self.terms))


@dataclass(frozen=True)
class Glossary:
    name: str
    path: str | None
    concepts: tuple[Concept, ...]
    languages: tuple[str, ...] = ()
    description: str | None = None

    def used_languages(self) -> tuple[str, ...]:
        """The tags terms are listed under, in order of first use."""
        return tuple(dict.fromkeys(t.language for c in self.concepts for t in c.terms))


_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


@lru_cache(maxsize=1024)
def normalise_language(tag: str) -> str | None:
    """`en-us` -> `en-US`, `zh_hans` -> `zh-Hans`; None when it is not a language tag."""
    tag = tag.strip()
    if not _TAG.fullmatch(tag):
        return None
    parts = tag.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for p in parts[1:]:
        if len(p) == 4 and p.isalpha():
            out.append(p.title())
        elif len(p) == 2 or (len(p) == 3 and p.isdigit()):
            out.append(p.upper())
        else:
            out.append(p.lower())
    return "-".join(out)


# -- files ---------------------------------------------------------------------------------

_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".tbx": "tbx", ".xml": "tbx", ".csv": "csv"}


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    try:
        return _FORMATS[suffix]
    except KeyError:
        raise GlossaryError(f"unknown glossary format {suffix or '(no extension)'!r}: "
                            "use .yaml/.yml, .tbx/.xml or .csv", path=str(path)) from None


def _module(fmt: str):
    # Imported lazily: a YAML-only run never loads the XML or CSV code.
    if fmt == "yaml":
        from . import yaml_format as mod
    elif fmt == "tbx":
        from . import tbx as mod
    else:
        from . import csv_format as mod
    return mod


def read_text(path: str | Path) -> str:
    """The file as text (UTF-8, a leading BOM dropped); GlossaryError when unreadable."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise GlossaryError(f"cannot read glossary: {exc.strerror or exc}", path=str(path)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GlossaryError("glossary is not valid UTF-8", path=str(path), byte=exc.start) from None
    return text[1:] if text.startswith("\ufeff") else text


def parse_glossary(text: str, path: str, fmt: str | None = None,
                   problems: list | None = None) -> Glossary:
    """Parse text in the format of `path`'s extension (or `fmt`). With `problems` (a list),
    invalid entries are skipped and their GlossaryErrors appended instead of raised."""
    return _module(fmt or format_of(path)).parse(text, path, problems)


def load_glossary(path: str | Path) -> Glossary:
    """Read a YAML, TBX or CSV glossary, chosen by extension."""
    fmt = format_of(path)
    return parse_glossary(read_text(path), str(path), fmt)


def dump_glossary(glossary: Glossary, fmt: str) -> str:
    return _module(fmt).dump(glossary)


def save_glossary(glossary: Glossary, path: str | Path) -> None:
    """Write `glossary` in the format of `path`'s extension (UTF-8, LF line ends)."""
    text = dump_glossary(glossary, format_of(path))
    try:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    except OSError as exc:
        raise GlossaryError(f"cannot write glossary: {exc.strerror or exc}", path=str(path)) from None


# -- layering ------------------------------------------------------------------------------

def layered(glossaries: Sequence[Glossary]) -> tuple[Concept, ...]:
    """Merge glossaries, earlier = higher precedence (a house glossary before a shipped one).

    A concept id defined by a higher layer hides the lower layer's concept of that id;
    a term text a higher layer lists for a language is dropped from lower layers' concepts
    (a concept left without terms disappears). Within one glossary nothing is hidden:
    conflicts there are for `localize glossary check` to report.
    """
    out: list[Concept] = []
    seen_ids: set[str] = set()
    seen_terms: set[tuple[str, str]] = set()
    for glossary in glossaries:
        ids: set[str] = set()
        terms: set[tuple[str, str]] = set()
        for concept in glossary.concepts:
            if concept.id in seen_ids:
                continue
            kept = tuple(t for t in concept.terms if _term_key(t) not in seen_terms)
            if not kept:
                continue
            if len(kept) != len(concept.terms):
                concept = _replace_terms(concept, kept)
            out.append(concept)
            ids.add(concept.id)
            terms.update(_term_key(t) for t in kept)
        seen_ids |= ids
        seen_terms |= terms
    return tuple(out)


def _term_key(term: Term) -> tuple[str, str]:
    return term.language.lower(), term.text.casefold()


def _replace_terms(concept: Concept, terms: tuple[Term, ...]) -> Concept:
    return Concept(id=concept.id, terms=terms, domain=concept.domain, note=concept.note,
                   do_not_translate=concept.do_not_translate, source=concept.source,
                   see=concept.see)


def content_hash(paths: Iterable[str | Path]) -> str:
    """A cache key over the files' names and bytes, in order (order is precedence)."""
    crc = zlib.crc32(str(MODEL_VERSION).encode())
    adler = zlib.adler32(b"")
    size = 0
    for p in paths:
        try:
            data = Path(p).read_bytes()
        except OSError as exc:
            raise GlossaryError(f"cannot read glossary: {exc.strerror or exc}", path=str(p)) from None
        for chunk in (str(Path(p).resolve()).encode("utf-8", "surrogateescape"), b"\0", data, b"\0"):
            crc = zlib.crc32(chunk, crc)
            adler = zlib.adler32(chunk, adler)
        size += len(data)
    return f"{crc:08x}{adler:08x}{size:x}"
