"""Where an equivalent may go: never inside an amount, between a symbol and its figure,
before the rest of a word, or inside a link's text (helper A1's report: "X 5 €5" became
"X 5 € (about $5.8)5" because the recogniser read "5 €" overlapping "€5")."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from localize.document import Document
from localize.recognize import Entity
from localize.stages.money.policy import _can_insert

from .helpers import localise


def test_reported_case_never_splits_an_amount():
    result, out = localise("X 5 €5\n", "en-US")
    # Unchanged while the recogniser reads "5 €"; once it reads "€5", after it.
    assert out in ("X 5 €5\n", "X 5 €5 (about $5.80)\n")
    assert "€ (" not in out


def test_reported_case_through_the_public_api():
    import localize
    text = localize.localize("X 5 €5\n", locale="en-US", date="2026-06-14").text
    assert not re.search(r"€ \([^)]*\)5", text)


def _money(text: str, fragment: str, value: str, currency: str, occurrence: int = 0) -> Entity:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return Entity("money", start, start + len(fragment), fragment, Decimal(value), currency)


def test_overlapping_entities_pass_the_equivalent_to_the_one_that_fits(monkeypatch):
    text = "---\ndate: 2026-06-14\n---\nX 5 €5\n"
    overlapping = [_money(text, "5 €", "5", "EUR"), _money(text, "€5", "5", "EUR")]
    # The fake recogniser knows this text only: a second round (pipeline.MAX_ROUNDS)
    # sees the annotated text, where these offsets mean nothing.
    monkeypatch.setattr("localize.recognize.extract",
                        lambda found_in, *a, **k: overlapping if found_in == text else [])
    import localize
    out = localize.localize(text, locale="en-US").text
    assert out.endswith("X 5 €5 (about $5.80)\n")


@pytest.mark.parametrize("text, at, allowed", [
    ("X 5 €5", 5, False),             # a symbol that belongs to the next figure
    ("It paid $3bn.", 10, False),     # a scale word the recogniser did not read
    ("It paid $3.5bn.", 10, False),   # a decimal the recogniser did not read
    ("It paid $4bn-plus.", 12, False),
    ("It paid $4bn’s worth.", 12, False),
    ("It paid 5 €x.", 11, False),
    ("It paid $4bn.", 12, True),
    ("It paid $4bn", 12, True),
    ("It paid €5 and more.", 10, True),
    ("40億ドルを投じる", 5, True),     # kana after Han: no word boundary to respect
    ("$3bnを投じる", 4, True),
    ("See [€3bn](https://example.com) now.", 9, False),
    ("See [the €3bn filing][f] now.\n\n[f]: https://example.com\n", 13, False),
    ("See [€3bn] now.", 9, True),      # brackets, but not a link
])
def test_can_insert(text, at, allowed):
    assert _can_insert(text, at, [], Document(text)) is allowed


def test_cannot_insert_inside_another_amount():
    text = "It paid $3–4bn."
    inner = Entity("money", 8, 14, "$3–4bn", Decimal("4e9"), "USD")
    assert _can_insert(text, 10, [inner], Document(text)) is False
    assert _can_insert(text, 14, [inner], Document(text)) is True


@pytest.mark.parametrize("locale, body", [
    ("ja-JP", "同社は$3bnと€2bnを投じた。\n"),
    ("de-DE", "Der Konzern zahlte 5 €5 für den Eintritt.\n"),
    ("en-GB", "The firm paid 5 €5 to enter and ¥3bn later.\n"),
])
def test_no_equivalent_between_a_figure_and_its_unit(locale, body):
    _, out = localise(body, locale)
    assert not re.search(r"[\d€$¥£][ \u00a0]?[(（][^)）]*[)）][\w\d]", out), out
