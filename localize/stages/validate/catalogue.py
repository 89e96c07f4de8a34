"""The shipped style rules as documentation: every `validate.rules` entry of every
profile in locales/, gathered into one `Rule` per id for `localize explain` and the
test that runs every example.

One id may be defined by several profiles (quotes in de, fr, ja...): the rule then
carries each definition's examples, each run in the locale that defines it.
"""
from __future__ import annotations

from typing import Any, Iterator, Mapping

from ...edits import Severity
from ...rules import Example, Rule
from .spec import RULE_PREFIX, read_spec

TIMEOUT_RULE = "validate.rule-timeout"

# Types whose rules can offer a fix (script only with `convert`).
FIXING_TYPES = {"substitution", "punctuation", "spacing", "quotes", "number_format", "repetition",
                "consistency"}


def definitions() -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    """(profile tag, rule key, entry) for every rule a shipped profile defines."""
    from ...profiles.loader import _read, available_profiles
    for tag in available_profiles():
        for key, entry in (_read(tag).get("validate", {}).get("rules") or {}).items():
            if "type" in entry:
                yield tag, key, entry


def fixable(entry: Mapping[str, Any]) -> bool:
    return entry["type"] in FIXING_TYPES or (entry["type"] == "script" and bool(entry.get("convert")))


def _examples(tag: str, entry: Mapping[str, Any]) -> tuple[Example, ...]:
    out = []
    for ex in entry.get("examples") or ():
        out.append(Example(ex["text"], ex.get("fixed"), locale=ex.get("locale", tag),
                           format=ex.get("format", "markdown"),
                           config=_plain(ex.get("config")) if ex.get("config") else None,
                           flags=bool(ex.get("flags", False))))
    return tuple(out)


def _plain(value: Any) -> Any:
    from ...profiles.loader import thaw
    return thaw(value)


def build_rules() -> tuple[Rule, ...]:
    by_id: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    for tag, key, entry in definitions():
        by_id.setdefault(RULE_PREFIX + key, []).append((tag, entry))
    rules = []
    for rule_id, defs in sorted(by_id.items()):
        tag, first = defs[0]
        spec = read_spec(rule_id[len(RULE_PREFIX):], first, f"locales/{tag}.yaml")
        description = spec.explanation or ""
        if spec.link:
            description = (description + f" See {spec.link}.").strip()
        if len(defs) > 1 or tag != "root":
            description += f" Defined for: {', '.join(t for t, _ in defs)}."
        rules.append(Rule(rule_id, "validate", spec.severity, spec.title, description,
                          tuple(ex for t, entry in defs for ex in _examples(t, entry)),
                          fixable=any(fixable(e) for _, e in defs)))
    return tuple(rules)


TIMEOUT = Rule(
    TIMEOUT_RULE, "validate", Severity.ERROR, "A style rule ran out of time",
    "Every style rule runs with a time limit per document (profile `validate.timeout`, 2 s by "
    "default), so a pattern that backtracks catastrophically, such as (a|aa)+$, cannot hang an "
    "editor or a pre-commit run. The rule named in the message stopped early; rewrite its "
    "pattern without nested repetition, or disable it.",
    (Example("Normal text.\n", None, locale="en-US"),
     Example("It is the end of the line for the " + "a" * 3000 + "!\n", None, locale="en-US", flags=True, config={
         "overrides": {"*": {"validate": {"timeout": 0.05, "rules": {"slow-pattern": {
             "type": "existence", "title": "Slow", "explanation": "A pattern that backtracks.",
             "patterns": ["(a|aa)+$"], "examples": []}}}}}})),
    fixable=False)

RULES: tuple[Rule, ...] = build_rules() + (TIMEOUT,)
