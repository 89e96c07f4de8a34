"""The compiled-pattern cache changes how fast a rule set starts, never what it finds."""
from __future__ import annotations

import pytest

from localize.profiles import load_profile
from localize.stages.validate import compiled, passes

TEXT = 'He said "the the deal" was worth 1.234.567 dollars,in cash.\n'


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "localize"


def _built_with_counts(monkeypatch) -> int:
    calls = []
    real = compiled._compile_capturing
    monkeypatch.setattr(compiled, "_compile_capturing", lambda p, f: calls.append(p) or real(p, f))
    passes(load_profile("en-GB"))
    monkeypatch.setattr(compiled, "_compile_capturing", real)
    return len(calls)


def test_second_start_compiles_nothing_and_finds_the_same(cache_home, monkeypatch):
    first = _built_with_counts(monkeypatch)
    assert first > 10
    assert list(cache_home.glob("validate-*.rx"))
    assert _built_with_counts(monkeypatch) == 0
    from localize.pipeline import Pipeline
    cached = Pipeline("en-GB", stages=["validate"]).run(TEXT)
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home.parent / "elsewhere"))
    fresh = Pipeline("en-GB", stages=["validate"]).run(TEXT)
    assert cached.text == fresh.text != TEXT
    assert [(c.rule, c.after) for c in cached.changes] == [(c.rule, c.after) for c in fresh.changes]


def test_a_damaged_entry_is_ignored(cache_home, monkeypatch):
    _built_with_counts(monkeypatch)
    for entry in cache_home.glob("validate-*.rx"):
        data = bytearray(entry.read_bytes())
        data[-5] ^= 0xFF
        entry.write_bytes(bytes(data))
    assert _built_with_counts(monkeypatch) > 10


def test_compile_outside_a_rule_set_is_plain_regex():
    import regex
    assert compiled.compile(r"\p{Han}+").pattern == regex.compile(r"\p{Han}+").pattern


@pytest.mark.parametrize("pattern, has_case", [
    (r"[0-9０-９]{1,2}月|\b\d{1,2}월", False), (r"\p{Han}+\d", False), (r"\p{Lu}\p{Ll}+", True),
    ("juin", True), (r"(?P<x>\d+)", True)])
def test_ignorecase_is_dropped_only_where_nothing_has_case(pattern, has_case):
    import regex
    assert compiled._has_case(pattern) is has_case
    flags = compiled.compile(pattern, regex.IGNORECASE).flags & regex.IGNORECASE
    assert bool(flags) is has_case
