"""Money rendering, table-driven per locale (tests/render/cases/money_*.yaml), plus the
issue's complete examples built from the ECB rates of 2026-06-12."""
from __future__ import annotations

from decimal import Decimal

import pytest

from localize.profiles import load_profile
from localize.render.money import locale_currency, render_amount, render_annotation, render_range

from .money_cases_lib import FALLBACK, FIRST_CLASS, case_id, dec, money_cases

CASES = [pytest.param(loc, case, id=case_id(loc, i, case))
         for loc in FIRST_CLASS + FALLBACK for i, case in enumerate(money_cases(loc))]


def render_case(locale: str, case: dict) -> str:
    profile = load_profile(locale).with_overrides(case.get("override") or {})
    kwargs = {"approximate": bool(case.get("approx")), "figures": case.get("figures")}
    if "low" in case:
        text = render_range(dec(case["low"]), dec(case["amount"]), case["currency"], profile,
                            connector=case["connector"], **kwargs)
    else:
        text = render_amount(dec(case["amount"]), case["currency"], profile, **kwargs)
    return render_annotation(text, profile) if case.get("bracket") else text


@pytest.mark.parametrize("locale, case", CASES)
def test_rendering_case(locale, case):
    assert render_case(locale, case) == case["expect"]


@pytest.mark.parametrize("locale", FIRST_CLASS)
def test_every_first_class_locale_has_enough_cases(locale):
    cases = money_cases(locale)
    assert len(cases) >= 15
    # Each table covers hedged figures, brackets, a negative amount and a range.
    assert any(c.get("approx") for c in cases) and any(c.get("bracket") for c in cases)
    assert any(str(c["amount"]).startswith("-") for c in cases) and any("low" in c for c in cases)


# ECB reference rates of 2026-06-12 (1 USD = 160.197 JPY = 0.746131 GBP = 0.864528 EUR
# = 6.76234 CNY): the issue's examples, whole, as primary amount plus equivalent.
RATES = {"JPY": Decimal("160.197"), "GBP": Decimal("0.746131"), "EUR": Decimal("0.864528"),
         "CNY": Decimal("6.76234"), "USD": Decimal(1)}
ISSUE_EXAMPLES = [
    ("en-GB", "4e9", "USD", "$4bn (about £3bn)"),
    ("en-US", "3e9", "EUR", "€3 billion (about $3.5 billion)"),
    ("ja-JP", "4e9", "USD", "40億ドル（約6400億円）"),
    ("de-DE", "4e9", "USD", "4 Mrd. US-Dollar (rund 3,5 Mrd. Euro)"),
    ("fr-FR", "4e9", "USD", "4\u00a0milliards de dollars (environ 3,5\u00a0milliards d'euros)"),
    ("es-ES", "4e9", "USD", "4000 millones de dólares (unos 3500 millones de euros)"),
    ("zh-CN", "4e9", "USD", "40亿美元（约合270亿元人民币）"),
]


@pytest.mark.parametrize("locale, amount, currency, expected", ISSUE_EXAMPLES, ids=[e[0] for e in ISSUE_EXAMPLES])
def test_issue_examples(locale, amount, currency, expected):
    profile = load_profile(locale)
    target = locale_currency(profile)
    converted = Decimal(amount) / RATES[currency] * RATES[target]
    text = render_amount(Decimal(amount), currency, profile) + \
        render_annotation(render_amount(converted, target, profile, approximate=True), profile)
    assert text == expected


@pytest.mark.parametrize("locale, currency", [
    ("en-US", "USD"), ("en-GB", "GBP"), ("ja-JP", "JPY"), ("de-DE", "EUR"), ("fr-FR", "EUR"),
    ("es-ES", "EUR"), ("zh-CN", "CNY"), ("pt-BR", "BRL"), ("ko-KR", "KRW"), ("de-CH", "CHF"),
    ("en", None)])
def test_locale_currency(locale, currency):
    # First-class profiles say it; any other locale takes its territory's from CLDR.
    assert locale_currency(load_profile(locale)) == currency


def test_default_annotation_brackets_are_round():
    assert render_annotation("~US$ 3 bi", load_profile("pt-BR")) == " (~US$ 3 bi)"


def test_myriad_style_is_profile_data_not_code():
    # The same value, three ways, by changing only the profile's `numbers` section.
    value = Decimal("2.4e12")
    ja = load_profile("ja-JP")
    assert render_amount(value, "JPY", ja) == "2兆4000億円"
    assert render_amount(value, "JPY", ja.with_overrides({"numbers": {"myriad_mixed": False}})) == "2.4兆円"
    assert render_amount(value, "JPY", ja.with_overrides({"numbers": {"myriad_units": []}})) == \
        "2,400,000,000,000円"


def test_scale_words_are_profile_data():
    us = load_profile("en-US").with_overrides({"money": {"render": {"scales": [
        {"power": 9, "word": "bn"}], "symbol_pattern": "{symbol}{number}{scale}"}}})
    assert render_amount(Decimal("4e9"), "USD", us) == "$4bn"
    assert render_amount(Decimal("4e6"), "USD", us) == "$4,000,000"


# -- round trip: what the renderer writes, the recogniser reads back ------------------------
ROUND_TRIP_AMOUNTS = ("4e9", "3.5e9", "1.5e9", "2.4e12", "3.52e8", "12345", "1500", "150", "1.5",
                      "2.5e6", "1e6", "1e9", "1e12", "9.2e11", "6e11", "2e10", "0.5")
ROUND_TRIP_CURRENCIES = ("USD", "EUR", "JPY", "GBP", "CNY", "CHF", "CAD")
SENTENCE = {"ja": "同社は{}を投じた。", "zh": "该公司投入{}。"}


@pytest.mark.parametrize("locale", FIRST_CLASS)
def test_rendered_amounts_read_back_as_the_same_value(locale):
    """An exact amount keeps its value through rendering, and a hedged one reads back as
    approximate: checked through the recogniser, for every amount and currency above."""
    from localize.recognize import extract
    profile = load_profile(locale)
    wrong = []
    for amount in ROUND_TRIP_AMOUNTS:
        for currency in ROUND_TRIP_CURRENCIES:
            for approximate in (False, True):
                text = render_amount(Decimal(amount), currency, profile, approximate=approximate)
                sentence = SENTENCE.get(locale[:2], "The fund paid {} on Tuesday.").format(text)
                found = [(e.value if not approximate else None, e.currency, e.approximate)
                         for e in extract(sentence, language=locale)]
                if found != [(Decimal(amount) if not approximate else None, currency, approximate)]:
                    wrong.append((text, found))
    assert wrong == []
