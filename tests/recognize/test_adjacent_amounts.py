"""A currency sign belongs to the figure it touches; an unknown word glued to a figure
voids it rather than leaving a wrong amount (bugs found by the money property tests)."""
from decimal import Decimal

import pytest

from localize.recognize import extract


@pytest.mark.parametrize("text, language, expected", [
    ("X 5 €5", "en", [("€5", "5", "EUR")]),
    ("$4bn $4bn", "en", [("$4bn", "4000000000", "USD"), ("$4bn", "4000000000", "USD")]),
    ("£2.5m £2.5m", "en", [("£2.5m", "2500000", "GBP"), ("£2.5m", "2500000", "GBP")]),
    ("Es kostet 5 € 2026 wieder.", "de", [("5 €", "5", "EUR")]),
    ("5 € pro Tag", "de", [("5 €", "5", "EUR")]),
    ("4 Mrd. $ und 5 Mrd. $", "de", [("4 Mrd. $", "4000000000", "USD"), ("5 Mrd. $", "5000000000", "USD")]),
    ("40億ドルを出資する", "ja", [("40億ドル", "4000000000", "USD")]),
])
def test_each_sign_goes_with_the_figure_it_touches(text, language, expected):
    found = [(e.text, str(e.value), e.currency) for e in extract(text, language=language)]
    assert found == expected


@pytest.mark.parametrize("text, language", [
    ("Die Bank zahlte $4bn.", "de"),     # bn is no German scale word
    ("同社は$3bnを投じた", "ja"),
])
def test_an_unknown_glued_scale_word_gives_no_amount_rather_than_a_wrong_one(text, language):
    assert all(e.value != Decimal(3) and e.value != Decimal(4) for e in extract(text, language=language))
    assert extract(text, language=language) == []
