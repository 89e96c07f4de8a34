"""TBX (ISO 30042) glossaries: TBX-Basic 2008 (`martif`) and TBX v3 core (`tbx`).

Read: termEntry/conceptEntry -> langSet/langSec -> tig/ntig/termSec -> term, with
termNote administrativeStatus and partOfSpeech, note, descrip subjectField (domain)
and definition, ref crossReference (see:). DCT-style elements (<min:partOfSpeech>)
are read like their termNote forms. Written: TBX-Basic v3, DCA style.

Parsed with expat directly, never a general XML library: no DTD is loaded, an internal
DTD subset or any entity declaration is refused (a "billion laughs" file stops at its
first declaration), and no URL is ever fetched.
"""
from __future__ import annotations

import re
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

from .model import STATUSES, Concept, Glossary, GlossaryError, Term, normalise_language

_XML_LANG = "http://www.w3.org/XML/1998/namespace}lang"

_STATUS = {
    "preferredterm-admn-sts": "preferred", "standardizedterm-admn-sts": "preferred",
    "admittedterm-admn-sts": "admitted",
    "deprecatedterm-admn-sts": "deprecated", "supersededterm-admn-sts": "deprecated",
    "forbiddenterm-admn-sts": "forbidden",
    **{s: s for s in STATUSES},
}
_STATUS_OUT = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
               "deprecated": "deprecatedTerm-admn-sts", "forbidden": "deprecatedTerm-admn-sts"}
# localize's own data categories; other TBX tools ignore them.
X_STATUS, X_CASE, X_CONTEXT, X_DNT = ("x-localizeStatus", "x-caseSensitive", "x-contextPattern",
                                      "x-doNotTranslate")
_TYPED = {"termNote", "descrip", "admin"}
_DCT = {"administrativeStatus", "partOfSpeech", "subjectField", "definition",
        X_STATUS, X_CASE, X_CONTEXT, X_DNT}
_TRUE = {"true", "yes", "1"}


class _El:
    __slots__ = ("tag", "attrs", "children", "parts", "line")

    def __init__(self, tag: str, attrs: dict, line: int) -> None:
        self.tag, self.attrs, self.line = tag, attrs, line
        self.children: list[_El] = []
        self.parts: list = []  # text and child elements in order

    def text(self) -> str:
        return " ".join("".join(p if isinstance(p, str) else p.text() for p in self.parts).split())

    def find(self, *tags: str) -> list["_El"]:
        return [c for c in self.children if c.tag in tags]


def _local(name: str) -> str:
    return name if name == _XML_LANG else name.rsplit("}", 1)[-1]


def _tree(text: str, path: str) -> _El:
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[_El] = []
    root: list[_El] = []

    def refuse(what: str):
        def handler(*_args):
            raise GlossaryError(f"{what} are not allowed in a glossary (they can expand without "
                                "bound or fetch files); remove the DOCTYPE's internal subset",
                                path=path, line=parser.CurrentLineNumber)
        return handler

    def doctype(_name, _sysid, _pubid, has_internal_subset):
        if has_internal_subset:  # an external DTD reference alone is harmless: it is never read
            refuse("DTD internal subsets")()

    def start(name, attrs):
        el = _El(_local(name), {_local(k): v for k, v in attrs.items()}, parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(el)
            stack[-1].parts.append(el)
        else:
            root.append(el)
        stack.append(el)

    def end(_name):
        stack.pop()

    def data(chunk):
        if stack:
            stack[-1].parts.append(chunk)

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = refuse("entity declarations")
    parser.UnparsedEntityDeclHandler = refuse("entity declarations")
    parser.ExternalEntityRefHandler = refuse("external entities")
    parser.SkippedEntityHandler = refuse("undeclared entities")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    try:
        parser.Parse(text, True)
    except expat.ExpatError as exc:
        raise GlossaryError(f"invalid XML: {expat.ErrorString(exc.code)}", path=path,
                            line=exc.lineno, column=exc.offset + 1) from None
    return root[0]


def _typed(el: _El) -> str | None:
    """The data category an element carries: termNote type=X, or a DCT element <X>."""
    if el.tag in _TYPED:
        return el.attrs.get("type")
    return el.tag if el.tag in _DCT else None


def parse(text: str, path: str, problems: list | None = None) -> Glossary:
    root = _tree(text, path)
    if root.tag not in ("martif", "tbx"):
        raise GlossaryError(f"not a TBX file: the root element is <{root.tag}>, not <tbx> or <martif>",
                            path=path, line=root.line)
    name = path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    description = None
    for header in root.find("martifHeader", "tbxHeader"):
        for desc in header.find("fileDesc"):
            for title in (t for s in desc.find("titleStmt") for t in s.find("title")):
                name = title.text() or name
            for p in (p for s in desc.find("sourceDesc") for p in s.find("p")):
                description = _raw(p) or description
    concepts: list[Concept] = []
    for body in (b for t in root.find("text") for b in t.find("body")):
        for entry in body.find("termEntry", "conceptEntry"):
            try:
                concept = _concept(entry, path, len(concepts) + 1, problems)
            except GlossaryError as exc:
                if problems is None:
                    raise
                problems.append(exc)
                continue
            if concept is not None:
                concepts.append(concept)
    languages = tuple(dict.fromkeys(t.language for c in concepts for t in c.terms))
    return Glossary(name=name, path=path, concepts=tuple(concepts), languages=languages,
                    description=description)


def _err(message: str, path: str, el: _El) -> GlossaryError:
    return GlossaryError(message, path=path, line=el.line)


def _concept(entry: _El, path: str, index: int, problems: list | None) -> Concept | None:
    cid = (entry.attrs.get("id") or "").strip() or f"entry-{index}"
    domain: list[str] = []
    notes: list[str] = []
    definition = None
    dnt = False
    see: list[str] = []
    terms: list[Term] = []
    for child in _flatten(entry, ("descripGrp", "adminGrp", "transacGrp")):
        kind = _typed(child)
        if kind == "subjectField":
            domain.append(child.text())
        elif kind == "definition":
            definition = _raw(child)
        elif kind == X_DNT:
            dnt = child.text().lower() in _TRUE
        elif child.tag == "note":
            notes.append(_raw(child))
        elif child.tag == "ref" and child.attrs.get("type") == "crossReference":
            target = (child.attrs.get("target") or child.text()).strip()
            if target:
                see.append(target)
        elif child.tag in ("langSet", "langSec"):
            lang_attr = child.attrs.get(_XML_LANG) or child.attrs.get("lang") or ""
            lang = normalise_language(lang_attr)
            if lang is None:
                raise _err(f"concept {cid!r}: <{child.tag}> needs xml:lang with a language tag, "
                           f"not {lang_attr!r}", path, child)
            for holder in child.find("tig", "ntig", "termSec"):
                try:
                    terms.append(_term(holder, lang, cid, path))
                except GlossaryError as exc:
                    if problems is None:
                        raise
                    problems.append(exc)
    if not terms:
        raise _err(f"concept {cid!r} has no terms", path, entry)
    note = "\n".join(n for n in notes if n) or definition
    return Concept(id=cid, terms=tuple(terms), domain=tuple(d for d in domain if d), note=note,
                   do_not_translate=dnt, source=(path, entry.line), see=tuple(see))


def _flatten(el: _El, groups: tuple[str, ...]) -> list[_El]:
    out: list[_El] = []
    for child in el.children:
        out.extend(_flatten(child, groups) if child.tag in groups else [child])
    return out


def _term(holder: _El, lang: str, cid: str, path: str) -> Term:
    items = _flatten(holder, ("termGrp", "termNoteGrp", "descripGrp", "adminGrp"))
    term_el = next((c for c in items if c.tag == "term"), None)
    if term_el is None:
        raise _err(f"concept {cid!r}: <{holder.tag}> has no <term>", path, holder)
    text = term_el.text()
    if not text:
        raise _err(f"concept {cid!r}: empty term", path, term_el)
    status, pos, note, context, case = "preferred", None, None, None, False
    override = None
    for c in items:
        kind = _typed(c)
        value = c.text()
        if kind == "administrativeStatus":
            status = _STATUS.get(value.lower())
            if status is None:
                raise _err(f"concept {cid!r}: unknown administrativeStatus {value!r} for term "
                           f"{text!r}", path, c)
        elif kind == X_STATUS:
            override = value
        elif kind == "partOfSpeech":
            pos = value or None
        elif kind == X_CASE:
            case = value.lower() in _TRUE
        elif kind == X_CONTEXT:
            context = _raw(c, strip=False)  # written by us, exactly
            try:
                re.compile(context)
            except re.error as exc:
                raise _err(f"concept {cid!r}: context of {text!r} is not a valid regular expression "
                           f"({exc})", path, c) from None
        elif c.tag == "note":
            note = _raw(c) or None
    if override is not None:
        if override not in STATUSES:
            raise _err(f"concept {cid!r}: unknown status {override!r} for term {text!r}", path, holder)
        status = override
    return Term(text=text, language=lang, status=status, case_sensitive=case, pos=pos, note=note,
                context=context, source=(path, term_el.line))


def _raw(el: _El, strip: bool = True) -> str:
    """The text with its inner line breaks (notes), unlike text() which collapses them."""
    text = "".join(p if isinstance(p, str) else _raw(p, False) for p in el.parts)
    return text.strip() if strip else text


# -- writing -------------------------------------------------------------------------------

def dump(glossary: Glossary) -> str:
    langs = glossary.languages or glossary.used_languages()
    main = langs[0] if langs else "en"
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<tbx type="TBX-Basic" style="dca" xml:lang={quoteattr(main)} '
           'xmlns="urn:iso:std:iso:30042:ed-2">',
           "  <tbxHeader>", "    <fileDesc>",
           f"      <titleStmt><title>{escape(glossary.name)}</title></titleStmt>"]
    if glossary.description is not None:
        out.append(f"      <sourceDesc><p>{escape(glossary.description)}</p></sourceDesc>")
    out += ["    </fileDesc>", "  </tbxHeader>", "  <text>", "    <body>"]
    for c in glossary.concepts:
        out.append(f"      <conceptEntry id={quoteattr(c.id)}>")
        out += [f'        <descrip type="subjectField">{escape(d)}</descrip>' for d in c.domain]
        if c.note is not None:
            out.append(f"        <note>{escape(c.note)}</note>")
        if c.do_not_translate:
            out.append(f'        <descrip type="{X_DNT}">true</descrip>')
        out += [f'        <ref type="crossReference" target={quoteattr(s)}>{escape(s)}</ref>'
                for s in c.see]
        by_lang: dict[str, list[Term]] = {}
        for t in c.terms:
            by_lang.setdefault(t.language, []).append(t)
        for lang, terms in by_lang.items():
            out.append(f"        <langSec xml:lang={quoteattr(lang)}>")
            for t in terms:
                out += ["          <termSec>", f"            <term>{escape(t.text)}</term>",
                        f'            <termNote type="administrativeStatus">{_STATUS_OUT[t.status]}'
                        "</termNote>"]
                if t.status == "forbidden":
                    out.append(f'            <termNote type="{X_STATUS}">forbidden</termNote>')
                if t.pos is not None:
                    out.append(f'            <termNote type="partOfSpeech">{escape(t.pos)}</termNote>')
                if t.case_sensitive:
                    out.append(f'            <termNote type="{X_CASE}">true</termNote>')
                if t.context is not None:
                    out.append(f'            <termNote type="{X_CONTEXT}">{escape(t.context)}</termNote>')
                if t.note is not None:
                    out.append(f"            <note>{escape(t.note)}</note>")
                out.append("          </termSec>")
            out.append("        </langSec>")
        out.append("      </conceptEntry>")
    out += ["    </body>", "  </text>", "</tbx>"]
    return "\n".join(out) + "\n"
