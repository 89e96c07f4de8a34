"""Turn CLI arguments into per-file jobs: which files, which locale, which format."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..config import Config, discover
from ..errors import LocalizeError
from ..files import BinaryInput, InputFile, decode, excluded, format_for, locale_from_path, read_input, walk
from ..pipeline import Pipeline, Result
from ..profiles import available_profiles
from ..reports import FileReport
from ..source import Source

# Below this many files a bar only flickers; the run is over before it is read.
PROGRESS_MIN_FILES = 10


def show_progress(count: int, stderr_is_terminal: bool) -> bool:
    """A progress bar goes to stderr only for a person watching a long run."""
    return stderr_is_terminal and count >= PROGRESS_MIN_FILES


@dataclass
class Job:
    name: str                    # as given or found; "-" for standard input
    path: Path | None
    fallback_locale: str | None  # from the file or folder name, else the config
    relative: str | None = None  # where the output goes under -o FOLDER


@dataclass
class Inputs:
    jobs: list[Job]
    several: bool                # more than one argument, or a folder
    empty_folders: list[str] = field(default_factory=list)


def expand(paths: Iterable[str], config: Config, *, force_exclude: bool = False,
           avoid: Iterable[Path] = ()) -> Inputs:
    """Files named directly, plus the files found by walking named folders; each file
    once, in argument order, folders in sorted order."""
    paths = tuple(paths)
    if not paths:
        raise LocalizeError("no input: name files or folders, or - for standard input")
    if paths.count("-") > 1:
        raise LocalizeError("standard input (-) can be named only once")
    known = available_profiles()
    jobs: list[Job] = []
    seen: set[str] = set()
    empty: list[str] = []
    several = len(paths) > 1
    for name in paths:
        if name == "-":
            jobs.append(Job(name, None, config.locale))
            continue
        p = Path(name)
        if p.is_dir():
            several = True
            found = walk(p, config, avoid)
            if not found:
                empty.append(name)
            pairs = [(t, t.relative_to(p).as_posix()) for t in found]
        else:
            if force_exclude and excluded(_config_relative(p, config), config):
                continue
            pairs = [(p, _mirror_name(p))]
        for target, rel in pairs:
            key = os.path.realpath(target)
            if key in seen:
                continue
            seen.add(key)
            fallback = locale_from_path(target, known) or config.locale_for_path(target) or config.locale
            jobs.append(Job(str(target), target, fallback, rel))
    return Inputs(jobs, several, empty)


def _config_relative(path: Path, config: Config) -> str:
    try:
        return path.resolve().relative_to(config.root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _mirror_name(path: Path) -> str:
    """A named file keeps its folders under -o FOLDER when it lies below the working
    directory (sub/a.md -> OUT/sub/a.md); otherwise only its name is kept."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.name


def load_config(config_path: str | None) -> Config:
    if config_path:
        return Config.load(Path(config_path))
    return discover()


@dataclass
class Outcome:
    job: Job
    item: InputFile | None = None
    result: Result | None = None
    problem: LocalizeError | None = None

    @property
    def name(self) -> str:
        return "<stdin>" if self.job.name == "-" else self.job.name

    @property
    def error(self) -> str | None:
        return str(self.problem) if self.problem is not None else None

    @property
    def skipped(self) -> bool:
        """A binary file is passed over; any other problem stops all writing."""
        return isinstance(self.problem, BinaryInput)

    def report(self) -> FileReport:
        if self.problem is not None or self.result is None:
            p = self.problem
            return FileReport(self.name, error=self.error, error_line=p.line if p else None,
                              error_message=p.message if p else None)
        return FileReport(self.name, self.result.locale, Source.from_text(self.result.input).body,
                          self.result.findings())


def read_all(jobs: list[Job]) -> list[Outcome]:
    """Read and decode every input before anything is written: a bad file stops the
    run with nothing half-done."""
    outcomes = []
    for job in jobs:
        try:
            item = read_input(job.name)
            decode(item)  # raises on binary, UTF-16 or invalid UTF-8
            outcomes.append(Outcome(job, item))
        except LocalizeError as exc:
            outcomes.append(Outcome(job, problem=_named(exc, job.name)))
    return outcomes


def process(outcomes: list[Outcome], pipeline: Pipeline, *, locale: str | None, date: str | None,
            input_format: str | None, progress: bool) -> Iterator[Outcome]:
    """Run the pipeline on every readable input; `progress` shows a bar on stderr."""
    items: Iterable[Outcome] = outcomes
    bar = None
    if progress:
        import click
        bar = click.progressbar(outcomes, label="localize", file=sys.stderr)
        items = bar.__enter__()
    try:
        for outcome in items:
            if outcome.problem is None and outcome.item is not None:
                _run_one(outcome, pipeline, locale, date, input_format)
            yield outcome
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def _run_one(outcome: Outcome, pipeline: Pipeline, locale: str | None, date: str | None,
             input_format: str | None) -> None:
    assert outcome.item is not None
    text = outcome.item.data.decode("utf-8")
    fmt = input_format or format_for(outcome.job.name)
    try:
        outcome.result = pipeline.run(text, locale=locale, format=fmt, date=date,  # type: ignore[arg-type]
                                      path=outcome.item.name, fallback_locale=outcome.job.fallback_locale)
    except LocalizeError as exc:
        outcome.problem = _named(exc, outcome.item.name)
    except Exception as exc:  # a bug in a stage: name the file, keep the other files going
        if os.environ.get("LOCALIZE_TRACEBACK"):
            raise
        outcome.problem = LocalizeError(
            f"internal error ({type(exc).__name__}: {exc}); please report it with this file "
            "(LOCALIZE_TRACEBACK=1 shows the traceback)", path=outcome.item.name)


def _named(exc: LocalizeError, name: str) -> LocalizeError:
    if exc.path is None:
        exc.path = "<stdin>" if name == "-" else name
    return exc
