"""CSV glossaries: one row per term, a header row, the rows of one concept together.

Columns (any order; only concept_id, language and term are required):
concept_id, language, term, status, case_sensitive, pos, note, context, domain,
do_not_translate, concept_note, see. Concept-level columns (domain, do_not_translate,
concept_note, see) may be filled on every row of the concept or only on one; two rows
that disagree are an error. Lists (domain, see) are separated by `;`.
"""
from __future__ import annotations

import csv
import io
import re

from .model import STATUSES, Concept, Glossary, GlossaryError, Term, normalise_language

COLUMNS = ("concept_id", "language", "term", "status", "case_sensitive", "pos", "note", "context",
           "domain", "do_not_translate", "concept_note", "see")
REQUIRED = ("concept_id", "language", "term")
_BOOL = {"": False, "false": False, "no": False, "0": False, "true": True, "yes": True, "1": True}


def _bool(value: str, column: str, path: str, line: int) -> bool:
    try:
        return _BOOL[value.strip().lower()]
    except KeyError:
        raise GlossaryError(f"{column} must be true or false, not {value!r}", path=path,
                            line=line) from None


def _list(value: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in value.split(";") if p.strip())


class _Draft:
    def __init__(self, cid: str, line: int) -> None:
        self.cid, self.line = cid, line
        self.terms: list[Term] = []
        self.fields: dict[str, tuple[object, int]] = {}  # value, line it came from

    def set(self, key: str, value: object, line: int, path: str) -> None:
        if value in ("", (), False):
            return
        if key in self.fields and self.fields[key][0] != value:
            raise GlossaryError(f"concept {self.cid!r}: {key} differs from line "
                                f"{self.fields[key][1]}", path=path, line=line)
        self.fields.setdefault(key, (value, line))

    def build(self, path: str) -> Concept:
        get = lambda k, default: self.fields.get(k, (default, 0))[0]  # noqa: E731
        return Concept(id=self.cid, terms=tuple(self.terms), domain=get("domain", ()),
                       note=get("concept_note", None), do_not_translate=get("do_not_translate", False),
                       source=(path, self.line), see=get("see", ()))


def parse(text: str, path: str, problems: list | None = None) -> Glossary:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        header = []
    except csv.Error as exc:
        raise GlossaryError(f"invalid CSV: {exc}", path=path, line=1) from None
    columns = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise GlossaryError("the header row must name the columns " + ", ".join(REQUIRED) +
                            f" (missing: {', '.join(missing)})", path=path, line=1)
    unknown = [c for c in columns if c and c not in COLUMNS]
    if unknown:
        raise GlossaryError(f"unknown column {unknown[0]!r} (known: {', '.join(COLUMNS)})",
                            path=path, line=1)
    drafts: list[_Draft] = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise GlossaryError(f"invalid CSV: {exc}", path=path, line=reader.line_num) from None
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        try:
            _row(dict(zip(columns, row)), drafts, path, start)
        except GlossaryError as exc:
            if problems is None:
                raise
            problems.append(exc)
    concepts = tuple(d.build(path) for d in drafts if d.terms)
    name = path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    languages = tuple(dict.fromkeys(t.language for c in concepts for t in c.terms))
    return Glossary(name=name, path=path, concepts=concepts, languages=languages)


def _row(cells: dict[str, str], drafts: list[_Draft], path: str, line: int) -> None:
    cell = lambda k: (cells.get(k) or "").strip()  # noqa: E731
    cid = cell("concept_id")
    if not cid:
        raise GlossaryError("empty concept_id", path=path, line=line)
    # Rows of one concept are consecutive; an id seen again later starts a second concept,
    # which `localize glossary check` reports as a duplicate.
    if not drafts or drafts[-1].cid != cid:
        drafts.append(_Draft(cid, line))
    draft = drafts[-1]
    draft.set("domain", _list(cell("domain")), line, path)
    draft.set("see", _list(cell("see")), line, path)
    draft.set("concept_note", (cells.get("concept_note") or "").strip("\n"), line, path)
    draft.set("do_not_translate", _bool(cell("do_not_translate"), "do_not_translate", path, line),
              line, path)
    lang = normalise_language(cell("language"))
    if lang is None:
        raise GlossaryError(f"concept {cid!r}: {cell('language')!r} is not a language or locale tag",
                            path=path, line=line)
    text = " ".join(cell("term").split())
    if not text:
        raise GlossaryError(f"concept {cid!r}: empty term", path=path, line=line)
    status = cell("status").lower() or "preferred"
    if status not in STATUSES:
        raise GlossaryError(f"concept {cid!r}: unknown status {status!r} for term {text!r} "
                            f"(use {', '.join(STATUSES)})", path=path, line=line)
    context = cells.get("context") or None
    if context is not None:
        try:
            re.compile(context)
        except re.error as exc:
            raise GlossaryError(f"concept {cid!r}: context of {text!r} is not a valid regular "
                                f"expression ({exc})", path=path, line=line) from None
    draft.terms.append(Term(text=text, language=lang, status=status,
                            case_sensitive=_bool(cell("case_sensitive"), "case_sensitive", path, line),
                            pos=cell("pos") or None, note=(cells.get("note") or "").strip() or None,
                            context=context, source=(path, line)))


def dump(glossary: Glossary) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for c in glossary.concepts:
        for t in c.terms:
            writer.writerow([c.id, t.language, t.text, t.status, "true" if t.case_sensitive else "",
                             t.pos or "", t.note or "", t.context or "", ";".join(c.domain),
                             "true" if c.do_not_translate else "", c.note or "", ";".join(c.see)])
    return buf.getvalue()
