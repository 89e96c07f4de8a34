"""Rule metadata: every rule id a stage can emit is documented here, with examples.

`localize explain RULE` prints it; the test suite runs every example through the
pipeline, so a rule cannot ship without proof that it fires, and that it holds back.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from .edits import CONFLICT_RULE, LANGUAGE_RULE, PROTECTED_RULE, Severity


@dataclass(frozen=True)
class Example:
    text: str
    fixed: str | None = None   # None: the rule must leave `text` alone
    locale: str = "en-US"
    format: str = "markdown"
    config: dict | None = None  # e.g. boilerplate patterns the example needs
    # With `fixed` None: True means the rule must report `text` without changing it
    # (rules that only diagnose); False means the rule must leave `text` alone.
    flags: bool = False

    @property
    def fires(self) -> bool:
        return self.fixed is not None or self.flags


@dataclass(frozen=True)
class Rule:
    id: str
    stage: str
    severity: Severity
    title: str
    description: str
    examples: tuple[Example, ...] = field(default=())
    fixable: bool = True


PIPELINE_RULES = (
    Rule(CONFLICT_RULE, "pipeline", Severity.INFO, "Two fixes wanted the same text",
         "Two rules proposed overlapping changes in one pass. The pipeline keeps the one that "
         "starts first (then the longer one, then by rule id), applies it, and reports the other "
         "here with the replacement it wanted, so nothing is dropped silently. Review the spot by "
         "hand if the kept change is not the one you want.", fixable=False),
    Rule(PROTECTED_RULE, "pipeline", Severity.WARNING, "A fix reached into protected text",
         "A rule proposed a change that overlaps code, a URL, markup or front matter. Protected "
         "regions are never changed, so the fix was not applied. This points at a rule that needs "
         "a narrower pattern; please report it.", fixable=False),
    Rule(LANGUAGE_RULE, "pipeline", Severity.WARNING, "Text is not in the locale's language",
         "localize adapts an article that is already written, or translated, in the reader's "
         "language. The front matter (`lang:`/`locale:`) or the text itself (the share of CJK "
         "characters, or of the language's most common function words: profile "
         "`language_check`) says the text is in another language, so the language-specific "
         "stages (money, units, terminology, dates, validate) were skipped rather than misread "
         "it. Normalise still ran. Translate first, or pass the locale that matches the text.",
         fixable=False),
)


def all_rules() -> dict[str, Rule]:
    """Every rule of every stage (imports each stage module once)."""
    from .stages import STAGE_MODULES
    rules = {r.id: r for r in PIPELINE_RULES}
    for module_name in STAGE_MODULES.values():
        module = importlib.import_module(module_name)
        for rule in module.RULES:
            rules[rule.id] = rule
    return rules


def find_rule(rule_id: str) -> Rule | None:
    return all_rules().get(rule_id)


def rule_for(stage: str, rule_id: str) -> Rule | None:
    """Look a rule up in its own stage module only, so a report never imports the
    modules (and heavy data) of stages that did not run."""
    from .stages import STAGE_MODULES
    for rule in PIPELINE_RULES:
        if rule.id == rule_id:
            return rule
    if stage in STAGE_MODULES:
        module = importlib.import_module(STAGE_MODULES[stage])
        for rule in module.RULES:
            if rule.id == rule_id:
                return rule
    return None
