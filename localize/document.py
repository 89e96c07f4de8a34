"""The document model: text, format, protected regions and front-matter metadata."""
from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterator, Literal

from .errors import InputError
from .markdown_regions import Region, scan_markdown, scan_plain
from .offsets import EditMap, LineIndex

Format = Literal["markdown", "text"]
FORMATS: tuple[str, ...] = ("markdown", "text")
# Regions made of whole lines: text must not be joined onto their first or last line.
BLOCK_KINDS = frozenset({"front_matter", "code_block", "html_block", "reference_definition"})

_YAML_FM = re.compile(r"---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?=\n|\Z)", re.DOTALL)
_TOML_FM = re.compile(r"\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?=\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Metadata:
    """What front matter tells the pipeline."""
    locale: str | None = None
    date: _dt.date | None = None
    datetime: _dt.datetime | None = None
    fields: dict[str, Any] = field(default_factory=dict)


def parse_date(value: Any, *, where: str = "date") -> tuple[_dt.date, _dt.datetime | None]:
    """Accept a YAML date, datetime or ISO 8601 string; return (date, datetime or None)."""
    if isinstance(value, _dt.datetime):
        return value.date(), value
    if isinstance(value, _dt.date):
        return value, None
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                return _dt.date.fromisoformat(text), None
            moment = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            return moment.date(), moment
        except ValueError:
            pass
    raise ValueError(f"{where} {value!r} is not an ISO date (YYYY-MM-DD)")


def _front_matter(text: str, path: str | None) -> tuple[int, Metadata]:
    m = _YAML_FM.match(text)
    kind = "yaml"
    if m is None:
        m = _TOML_FM.match(text)
        kind = "toml"
    if m is None:
        return 0, Metadata()
    body = m.group(1) or ""
    try:
        if kind == "yaml":
            import yaml
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            data = yaml.load(body, Loader=loader)
        else:
            import tomllib
            data = tomllib.loads(body)
    except Exception as exc:  # yaml.YAMLError / tomllib.TOMLDecodeError / a bad value
        problem = getattr(exc, "problem", None) or str(exc)
        line = _error_line(exc, kind, body)
        if kind == "toml":  # the message counts lines of the body; we report the file's
            problem = _TOML_AT.sub("", problem)
        raise InputError(f"invalid {kind.upper()} front matter: {problem}", path=path, line=line) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("front matter must be a mapping of keys to values", path=path, line=2)
    locale = data.get("locale") or data.get("lang") or data.get("language")
    date = moment = None
    if data.get("date") is not None:
        try:
            date, moment = parse_date(data["date"], where="front matter date")
        except ValueError as exc:
            line = _key_line(body, "date")
            raise InputError(str(exc), path=path, line=line) from None
    return m.end(), Metadata(str(locale) if locale else None, date, moment, dict(data))


_TOML_AT = re.compile(r" \(at (?:line (\d+), column \d+|end of document)\)")


def _error_line(exc: Exception, kind: str, body: str) -> int | None:
    """The file line (the body starts on line 2) an error in front matter points at."""
    if kind == "toml":
        m = _TOML_AT.search(str(exc))
        if m is None:
            return None
        return int(m.group(1)) + 1 if m.group(1) else body.count("\n") + 1
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        return mark.line + 2
    # A value the parser accepted but could not build (a date like 2026-13-45): find
    # the first value that fails on its own.
    import yaml
    try:
        node = yaml.compose(body, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    if isinstance(node, yaml.MappingNode):
        for _key, value in node.value:
            try:
                yaml.SafeLoader("").construct_object(value, deep=True)
            except Exception:
                return value.start_mark.line + 2
    return None


def _key_line(body: str, key: str) -> int | None:
    for i, line in enumerate(body.splitlines()):
        if line.startswith(f"{key}:") or line.startswith(f"{key} ="):
            return i + 2
    return None


class Document:
    """Text plus the regions stages must not touch.

    Immutable: `with_edits` returns the next document, carrying the protected regions
    across through the edit map (edits never touch them, so the mapping is exact).
    """

    __slots__ = ("text", "format", "path", "metadata", "protected", "headings",
                 "_starts", "__dict__")

    def __init__(self, text: str, format: Format = "markdown", path: str | None = None, *,
                 metadata: Metadata | None = None, protected: list[Region] | None = None,
                 headings: list[Region] | None = None) -> None:
        self.text = text
        self.format = format
        self.path = path
        if protected is None:
            if format not in FORMATS:
                raise InputError(f"unknown format {format!r}: use markdown or text", path=path)
            fm_end, metadata = (_front_matter(text, path) if format == "markdown" else (0, Metadata()))
            if format == "markdown":
                protected, headings = scan_markdown(text, fm_end)
            else:
                protected, headings = scan_plain(text), []
            if fm_end:
                protected.insert(0, Region(0, fm_end, "front_matter"))
        self.metadata = metadata or Metadata()
        self.protected: tuple[Region, ...] = tuple(protected)
        self.headings: tuple[Region, ...] = tuple(headings or ())
        self._starts = [r.start for r in self.protected]

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def prose(self) -> Iterator[tuple[int, int]]:
        """(start, end) of every stretch of text the stages may change."""
        pos = 0
        for r in self.protected:
            if r.start > pos:
                yield pos, r.start
            pos = max(pos, r.end)
        if pos < len(self.text):
            yield pos, len(self.text)

    def prose_lines(self) -> Iterator[tuple[int, int]]:
        """Prose stretches cut at line ends (the newline is not included)."""
        text = self.text
        for start, end in self.prose():
            pos = start
            while pos < end:
                nl = text.find("\n", pos, end)
                stop = end if nl == -1 else nl
                if stop > pos:
                    yield pos, stop
                pos = stop + 1

    def touches_protected(self, start: int, end: int) -> Region | None:
        i = bisect_right(self._starts, max(start, end - 1) if end > start else start) - 1
        for r in self.protected[max(0, i - 1): i + 2]:
            if start < r.end and r.start < end:
                return r
            if start == end and r.start < start < r.end:
                return r
        return None

    def breaks_block(self, start: int, end: int, replacement: str) -> Region | None:
        """The block region (code block, front matter...) whose own lines an edit next
        to it would break: text joined onto its first or last line ("X```")."""
        text = self.text
        i = bisect_left(self._starts, end)
        if i < len(self.protected):
            r = self.protected[i]
            if r.start == end and r.kind in BLOCK_KINDS:
                before = replacement[-1:] or text[max(0, start - 1):start]
                if before not in ("", "\n"):
                    return r
        i = bisect_right(self._starts, start) - 1
        if i >= 0:
            r = self.protected[i]
            if r.end == start and r.kind in BLOCK_KINDS:
                after = replacement[:1] or text[end:end + 1]
                if after not in ("", "\n"):
                    return r
        return None

    def is_heading(self, offset: int) -> bool:
        return any(h.start <= offset <= h.end for h in self.headings)

    def with_edits(self, text: str, edit_map: EditMap) -> "Document":
        return Document(text, self.format, self.path, metadata=self.metadata,
                        protected=_moved(self.protected, edit_map), headings=_moved(self.headings, edit_map))


def _moved(regions: list[Region], edit_map: EditMap) -> list[Region]:
    """`regions` (sorted by start) where `edit_map` puts them."""
    starts = [r.start for r in regions]
    ends = [r.end for r in regions]
    if starts != sorted(starts) or ends != sorted(ends):
        return [Region(edit_map.to_new(r.start), edit_map.to_new(r.end, at_end=True), r.kind) for r in regions]
    return [Region(s, e, r.kind) for s, e, r in zip(edit_map.to_new_sorted(starts),
                                                      edit_map.to_new_sorted(ends, at_end=True), regions)]
