"""The shipped style rules as documentation: every `validate.rules` entry of every
profile in locales/, gathered into one `Rule` per id for `localize explain` and the
test that runs every example.

One id may be defined by several profiles (quotes in de, fr, ja...): the rule then
carries each definition's examples, each run in the locale that defines it.
"""
from __future__ import annotations

from typing import Any, Iterator, Mapping

from ...edits import Severity
from ...profiles.loader import thaw
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
                           config=thaw(ex.get("config")) if ex.get("config") else None,
                           flags=bool(ex.get("flags", False))))
    return tuple(out)


def house_rules(config) -> dict[str, Rule]:
    """Rules a configuration defines (`rules:` with a `type`), documented like shipped
    ones, so `localize explain` answers for them too."""
    out = {}
    for key, entry in (config.rules or {}).items():
        if "type" not in entry:
            continue  # an adjustment of a shipped rule
        spec = read_spec(key, entry, config.path)
        out[spec.id] = Rule(spec.id, "validate", spec.severity, spec.title,
                            (spec.explanation + (f" See {spec.link}." if spec.link else "")).strip()
                            + f" Defined in {config.path or 'the configuration'}.",
                            _examples(config.locale or "en", entry), fixable=fixable(entry))
    return out


def verify_house_examples(config) -> None:
    """Run the examples of the configuration's house rules, as the test suite runs the
    shipped ones: a house rule whose example fails stops the run, naming it, instead
    of quietly checking the wrong thing (the textlint-prh idea)."""
    from dataclasses import replace

    from ...errors import ConfigError
    from ...pipeline import Pipeline
    bare = replace(config, rules={k: {x: y for x, y in v.items() if x != "examples"}
                                  for k, v in config.rules.items()})
    pipelines: dict[str, Pipeline] = {}  # one per locale: the rules compile once
    for key, entry in config.rules.items():
        for i, ex in enumerate(entry.get("examples") or ()):
            locale = ex.get("locale") or config.locale or "en"
            pipeline = pipelines.setdefault(locale, Pipeline(locale, config=bare, stages=["validate"]))
            result = pipeline.run(ex["text"])
            fired = RULE_PREFIX + key in {c.rule for c in result.changes} | {d.rule for d in result.diagnostics}
            wanted = ex.get("fixed")
            problem = None
            if wanted is not None and result.text != wanted:
                problem = f"gives {result.text!r}, not {wanted!r}"
            elif wanted is None and ex.get("flags") and not fired:
                problem = "is not reported"
            elif wanted is None and not ex.get("flags") and fired:
                problem = "is reported, but the example says the rule leaves it alone"
            if problem:
                raise ConfigError(f"rules.{key}: example {i + 1} ({ex['text']!r}, {locale}) {problem}",
                                  path=config.path)


def status(rule_id: str, tags, config=None) -> dict[str, str]:
    """For each locale tag: the rule's severity there (with the configuration's
    overrides and house rules), or "off"."""
    from ...profiles import load_profile
    from .spec import profile_rules
    out = {}
    for tag in tags:
        profile = load_profile(tag)
        if config is not None:
            profile = profile.with_overrides(config.profile_overrides(profile.tag))
        found = [s for s in profile_rules(profile) if s.id == rule_id]
        out[tag] = found[0].severity.value if found else "off"
    return out


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

_built: tuple[Rule, ...] | None = None


def rules() -> tuple[Rule, ...]:
    """Every shipped style rule, plus the timeout rule; built once per process."""
    global _built
    if _built is None:
        _built = build_rules() + (TIMEOUT,)
    return _built
