"""`localize extract PATH|- --language L [--kinds money] [--format json|text]`

Lists every figure the recognisers find, with position, value, currency and flags,
so a translation reviewer can check each one. Nothing is changed. In Markdown,
code, URLs and other protected regions are skipped, as every stage skips them.
"""
from __future__ import annotations

import json
import sys

import click

from ..errors import LocalizeError

EXIT_ERROR = 2


@click.command("extract")
@click.argument("paths", nargs=-1, metavar="PATH|- ...")
@click.option("--language", "-L", "language", metavar="TAG",
              help="Language of the text (en, ja, de-DE, ...). Default: the front matter's lang/locale.")
@click.option("--kinds", default="money", show_default=True, metavar="KIND[,KIND]",
              help="What to find (money).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: one line per figure; json: entities and annotations.")
@click.option("--input-format", type=click.Choice(["markdown", "text"]),
              help="Input format (default: by extension; markdown for stdin).")
def extract(paths, language, kinds, fmt, input_format):
    """List the money amounts (and their bracketed equivalents) in articles."""
    try:
        results = [_one(name, language, kinds, input_format) for name in _names(paths)]
    except LocalizeError as exc:
        click.echo(f"localize: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    if fmt == "json":
        click.echo(json.dumps({"version": 1, "files": results}, ensure_ascii=False, indent=2))
        return
    for r in results:
        _print_text(r)


def _names(paths: tuple[str, ...]) -> list[str]:
    if not paths:
        raise LocalizeError("no input: name files, or - for standard input")
    return list(paths)


def _one(name: str, language: str | None, kinds: str, input_format: str | None) -> dict:
    from ..document import Document
    from ..files import format_for, read_input
    from ..recognize import extract as find
    from ..recognize.annotations import find_annotations
    from ..source import Source

    item = read_input(name)
    body = Source.from_bytes(item.data, item.name).body
    doc = Document(body, input_format or format_for(name), item.name)
    lang = language or doc.metadata.locale
    if not lang:
        raise LocalizeError("no language: pass --language, or set lang/locale in the front matter",
                            path=item.name)
    entities = [e for e in find(body, language=lang, kinds=kinds.split(","))
                if doc.touches_protected(e.start, e.end) is None]
    pairs = find_annotations(body, entities, lang)
    lines = doc.lines

    def located(d: dict, start: int) -> dict:
        pos = lines.position(start)
        return {**d, "line": pos.line, "column": pos.column}

    annotation_of = {id(a.annotation): a for a in pairs}
    out_entities = []
    for e in entities:
        d = located(e.to_dict(), e.start)
        pair = annotation_of.get(id(e))
        if pair is not None:
            d["annotates"] = pair.primary.start
        out_entities.append(d)
    return {"path": item.name, "language": lang, "entities": out_entities,
            "annotations": [located(a.to_dict(body), a.start) for a in pairs]}


def _print_text(result: dict) -> None:
    name = result["path"]
    if not result["entities"]:
        click.echo(f"{name}: no amounts found ({result['language']})")
        return
    for e in result["entities"]:
        flags = []
        if e["approximate"]:
            flags.append("approximate")
        if e["upper_bound"]:
            flags.append("upper bound")
        if "annotates" in e:
            flags.append("annotation")
        value = e["value"] if e["low"] is None else f"{e['low']}–{e['value']}"
        currency = e["currency"] or "?"
        extra = f"  [{', '.join(flags)}]" if flags else ""
        click.echo(f"{name}:{e['line']}:{e['column']}: {e['text']!r}  {currency} {value}{extra}")
