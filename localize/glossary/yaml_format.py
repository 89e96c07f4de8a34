"""The YAML glossary format (documented in glossaries/README.md).

Validated node by node with the profile schema language, so every error names
file:line. In lenient mode (a `problems` list, used by the checker) a bad concept or
term is skipped and reported, and the rest of the file is still read.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

import yaml

from ..profiles.schema import BOOL, OPT_STR, STR, ListOf, Scalar, compose, enum, validate
from .model import STATUSES, Concept, Glossary, GlossaryError, Term, normalise_language


def _regex_ok(pattern: object) -> str | None:
    try:
        re.compile(str(pattern))
    except re.error as exc:
        return f"context is not a valid regular expression ({exc}): {pattern!r}"
    return None


def _nonempty(value: object) -> str | None:
    return "empty" if not str(value).strip() else None


def _term_text(value: object) -> str | None:
    return "empty term" if not str(value).strip() else None


HEADER = {"name": STR, "languages": ListOf(STR), "description": OPT_STR}
TOP = {"glossary": HEADER, "concepts": Any}
CONCEPT = {"id": Scalar((str,), check=_nonempty), "domain": ListOf(STR), "note": OPT_STR,
           "do_not_translate": BOOL, "see": ListOf(STR), "terms": Any}
TERM = {"term": Scalar((str,), check=_term_text), "status": enum(*STATUSES), "case_sensitive": BOOL,
        "pos": OPT_STR, "note": OPT_STR, "context": Scalar((str,), nullable=True, check=_regex_ok)}


class _Ctx:
    def __init__(self, path: str, problems: list | None) -> None:
        self.path = path
        self.problems = problems

    def error(self, message: str, node: yaml.Node) -> GlossaryError:
        return GlossaryError(message, path=self.path, line=node.start_mark.line + 1,
                             column=node.start_mark.column + 1)

    def validate(self, node: yaml.Node, schema: Any, where: str) -> bool:
        """True when valid; otherwise raise, or record the problem in lenient mode."""
        try:
            validate(node, schema, self.path, where, error=GlossaryError)
        except GlossaryError as exc:
            return self.report(exc)
        return True

    def report(self, exc: GlossaryError) -> bool:
        if self.problems is None:
            raise exc
        self.problems.append(exc)
        return False


def _value(node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:str":
            return node.value
        return yaml.SafeLoader("").construct_object(node)
    if isinstance(node, yaml.SequenceNode):
        return [_value(n) for n in node.value]
    return {k.value: _value(v) for k, v in node.value}


def _fields(node: yaml.MappingNode) -> dict[str, yaml.Node]:
    return {k.value: v for k, v in node.value}


def parse(text: str, path: str, problems: list | None = None) -> Glossary:
    ctx = _Ctx(path, problems)
    root = compose(text, path, GlossaryError)
    name = _default_name(path)
    if root is None:
        return Glossary(name=name, path=path, concepts=())
    validate(root, TOP, path, error=GlossaryError)  # the file's shape: always fatal
    top = _fields(root)
    languages: tuple[str, ...] = ()
    description = None
    if "glossary" in top:
        header = {k: _value(v) for k, v in _fields(top["glossary"]).items()}
        name = header.get("name", name)
        description = header.get("description")
        langs = []
        for node in top["glossary"].value:
            if node[0].value == "languages":
                for item in node[1].value:
                    tag = normalise_language(item.value)
                    if tag is None:
                        raise ctx.error(f"glossary.languages: {item.value!r} is not a language tag", item)
                    langs.append(tag)
        languages = tuple(langs)
    concepts: list[Concept] = []
    node = top.get("concepts")
    if node is not None:
        if not isinstance(node, yaml.SequenceNode):
            raise ctx.error("concepts must be a list", node)
        for i, item in enumerate(node.value):
            concept = _concept(ctx, item, f"concepts[{i}]")
            if concept is not None:
                concepts.append(concept)
    return Glossary(name=name, path=path, concepts=tuple(concepts), languages=languages,
                    description=description)


def _default_name(path: str) -> str:
    base = path.replace("\\", "/").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[0] if "." in base else base


def _concept(ctx: _Ctx, node: yaml.Node, where: str) -> Concept | None:
    if not ctx.validate(node, CONCEPT, where):
        return None
    f = _fields(node)
    for key in ("id", "terms"):
        if key not in f:
            ctx.report(ctx.error(f"{where}: missing {key!r}", node))
            return None
    cid = f["id"].value.strip()
    where = f"concept {cid!r}"
    terms_node = f["terms"]
    if not isinstance(terms_node, yaml.MappingNode):
        ctx.report(ctx.error(f"{where}: terms must be a mapping of language -> list of terms", terms_node))
        return None
    terms: list[Term] = []
    listed = 0
    for key_node, list_node in terms_node.value:
        lang = normalise_language(str(key_node.value))
        if lang is None:
            ctx.report(ctx.error(f"{where}: {key_node.value!r} is not a language or locale tag", key_node))
            continue
        if not isinstance(list_node, yaml.SequenceNode):
            ctx.report(ctx.error(f"{where}: terms.{lang} must be a list of terms", list_node))
            continue
        for j, term_node in enumerate(list_node.value):
            listed += 1
            term = _term(ctx, term_node, lang, f"{where}: terms.{lang}[{j}]")
            if term is not None:
                terms.append(term)
    if not terms:
        if not listed:  # otherwise each bad term has been reported already
            ctx.report(ctx.error(f"{where}: no terms", node))
        return None
    values = {k: _value(v) for k, v in f.items() if k != "terms"}
    return Concept(id=cid, terms=tuple(terms), domain=tuple(values.get("domain") or ()),
                   note=values.get("note"), do_not_translate=bool(values.get("do_not_translate")),
                   source=(ctx.path, node.start_mark.line + 1), see=tuple(values.get("see") or ()))


def _term(ctx: _Ctx, node: yaml.Node, lang: str, where: str) -> Term | None:
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str":
        if not node.value.strip():  # shorthand: a bare string is a preferred term
            ctx.report(ctx.error(f"{where}: empty term", node))
            return None
        return Term(text=node.value.strip(), language=lang, source=(ctx.path, node.start_mark.line + 1))
    if not ctx.validate(node, TERM, where):
        return None
    v = {k: _value(n) for k, n in _fields(node).items()}
    if "term" not in v:
        ctx.report(ctx.error(f"{where}: missing 'term'", node))
        return None
    return Term(text=v["term"].strip(), language=lang, status=v.get("status", "preferred"),
                case_sensitive=bool(v.get("case_sensitive", False)), pos=v.get("pos"),
                note=v.get("note"), context=v.get("context"),
                source=(ctx.path, node.start_mark.line + 1))


# -- writing -------------------------------------------------------------------------------

_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}\n\"]*")


_RESOLVER = yaml.resolver.Resolver()


@lru_cache(maxsize=4096)
def _scalar(value: str) -> str:
    """A YAML scalar for `value`: plain when that reads back as the same string."""
    if _PLAIN.fullmatch(value) and value == value.strip() and " #" not in value and \
            _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str":
        return value
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(_scalar(i) for i in items) + "]"


def _term_yaml(t: Term) -> str:
    parts = [f"term: {_scalar(t.text)}"]
    if t.status != "preferred":
        parts.append(f"status: {t.status}")
    if t.case_sensitive:
        parts.append("case_sensitive: true")
    for key in ("pos", "note", "context"):
        value = getattr(t, key)
        if value is not None:
            parts.append(f"{key}: {_scalar(value)}")
    return "{" + ", ".join(parts) + "}"


def dump(glossary: Glossary) -> str:
    out = ["glossary:", f"  name: {_scalar(glossary.name)}"]
    languages = glossary.languages or glossary.used_languages()
    if languages:
        out.append(f"  languages: {_flow(list(languages))}")
    if glossary.description is not None:
        out.append(f"  description: {_scalar(glossary.description)}")
    out.append("concepts:" if glossary.concepts else "concepts: []")
    for c in glossary.concepts:
        out.append(f"  - id: {_scalar(c.id)}")
        if c.domain:
            out.append(f"    domain: {_flow(list(c.domain))}")
        if c.note is not None:
            out.append(f"    note: {_scalar(c.note)}")
        if c.do_not_translate:
            out.append("    do_not_translate: true")
        if c.see:
            out.append(f"    see: {_flow(list(c.see))}")
        out.append("    terms:")
        by_lang: dict[str, list[Term]] = {}
        for t in c.terms:
            by_lang.setdefault(t.language, []).append(t)
        for lang, terms in by_lang.items():
            out.append(f"      {_scalar(lang)}: [" + ", ".join(_term_yaml(t) for t in terms) + "]")
    return "\n".join(out) + "\n"
