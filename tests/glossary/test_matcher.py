"""Every matching rule of localize.glossary.matcher, on hand-built concepts."""
from __future__ import annotations

import pytest

from localize.glossary import Concept, Term
from localize.glossary.inflect import match_case, plural
from localize.glossary.matcher import Matcher, fold

FALL_CONTEXT = r"(?i)\b(?:the|this|last|next|in|of)\s+fall\b|\bfall\s+(?:of\s+)?\d{4}\b"

CONCEPTS = (
    Concept("colour", (Term("color", "en-US"), Term("colour", "en-GB")), source=("v.yaml", 4)),
    Concept("autumn", (Term("fall", "en-US", context=FALL_CONTEXT), Term("autumn", "en-GB"))),
    Concept("llm", (Term("large language model", "en"), Term("LLM", "en", status="admitted",
                                                               case_sensitive=True))),
    Concept("language-model", (Term("language model", "en"), Term("LM", "en", status="deprecated",
                                                                   case_sensitive=True))),
    Concept("company", (Term("company", "en-US"), Term("firm", "en-GB"))),
    Concept("tax", (Term("sales tax", "en-US"), Term("VAT", "en-GB", case_sensitive=True))),
    Concept("don", (Term("don", "en", status="deprecated"), Term("put on", "en"))),
    Concept("clock", (Term("clock", "en", status="deprecated"), Term("timer", "en"))),
    Concept("anthropic", (Term("Anthropic", "en", case_sensitive=True),
                          Term("アンソロピック", "ja", status="forbidden")), do_not_translate=True),
    Concept("genai", (Term("generative AI", "en"), Term("生成AI", "ja"),
                      Term("ジェネレーティブAI", "ja", status="deprecated"))),
    Concept("ai", (Term("AI", "ja"), Term("人工知能", "ja", status="admitted"),
                   Term("ＡＩ", "ja", status="deprecated"))),
    Concept("gpu", (Term("画像処理装置", "ja"), Term("処理", "ja", status="deprecated"))),
    Concept("greek", (Term("ΟΔΟΣ", "el", status="deprecated"), Term("δρόμος", "el"))),
)


def found(text, locale="en-GB", concepts=CONCEPTS):
    return [(m.text, m.concept.id, m.term.status, m.plural)
            for m in Matcher.compile(concepts, locale).find(text)]


def test_sibling_locale_term_is_deprecated_and_own_term_preferred():
    assert found("color and colour") == [("color", "colour", "deprecated", False),
                                          ("colour", "colour", "preferred", False)]
    assert found("color and colour", "en-US") == [("color", "colour", "preferred", False),
                                                   ("colour", "colour", "deprecated", False)]


def test_whole_words_only_in_latin_script():
    assert found("colorful discolor colorize") == []
    assert found("color-coded (color), color.") == [("color", "colour", "deprecated", False)] * 3


def test_apostrophe_inside_a_word_is_not_a_boundary_but_the_possessive_is():
    assert found("don't o'clock") == []
    assert found("the color's shade and the colors' shades") == [
        ("color", "colour", "deprecated", False), ("colors", "colour", "deprecated", True)]
    assert found("the color\u2019s shade") == [("color", "colour", "deprecated", False)]


def test_case_insensitive_unless_case_sensitive():
    assert [m[0] for m in found("COLOR Color color")] == ["COLOR", "Color", "color"]
    assert found("an LLM, an llm, an Llm", "en-US") == [("LLM", "llm", "admitted", False)]


def test_regular_plurals_match_and_are_flagged():
    assert found("colors companies sales taxes", "en-GB") == [
        ("colors", "colour", "deprecated", True), ("companies", "company", "deprecated", True),
        ("sales taxes", "tax", "deprecated", True)]
    assert found("LLMs", "en-US") == [("LLMs", "llm", "admitted", True)]
    # Not a plural: a wrong ending, or more letters after it.
    assert found("colores colorss taxs", "en-GB") == []


def test_longest_match_wins():
    assert found("a large language model", "en-US") == [
        ("large language model", "llm", "preferred", False)]
    assert found("a language model", "en-US") == [("language model", "language-model", "preferred", False)]


def test_context_pattern_gates_ambiguous_terms():
    assert found("Prices fall when rates rise.") == []
    assert found("They met in the fall.") == [("fall", "autumn", "deprecated", False)]
    assert found("Launch in fall 2026.") == [("fall", "autumn", "deprecated", False)]
    # The context must overlap the term itself, not another word within the window.
    assert found("Prices fall, as they did in the fall.") == [("fall", "autumn", "deprecated", False)]
    assert [m.start for m in Matcher.compile(CONCEPTS, "en-GB").find(
        "Prices fall, as they did in the fall.")] == [32]


def test_context_group_named_term_must_be_the_term():
    concept = Concept("x", (Term("spring", "en", status="deprecated",
                                 context=r"(?i)in (?P<term>spring)\b"), Term("springtime", "en")))
    assert found("in spring", "en-US", (concept,)) == [("spring", "x", "deprecated", False)]
    assert found("a spring", "en-US", (concept,)) == []


def test_cjk_matches_without_word_boundaries():
    assert found("新しいジェネレーティブAIが出た", "ja-JP") == [
        ("ジェネレーティブAI", "genai", "deprecated", False)]
    assert found("アンソロピックは", "ja-JP") == [("アンソロピック", "anthropic", "forbidden", False)]


def test_cjk_never_inside_a_longer_listed_term():
    # 処理 is listed (deprecated) but is part of the longer listed 画像処理装置.
    assert found("画像処理装置を使う", "ja-JP") == [("画像処理装置", "gpu", "preferred", False)]
    assert found("処理が速い", "ja-JP") == [("処理", "gpu", "deprecated", False)]
    # AI inside 生成AI belongs to the longer term.
    assert found("生成AIとAI", "ja-JP") == [("生成AI", "genai", "preferred", False),
                                          ("AI", "ai", "preferred", False)]


def test_cjk_terms_of_other_languages_block_matches_inside_them():
    # For an English reader, 生成AI (Japanese) is kept only so that nothing matches inside it.
    concepts = CONCEPTS + (Concept("ai-en", (Term("AI", "en"), Term("A.I.", "en", status="deprecated"))),)
    assert found("生成AIとAI", "en-US", concepts) == [("生成AI", "genai", "other", False),
                                                    ("AI", "ai-en", "preferred", False)]


def test_latin_term_next_to_cjk_is_a_whole_word():
    assert found("このAIは", "ja-JP") == [("AI", "ai", "preferred", False)]
    assert found("このAIXは", "ja-JP") == []


def test_greek_and_case_folding_of_final_sigma():
    assert found("ο ΟΔΟΣ και οδος", "el") == [("ΟΔΟΣ", "greek", "deprecated", False),
                                             ("οδος", "greek", "deprecated", False)]
    assert fold("ΟΔΟΣ") == fold("οδος") == "οδοσ"


def test_fold_keeps_offsets():
    text = "İstanbul COLOR"
    assert len(fold(text)) == len(text)
    assert found(text) == [("COLOR", "colour", "deprecated", False)]


def test_spans_limit_matches():
    m = Matcher.compile(CONCEPTS, "en-GB")
    text = "color `color` color"
    assert [x.start for x in m.find(text, [(0, 6), (13, 19)])] == [0, 14]


def test_do_not_translate_brand_is_preferred_everywhere():
    m = Matcher.compile(CONCEPTS, "ja-JP")
    [hit] = m.find("アンソロピック")
    assert hit.concept.do_not_translate and hit.concept.preferred.text == "Anthropic"


def test_compiled_matcher_round_trips_through_bytes():
    m = Matcher.compile(CONCEPTS, "en-GB")
    again = Matcher.from_bytes(m.to_bytes())
    text = "The colors of the fall, not prices fall."
    assert [(x.start, x.end, x.concept.id) for x in again.find(text)] == \
        [(x.start, x.end, x.concept.id) for x in m.find(text)]
    assert Matcher.from_bytes(b"not a pickle") is None


def test_empty_glossary_matches_nothing():
    assert Matcher.compile((), "en-GB").find("anything") == []


@pytest.mark.parametrize("word, expected", [
    ("colour", "colours"), ("company", "companies"), ("day", "days"), ("tax", "taxes"),
    ("church", "churches"), ("LLM", "LLMs"), ("large language model", "large language models"),
    ("", ""), ("AI.", "AI.")])
def test_plural(word, expected):
    assert plural(word) == expected


@pytest.mark.parametrize("original, listed, replacement, expected", [
    ("color", "color", "colour", "colour"),
    ("Color", "color", "colour", "Colour"),
    ("COLOR", "color", "colour", "COLOUR"),
    ("Sales Tax", "sales tax", "value added tax", "Value Added Tax"),
    ("Sales tax", "sales tax", "value added tax", "Value added tax"),
    ("Sales Tax", "sales tax", "cost of living", "Cost of Living"),
    ("Color", "color", "AI model", "AI model"),
    ("LLM", "LLM", "large language model", "large language model"),
])
def test_match_case(original, listed, replacement, expected):
    assert match_case(original, listed, replacement) == expected


# The automaton only sees word starts (see the module docstring): the cases below are the
# ones that transformation has to get exactly right.

def test_multi_word_term_needs_its_own_separators():
    # "sales tax" and "sales-tax" read the same to the automaton; only the real one matches.
    for text in ("sales-tax", "sales\ntax", "sales\u00a0tax", "sales.tax", "sales  tax"):
        assert found(text, "en-GB") == [], text
    assert found("sales tax.", "en-GB") == [("sales tax", "tax", "deprecated", False)]


def test_terms_at_the_edges_of_the_text_and_after_any_separator():
    assert [m[0] for m in found("color")] == ["color"]
    for before in ("\u2014", "\u00a0", "\u201c", "\u2019", "\t", "/", "\x00", "\u3000"):
        assert [m[0] for m in found(f"{before}color{before}")] == ["color"], repr(before)


def test_combining_mark_continues_the_word_on_either_side():
    assert found("e\u0301color") == []
    assert found("color\u0301") == []
    concept = Concept("cafe", (Term("cafe\u0301", "en", status="deprecated"), Term("coffee shop", "en")))
    assert found("a cafe\u0301, not a cafe.", "en-GB", (concept,)) == [
        ("cafe\u0301", "cafe", "deprecated", False)]


def test_keys_that_read_the_same_to_the_automaton_both_match():
    # "net" and ".net" are both " net" with word starts marked; "A.I." and "A I" too.
    concepts = (Concept("dotnet", (Term(".NET", "en", case_sensitive=True),)),
                Concept("net", (Term("net", "en", status="deprecated"), Term("network", "en"))),
                Concept("ai", (Term("A.I.", "en", status="deprecated"), Term("AI", "en"))),
                Concept("ai-spaced", (Term("A I", "en", status="deprecated"),)))
    assert found("ASP.NET on the net, A.I. and A I", "en-US", concepts) == [
        (".NET", "dotnet", "preferred", False), ("net", "net", "deprecated", False),
        ("A.I.", "ai", "deprecated", False), ("A I", "ai-spaced", "deprecated", False)]
    again = Matcher.from_bytes(Matcher.compile(concepts, "en-US").to_bytes())
    assert [m.text for m in again.find("the .NET net")] == [".NET", "net"]


def test_punctuation_only_term():
    concepts = (Concept("amp", (Term("&", "en", status="deprecated"), Term("and", "en"))),)
    assert found("R & D, R&D", "en-US", concepts) == [("&", "amp", "deprecated", False)] * 2


def test_latin_term_inside_a_word_after_a_non_ascii_letter():
    # The in-word check must hold where the letter before is not ASCII (é, ß, ı).
    assert found("écolor ßcolor ıcolor") == []
    assert found("écolor color", "en-GB") == [("color", "colour", "deprecated", False)]


@pytest.mark.parametrize("text", [
    "plain ascii, with punctuation (and digits 42)_x",
    "curly \u2019quotes\u2019 \u2014 dashes\u00a0and caf\u00e9 e\u0301",
    "\u751f\u6210AI\u3068AI\u3002\u30a2\u30f3\u30bd\u30ed\u30d4\u30c3\u30af \u03bf\u03b4\u03bf\u03c3",
    "\u0434\u043e\u0440\u043e\u0433\u0430, \u0434\u043e\u043c\u2014\u043b\u0435\u0441",
])
def test_boundary_text_is_one_function_of_each_character(text, monkeypatch):
    from localize.glossary import matcher
    per_char = "".join(matcher.boundary_text(ch)[0] for ch in text)
    assert len(per_char) == len(text)
    for share in (0, 1):   # every path: regex over the whole text, or patched ASCII
        monkeypatch.setattr(matcher, "_SPARSE", share)
        assert matcher.boundary_text(text) == (per_char, any(matcher.is_cjk(c) for c in text))
