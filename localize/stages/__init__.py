"""The stage registry. Stage modules are imported only when a run needs them, so a
`check` that only normalises never pays for the rate data or the unit registry.

A stage module provides `RULES` (documentation and examples for every rule id it
emits) and `passes(profile) -> list[Pass]`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from ..profiles.sections import STAGE_NAMES

if TYPE_CHECKING:
    from ..document import Document
    from ..edits import Diagnostic, Edit
    from ..pipeline import Context

STAGE_ORDER = STAGE_NAMES

# Stages that exist in this version, in pipeline order.
STAGE_MODULES: dict[str, str] = {
    "normalise": "localize.stages.normalise",
    "money": "localize.stages.money",
    "terminology": "localize.stages.terminology",
    "dates": "localize.stages.dates",
    "validate": "localize.stages.validate",
}


# Stages that read or write language: they only run on text in the target locale's
# language (see localize/language.py). Normalise is script-level and always runs.
LANGUAGE_SENSITIVE = frozenset({"money", "units", "terminology", "dates", "validate"})


@dataclass
class PassOutput:
    edits: list["Edit"] = field(default_factory=list)
    diagnostics: list["Diagnostic"] = field(default_factory=list)


@dataclass(frozen=True)
class Pass:
    """One step of a stage; its edits are applied before the next pass sees the text."""
    stage: str
    name: str
    run: Callable[["Document", "Context"], PassOutput]
