"""`localize run | check | extract | locales | explain`.

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
"""
from __future__ import annotations

import os
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
        click.option("--glossary", "glossaries", multiple=True, metavar="FILE",
                     help="A glossary (YAML, TBX or CSV) for this run; repeatable; takes precedence "
                          "over the config's and the profile's."),
        click.option("--input-format", type=click.Choice(["markdown", "text"]),
                     help="Input format (default: by extension; markdown for stdin)."),
        click.option("--force-exclude", is_flag=True,
                     help="Apply the config's exclude globs to files named on the command line too "
                          "(for pre-commit, which names files itself)."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _setup(locale, date, config_path, stages, skip, disable_rules, glossaries=()):
    """Config and pipeline, with every option checked before any file is read."""
    from .jobs import load_config
    from ..pipeline import Pipeline

    config = load_config(config_path)
    if date is not None:
        from ..document import parse_date
        try:
            parse_date(date, where="value")
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--date") from None
    if disable_rules:
        _check_rule_ids(disable_rules)
    for name in glossaries:
        if not Path(name).is_file():
            raise click.BadParameter(f"no such glossary file: {name}", param_hint="--glossary")
    pipeline = Pipeline(locale, config=config, stages=stages or None, skip=skip,
                        disable_rules=disable_rules,
                        glossaries=[str(Path(g).resolve()) for g in glossaries])
    return config, pipeline


def _check_rule_ids(rule_ids) -> None:
    from ..rules import all_rules
    rules = all_rules()
    for rule_id in rule_ids:
        if rule_id not in rules:
            raise LocalizeError(f"--disable-rule: unknown rule {rule_id!r}{_rule_hint(rule_id, rules)}")


def _rule_hint(rule_id: str, rules) -> str:
    import difflib
    close = [r for r in rules if r.endswith("." + rule_id)]
    close += difflib.get_close_matches(rule_id, list(rules), n=3, cutoff=0.5)
    close = list(dict.fromkeys(close))[:3]
    return f"; did you mean {', '.join(close)}?" if close else "; `localize explain --list` lists them"


def _fails(findings, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(d.severity.rank >= threshold for d in findings)


def _colour(stream) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _stdout(text: str | bytes) -> None:
    # Bytes, not the text layer: output is UTF-8 whatever the terminal's locale says.
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogateescape")
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _warn_empty(inputs, config) -> None:
    for folder in inputs.empty_folders:
        click.echo(f"localize: warning: no files to process under {folder} "
                   f"(include: {', '.join(config.include)})", err=True)


@cli.command()
@_common
@click.option("-o", "--output", type=click.Path(), metavar="OUT",
              help="Write here: a file for one input; a folder, mirroring the input paths, "
                   "for several inputs or a folder.")
@click.option("--in-place", "-i", is_flag=True, help="Rewrite the files (atomically; untouched if unchanged).")
@click.option("--diff", is_flag=True, help="Print a unified diff (instead of the text, or besides -i/-o).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="text: the localised article; json: text, changes and diagnostics.")
@click.option("--changes", "show_changes", is_flag=True, help="List every change, with its reason, on stderr.")
@click.option("--fail-on", type=FAIL_ON, default="never", show_default=True,
              help="Exit 1 if diagnostics remain at or above this severity.")
def run(paths, locale, date, config_path, stages, skip, disable_rules, glossaries, input_format,
        force_exclude, output, in_place, diff, fmt, show_changes, fail_on):
    """Localise articles.

    One input goes to standard output. Several inputs, or a folder, need -i, -o FOLDER,
    --diff or --format json. No file is written while any input has an error (a binary
    file is only skipped).
    """
    from .jobs import expand, process, read_all, show_progress

    if in_place and output:
        raise click.UsageError("--in-place and --output exclude each other")
    if diff and fmt == "json":
        raise click.UsageError("--diff and --format json exclude each other (the JSON has the text)")
    config, pipeline = _setup(locale, date, config_path, stages, skip, disable_rules, glossaries)
    out_root = Path(output) if output else None
    inputs = expand(paths, config, force_exclude=force_exclude, avoid=[out_root] if out_root else [])
    _warn_empty(inputs, config)
    jobs = inputs.jobs
    stdin = any(j.name == "-" for j in jobs)
    if in_place and stdin:
        raise click.UsageError("--in-place cannot rewrite standard input")
    writes = bool(in_place or out_root)
    if inputs.several and not (writes or diff or fmt == "json"):
        raise click.UsageError("several inputs: use --in-place, -o FOLDER, --diff or --format json")
    targets = _targets(jobs, out_root, inputs.several) if out_root else {}

    outcomes = read_all(jobs)
    done = list(process(outcomes, pipeline, locale=locale, date=date, input_format=input_format,
                        progress=show_progress(len(outcomes), sys.stderr.isatty())))
    status = 0
    for o in done:
        if o.problem is not None:
            click.echo(f"localize: error: {o.error}", err=True)
            status = EXIT_ERROR
    if writes and any(o.problem is not None and not o.skipped for o in done):
        click.echo("localize: nothing written: fix the errors above, or leave those files out", err=True)
        sys.exit(EXIT_ERROR)

    json_out = []
    for o in done:
        if o.result is None or o.item is None:
            if o.problem is not None and fmt == "json":
                json_out.append({"path": o.name, "error": o.error})
            continue
        result = o.result
        if show_changes:
            _print_changes(o.name, result)
        failing = _fails(result.diagnostics, fail_on)
        if failing and status == 0:
            status = EXIT_FINDINGS
        if show_changes or failing:
            _print_diagnostics(o.name, result.diagnostics, None if show_changes else fail_on)
        data = result.text.encode("utf-8") if result.changed else o.item.data
        if in_place:
            if result.changed and o.item.path is not None:
                _write(o.item.path, data)
                click.echo(f"localize: rewrote {o.name} ({len(result.changes)} change(s))", err=True)
        elif out_root is not None:
            _write(targets[o.job.name], data)
        if fmt == "json":
            json_out.append(result.to_dict())
        elif diff:
            from ..reports.diff import unified
            _stdout(unified(result.input, result.text, o.name))
        elif not writes:
            _stdout(data)
    if fmt == "json":
        import json
        payload = (json_out[0] if not inputs.several and len(json_out) == 1
                   else {"version": 1, "results": json_out})
        if json_out or inputs.several:
            _stdout(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    sys.exit(status)


def _targets(jobs, out_root: Path, several: bool) -> dict[str, Path]:
    """Where each input goes under -o. Several inputs mirror their relative paths, so
    content/en/a.md and content/fr/a.md never overwrite each other silently."""
    folder = several or out_root.is_dir()
    if folder and any(j.name == "-" for j in jobs):
        raise click.UsageError("-o FOLDER has no file name for standard input; use - alone with -o FILE")
    targets: dict[str, Path] = {}
    claimed: dict[str, str] = {}
    for job in jobs:
        if not folder:
            target = out_root
        elif several:
            target = out_root / (job.relative or job.name)
        else:  # one file into an existing folder: keep its name, as cp does
            target = out_root / Path(job.name).name
        key = os.path.normpath(os.path.abspath(target))
        if key in claimed:
            raise click.UsageError(f"{claimed[key]} and {job.name} would both be written to {target}; "
                                   "run them separately or name their folder instead")
        claimed[key] = job.name
        targets[job.name] = target
    return targets


def _write(path: Path, data: bytes) -> None:
    from ..files import write_atomic
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except OSError as exc:
        raise LocalizeError(f"cannot write: {exc.strerror or exc}", path=str(path)) from None


def _print_changes(name: str, result) -> None:
    colour = _colour(sys.stderr)
    head = f"{name}: {len(result.changes)} change(s) for {result.locale}"
    click.echo(click.style(head, bold=True) if colour else head, err=True)
    for c in result.changes:
        click.echo(f"  {c.line}:{c.column} -> {c.output_start.line}:{c.output_start.column}  "
                   f"[{c.stage}] {c.rule}: {c.before!r} -> {c.after!r}  ({c.reason})", err=True)


def _print_diagnostics(name: str, diagnostics, at_least: str | None) -> None:
    threshold = Severity(at_least).rank if at_least else 0
    for d in diagnostics:
        if d.severity.rank >= threshold:
            click.echo(f"{name}:{d.line}:{d.column}: {d.severity.value}: {d.rule}: {d.message}", err=True)


@cli.command()
@_common
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text",
              help="Report format: text, json (schema in localize/reports/json_report.py), "
                   "sarif (SARIF 2.1.0) or github (workflow annotations).")
@click.option("--fail-on", type=FAIL_ON, default=None,
              help="Exit 1 on findings at or above this severity (default: config, else warning).")
def check(paths, locale, date, config_path, stages, skip, disable_rules, glossaries, input_format,
          force_exclude, fmt, fail_on):
    """Report what `run` would change and what it found, without changing anything."""
    from .jobs import expand, process, read_all, show_progress
    from ..reports import renderer

    config, pipeline = _setup(locale, date, config_path, stages, skip, disable_rules, glossaries)
    fail_on = fail_on or config.fail_on
    inputs = expand(paths, config, force_exclude=force_exclude)
    _warn_empty(inputs, config)
    outcomes = read_all(inputs.jobs)
    reports = [o.report() for o in process(outcomes, pipeline, locale=locale, date=date,
                                           input_format=input_format,
                                           progress=show_progress(len(outcomes), sys.stderr.isatty()))]
    _stdout(renderer(fmt)(reports, colour=fmt == "text" and _colour(sys.stdout)))
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
    tags = available_profiles()
    for tag in (t for t in tags if "-" in t):
        profile = load_profile(tag)
        click.echo(f"{tag:<8} {profile.name:<36} inherits: {' <- '.join(profile.chain[1:]) or '-'}")
    click.echo(f"\nShared profiles they inherit from: {', '.join(t for t in tags if '-' not in t)}")
    if show_all:
        from babel.localedata import locale_identifiers
        ids = sorted(i.replace("_", "-") for i in locale_identifiers())
        click.echo(f"\n{len(ids)} CLDR locales (root defaults plus Babel data):")
        click.echo(" ".join(ids))
    else:
        click.echo("Any other CLDR locale works with neutral defaults (see --all).")


@cli.command()
@click.argument("rule_id", required=False)
@click.option("--list", "list_all", is_flag=True, help="List every rule id.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Configuration whose house rules to include (default: found upward from here).")
def explain(rule_id, list_all, config_path):
    """Explain a rule: what it checks, why, where it is on, and examples."""
    from ..config import Config, discover
    from ..rules import all_rules
    from ..stages.validate.catalogue import house_rules
    config = Config.load(Path(config_path)) if config_path else discover()
    rules = {**all_rules(), **house_rules(config)}
    if list_all or not rule_id:
        for rule in sorted(rules.values(), key=lambda r: r.id):
            click.echo(f"{rule.id:<36} {rule.severity.value:<8} {rule.title}")
        return
    rule = rules.get(rule_id)
    if rule is None:
        # `explain space-run` is unambiguous enough to answer directly.
        by_suffix = [r for r in rules.values() if r.id.endswith("." + rule_id)]
        if len(by_suffix) != 1:
            raise LocalizeError(f"unknown rule {rule_id!r}{_rule_hint(rule_id, rules)}")
        rule = by_suffix[0]
    click.echo(f"{rule.id}: {rule.title}")
    click.echo(f"stage: {rule.stage}   severity: {rule.severity.value}   "
               f"fix: {'automatic (localize run)' if rule.fixable else 'none (report only)'}\n")
    import textwrap
    click.echo(textwrap.fill(rule.description, width=88))
    if rule.stage == "validate" and not rule.id.endswith("rule-timeout"):
        from ..stages.validate.catalogue import status
        from ..profiles import available_profiles
        tags = [t for t in available_profiles() if "-" in t]
        on = status(rule.id, tags, config)
        click.echo("\nOn in: " + (", ".join(f"{t} ({sev})" for t, sev in on.items() if sev != "off") or "none"))
        off = [t for t, sev in on.items() if sev == "off"]
        if off:
            click.echo("Off in: " + ", ".join(off))
        click.echo("Switch it off: `disable_rules` in localize.yaml, --disable-rule, or "
                   f"<!-- localize-disable {rule.id} --> in the article.")
    if rule.examples:
        click.echo("\nExamples:")
        for ex in rule.examples:
            where = f" [{ex.locale}]"
            if ex.fixed is None and ex.flags:
                click.echo(f"  reported{where}:   {ex.text!r}")
            elif ex.fixed is None:
                click.echo(f"  left alone{where}: {ex.text!r}")
            else:
                click.echo(f"  flagged{where}:    {ex.text!r}\n    fixed to:   {ex.fixed!r}")


from .extract_cmd import extract as _extract_cmd  # noqa: E402  (imports only click)

cli.add_command(_extract_cmd)

from .glossary_cmd import glossary as _glossary_cmd  # noqa: E402

cli.add_command(_glossary_cmd)


def main() -> None:
    cli(prog_name="localize")


if __name__ == "__main__":
    main()
