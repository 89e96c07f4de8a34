"""Shared test fixtures. Keep this file small: helpers append their own sections."""
from __future__ import annotations

import pytest

# -- every rule id a run reports is documented (helper A1) ---------------------------------
# Rule ids starting with "test." belong to fake passes written by tests themselves;
# "validate.test-" ones to house style rules a test defines in its configuration.
_FAKE_RULE_PREFIX = ("test.", "validate.test-")
_documented: set[str] | None = None


def _documented_rules() -> set[str]:
    global _documented
    if _documented is None:
        from localize.rules import all_rules
        _documented = set(all_rules())
    return _documented


@pytest.fixture(autouse=True)
def _rule_ids_are_documented(monkeypatch):
    """Fail any test whose in-process pipeline runs report a rule id that
    `localize explain` cannot explain."""
    from localize.pipeline import Pipeline
    seen: list[str] = []
    original = Pipeline._positions

    def positions(original_text, output, trace):
        changes, diagnostics = original(original_text, output, trace)
        seen.extend(c.rule for c in changes)
        seen.extend(d.rule for d in diagnostics)
        return changes, diagnostics

    monkeypatch.setattr(Pipeline, "_positions", staticmethod(positions))
    yield
    ids = {r for r in seen if not r.startswith(_FAKE_RULE_PREFIX)}
    if ids:
        undocumented = sorted(ids - _documented_rules())
        assert not undocumented, f"rule ids without documentation in localize.rules: {undocumented}"
