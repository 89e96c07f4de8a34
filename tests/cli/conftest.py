"""Fixtures for CLI tests: every test runs in its own empty working directory, so no
localize.yaml or pyproject.toml from the checkout is discovered by accident."""
from __future__ import annotations

import sys
import types

import pytest
from click.testing import CliRunner

from localize.cli.main import cli
from localize.config import discover
from localize.edits import Diagnostic, Severity
from localize.rules import Rule
from localize.stages import STAGE_MODULES, Pass, PassOutput


@pytest.fixture
def work(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("LOCALIZE_TRACEBACK", raising=False)
    assert discover(tmp_path).path is None, "a config file above the test folder leaks in"
    return tmp_path


class Invoker:
    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None):
        return self.runner.invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def invoke(work):
    return Invoker()


FLAG_RULES = {
    "TODO": ("test.todo", Severity.INFO),
    "FIXME": ("test.fixme", Severity.WARNING),
    "BROKEN": ("test.broken", Severity.ERROR),
}


@pytest.fixture
def flagging_stage(monkeypatch):
    """A stand-in `validate` stage that only reports (never edits) the words TODO,
    FIXME and BROKEN at info, warning and error severity: diagnostics that remain
    after `run`, to exercise --fail-on without depending on other stages' rules."""
    def run(doc, ctx):
        out = PassOutput()
        for word, (rule, severity) in FLAG_RULES.items():
            start = doc.text.find(word)
            if start >= 0:
                out.diagnostics.append(Diagnostic(rule, severity, f"{word} left in the text",
                                                  start, start + len(word)))
        return out

    module = types.ModuleType("localize_test_flagging_stage")
    module.RULES = tuple(Rule(rule, "validate", sev, f"{word} marker", "A test rule.", fixable=False)
                         for word, (rule, sev) in FLAG_RULES.items())
    module.passes = lambda profile: [Pass("validate", "flag", run)]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setitem(STAGE_MODULES, "validate", module.__name__)
    return module
