"""Run the terminology stage before it is registered, on glossaries written per test."""
from __future__ import annotations

import sys
from typing import Any, Callable

import pytest

import localize
from localize.stages import STAGE_MODULES
from localize.stages.terminology import RULES


@pytest.fixture(autouse=True)
def terminology_stage(monkeypatch, tmp_path):
    monkeypatch.setitem(STAGE_MODULES, "terminology", "localize.stages.terminology")
    # The root conftest caches the documented rule ids once per session; ours join them.
    for module in list(sys.modules.values()):
        documented = getattr(module, "_documented_rules", None)
        if callable(documented) and getattr(module, "__file__", "").endswith("tests/conftest.py"):
            documented().update(r.id for r in RULES)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


GLOSSARY = """\
glossary:
  name: test-terms
  languages: [en, ja]
concepts:
  - id: colour
    terms:
      en-US: [{term: color}]
      en-GB: [{term: colour}]
  - id: season-autumn
    terms:
      en-US: [{term: fall, context: "(?i)\\\\b(?:the|this|last|next|in|of)\\\\s+fall\\\\b|\\\\bfall\\\\s+(?:of\\\\s+)?\\\\d{4}\\\\b"}]
      en-GB: [{term: autumn}]
  - id: llm
    terms:
      en: [{term: large language model}, {term: LLM, status: admitted, case_sensitive: true}]
  - id: cloud-service
    terms:
      en: [{term: cloud service}, {term: cloud offering, status: deprecated}, {term: cloud thingy, status: forbidden}]
  - id: generative-ai
    terms:
      en: [{term: generative AI}]
      ja: [{term: 生成AI}, {term: ジェネレーティブAI, status: deprecated}, {term: ジェネAI, status: forbidden}]
  - id: anthropic
    do_not_translate: true
    terms:
      en: [{term: Anthropic, case_sensitive: true}]
      ja: [{term: アンソロピック, status: forbidden}]
  - id: orphan
    terms:
      en: [{term: gizmo, status: deprecated}]
"""


@pytest.fixture
def glossary_file(tmp_path) -> str:
    path = tmp_path / "test-terms.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return str(path)


@pytest.fixture
def run_terms(glossary_file) -> Callable[..., Any]:
    """Run only the terminology stage with the test glossary (the profile's own list
    emptied, so that shipped glossaries do not take part)."""
    def run(text: str, locale: str = "en-GB", glossaries: list[str] | None = None,
            format: str = "markdown") -> Any:
        config = {"glossaries": glossaries if glossaries is not None else [glossary_file],
                  "overrides": {"*": {"terminology": {"glossaries": []}}}}
        return localize.localize(text, locale=locale, config=config, format=format,
                                 stages=["terminology"])
    return run
