"""The money policy end to end (localize.localize), one behaviour per test, on original
sentences dated 2026-06-14 (ECB reference rates of 2026-06-12)."""
from __future__ import annotations

import pytest

from localize.edits import Severity

from .helpers import DATED, findings, localise, overrides, rules

# -- the seed case, in each first-class locale's own language ------------------------------
# The careless equivalent a hurried translation of the Japanese story leaves behind,
# and what each locale's reader must see instead.
SEEDS = [
    ("en-US", "It will invest up to $4 billion (approximately 600 billion yen) in the venture.\n",
     "It will invest up to $4 billion in the venture.\n", ["money.redundant-annotation"], None),
    ("en-GB", "It will invest up to $4 billion (approximately 600 billion yen) in the venture.\n",
     "It will invest up to $4bn (about £3bn) in the venture.\n",
     ["money.style", "money.rewrite-annotation"], ("USD", "GBP", "0.746131")),
    ("ja-JP", "同社は最大40億ドル（約600億円）を出資する。\n", "同社は最大40億ドル（約6400億円）を出資する。\n",
     ["money.annotation-magnitude"], ("USD", "JPY", "160.197")),
    ("de-DE", "Der Konzern investiert bis zu 4 Milliarden Dollar (rund 600 Milliarden Yen) in das Werk.\n",
     "Der Konzern investiert bis zu 4 Milliarden Dollar (rund 3,5 Mrd. Euro) in das Werk.\n",
     ["money.rewrite-annotation"], ("USD", "EUR", "0.864528")),
    ("fr-FR", "Le groupe investira jusqu'à 4 milliards de dollars (environ 600 milliards de yens) dans l'usine.\n",
     "Le groupe investira jusqu'à 4 milliards de dollars (environ 3,5\u00a0milliards d'euros) dans l'usine.\n",
     ["money.rewrite-annotation"], ("USD", "EUR", "0.864528")),
    ("es-ES", "La empresa invertirá hasta 4000 millones de dólares (unos 600.000 millones de yenes) en la planta.\n",
     "La empresa invertirá hasta 4000 millones de dólares (unos 3500 millones de euros) en la planta.\n",
     ["money.rewrite-annotation"], ("USD", "EUR", "0.864528")),
    ("zh-CN", "该公司将向工厂投资最多40亿美元（约6000亿日元）。\n", "该公司将向工厂投资最多40亿美元（约合270亿元人民币）。\n",
     ["money.rewrite-annotation"], ("USD", "CNY", "6.76234")),
]


@pytest.mark.parametrize("locale, body, expected, applied, rate", SEEDS, ids=[s[0] for s in SEEDS])
def test_seed_case(locale, body, expected, applied, rate):
    result, out = localise(body, locale)
    assert out == expected
    assert rules(result) == applied
    if rate:
        change = next(c for c in result.changes if c.data)
        base, quote, value = rate
        assert (change.data["base"], change.data["quote"]) == (base, quote)
        assert change.data["rate"].startswith(value[:6])
        assert (change.data["rate_date"], change.data["source"]) == ("2026-06-12", "ECB reference rate")
        assert "2026-06-12" in change.reason


# -- money.add-annotation and money.annotate ---------------------------------------------
THREE_EUROS = "The group raised €3 billion in March. It then raised €2 billion in May.\n"


def test_first_foreign_mention_gets_an_equivalent():
    result, out = localise(THREE_EUROS, "en-US")
    assert out == ("The group raised €3 billion (about $3.5 billion) in March. "
                   "It then raised €2 billion in May.\n")
    (change,) = result.changes
    assert change.rule == "money.add-annotation"
    assert change.data["rate_date"] == "2026-06-12" and change.data["source"] == "ECB reference rate"
    assert change.data["amount"] == "3000000000"


@pytest.mark.parametrize("policy, expected", [
    ("first", "The group raised €3 billion (about $3.5 billion) in March. It then raised €2 billion in May.\n"),
    ("all", "The group raised €3 billion (about $3.5 billion) in March. "
            "It then raised €2 billion (about $2.3 billion) in May.\n"),
    ("none", THREE_EUROS),
])
def test_annotate_policy_by_config_override(policy, expected):
    _, out = localise(THREE_EUROS, "en-US", config=overrides("en-US", annotate=policy))
    assert out == expected


def test_annotate_all_in_british_style():
    body = "The bank lent €3 billion and later $500 million.\n"
    _, out = localise(body, "en-GB", config={"overrides": {"en-GB": {"money": {"annotate": "all"}}}})
    assert out == "The bank lent €3bn (about £2.6bn) and later $500m (about £370m).\n"


def test_each_foreign_currency_has_its_own_first_mention():
    _, out = localise("The fund sold ¥900 billion of bonds and bought €2 billion of loans.\n", "en-GB")
    assert out == "The fund sold ¥900bn (about £4.2bn) of bonds and bought €2bn (about £1.7bn) of loans.\n"


def test_amount_in_the_readers_currency_gets_nothing():
    body = "The regulator fined the lender $30 million.\n"
    result, out = localise(body, "en-US")
    assert out == body and result.changes == []


def test_equivalent_goes_after_a_trailing_qualifier():
    _, out = localise("欧州の企業が25億ユーロ超を投じた。\n", "ja-JP")
    assert out == "欧州の企業が25億ユーロ超（約4600億円）を投じた。\n"


@pytest.mark.parametrize("locale, body, expected", [
    ("en-GB", "It will spend $3–4 billion over a decade.\n",
     "It will spend $3–4 billion (about £2.2–3bn) over a decade.\n"),
    ("en-GB", "It will spend between $3 and $4 billion over a decade.\n",
     "It will spend between $3 and $4 billion (about £2.2–3bn) over a decade.\n"),
    ("ja-JP", "3億～4億ドルを投じる。\n", "3億～4億ドル（約480億～640億円）を投じる。\n"),
    ("de-DE", "Der Konzern will 3 bis 4 Milliarden Dollar ausgeben.\n",
     "Der Konzern will 3 bis 4 Milliarden Dollar (rund 2,6 bis 3,5 Mrd. Euro) ausgeben.\n"),
])
def test_a_range_gets_a_range(locale, body, expected):
    result, out = localise(body, locale)
    assert out == expected
    assert {"amount_low", "converted_low"} <= set(result.changes[-1].data)


def test_small_amounts_keep_minor_units():
    _, out = localise("A liter of diesel cost €1.50 in Lyon.\n", "en-US")
    assert out == "A liter of diesel cost €1.50 (about $1.70) in Lyon.\n"


# -- headings, protected regions ---------------------------------------------------------
def test_headings_never_get_an_equivalent():
    body = "# Group raises €3 billion\n\nThe group raised €3 billion from investors.\n"
    _, out = localise(body, "en-US")
    assert out == ("# Group raises €3 billion\n\n"
                   "The group raised €3 billion (about $3.5 billion) from investors.\n")


@pytest.mark.parametrize("body", [
    "Run `convert('€3 billion')` to test it.\n",
    "```\nThe group raised €3 billion.\n```\n",
    "    The group raised €3 billion.\n",
    "See https://example.com/raised-€3bn for the filing.\n",
    "See <span title=\"€3bn\">the filing</span>.\n",
    "Read [the €3 billion filing](https://example.com/filing) today.\n",
    "Read [€3 billion][filing] today.\n\n[filing]: https://example.com/filing\n",
    "![a chart of €3 billion](chart.png)\n",
])
def test_amounts_in_code_and_links_are_untouched(body):
    result, out = localise(body, "en-US")
    assert out == body
    assert rules(result) == []


def test_link_text_passes_the_first_mention_on():
    body = "Read [the €3 billion filing](https://example.com/f). The group raised €3 billion.\n"
    _, out = localise(body, "en-US")
    assert out == ("Read [the €3 billion filing](https://example.com/f). "
                   "The group raised €3 billion (about $3.5 billion).\n")


# -- rewrite, redundant --------------------------------------------------------------------
def test_third_currency_equivalent_is_recomputed():
    result, out = localise("The insurer paid €3bn (about ¥500bn) for the stake.\n", "en-GB")
    assert out == "The insurer paid €3bn (about £2.6bn) for the stake.\n"
    (change,) = result.changes
    assert change.rule == "money.rewrite-annotation"
    assert "JPY" in change.reason and "recomputed in GBP" in change.reason


def test_rewrite_can_be_switched_off():
    body = "The insurer paid €3bn (about ¥550bn) for the stake.\n"
    result, out = localise(body, "en-GB", config=overrides("en-GB", rewrite_annotations=False))
    # Kept, and checked against the EUR->JPY rate instead: ¥550bn is right for €3bn.
    assert out == body and rules(result) == []
    assert findings(result, "money.annotation-mismatch") == []


@pytest.mark.parametrize("body, expected", [
    ("It will invest $4 billion (about $4bn).\n", "It will invest $4 billion.\n"),
    ("It will invest $4 billion (approximately 600 billion yen).\n", "It will invest $4 billion.\n"),
])
def test_redundant_equivalent_is_removed(body, expected):
    result, out = localise(body, "en-US")
    assert out == expected
    assert rules(result) == ["money.redundant-annotation"]


def test_redundant_equivalent_of_a_foreign_amount_is_replaced():
    # Dropping it would leave the first mention without an equivalent, and a second run
    # would add one: replacing it keeps the result stable.
    result, out = localise("The group raised €3 billion (€3bn) in March.\n", "en-US")
    assert out == "The group raised €3 billion (about $3.5 billion) in March.\n"
    (change,) = result.changes
    assert change.rule == "money.redundant-annotation" and change.data["quote"] == "USD"


def test_redundant_equivalent_is_only_dropped_when_annotate_is_none():
    _, out = localise("The group raised €3 billion (€3bn) in March.\n", "en-US",
                      config=overrides("en-US", annotate="none"))
    assert out == "The group raised €3 billion in March.\n"


def test_redundant_equivalents_can_be_kept():
    body = "It will invest $4 billion (about $4bn).\n"
    result, out = localise(body, "en-US", config=overrides("en-US", drop_redundant_annotations=False))
    assert out == body and result.changes == []


# -- mismatch and magnitude -----------------------------------------------------------------
def test_mismatch_states_implied_and_reference_rate():
    result, out = localise("40億ドル（約5000億円）を投資する。\n", "ja-JP")
    assert out == "40億ドル（約5000億円）を投資する。\n"
    (d,) = findings(result, "money.annotation-mismatch")
    assert d.severity == Severity.WARNING
    assert "implies 1 USD = 125 JPY" in d.message
    assert "ECB reference rate 2026-06-12: 1 USD = 160.197 JPY" in d.message
    assert "約6400億円" in d.message and "tolerance 10%" in d.message
    assert d.data["rate_date"] == "2026-06-12"


@pytest.mark.parametrize("body, flagged", [
    ("The deal was worth €3 billion (about $3.2 billion).\n", False),   # -7.8%, approximate: 10%
    ("The deal was worth €3 billion ($3.2 billion).\n", True),          # -7.8%, exact: 2%
    ("The deal was worth €3 billion ($3.45 billion).\n", False),        # -0.6%
    ("The deal was worth €3 billion (about $3.9 billion).\n", True),    # +12.4%
])
def test_tolerance_is_ten_percent_approximate_two_percent_exact(body, flagged):
    result, out = localise(body, "en-US")
    assert out == body
    assert bool(findings(result, "money.annotation-mismatch")) is flagged


def test_tolerance_is_configurable():
    body = "The deal was worth €3 billion (about $3.2 billion).\n"
    result, _ = localise(body, "en-US", config=overrides("en-US", tolerance={"approximate": 0.05}))
    (d,) = findings(result, "money.annotation-mismatch")
    assert "-7.8% off, tolerance 5%" in d.message


def test_just_beyond_tolerance_does_not_read_as_equal():
    result, _ = localise("The deal was worth €3 billion ($3.40 billion).\n", "en-US")
    (d,) = findings(result, "money.annotation-mismatch")
    assert "-2.02% off, tolerance 2%" in d.message


def test_magnitude_slip_is_replaced():
    result, out = localise("The deal was worth €3 billion (about $350 million).\n", "en-US")
    assert out == "The deal was worth €3 billion (about $3.5 billion).\n"
    (change,) = result.changes
    assert change.rule == "money.annotation-magnitude"
    assert "factor of 9.9" in change.reason and "implies 1 EUR = 0.1167 USD" in change.reason


def test_error_factor_is_configurable():
    body = "40億ドル（約600億円）を投資する。\n"
    result, out = localise(body, "ja-JP", config=overrides("ja-JP", error_factor=20))
    assert out == body   # a factor of 10.7 is now a mismatch, reported and left alone
    assert "-90.6% off" in findings(result, "money.annotation-mismatch")[0].message


def test_own_rounding_is_never_a_mismatch():
    # One significant figure: $3 billion for $3.47 billion is 13.5% off, beyond the 10%
    # tolerance; a second run on this stage's own output must still stay silent.
    config = overrides("en-US", significant_figures=1)
    result, out = localise("The group raised €3 billion.\n", "en-US", config=config)
    assert out == "The group raised €3 billion (about $3 billion).\n"
    import localize
    again = localize.localize(result.text, locale="en-US", config=config)
    assert findings(again, "money.annotation-mismatch") == []


# -- style -------------------------------------------------------------------------------
@pytest.mark.parametrize("locale, body, expected", [
    ("en-GB", "It will invest £4 billion.\n", "It will invest £4bn.\n"),
    ("en-GB", "It will invest 4 billion dollars in Leeds.\n", "It will invest $4bn (about £3bn) in Leeds.\n"),
    ("en-GB", "It paid roughly £2.5 million.\n", "It paid roughly £2.5m.\n"),
    ("en-GB", "It paid £12,345,678 for the site.\n", "It paid £12,345,678 for the site.\n"),
    ("en-US", "It will invest $4bn.\n", "It will invest $4bn.\n"),
])
def test_house_style(locale, body, expected):
    _, out = localise(body, locale)
    assert out == expected


# -- rates: missing, house files, dates ------------------------------------------------------
def test_missing_rate_is_a_warning_and_nothing_is_guessed():
    body = "The chipmaker spent NT$30 billion on the plant.\n"
    result, out = localise(body, "en-US")
    assert out == body
    (d,) = findings(result, "money.missing-rate")
    assert d.severity == Severity.WARNING and "TWD->USD" in d.message


@pytest.fixture
def house_rates(tmp_path):
    csv = tmp_path / "house.csv"
    csv.write_text("date,base,quote,rate\n2026-06-12,USD,TWD,31.5\n2026-06-12,USD,JPY,150\n",
                   encoding="utf-8")
    yaml = tmp_path / "house.yaml"
    yaml.write_text("rates:\n  - {date: 2026-06-12, base: USD, quote: GBP, rate: 0.8}\n", encoding="utf-8")
    return csv, yaml


def test_house_csv_supplies_a_missing_rate(house_rates):
    csv, _ = house_rates
    result, out = localise("The chipmaker spent NT$30 billion on the plant.\n", "en-US",
                           config={"rates": [str(csv)]})
    assert out == "The chipmaker spent NT$30 billion (about $950 million) on the plant.\n"
    (change,) = result.changes
    assert str(csv) in change.reason and change.data["source"] == str(csv)
    assert findings(result, "money.missing-rate") == []


def test_house_csv_overrides_the_ecb_rate(house_rates):
    csv, _ = house_rates
    body = "同社は40億ドルを出資する。\n"
    _, ecb = localise(body, "ja-JP")
    result, house = localise(body, "ja-JP", config={"rates": [str(csv)]})
    assert (ecb, house) == ("同社は40億ドル（約6400億円）を出資する。\n", "同社は40億ドル（約6000億円）を出資する。\n")
    assert f"{csv}:3" in result.changes[0].reason


def test_house_yaml_overrides_the_ecb_rate(house_rates):
    _, yaml = house_rates
    result, out = localise("It will invest up to $4 billion (approximately 600 billion yen).\n", "en-GB",
                           config={"rates": [str(yaml)]})
    assert out == "It will invest up to $4bn (about £3.2bn).\n"
    change = result.changes[-1]
    assert change.data["source"] == str(yaml) and change.data["rate"] == "0.8"
    assert str(yaml) in change.reason


def test_date_argument_is_used_without_front_matter():
    result, out = localise("The group raised €3 billion.\n", "en-US", dated=False, date="2026-06-14")
    assert out == "The group raised €3 billion (about $3.5 billion).\n"
    assert result.changes[0].data["rate_date"] == "2026-06-12"
    assert findings(result, "money.no-date") == []


def test_older_date_uses_the_rate_of_that_day():
    result, _ = localise("The group raised €3 billion.\n", "en-US", dated=False, date="2020-03-02")
    assert result.changes[0].data["rate_date"] == "2020-03-02"


def test_no_date_warns_and_uses_the_newest_rate():
    result, out = localise("The group raised €3 billion.\n", "en-US", dated=False)
    (d,) = findings(result, "money.no-date")
    newest = result.changes[0].data["rate_date"]
    assert f"({newest})" in d.message
    assert out.startswith("The group raised €3 billion (about $")


def test_stale_rate_warns_once():
    body = "---\ndate: 2100-01-01\n---\nThe group raised €3 billion and ¥90 billion.\n"
    result, _ = localise(body, "en-US", dated=False)
    (d,) = findings(result, "money.stale-rate")
    assert "before 2100-01-01" in d.message


def test_obsolete_currency_is_left_alone():
    body = "The estate was valued at DEM 40 million (about €20 million) in the old filing.\n"
    result, out = localise(body, "en-US")
    assert out == body and result.changes == []
    (d,) = findings(result, "money.unknown-currency")
    assert d.severity == Severity.INFO and "DEM is obsolete" in d.message
    assert findings(result, "money.missing-rate") == []


def test_front_matter_is_never_touched():
    body = "The group raised €3 billion.\n"
    result, _ = localise(body, "en-US")
    assert result.text.startswith(DATED)
