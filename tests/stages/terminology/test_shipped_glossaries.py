"""The shipped glossaries: valid, big enough, and safe on the classic traps."""
from __future__ import annotations

import pytest

import localize
from localize.data_paths import data_dir
from localize.glossary import load_glossary
from localize.glossary.check import check_glossaries

SHIPPED = sorted(data_dir("glossaries").glob("*.yaml"))
OXFORD = {"overrides": {"en-GB": {"terminology": {"exclude_domains": ["ize-ise"]}}}}


def test_shipped_glossaries_pass_the_checker():
    assert [p.name for p in SHIPPED] == ["en-US-en-GB.yaml", "tech-news.yaml"]
    assert check_glossaries([str(p) for p in SHIPPED]) == []


def test_shipped_glossaries_have_the_promised_size():
    variants = load_glossary(data_dir("glossaries") / "en-US-en-GB.yaml")
    tech = load_glossary(data_dir("glossaries") / "tech-news.yaml")
    assert len(variants.concepts) >= 300
    assert len(tech.concepts) >= 100
    languages = {t.language.split("-")[0] for c in tech.concepts for t in c.terms}
    assert {"en", "ja", "de", "fr", "es", "zh"} <= languages


def run(text: str, locale: str, config=None) -> str:
    return localize.localize(text, locale=locale, stages=["terminology"], config=config).text


@pytest.mark.parametrize("text, locale, expected", [
    ("The color of the sidewalk.\n", "en-GB", "The colour of the pavement.\n"),
    ("The colour of the aluminium can.\n", "en-US", "The color of the aluminum can.\n"),
    ("Prices fall when supply rises.\n", "en-GB", "Prices fall when supply rises.\n"),
    ("Shares may fall further.\n", "en-GB", "Shares may fall further.\n"),
    ("We organize teams.\n", "en-GB", "We organise teams.\n"),
])
def test_variants_both_ways_and_the_verb_fall_untouched(text, locale, expected):
    assert run(text, locale) == expected


def test_ize_ise_is_a_profile_choice():
    assert run("We organize teams.\n", "en-GB", OXFORD) == "We organize teams.\n"
    # Other variants still apply under Oxford spelling.
    assert run("The color.\n", "en-GB", OXFORD) == "The colour.\n"


TECH = {"glossaries": ["tech-news"]}


@pytest.mark.parametrize("text, locale, expected", [
    ("Des modèles d'AI générative.\n", "fr-FR", "Des modèles d'IA générative.\n"),
    ("L'AI générative progresse.\n", "fr-FR", "L'IA générative progresse.\n"),
    ("Modelli dell'intelligenza.\n", "it-IT", "Modelli dell'intelligenza.\n"),
])
def test_a_term_after_an_elided_clitic_is_a_whole_word(text, locale, expected):
    assert run(text, locale, TECH) == expected


def test_english_apostrophes_still_join_words():
    assert run("It is five o'clock; I don't know the color.\n", "en-GB") == \
        "It is five o'clock; I don't know the colour.\n"


def test_a_hashtag_is_never_rewritten():
    out = localize.localize("Models for generative AI. #generativeAI #GenerativeAI\n", locale="de-DE",
                            config=TECH, stages=["terminology"])
    assert out.text.endswith("#generativeAI #GenerativeAI\n")
