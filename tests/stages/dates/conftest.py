"""Run the dates stage on hand-built entities, so the policy is tested on its own,
whatever the recogniser does."""
from __future__ import annotations

from typing import Any, Callable

import pytest

import localize
from localize.recognize import Entity


def entity(text: str, fragment: str, occurrence: int = 0, **data: Any) -> Entity:
    """A date Entity over the `occurrence`-th `fragment` in `text`; `data` as in the spec.
    `weekday_word`/`season_word_at` name a sub-fragment whose span is filled in."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    end = start + len(fragment)
    for key, span_key in (("weekday_at", "weekday_span"), ("season_at", "season_span")):
        if key in data:
            word = data.pop(key)
            at = text.index(word, start)
            data[span_key] = [at, at + len(word)]
    return Entity("date", start, end, fragment, None, None, data=data)


@pytest.fixture
def run_dates(monkeypatch) -> Callable[..., Any]:
    from localize.stages.dates import policy

    def run(text: str, entities: list[Entity], locale: str = "en-US", date: Any = None,
            config: Any = None) -> Any:
        monkeypatch.setattr(policy, "recognise", lambda doc_text, ctx: [
            e for e in entities if doc_text[e.start:e.end] == e.text])
        return localize.localize(text, locale=locale, date=date, config=config, stages=["dates"])
    return run
