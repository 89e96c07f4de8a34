"""Turn CLI arguments into per-file jobs: which files, which locale, which format."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..config import Config, discover
from ..errors import InputError, LocalizeError
from ..files import InputFile, format_for, locale_from_path, read_input, walk
from ..pipeline import Pipeline, Result
from ..profiles import available_profiles
from ..reports import FileReport
from ..source import Source


@dataclass
class Job:
    name: str
    path: Path | None
    fallback_locale: str | None


def expand(paths: tuple[str, ...], config: Config) -> list[Job]:
    """Files named directly, plus the files found by walking named folders."""
    if not paths:
        raise LocalizeError("no input: name files or folders, or - for standard input")
    known = available_profiles()
    jobs: list[Job] = []
    for name in paths:
        if name == "-":
            jobs.append(Job(name, None, config.locale))
            continue
        p = Path(name)
        targets = walk(p, config) if p.is_dir() else [p]
        for t in targets:
            fallback = locale_from_path(t, known) or config.locale_for_path(t) or config.locale
            jobs.append(Job(str(t), t, fallback))
    return jobs


def load_config(config_path: str | None) -> Config:
    if config_path:
        return Config.load(Path(config_path))
    return discover()


@dataclass
class Outcome:
    job: Job
    item: InputFile | None = None
    result: Result | None = None
    error: str | None = None

    def report(self) -> FileReport:
        if self.error or self.result is None:
            return FileReport(self.job.name if self.job.name != "-" else "<stdin>", error=self.error)
        return FileReport(self.job.name if self.job.name != "-" else "<stdin>", self.result.locale,
                          Source.from_text(self.result.input).body, self.result.findings())


def read_all(jobs: list[Job]) -> list[Outcome]:
    """Read and decode every input before anything is written: a bad file stops the
    run with nothing half-done."""
    outcomes = []
    for job in jobs:
        try:
            item = read_input(job.name)
            Source.from_bytes(item.data, item.name)  # raises on binary / invalid UTF-8
            outcomes.append(Outcome(job, item))
        except InputError as exc:
            outcomes.append(Outcome(job, error=_message(exc)))
    return outcomes


def process(outcomes: list[Outcome], pipeline: Pipeline, *, locale: str | None, date: str | None,
            input_format: str | None, progress: bool) -> Iterator[Outcome]:
    items = outcomes
    bar = None
    if progress and sys.stderr.isatty() and len(outcomes) >= 10:
        import click
        bar = click.progressbar(outcomes, label="localize", file=sys.stderr)
        items = bar.__enter__()
    try:
        for outcome in items:
            if outcome.error is None and outcome.item is not None:
                job = outcome.job
                text = outcome.item.data.decode("utf-8")
                fmt = input_format or format_for(job.name)
                try:
                    outcome.result = pipeline.run(text, locale=locale, format=fmt, date=date,  # type: ignore[arg-type]
                                                  path=outcome.item.name, fallback_locale=job.fallback_locale)
                except LocalizeError as exc:
                    outcome.error = _message(exc, outcome.item.name)
            yield outcome
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def _message(exc: LocalizeError, name: str | None = None) -> str:
    if exc.path is None and name:
        exc.path = name
    return str(exc)
