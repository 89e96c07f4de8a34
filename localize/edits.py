"""Edits, diagnostics and changes: the currency every stage trades in.

A stage never mutates text. It proposes `Edit`s (span -> replacement) and reports
`Diagnostic`s, both in offsets of the text it was given. The pipeline applies the
edits, keeps the offset map, and turns each applied edit into a `Change` positioned in
the original input and in the output.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, NamedTuple


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        try:
            return cls(value)
        except ValueError:
            raise ValueError(f"unknown severity {value!r}: use error, warning or info") from None


class Position(NamedTuple):
    """1-based line and column (columns count Unicode code points).

    A named tuple, not a frozen dataclass: a run over a long article places thousands
    of changes, and a frozen dataclass took three times as long to make."""
    offset: int
    line: int
    column: int

    def to_dict(self) -> dict[str, int]:
        return {"offset": self.offset, "line": self.line, "column": self.column}


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `replacement`. Offsets are in the stage's input."""
    start: int
    end: int
    replacement: str
    rule: str
    reason: str
    stage: str = ""
    # Evidence for the change, e.g. {"rate": 160.2, "rate_date": "2026-06-12"}.
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # Lower wins ties between overlapping edits that start at the same place.
    priority: int = 0
    # How much the finding matters when `check` reports it; None: the rule's default.
    # Style rules set it because their severity is profile data, not code.
    severity: "Severity | None" = field(default=None, compare=False)

    def overlaps(self, other: "Edit") -> bool:
        if self.start < other.end and other.start < self.end:
            return True
        # Two insertions (or an insertion at the start of a replacement) at one point
        # would be applied in an arbitrary order: treat them as a conflict.
        return self.start == other.start and (self.start == self.end or other.start == other.end)


@dataclass
class Diagnostic:
    """A finding. `start`/`end` are set by the stage; the pipeline fills in positions."""
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    stage: str = ""
    fix: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    # Filled in by the pipeline:
    original_start: Position | None = None
    original_end: Position | None = None
    output_start: Position | None = None
    output_end: Position | None = None

    @property
    def line(self) -> int:
        return self.original_start.line if self.original_start else 0

    @property
    def column(self) -> int:
        return self.original_start.column if self.original_start else 0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "stage": self.stage,
            "line": self.line,
            "column": self.column,
            "end_line": self.original_end.line if self.original_end else self.line,
            "end_column": self.original_end.column if self.original_end else self.column,
            "offset": self.original_start.offset if self.original_start else self.start,
            "end_offset": self.original_end.offset if self.original_end else self.end,
            "fix": self.fix,
        }
        if self.output_start is not None:
            out["output"] = {"line": self.output_start.line, "column": self.output_start.column}
        if self.data:
            out["data"] = self.data
        return out


@dataclass(frozen=True)
class Change:
    """An applied edit, with its provenance, positioned in the input and the output."""
    stage: str
    rule: str
    before: str
    after: str
    reason: str
    original_start: Position
    original_end: Position
    output_start: Position
    output_end: Position
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    severity: Severity | None = field(default=None, compare=False)

    @property
    def line(self) -> int:
        return self.original_start.line

    @property
    def column(self) -> int:
        return self.original_start.column

    def to_dict(self) -> dict[str, Any]:
        out = {
            "stage": self.stage,
            "rule": self.rule,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
            "line": self.original_start.line,
            "column": self.original_start.column,
            "end_line": self.original_end.line,
            "end_column": self.original_end.column,
            "offset": self.original_start.offset,
            "end_offset": self.original_end.offset,
            "output": {"line": self.output_start.line, "column": self.output_start.column},
        }
        if self.data:
            out["data"] = self.data
        return out


CONFLICT_RULE = "pipeline.edit-conflict"
PROTECTED_RULE = "pipeline.protected-region"
LANGUAGE_RULE = "pipeline.language-mismatch"


def resolve_conflicts(edits: list[Edit]) -> tuple[list[Edit], list[tuple[Edit, Edit]]]:
    """Pick a non-overlapping subset, deterministically.

    Order: earlier start first; at the same start the longer span, then the lower
    priority number, then the rule id and replacement (so the outcome never depends on
    the order a stage happened to emit its edits). Returns (winners, [(loser, winner)]).
    """
    ordered = sorted(edits, key=lambda e: (e.start, -(e.end - e.start), e.priority, e.rule, e.replacement))
    winners: list[Edit] = []
    losers: list[tuple[Edit, Edit]] = []
    for edit in ordered:
        if winners and winners[-1].overlaps(edit):
            last = winners[-1]
            # An identical edit proposed twice is one edit, not a conflict.
            if (last.start, last.end, last.replacement) != (edit.start, edit.end, edit.replacement):
                losers.append((edit, last))
            continue
        winners.append(edit)
    return winners, losers


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply sorted, non-overlapping edits."""
    parts: list[str] = []
    pos = 0
    for e in edits:
        parts.append(text[pos:e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)
