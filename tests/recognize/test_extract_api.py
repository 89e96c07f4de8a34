"""The recogniser's API: Entity fields, data for the renderer, configuration, errors."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest

from localize.errors import LocalizeError, ProfileError
from localize.recognize import Entity, extract
from localize.recognize.lexicon import lexicon_for


def one(text: str, language: str, **kw) -> Entity:
    [e] = extract(text, language=language, **kw)
    return e


def test_entity_fields_and_wording_data():
    text = "Amazon agreed to invest up to $4 billion in the venture."
    e = one(text, "en")
    assert (e.kind, e.text, e.start, e.end) == ("money", "$4 billion", 30, 40)
    assert e.value == Decimal("4000000000") and e.currency == "USD"
    assert e.upper_bound and not e.approximate and e.low is None
    assert e.data["symbol"] == "$" and e.data["style"] == "symbol"
    assert e.data["currency_position"] == "prefix"
    assert e.data["magnitude_word"] == "billion" and e.data["magnitude"] == 9
    assert e.data["number_text"] == "4"
    assert e.data["bound_word"] == "up to"
    assert text[slice(*e.data["bound_span"])] == "up to"
    assert text[e.qualified_start:e.qualified_end] == "up to $4 billion"


def test_styles_word_code_symbol():
    assert one("600 billion yen", "en").data["style"] == "word"
    assert one("USD 4 billion", "en").data["style"] == "code"
    assert one("4 Mrd. $", "de").data["style"] == "symbol"
    assert one("4 milliards d'euros", "fr").data["of_word"] == "d'"


def test_values_are_exact_decimals():
    assert one("¥600 billion", "en").value == Decimal("600000000000")
    assert str(one("¥600 billion", "en").value) == "600000000000"
    assert str(one("$0.1 billion", "en").value) == "100000000"
    assert one("C$1.34", "en").value == Decimal("1.34")
    assert str(one("2,75 Billionen Euro", "de").value) == "2750000000000"


def test_after_words_are_outside_the_span_but_recorded():
    text = "改修費は約6000億円相当とされる。"
    e = one(text, "ja")
    assert e.text == "6000億円" and e.approximate
    assert e.data["approx_word"] == "約" and e.data["after_word"] == "相当"
    assert text[e.qualified_start:e.qualified_end] == "約6000億円相当"


def test_range_data():
    e = one("costs $3–4 billion", "en")
    assert (e.low, e.value) == (Decimal("3000000000"), Decimal("4000000000"))
    assert e.data["low_text"] == "3" and e.data["connector"] == "–"


def test_to_dict_is_json_ready():
    e = one("up to $3–4 billion", "en")
    d = json.loads(json.dumps(e.to_dict()))
    assert d["value"] == "4000000000" and d["low"] == "3000000000"
    assert d["upper_bound"] is True and d["data"]["bound_span"] == [0, 5]


def test_symbol_defaults_follow_the_language():
    assert one("¥100", "ja").currency == "JPY"
    assert one("¥100", "zh").currency == "CNY"
    assert one("¥100", "en").currency == "JPY"
    assert one("100元", "zh").currency == "CNY"
    assert one("100元", "ja").currency == "CNY"
    assert one("$100", "es").currency == "USD"


def test_config_overrides_the_lexicon():
    assert one("$100", "es", config={"symbols": {"$": "MXN"}}).currency == "MXN"
    assert one("$100", "es", config={"lexicon": {"symbols": {"$": "ARS"}}}).currency == "ARS"
    # null: a currency, but which one is unknown; recognised, never guessed
    e = one("$100", "en", config={"symbols": {"$": None}})
    assert e.currency is None and e.data["currency_unknown"] == "$"
    # new words can be taught without code
    assert one("50 bucks", "en", config={"names": {"bucks": "USD"}}).currency == "USD"
    assert extract("50 bucks", language="en") == []


def test_config_object_overrides():
    from localize.config import Config
    cfg = Config.from_mapping({"overrides": {"en-CA": {"lexicon": {"symbols": {"$": "CAD"}}}}})
    assert one("$5", "en-CA", config=cfg).currency == "CAD"
    assert one("$5", "en", config=cfg).currency == "USD"


def test_locale_tags_and_other_languages():
    assert one("€3bn", "en-GB").currency == "EUR"
    assert one("40億ドル", "ja-JP").value == Decimal("4000000000")
    # A language without a lexicon still gets CLDR names, symbols and codes.
    assert one("USD 100", "ko").currency == "USD"
    assert one("100 €", "it").currency == "EUR"


def test_obsolete_currencies_are_flagged():
    e = one("1000 Deutsche Mark", "de")
    assert e.currency == "DEM" and e.data.get("obsolete") is True
    assert "obsolete" not in one("1000 Euro", "de").data


def test_unknown_kind_and_language_are_clear_errors():
    with pytest.raises(LocalizeError, match="unknown entity kind"):
        extract("$4", language="en", kinds=("money", "weather"))
    with pytest.raises(ProfileError):
        extract("$4", language="xx-nonsense")
    assert extract("$4", language="en", kinds="money")[0].value == 4


def test_determinism_and_caching():
    text = "Sales: €3bn ($3.3bn), 40億ドル, USD 5m. " * 50
    assert extract(text, language="en") == extract(text, language="en")
    assert lexicon_for("en") is lexicon_for("en")
    assert lexicon_for("en", {"symbols": {"$": "CAD"}}) is not lexicon_for("en")


def test_empty_and_money_free_text():
    assert extract("", language="en") == []
    assert extract("No figures here at all.", language="de") == []
    assert extract("\n\n", language="zh") == []


@pytest.mark.parametrize("language, text, word", [
    ("en", "approximately $5m", "approximately"), ("en", "about $5m", "about"),
    ("en", "around $5m", "around"), ("en", "roughly $5m", "roughly"),
    ("en", "some $5m", "some"), ("en", "nearly $5m", "nearly"),
    ("en", "About $5m", "About"),
    ("ja", "約500万円", "約"), ("ja", "およそ500万円", "およそ"),
    ("de", "etwa 5 Mio. Euro", "etwa"), ("de", "rund 5 Mio. Euro", "rund"),
    ("de", "ca. 5 Mio. Euro", "ca."),
    ("fr", "environ 5 millions d'euros", "environ"), ("fr", "près de 5 millions d'euros", "près de"),
    ("fr", "quelque 5 millions d'euros", "quelque"),
    ("es", "unos 5 millones de euros", "unos"), ("es", "alrededor de 5 millones de euros", "alrededor de"),
    ("es", "cerca de 5 millones de euros", "cerca de"),
    ("zh", "约500万元", "约"), ("zh", "大约500万元", "大约"), ("zh", "约合500万元", "约合"),
])
def test_approximation_words(language, text, word):
    e = one(text, language)
    assert e.approximate and not e.upper_bound and e.data["approx_word"] == word


@pytest.mark.parametrize("language, text, word", [
    ("en", "up to $5m", "up to"), ("ja", "最大500万円", "最大"), ("de", "bis zu 5 Mio. Euro", "bis zu"),
    ("fr", "jusqu'à 5 millions d'euros", "jusqu'à"), ("fr", "jusqu’à 5 millions d'euros", "jusqu’à"),
    ("es", "hasta 5 millones de euros", "hasta"), ("zh", "最多500万元", "最多"),
])
def test_upper_bound_words(language, text, word):
    e = one(text, language)
    assert e.upper_bound and not e.approximate and e.data["bound_word"] == word


def test_qualifiers_are_whole_words():
    assert not one("Il a dit après de 5 millions d'euros", "fr").approximate   # après ≠ près
    assert not one("handsome $5m", "en").approximate                          # handsome ≠ some
    e = one("up to about $5m", "en")
    assert e.approximate and e.upper_bound
