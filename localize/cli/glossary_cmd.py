"""`localize glossary convert IN OUT` and `localize glossary check FILE...`.

Formats follow the extension: .yaml/.yml, .tbx/.xml, .csv.
"""
from __future__ import annotations

import sys

import click

from ..errors import LocalizeError

EXIT_FINDINGS = 1
EXIT_ERROR = 2


@click.group("glossary")
def glossary() -> None:
    """Convert and validate glossaries (YAML, TBX, CSV)."""


@glossary.command("convert")
@click.argument("source", metavar="IN")
@click.argument("target", metavar="OUT")
def convert(source: str, target: str) -> None:
    """Convert a glossary between YAML, TBX and CSV (by extension)."""
    from ..glossary.model import format_of, load_glossary, save_glossary
    try:
        format_of(target)  # fail before reading a large input
        g = load_glossary(source)
        save_glossary(g, target)
    except LocalizeError as exc:
        click.echo(f"localize: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"{source} -> {target}: {len(g.concepts)} concepts, "
               f"{sum(len(c.terms) for c in g.concepts)} terms", err=True)


@glossary.command("check")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("--fail-on", type=click.Choice(["error", "warning"]), default="warning",
              show_default=True, help="Exit 1 when a problem of this severity or worse is found.")
def check(files: tuple[str, ...], fail_on: str) -> None:
    """Validate glossaries: duplicate ids, a term preferred in two concepts, empty terms,
    unknown statuses, missing preferred terms, broken references. Exit 1 on problems,
    2 when a file cannot be read."""
    from ..glossary.check import check_glossaries
    try:
        problems = check_glossaries(files)
    except LocalizeError as exc:
        click.echo(f"localize: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    for p in problems:
        click.echo(str(p))
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    click.echo(f"{len(files)} file(s) checked: {errors} error(s), {warnings} warning(s)", err=True)
    failing = problems if fail_on == "warning" else [p for p in problems if p.severity == "error"]
    sys.exit(EXIT_FINDINGS if failing else 0)
