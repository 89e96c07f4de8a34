"""`localize glossary check`: what a glossary author should fix, each at file:line.

Reading problems (bad YAML/XML, unknown statuses, empty terms, invalid context
patterns) come from the format parsers in lenient mode, so one run lists them all;
the checks below look across concepts. A file that cannot be read at all raises
GlossaryError (the CLI exits 2); everything else is a Problem.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Literal

from .model import Concept, Glossary, GlossaryError, format_of, parse_glossary, read_text

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.severity}: {self.message}"


def check_glossaries(paths: Iterable[str | Path]) -> list[Problem]:
    problems: list[Problem] = []
    glossaries: list[Glossary] = []
    for p in paths:
        path = str(p)
        fmt = format_of(path)
        text = read_text(path)  # unreadable -> GlossaryError for the caller
        found: list[GlossaryError] = []
        try:
            glossaries.append(parse_glossary(text, path, fmt, found))
        except GlossaryError as exc:  # the file's structure is broken: nothing else to check
            found.append(exc)
        problems += [Problem(e.path or path, e.line, e.message) for e in found]
    known_ids = {c.id for g in glossaries for c in g.concepts}
    for g in glossaries:
        problems += _check(g, known_ids)
    return sorted(problems, key=lambda p: (p.path, p.line or 0, p.message))


def _line(concept: Concept) -> int | None:
    return concept.source[1] if concept.source else None


def _check(g: Glossary, known_ids: set[str]) -> list[Problem]:
    path = g.path or g.name
    out: list[Problem] = []

    def add(line: int | None, message: str, severity: Severity = "error") -> None:
        out.append(Problem(path, line, message, severity))

    first_line: dict[str, int | None] = {}
    preferred_in: dict[tuple[str, str], str] = {}
    declared = {lang.lower() for lang in g.languages}
    reported_langs: set[str] = set()
    for c in g.concepts:
        if c.id in first_line:
            add(_line(c), f"duplicate concept id {c.id!r} (first defined at line {first_line[c.id]})")
        else:
            first_line[c.id] = _line(c)
        for ref in c.see:
            if ref not in known_ids:
                add(_line(c), f"concept {c.id!r}: see: {ref!r} is not a concept id in the checked "
                              "glossaries")
            elif ref == c.id:
                add(_line(c), f"concept {c.id!r}: see: refers to itself", "warning")
        statuses: dict[tuple[str, str], str] = {}
        for t in c.terms:
            tline = t.source[1] if t.source else _line(c)
            lang = t.language.lower()
            key = (lang, t.text if t.case_sensitive else t.text.casefold())
            if key in statuses:
                if statuses[key] != t.status:
                    add(tline, f"concept {c.id!r}: {t.text!r} ({t.language}) is listed as both "
                               f"{statuses[key]} and {t.status}")
                else:
                    add(tline, f"concept {c.id!r}: {t.text!r} ({t.language}) is listed twice", "warning")
                continue
            statuses[key] = t.status
            if t.status == "preferred":
                other = preferred_in.get(key)
                if other is not None and other != c.id:
                    add(tline, f"{t.text!r} is the preferred {t.language} term of two concepts: "
                               f"{other!r} and {c.id!r}")
                preferred_in.setdefault(key, c.id)
            if declared and lang not in declared and lang.split("-")[0] not in declared \
                    and lang not in reported_langs:
                reported_langs.add(lang)
                add(tline, f"language {t.language!r} is not in glossary.languages", "warning")
        _missing_preferred(c, add)
    return out


def _missing_preferred(c: Concept, add) -> None:
    """A language with deprecated or forbidden terms but nothing to replace them with."""
    preferred = {t.language.lower() for t in c.terms if t.status == "preferred"}
    if c.do_not_translate and preferred:
        return  # the brand itself replaces every forbidden variant
    done: set[str] = set()
    for t in c.terms:
        lang = t.language.lower()
        if t.status not in ("deprecated", "forbidden") or lang in done:
            continue
        done.add(lang)
        if lang not in preferred and lang.split("-")[0] not in preferred:
            add(t.source[1] if t.source else _line(c),
                f"concept {c.id!r}: {t.language} has {t.status} terms but no preferred term "
                f"to replace them with")
