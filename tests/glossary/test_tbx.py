from __future__ import annotations

import pytest

from localize.glossary import Concept, Glossary, GlossaryError, Term, load_glossary
from localize.glossary import tbx, yaml_format


def test_tbx_basic_2008_martif(fixtures):
    g = load_glossary(fixtures / "basic2008.tbx")  # its DOCTYPE names a DTD that is never read
    assert (g.name, g.description) == ("Office words", "A small termbase written for the tests.")
    lift, queue = g.concepts
    assert lift.id == "lift" and lift.domain == ("buildings",)
    assert lift.note == "A cabin that carries people between floors."  # definition, no note
    assert lift.terms == (Term("elevator", "en-US", pos="noun"),
                          Term("lift", "en-GB", note="the noun only"),
                          Term("elevator", "en-GB", status="deprecated"))  # superseded
    assert lift.source[1] == 12 and lift.terms[1].source[1] == 25
    assert queue.see == ("lift",)
    assert queue.terms[0].status == "preferred"  # no administrativeStatus: the term to use
    assert queue.terms[1].status == "admitted"


def test_tbx_v3_dct_style(fixtures):
    g = load_glossary(fixtures / "v3-dct.tbx")
    (c,) = g.concepts
    assert c.id == "c7" and c.domain == ("cloud",)
    assert c.terms == (Term("Cloud-Dienst", "de", pos="noun"), Term("Wolkendienst", "de", "deprecated"))


@pytest.mark.parametrize("name", ["billion-laughs.tbx", "external-entity.tbx"])
def test_entity_declarations_are_refused(fixtures, name):
    with pytest.raises(GlossaryError, match="DTD internal subsets are not allowed") as info:
        load_glossary(fixtures / name)
    assert info.value.line == 2


def test_undeclared_entity_after_external_dtd_is_refused():
    text = ('<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "http://example.invalid/x.dtd">\n'
            '<martif><text><body><termEntry id="a"><langSet xml:lang="en">\n'
            '<tig><term>&ghost;</term></tig></langSet></termEntry></body></text></martif>\n')
    with pytest.raises(GlossaryError, match="undeclared entities are not allowed") as info:
        tbx.parse(text, "g.tbx")
    assert info.value.line == 4


def test_predefined_and_character_entities_still_work():
    text = ('<tbx><text><body><conceptEntry id="a"><langSec xml:lang="en">'
            '<termSec><term>R&amp;D &#x2014; &lt;lab&gt;</term></termSec>'
            '</langSec></conceptEntry></body></text></tbx>')
    assert tbx.parse(text, "g.tbx").concepts[0].terms[0].text == "R&D \u2014 <lab>"


@pytest.mark.parametrize("text,line,message", [
    ("<tbx>\n<text><body>\n<conceptEntry id='a'>\n</body></text></tbx>", 4, "invalid XML: mismatched tag"),
    ("<glossary/>", 1, "not a TBX file: the root element is <glossary>"),
    ("<tbx><text><body>\n<conceptEntry id='a'><langSec xml:lang='en'><termSec><term>x</term>\n"
     "<termNote type='administrativeStatus'>obsoleteTerm</termNote></termSec></langSec>"
     "</conceptEntry></body></text></tbx>", 3, "unknown administrativeStatus 'obsoleteTerm'"),
    ("<tbx><text><body>\n<conceptEntry id='a'>\n<langSec><termSec><term>x</term></termSec></langSec>"
     "</conceptEntry></body></text></tbx>", 3, "needs xml:lang"),
    ("<tbx><text><body>\n<conceptEntry id='a'><langSec xml:lang='en'>\n<termSec><note>n</note>"
     "</termSec></langSec></conceptEntry></body></text></tbx>", 3, "has no <term>"),
    ("<tbx><text><body>\n<conceptEntry id='a'><langSec xml:lang='en'><termSec>\n<term> </term>"
     "</termSec></langSec></conceptEntry></body></text></tbx>", 3, "empty term"),
    ("<tbx><text><body>\n<conceptEntry id='a'>\n</conceptEntry></body></text></tbx>", 2, "has no terms"),
    ("<tbx><text><body><conceptEntry id='a'><langSec xml:lang='en'><termSec><term>x</term>\n"
     "<termNote type='x-contextPattern'>(a</termNote></termSec></langSec></conceptEntry>"
     "</body></text></tbx>", 2, "not a valid regular expression"),
])
def test_errors_name_the_line(text, line, message):
    with pytest.raises(GlossaryError) as info:
        tbx.parse(text, "g.tbx")
    assert (info.value.path, info.value.line) == ("g.tbx", line)
    assert message in info.value.message


def test_entries_without_id_get_one():
    text = ("<martif><text><body><termEntry><langSet xml:lang='fr'><tig><term>nuage</term></tig>"
            "</langSet></termEntry></body></text></martif>")
    assert tbx.parse(text, "g.tbx").concepts[0].id == "entry-1"


def _everything() -> Glossary:
    # Terms grouped by language: every format writes them so (langSec, YAML mapping).
    terms = (Term("color", "en-US"),
             Term("colour", "en-US", status="forbidden", case_sensitive=True, pos="noun"),
             Term("fall", "en-US", status="admitted", context=r"(?i)\bthe\s+fall\b  <&> "),
             Term("colour", "en-GB", note="line one\n  line two"),
             Term("hue", "en-GB", status="deprecated"))
    return Glossary(name="every & field", path=None, description="Round <trip> \"test\"",
                    concepts=(Concept(id="colour", terms=terms, domain=("art", "design"),
                                      note="concept note", see=("brand",)),
                              Concept(id="brand", terms=(Term("Acme&Co", "en", case_sensitive=True),),
                                      do_not_translate=True)))


def test_round_trip_keeps_every_field():
    g = _everything()
    back = tbx.parse(tbx.dump(g), "g.tbx")
    assert back.concepts == g.concepts
    assert (back.name, back.description) == (g.name, g.description)


def test_yaml_to_tbx_to_yaml(fixtures, tmp_path):
    from localize.glossary import save_glossary
    g = load_glossary(fixtures / "sample.yaml")
    save_glossary(g, tmp_path / "g.tbx")
    save_glossary(load_glossary(tmp_path / "g.tbx"), tmp_path / "back.yaml")
    back = load_glossary(tmp_path / "back.yaml")
    assert back.concepts == g.concepts
    assert (back.name, back.description) == (g.name, g.description)
    assert yaml_format.dump(back).split("concepts:")[1] == yaml_format.dump(g).split("concepts:")[1]


def test_forbidden_is_written_as_deprecated_for_other_tools():
    g = Glossary("g", None, (Concept("a", (Term("x", "en", status="forbidden"),)),))
    text = tbx.dump(g)
    assert ">deprecatedTerm-admn-sts<" in text and 'type="x-localizeStatus">forbidden<' in text
    assert "forbiddenTerm" not in text
