"""An English scale word left in another language's text is a leftover, not part of a
smaller or larger amount: money leaves the mention alone (validate reports it)."""
from __future__ import annotations

import pytest

import localize


@pytest.mark.parametrize("locale, text", [
    # German reads "Billion" as 10^12: lower-case English "billion" must not pass for it.
    ("de-DE", "Der Konzern will $4 billion in das Werk investieren, sagte der Chef am Montag.\n"),
    # Spanish has no "billion": "$4" is not the amount, so no equivalent goes after it.
    ("es-ES", "La empresa invertirá $4 billion en la planta, dijo el director el lunes.\n"),
    ("zh-CN", "该公司将投资US$4 billion建设新工厂，负责人周一在北京表示。\n"),
])
def test_amount_with_an_unread_english_scale_word_is_left_alone(locale, text):
    result = localize.localize(text, locale=locale, date="2026-06-14", stages=["money"])
    assert result.text == text
    assert not [c for c in result.changes if c.stage == "money"]


def test_german_billion_is_still_read_as_ten_to_the_twelfth():
    text = "Der Konzern will 4 Billionen Dollar investieren, sagte der Chef am Montag.\n"
    result = localize.localize(text, locale="de-DE", date="2026-06-14", stages=["money"])
    (change,) = result.changes
    assert "Bio. Euro" in change.after


def test_english_billion_in_english_is_read():
    text = "The group will invest $4 billion in the plant, the chief said on Monday.\n"
    result = localize.localize(text, locale="en-GB", date="2026-06-14", stages=["money"])
    assert "$4bn (about £" in result.text
