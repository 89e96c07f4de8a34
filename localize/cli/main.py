"""`localize run | check | extract | locales | explain`.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .. import __version__
from ..edits import Severity
from ..errors import LocalizeError

EXIT_FINDINGS, EXIT_ERROR = 1, 2
FAIL_ON = click.Choice(["error", "warning", "info", "never"])


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except LocalizeError as exc:
            click.echo(f"localize: error: {exc}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="localize")
def cli() -> None:
    """Localise news articles for a target locale: money, units, terms, dates and style."""


def _common(f):
    options = [
        click.argument("paths", nargs=-1, metavar="PATH|- ..."),
        click.option("--locale", "-l", metavar="TAG", help="Target locale (en-GB, ja-JP, ...). "
                     "Default: front matter, file or folder name, then config."),
        click.option("--date", metavar="YYYY-MM-DD", help="Article date when front matter has none."),
        click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
                     help="Config file (default: localize.yaml or pyproject.toml found upward)."),
        click.option("--stage", "stages", multiple=True, metavar="NAME", help="Run only these stages."),
        click.option("--skip", "skip", multiple=True, metavar="NAME", help="Skip these stages."),
        click.option("--disable-rule", "disable_rules", multiple=True, metavar="RULE",
                     help="Ignore a rule for this run."),
        click.option("--input-format", type=click.Choice(["markdown", "text"]),
                     help="Input format (default: by extension; markdown for stdin)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _pipeline(config, stages, skip, disable_rules):
    from ..pipeline import Pipeline
    return Pipeline(config=config, stages=stages or None, skip=skip, disable_rules=disable_rules)


def _fails(findings, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(d.severity.rank >= threshold for d in findings)


@cli.command()
@_common
@click.option("-o", "--output", type=click.Path(), help="Write here (a folder when there are several inputs).")
@click.option("--in-place", "-i", is_flag=True, help="Rewrite the files (atomically; untouched if unchanged).")
@click.option("--diff", is_flag=True, help="Print a unified diff instead of the text.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="text: the localised article; json: text, changes and diagnostics.")
@click.option("--changes", "show_changes", is_flag=True, help="List every change, with its reason, on stderr.")
@click.option("--fail-on", type=FAIL_ON, default="never", show_default=True,
              help="Exit 1 if diagnostics remain at or above this severity.")
def run(paths, locale, date, config_path, stages, skip, disable_rules, input_format,
        output, in_place, diff, fmt, show_changes, fail_on):
    """Localise articles."""
    from .jobs import expand, load_config, process, read_all
    from ..files import write_atomic

    if in_place and output:
        raise click.UsageError("--in-place and --output exclude each other")
    config = load_config(config_path)
    jobs = expand(paths, config)
    if in_place and any(j.name == "-" for j in jobs):
        raise click.UsageError("--in-place cannot rewrite standard input")
    several = len(jobs) > 1
    if several and not (in_place or output or diff or fmt == "json"):
        raise click.UsageError("several inputs: use --in-place, -o FOLDER, --diff or --format json")
    outcomes = read_all(jobs)
    failed_input = [o for o in outcomes if o.error]
    if failed_input and not all(o.error and "binary" in o.error for o in failed_input):
        for o in failed_input:
            click.echo(f"localize: error: {o.error}", err=True)
        click.echo("localize: nothing written", err=True)
        sys.exit(EXIT_ERROR)
    pipeline = _pipeline(config, stages, skip, disable_rules)
    status = 0
    json_out = []
    out_root = Path(output) if output else None
    for o in process(outcomes, pipeline, locale=locale, date=date, input_format=input_format,
                     progress=several):
        if o.error:
            click.echo(f"localize: error: {o.error}", err=True)
            status = EXIT_ERROR
            continue
        result = o.result
        assert result is not None and o.item is not None
        if show_changes:
            _print_changes(o.item.name, result)
        if _fails(result.diagnostics, fail_on) and status == 0:
            status = EXIT_FINDINGS
        data = result.text.encode("utf-8") if result.changed else o.item.data
        if fmt == "json":
            json_out.append(result.to_dict())
        elif diff:
            sys.stdout.write(result.diff(o.item.name))
        elif in_place:
            if result.changed and o.item.path is not None:
                write_atomic(o.item.path, data)
        elif out_root is not None:
            target = out_root / (o.item.path.name if o.item.path else "stdout.md") if several else out_root
            if several:
                target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, data)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        for d in result.diagnostics:
            if not show_changes:
                continue
            click.echo(f"{o.item.name}:{d.line}:{d.column}: {d.severity.value}: {d.rule}: {d.message}", err=True)
    if fmt == "json":
        payload = json_out[0] if len(json_out) == 1 and not several else {"version": 1, "results": json_out}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    sys.exit(status)


def _print_changes(name: str, result) -> None:
    colour = sys.stderr.isatty()
    click.echo(click.style(f"{name}: {len(result.changes)} change(s) for {result.locale}", bold=True)
               if colour else f"{name}: {len(result.changes)} change(s) for {result.locale}", err=True)
    for c in result.changes:
        line = (f"  {c.line}:{c.column} -> {c.output_start.line}:{c.output_start.column}  "
                f"[{c.stage}] {c.rule}: {c.before!r} -> {c.after!r}  ({c.reason})")
        click.echo(line, err=True)


@cli.command()
@_common
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text",
              help="Report format.")
@click.option("--fail-on", type=FAIL_ON, default=None,
              help="Exit 1 on findings at or above this severity (default: config, else warning).")
def check(paths, locale, date, config_path, stages, skip, disable_rules, input_format, fmt, fail_on):
    """Report what `run` would change and what it found, without changing anything."""
    from .jobs import expand, load_config, process, read_all
    from ..reports import renderer

    config = load_config(config_path)
    fail_on = fail_on or config.fail_on
    jobs = expand(paths, config)
    outcomes = read_all(jobs)
    pipeline = _pipeline(config, stages, skip, disable_rules)
    reports = [o.report() for o in process(outcomes, pipeline, locale=locale, date=date,
                                           input_format=input_format, progress=True)]
    colour = fmt == "text" and sys.stdout.isatty()
    sys.stdout.write(renderer(fmt)(reports, colour=colour))
    if any(r.error for r in reports):
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if _fails([d for r in reports for d in r.findings], fail_on) else 0)


@cli.command()
@click.option("--show", metavar="TAG", help="Print the merged profile for TAG as YAML.")
@click.option("--all", "show_all", is_flag=True, help="Also list every CLDR locale Babel knows.")
def locales(show, show_all):
    """List the locale profiles."""
    from ..profiles import available_profiles, load_profile
    if show:
        import yaml
        from ..profiles.loader import thaw
        profile = load_profile(show)
        click.echo(f"# {profile.tag}: {profile.name}; merged from {' <- '.join(profile.chain)}")
        click.echo(yaml.safe_dump(thaw(profile.data), allow_unicode=True, sort_keys=False), nl=False)
        return
    for tag in available_profiles():
        profile = load_profile(tag)
        chain = " <- ".join(profile.chain[1:]) or "-"
        click.echo(f"{tag:<8} {profile.name:<36} inherits: {chain}")
    if show_all:
        from babel.localedata import locale_identifiers
        ids = sorted(i.replace("_", "-") for i in locale_identifiers())
        click.echo(f"\n{len(ids)} CLDR locales (root defaults plus Babel data):")
        click.echo(" ".join(ids))
    else:
        click.echo("\nAny other CLDR locale works with neutral defaults (see --all).")


@cli.command()
@click.argument("rule_id", required=False)
@click.option("--list", "list_all", is_flag=True, help="List every rule id.")
def explain(rule_id, list_all):
    """Explain a rule: what it checks, why, and examples."""
    from ..rules import all_rules
    rules = all_rules()
    if list_all or not rule_id:
        for rule in sorted(rules.values(), key=lambda r: r.id):
            click.echo(f"{rule.id:<36} {rule.severity.value:<8} {rule.title}")
        return
    rule = rules.get(rule_id)
    if rule is None:
        import difflib
        close = difflib.get_close_matches(rule_id, list(rules), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `localize explain --list` lists them"
        raise LocalizeError(f"unknown rule {rule_id!r}{hint}")
    click.echo(f"{rule.id}: {rule.title}")
    click.echo(f"stage: {rule.stage}   severity: {rule.severity.value}   "
               f"fix: {'automatic (localize run)' if rule.fixable else 'none (report only)'}\n")
    import textwrap
    click.echo(textwrap.fill(rule.description, width=88))
    if rule.examples:
        click.echo("\nExamples:")
        for ex in rule.examples:
            where = f" [{ex.locale}]"
            if ex.fixed is None:
                click.echo(f"  left alone{where}: {ex.text!r}")
            else:
                click.echo(f"  flagged{where}:    {ex.text!r}\n    fixed to:   {ex.fixed!r}")


def main() -> None:
    cli(prog_name="localize")


if __name__ == "__main__":
    main()
