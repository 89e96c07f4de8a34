from __future__ import annotations

import pytest

from localize.errors import LocalizeError
from localize.glossary import (Concept, Glossary, GlossaryError, Term, content_hash, layered,
                               load_glossary, normalise_language, save_glossary)


def _g(name, *concepts):
    return Glossary(name=name, path=None, concepts=tuple(concepts))


def _c(cid, *terms, **kw):
    return Concept(id=cid, terms=tuple(Term(text, lang, status) for lang, text, status in terms), **kw)


def test_source_is_not_part_of_equality():
    assert Term("colour", "en-GB", source=("a.yaml", 3)) == Term("colour", "en-GB", source=("b.tbx", 9))
    assert Term("colour", "en-GB") != Term("colour", "en-GB", status="admitted")


def test_glossary_error_is_a_localize_error_naming_file_and_line():
    err = GlossaryError("bad", path="g.yaml", line=4)
    assert isinstance(err, LocalizeError)
    assert str(err) == "g.yaml:4: bad"


@pytest.mark.parametrize("tag,expected", [("en-us", "en-US"), ("EN_gb", "en-GB"), ("ja", "ja"),
                                          ("zh-hans-cn", "zh-Hans-CN"), ("es-419", "es-419"),
                                          ("english!", None), ("", None), ("e", None)])
def test_normalise_language(tag, expected):
    assert normalise_language(tag) == expected


def test_layered_higher_layer_hides_concept_ids_and_term_texts():
    house = _g("house", _c("colour", ("en-GB", "colour", "preferred"), ("en-GB", "color", "forbidden")),
               _c("lorry", ("en-GB", "Lorry", "preferred")))
    shipped = _g("shipped",
                 _c("colour", ("en-GB", "colour", "preferred"), ("en-US", "color", "preferred")),
                 _c("truck", ("en-US", "truck", "preferred"), ("en-GB", "lorry", "preferred")),
                 _c("only-lorry", ("en-GB", "lorry", "admitted")),
                 _c("flat", ("en-US", "apartment", "preferred"), ("en-GB", "flat", "preferred")))
    merged = layered([house, shipped])
    assert [c.id for c in merged] == ["colour", "lorry", "truck", "flat"]
    assert merged[0] is house.concepts[0]  # the shipped "colour" is hidden entirely
    # "lorry" (any case) for en-GB belongs to the house now: dropped from the shipped concept
    assert merged[2].terms == (Term("truck", "en-US"),)
    assert merged[3] is shipped.concepts[3]


def test_layered_keeps_conflicts_inside_one_glossary():
    one = _g("one", _c("a", ("en", "widget", "preferred")), _c("a", ("en", "widget", "deprecated")))
    assert len(layered([one])) == 2


def test_layered_order_is_precedence():
    a = _g("a", _c("x", ("en", "one", "preferred")))
    b = _g("b", _c("x", ("en", "two", "preferred")))
    assert layered([a, b])[0].terms[0].text == "one"
    assert layered([b, a])[0].terms[0].text == "two"


def test_content_hash_depends_on_bytes_and_order(tmp_path):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("concepts: []\n")
    b.write_text("concepts: []\n# b\n")
    first = content_hash([a, b])
    assert first == content_hash([str(a), str(b)])
    assert content_hash([b, a]) != first
    b.write_text("concepts: []\n# c\n")
    assert content_hash([a, b]) != first


def test_content_hash_of_a_missing_file_is_an_error(tmp_path):
    with pytest.raises(GlossaryError, match="cannot read"):
        content_hash([tmp_path / "missing.yaml"])


def test_unknown_extension_and_unreadable_files(tmp_path, write):
    with pytest.raises(GlossaryError, match="unknown glossary format '.txt'"):
        load_glossary(write("g.txt", "x"))
    with pytest.raises(GlossaryError, match="cannot read"):
        load_glossary(tmp_path / "nope.yaml")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("concept_id,language,term\nx,fr,caf\xe9\n".encode("latin-1"))
    with pytest.raises(GlossaryError, match="not valid UTF-8") as info:
        load_glossary(bad)
    assert info.value.byte == len(b"concept_id,language,term\nx,fr,caf")


def test_bom_is_ignored(write):
    path = write("g.csv", "\ufeffconcept_id,language,term\nx,en,thing\n")
    assert load_glossary(path).concepts[0].terms[0].text == "thing"


@pytest.mark.parametrize("ext", ["yaml", "yml", "tbx", "xml", "csv"])
def test_save_and_load_every_extension(tmp_path, fixtures, ext):
    g = load_glossary(fixtures / "sample.yaml")
    out = tmp_path / f"out.{ext}"
    save_glossary(g, out)
    assert load_glossary(out).concepts == g.concepts


def test_save_to_an_unwritable_place(tmp_path, fixtures):
    g = load_glossary(fixtures / "sample.yaml")
    with pytest.raises(GlossaryError, match="cannot write"):
        save_glossary(g, tmp_path / "no" / "such" / "dir.yaml")
