from __future__ import annotations

import pytest

from localize.glossary import Concept, Glossary, GlossaryError, Term, load_glossary, save_glossary
from localize.glossary import csv_format


def test_sample(fixtures):
    g = load_glossary(fixtures / "sample.csv")
    petrol, acme = g.concepts
    assert petrol.domain == ("vehicles",) and petrol.source[1] == 2
    assert petrol.terms[0].context == r"\bgas (?:station|prices?|tank)\b"
    assert petrol.terms[1] == Term("petrol", "en-GB", pos="noun", note="fuel, not the state of matter")
    assert acme.do_not_translate and acme.terms[0].case_sensitive
    assert acme.terms[1] == Term("アクメクラウド", "ja", status="forbidden")
    assert g.languages == ("en-US", "en-GB", "en", "ja")


def test_columns_in_any_order_and_only_three_required():
    g = csv_format.parse("Term,Language,Concept_ID\nlift,en-gb,lift\nelevator,en-us,lift\n", "g.csv")
    assert g.concepts == (Concept("lift", (Term("lift", "en-GB"), Term("elevator", "en-US"))),)


def test_line_numbers_count_quoted_line_breaks():
    text = 'concept_id,language,term,note\na,en,one,"two\nlines"\nb,en,,\n'
    with pytest.raises(GlossaryError, match="empty term") as info:
        csv_format.parse(text, "g.csv")
    assert info.value.line == 4


def test_a_concept_id_seen_again_later_is_a_second_concept():
    g = csv_format.parse("concept_id,language,term\na,en,x\nb,en,y\na,en,z\n", "g.csv")
    assert [c.id for c in g.concepts] == ["a", "b", "a"]


@pytest.mark.parametrize("text,line,message", [
    ("concept_id,term\n", 1, "missing: language"),
    ("concept_id,language,term,colour\n", 1, "unknown column 'colour'"),
    ("concept_id,language,term,status\na,en,x,\na,en,y,obsolete\n", 3, "unknown status 'obsolete'"),
    ("concept_id,language,term\n,en,x\n", 2, "empty concept_id"),
    ("concept_id,language,term\na,english!,x\n", 2, "not a language or locale tag"),
    ("concept_id,language,term,case_sensitive\na,en,x,maybe\n", 2, "case_sensitive must be true or false"),
    ("concept_id,language,term,context\na,en,x,(a\n", 2, "not a valid regular expression"),
    ("concept_id,language,term,domain\na,en,x,cars\na,en-GB,y,\na,en-US,z,boats\n", 4,
     "domain differs from line 2"),
])
def test_errors_name_the_line(text, line, message):
    with pytest.raises(GlossaryError) as info:
        csv_format.parse(text, "g.csv")
    assert (info.value.path, info.value.line) == ("g.csv", line)
    assert message in info.value.message


def test_lenient_mode_collects_every_bad_row():
    problems: list = []
    g = csv_format.parse("concept_id,language,term,status\na,en,x,\na,en,,\nb,en,y,nope\nc,en,z,\n",
                         "g.csv", problems)
    assert [c.id for c in g.concepts] == ["a", "c"]
    assert [p.line for p in problems] == [3, 4]


def test_round_trip_keeps_every_field(tmp_path):
    g = Glossary("g", None, (
        Concept("colour", (Term("color", "en-US", note='a "quoted", note'),
                           Term("colour", "en-US", "forbidden", case_sensitive=True, pos="noun",
                                context=r"(?i)\bcolou?r,\s"),
                           Term("colour", "en-GB", "admitted")),
                domain=("art", "design"), note="line one\nline two", see=("brand",)),
        Concept("brand", (Term("Acme", "en", case_sensitive=True),), do_not_translate=True)))
    save_glossary(g, tmp_path / "g.csv")
    assert load_glossary(tmp_path / "g.csv").concepts == g.concepts


def test_yaml_to_csv_to_yaml(fixtures, tmp_path):
    g = load_glossary(fixtures / "sample.yaml")
    save_glossary(g, tmp_path / "g.csv")
    save_glossary(load_glossary(tmp_path / "g.csv"), tmp_path / "back.yaml")
    assert load_glossary(tmp_path / "back.yaml").concepts == g.concepts


def test_header_is_the_documented_one():
    text = csv_format.dump(Glossary("g", None, ()))
    assert text == ("concept_id,language,term,status,case_sensitive,pos,note,context,domain,"
                    "do_not_translate,concept_note,see\n")
