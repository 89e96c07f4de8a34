"""A style rule as the profile states it: `validate.rules.<key>` in locales/*.yaml, or
in a configuration's `rules:`. The schema (profiles/sections.py) checks the shape with
file and line; this module reads the merged data into one `RuleSpec` per rule and
decides which rules a profile switches on.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from ...edits import Severity
from ...errors import ProfileError

RULE_PREFIX = "validate."

# Order in which rules get to fix text. Each rule is its own pass, so a later rule
# sees earlier fixes: characters first (width, punctuation, wording), then the quotes
# built from them, then the spaces around both, then number shapes, then the rules
# that only read (repetition, consistency, length).
TYPE_ORDER = ("script", "punctuation", "substitution", "quotes", "spacing", "number_format",
              "repetition", "consistency", "existence", "leftover", "sentence_length")

# Keys each type needs, so a rule that cannot work fails at load, naming itself.
REQUIRED: dict[str, tuple[tuple[str, ...], ...]] = {
    "existence": (("tokens", "patterns"),),
    "leftover": (("tokens", "patterns"),),
    "substitution": (("swap",),),
    "script": (("chars",),),
    "punctuation": (("map",),),
    "spacing": (("left",), ("right",), ("space",)),
    "quotes": (("open",), ("close",), ("wrong",)),
    "number_format": (),
    "repetition": (),
    "sentence_length": (("max",),),
    "consistency": (("variants",),),
}


@dataclass(frozen=True)
class RuleSpec:
    key: str                  # as written in the profile: doubled-word
    type: str
    severity: Severity
    title: str
    message: str
    explanation: str
    link: str | None
    scope: str
    data: Mapping[str, Any]   # the whole entry, type-specific keys included
    origin: str | None = None  # the file that defines it, for errors

    @property
    def id(self) -> str:
        return RULE_PREFIX + self.key

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


def read_spec(key: str, data: Mapping[str, Any], origin: str | None = None) -> RuleSpec:
    """One merged rule entry -> RuleSpec; a missing key is an error naming the rule."""
    where = f"validate.rules.{key}"
    rule_type = data.get("type")
    if rule_type is None:
        raise ProfileError(f"{where} has no `type` (it overrides a rule that no profile defines)",
                           path=origin)
    for alternatives in REQUIRED[rule_type]:
        if not any(data.get(k) not in (None, "", [], {}, ()) or (k == "space" and k in data)
                   for k in alternatives):
            raise ProfileError(f"{where}: a {rule_type} rule needs `{' or '.join(alternatives)}`",
                               path=origin)
    title = data.get("title")
    if not title:
        raise ProfileError(f"{where} has no `title`", path=origin)
    if not (data.get("explanation") or data.get("link")):
        raise ProfileError(f"{where} needs an `explanation` or a `link`: every rule must say why",
                           path=origin)
    return RuleSpec(
        key=key, type=rule_type, severity=Severity.parse(data.get("severity", "warning")),
        title=title, message=data.get("message") or title + ": {match}",
        explanation=data.get("explanation") or "", link=data.get("link"),
        scope=data.get("scope", "prose" if rule_type == "sentence_length" else "all"),
        data=data, origin=origin)


def applies(data: Mapping[str, Any], profile: Any) -> bool:
    """Is the rule on for this profile: `enabled`, and every `when` condition holds?"""
    if not data.get("enabled", True):
        return False
    for path, wanted in (data.get("when") or {}).items():
        value = profile.get(str(path))
        choices = wanted if isinstance(wanted, (list, tuple)) else (wanted,)
        if value not in choices and str(value) not in map(str, choices):
            return False
    return True


def profile_rules(profile: Any) -> list[RuleSpec]:
    """The rules a profile switches on, in the order they get to fix text."""
    entries = profile.get("validate.rules") or {}
    origin = _origin(profile)
    specs = [read_spec(key, data, data.get("origin") or origin)
             for key, data in entries.items() if applies(data, profile)]
    specs.sort(key=lambda s: (order_of(s), s.key))
    return specs


def order_of(spec: RuleSpec) -> int:
    """Where the rule runs: its own `order`, else 10 x its type's place in TYPE_ORDER
    (so `order: 35` runs after the quotes rules and before spacing)."""
    order = spec.get("order")
    return int(order) if order is not None else 10 * TYPE_ORDER.index(spec.type)


def _origin(profile: Any) -> str | None:
    chain = getattr(profile, "chain", ())
    return f"locales/{chain[0]}.yaml" if chain else None
