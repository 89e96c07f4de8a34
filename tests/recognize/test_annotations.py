"""Pairing an amount with the bracketed equivalent written right after it."""
from __future__ import annotations

from decimal import Decimal

import pytest

from localize.recognize import extract
from localize.recognize.annotations import find_annotations


def pairs(text: str, language: str) -> list[tuple[str, str, bool]]:
    found = find_annotations(text, extract(text, language=language), language)
    return [(a.primary.text, text[a.start:a.end], a.annotation.approximate) for a in found]


@pytest.mark.parametrize("language, text, primary, bracket, approx", [
    ("en", "It will invest up to $4 billion (approximately 600 billion yen) there.",
     "$4 billion", " (approximately 600 billion yen)", True),
    ("en", "Sales hit €3bn ($3.3bn) last year.", "€3bn", " ($3.3bn)", False),
    ("en", "The bill is $1bn (or about ¥150bn) so far.", "$1bn", " (or about ¥150bn)", True),
    ("ja", "同社は40億ドル（約6000億円）を投じる。", "40億ドル", "（約6000億円）", True),
    ("ja", "寄付は100万ドル（日本円で約1億5000万円）。", "100万ドル", "（日本円で約1億5000万円）", True),
    ("ja", "総額40億ドル相当（約6000億円）に上る。", "40億ドル", "（約6000億円）", True),
    ("de", "Er zahlt 4 Milliarden Dollar (rund 3,5 Milliarden Euro).", "4 Milliarden Dollar",
     " (rund 3,5 Milliarden Euro)", True),
    ("de", "Der Erlös: 2 Mrd. $ (umgerechnet etwa 1,8 Mrd. Euro).", "2 Mrd. $",
     " (umgerechnet etwa 1,8 Mrd. Euro)", True),
    ("fr", "Il coûte 4 milliards de dollars (soit environ 3,5 milliards d'euros).",
     "4 milliards de dollars", " (soit environ 3,5 milliards d'euros)", True),
    ("es", "Invierte 4000 millones de dólares (unos 3500 millones de euros).",
     "4000 millones de dólares", " (unos 3500 millones de euros)", True),
    ("zh", "该公司将投资40亿美元（约合270亿元人民币）。", "40亿美元", "（约合270亿元人民币）", True),
    ("zh", "投资40亿美元(折合约270亿元人民币)。", "40亿美元", "(折合约270亿元人民币)", True),
])
def test_pairs(language, text, primary, bracket, approx):
    assert pairs(text, language) == [(primary, bracket, approx)]


@pytest.mark.parametrize("language, text", [
    ("en", "The deal was worth $4 billion (see page 5)."),                 # not an amount
    ("en", "The deal was worth $4 billion ((about ¥600 billion))."),       # a bracket inside
    ("en", "The deal was worth $4 billion (about ¥600 billion at the time)."),  # more words
    ("en", "The deal was worth $4 billion, and (about ¥600 billion) more."),     # text between
    ("en", "The fund (worth ¥600 billion) was closed."),                   # no primary before
    ("en", "Its budget (the company said) is $4 billion (2023)."),         # a year, not money
    ("ja", "同社は40億ドルを（約6000億円）投じる。"),                       # a particle between
    ("zh", "该公司将投资40亿美元（其中约270亿元人民币为贷款）。"),              # a clause
])
def test_unrelated_parentheses_are_not_paired(language, text):
    assert pairs(text, language) == []


def test_annotation_positions_and_entities():
    text = "Amazon agreed to invest up to $4 billion (approximately 600 billion yen)."
    entities = extract(text, language="en")
    [a] = find_annotations(text, entities, "en")
    assert text[a.start:a.end] == " (approximately 600 billion yen)"
    assert a.primary.upper_bound and not a.primary.approximate
    assert a.annotation.currency == "JPY" and a.annotation.value == Decimal("600000000000")
    d = a.to_dict(text)
    assert d["text"] == " (approximately 600 billion yen)"
    assert d["primary"]["value"] == "4000000000"


def test_an_annotation_is_not_itself_a_primary():
    text = "Sales hit €3bn ($3.3bn) (£2.6bn) last year."
    assert pairs(text, "en") == [("€3bn", " ($3.3bn)", False)]


def test_full_width_and_half_width_brackets_pair_either_way():
    assert pairs("40億ドル(約6000億円)", "ja") == [("40億ドル", "(約6000億円)", True)]
    assert pairs("$4 billion （about ¥600 billion）", "en") == [
        ("$4 billion", " （about ¥600 billion）", True)]
