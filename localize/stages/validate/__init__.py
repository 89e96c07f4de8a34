"""Stage 6, validate: check the article against the locale's style rules.

The rules are data (`validate.rules` in locales/*.yaml, plus `rules:` in a
configuration); this package only knows the rule types. Every rule is its own pass,
so one rule's fix is settled before the next rule looks (quotes before the spaces
inside them), and `run` applies each fix a rule offers.
"""
from __future__ import annotations

import time
from typing import Any, Mapping

from ...edits import Diagnostic, Edit, Severity
from ...errors import ProfileError
from ...profiles import Profile
from .. import Pass, PassOutput
from .catalogue import TIMEOUT_RULE

__all__ = ["RULES", "passes"]


def __getattr__(name: str):
    # RULES documents every rule of every shipped profile, which means reading all of
    # them: only `explain`, reports and the tests need it, never a run.
    if name == "RULES":
        from .catalogue import rules
        return rules()
    raise AttributeError(name)

DEFAULT_TIMEOUT = 2.0


def passes(profile: Profile) -> list[Pass]:
    from .checks import build
    from .checks.gate import Gate
    from .compiled import rule_set
    from .spec import profile_rules
    timeout = float(profile.get("validate.timeout", DEFAULT_TIMEOUT))
    steps = []
    specs = profile_rules(profile)
    gate = Gate()  # one prefilter pass over each text for every pattern of the set
    with rule_set(_fingerprint(specs, profile)):
        for spec in specs:
            try:
                checker = build(spec, profile, gate)
            except Exception as exc:  # a bad pattern in a rule file, or one that fails in context
                raise ProfileError(f"rule {spec.id}: {exc}", path=spec.origin,
                                   line=_line_of(spec.origin, spec.key)) from None
            steps.append(Pass("validate", spec.key, _runner(spec, checker, timeout)))
    return steps


def _fingerprint(specs, profile: Profile) -> str:
    """What the compiled patterns depend on: the rules, and the number symbols the
    number_format rules build their patterns from."""
    import json
    from ...profiles.loader import thaw
    return json.dumps([[s.key, thaw(s.data)] for s in specs] + [profile.tag, thaw(profile.get("numbers"))],
                      sort_keys=True, ensure_ascii=False, default=str)


def _runner(spec, checker, timeout: float):
    def run(doc, ctx) -> PassOutput:
        from .masking import masked
        out = PassOutput()
        deadline = time.monotonic() + timeout
        try:
            for hit in checker.find(masked(doc, spec.scope), deadline):
                message = _message(spec.message, hit.fields)
                if hit.fixes:
                    out.edits.extend(Edit(s, e, r, spec.id, message, "validate", severity=spec.severity)
                                     for s, e, r in hit.fixes)
                else:
                    out.diagnostics.append(Diagnostic(spec.id, spec.severity, message, hit.start, hit.end,
                                                      stage="validate"))
        except TimeoutError:
            out.diagnostics.append(Diagnostic(
                TIMEOUT_RULE, Severity.ERROR,
                f"rule {spec.id} (from {spec.origin or 'the configuration'}) gave up after {timeout:g} s "
                f"on this document: its pattern backtracks without end. Rewrite the pattern, or "
                f"disable the rule; findings it made before giving up are kept.",
                0, 0, stage="validate", data={"rule": spec.id, "timeout": timeout}))
        return out
    return run


def _line_of(origin: str | None, key: str) -> int | None:
    """The line where a rule starts in its file (for an error found after loading)."""
    import re
    from pathlib import Path
    from ...data_paths import data_dir
    if not origin:
        return None
    path = data_dir("locales") / origin[len("locales/"):] if origin.startswith("locales/") else Path(origin)
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except OSError:
        return None
    wanted = re.compile(rf"\s+{re.escape(key)}\s*:")
    return next((i + 1 for i, line in enumerate(lines) if wanted.match(line)), None)


class _Fields(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _message(template: str, fields: Mapping[str, Any]) -> str:
    try:
        return template.format_map(_Fields(fields))
    except (ValueError, IndexError, AttributeError, KeyError):
        return template  # a user's message with stray braces is shown as written
