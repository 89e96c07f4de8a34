from __future__ import annotations

import pytest

from localize.glossary import GlossaryError, Term, load_glossary
from localize.glossary.yaml_format import dump, parse


def test_sample_reads_every_field(fixtures):
    g = load_glossary(fixtures / "sample.yaml")
    assert (g.name, g.description) == ("tech-news", "Test glossary")
    assert g.languages == ("en", "ja", "de", "fr", "es", "zh")
    ids = [c.id for c in g.concepts]
    assert ids == ["generative-ai", "colour", "season-autumn", "anthropic"]
    ai = g.concepts[0]
    assert ai.domain == ("ai",) and ai.note == "a note"
    assert ai.terms[1] == Term("生成AI", "ja")
    assert ai.terms[2].status == "deprecated"
    assert ai.source == (str(fixtures / "sample.yaml"), 6)
    assert ai.terms[2].source == (str(fixtures / "sample.yaml"), 11)
    fall = g.concepts[2].terms[0]
    assert fall.language == "en-US" and fall.context.startswith("(?i)\\b(?:the|")
    brand = g.concepts[3]
    assert brand.do_not_translate and brand.terms[0].case_sensitive
    assert brand.terms[1].status == "forbidden" and brand.terms[1].note.startswith("keep the brand")


def test_bare_string_terms_and_language_tags_are_normalised():
    g = parse("concepts:\n  - id: x\n    terms:\n      en_us: [elevator]\n      EN-gb: [lift]\n", "g.yaml")
    assert g.concepts[0].terms == (Term("elevator", "en-US"), Term("lift", "en-GB"))
    assert g.name == "g"


def test_norwegian_language_key_is_not_a_boolean():
    g = parse("concepts:\n  - id: x\n    terms:\n      no: [heis]\n", "g.yaml")
    assert g.concepts[0].terms[0].language == "no"


def test_empty_file_is_an_empty_glossary():
    assert parse("", "empty.yaml").concepts == ()


@pytest.mark.parametrize("text,line,message", [
    ("concepts:\n  - id: x\n    terms:\n      en: [{term: a, status: obsolete}]\n", 4,
     "status must be one of preferred, admitted, deprecated, forbidden"),
    ("concepts:\n  - id: x\n    terms:\n      en: [{term: ''}]\n", 4, "empty term"),
    ("concepts:\n  - id: x\n    terms:\n      en: [{term: a, context: '[a-'}]\n", 4,
     "not a valid regular expression"),
    ("concepts:\n  - id: x\n    terms:\n      english!: [a]\n", 4, "not a language or locale tag"),
    ("concepts:\n  - id: x\n    colour: red\n    terms:\n      en: [a]\n", 3, "unknown key 'colour'"),
    ("concepts:\n  - terms:\n      en: [a]\n", 2, "missing 'id'"),
    ("concepts:\n  - id: x\n", 2, "missing 'terms'"),
    ("concepts:\n  - id: x\n    terms: {}\n", 2, "no terms"),
    ("concepts:\n  - id: x\n    terms:\n      en: [{status: admitted}]\n", 4, "missing 'term'"),
    ("concepts:\n  - id: x\n    terms:\n      en: a\n", 4, "must be a list of terms"),
    ("concepts:\n  - id: x\n    terms: [a]\n", 3, "terms must be a mapping"),
    ("concepts:\n  - id: x\n    terms:\n      en: [{term: a, case_sensitive: maybe}]\n", 4,
     "case_sensitive must be true/false"),
    ("glossary:\n  name: x\n  languages: [en, '??']\n", 3, "not a language tag"),
    ("glossary: {name: x}\nextra: 1\n", 2, "unknown key 'extra'"),
    ("concepts: {a: 1}\n", 1, "concepts must be a list"),
    ("concepts:\n  - id: x\n   terms: [\n", 3, "invalid YAML"),
])
def test_errors_name_the_line(text, line, message):
    with pytest.raises(GlossaryError) as info:
        parse(text, "g.yaml")
    assert info.value.path == "g.yaml"
    assert info.value.line == line
    assert message in info.value.message


def test_lenient_mode_collects_problems_and_keeps_good_concepts():
    text = ("concepts:\n"
            "  - id: good\n    terms:\n      en: [fine]\n"
            "  - id: bad\n    terms:\n      en: [{term: a, status: nope}, {term: ok}]\n")
    problems: list = []
    g = parse(text, "g.yaml", problems)
    assert [c.id for c in g.concepts] == ["good", "bad"]
    assert [t.text for t in g.concepts[1].terms] == ["ok"]
    assert [(p.line, "status" in p.message) for p in problems] == [(7, True)]


@pytest.mark.parametrize("value", ["yes", "no", "null", "1.5", "true", "a: b", "#hash", " lead",
                                   "trail ", "it's", 'say "hi"', "a, b", "[x]", "- dash", "2024-01-02",
                                   "multi\nline", "tab\there", "{brace}", "ünïcödé 生成AI", "%pct",
                                   "back\\slash", "~", ""])
def test_dump_quotes_whatever_needs_quoting(value):
    from localize.glossary import Concept, Glossary
    g = Glossary("n", None, (Concept(id="c", terms=(Term("x", "en", note=value or None),),
                                     note=value),))
    back = parse(dump(g), "g.yaml")
    assert back.concepts == g.concepts


def test_dump_is_deterministic_and_minimal(fixtures):
    g = load_glossary(fixtures / "sample.yaml")
    text = dump(g)
    assert text == dump(parse(text, "again.yaml"))
    assert "status: preferred" not in text and "case_sensitive: false" not in text
    assert "      ja: [{term: 生成AI}, {term: ジェネレーティブAI, status: deprecated}]" in text
