from __future__ import annotations

import pytest
from click.testing import CliRunner

from localize.cli.glossary_cmd import glossary
from localize.glossary import GlossaryError, load_glossary
from localize.glossary.check import Problem, check_glossaries


def _found(paths):
    return [(p.line, p.severity, p.message) for p in check_glossaries(paths)]


def test_every_problem_in_the_broken_fixture(fixtures):
    path = str(fixtures / "problems.yaml")
    found = _found([path])
    expected = [
        (5, "error", "concept 'one': see: 'nowhere' is not a concept id in the checked glossaries"),
        (11, "error", "'widget' is the preferred en term of two concepts: 'one' and 'two'"),
        (12, "error", "duplicate concept id 'one' (first defined at line 5)"),
        (17, "error", "concept 'four': terms.en[0].term: empty term"),
        (18, "error", "concept 'four': terms.ja[0].status must be one of preferred, admitted, "
                      "deprecated, forbidden, not 'obsolete'"),
        (21, "error", "concept 'five': en-GB has deprecated terms but no preferred term to replace "
                      "them with"),
        (22, "warning", "language 'fr' is not in glossary.languages"),
    ]
    for item in expected:
        assert item in found
    assert any(line == 25 and "context is not a valid regular expression" in msg
               for line, _, msg in found)
    assert all(p.path == path for p in check_glossaries([path]))


def test_clean_files_have_no_problems(fixtures):
    assert check_glossaries([fixtures / "sample.yaml", fixtures / "basic2008.tbx",
                             fixtures / "v3-dct.tbx", fixtures / "sample.csv"]) == []


def test_same_term_twice_and_conflicting_statuses(write):
    path = write("g.yaml", "concepts:\n  - id: a\n    terms:\n      en:\n"
                           "        - {term: Widget}\n        - {term: widget}\n"
                           "        - {term: WIDGET, status: deprecated}\n")
    assert _found([path]) == [
        (6, "warning", "concept 'a': 'widget' (en) is listed twice"),
        (7, "error", "concept 'a': 'WIDGET' (en) is listed as both preferred and deprecated"),
    ]


def test_case_sensitive_terms_may_differ_only_in_case(write):
    path = write("g.yaml", "concepts:\n"
                           "  - id: a\n    terms:\n      en: [{term: Apple, case_sensitive: true}]\n"
                           "  - id: b\n    terms:\n      en: [{term: apple, case_sensitive: true}]\n")
    assert _found([path]) == []


def test_preferred_may_come_from_the_language_or_a_do_not_translate_brand(write):
    path = write("g.yaml", "concepts:\n"
                           "  - id: a\n    terms:\n      en: [x]\n"
                           "      en-GB: [{term: y, status: deprecated}]\n"
                           "  - id: b\n    do_not_translate: true\n    terms:\n      en: [Acme]\n"
                           "      ja: [{term: アクメ, status: forbidden}]\n"
                           "  - id: c\n    terms:\n      en: [z]\n"
                           "      ja: [{term: ゼット, status: forbidden}]\n")
    assert _found([path]) == [
        (14, "error", "concept 'c': ja has forbidden terms but no preferred term to replace them with")]


def test_see_references_resolve_across_checked_files(write):
    a = write("a.yaml", "concepts:\n  - id: a\n    see: [b]\n    terms:\n      en: [x]\n")
    b = write("b.csv", "concept_id,language,term,see\nb,en,y,a\nc,en,z,c\n")
    assert _found([a, b]) == [(3, "warning", "concept 'c': see: refers to itself")]
    assert _found([a]) == [(2, "error", "concept 'a': see: 'b' is not a concept id in the checked "
                                        "glossaries")]


def test_tbx_and_csv_problems_carry_lines(fixtures, write):
    t = write("g.tbx", "<tbx><text><body>\n<conceptEntry id='a'><langSec xml:lang='en'><termSec>"
                       "<term>x</term></termSec></langSec></conceptEntry>\n<conceptEntry id='a'>"
                       "<langSec xml:lang='en'><termSec>\n<term/></termSec></langSec></conceptEntry>"
                       "</body></text></tbx>")
    c = write("g.csv", "concept_id,language,term,status\na,en,x,\nb,en,y,weird\n")
    found = [(p.path, p.line, p.message) for p in check_glossaries([t, c])]
    assert (t, 4, "concept 'a': empty term") in found
    assert (c, 3, "concept 'b': unknown status 'weird' for term 'y' (use preferred, admitted, "
                  "deprecated, forbidden)") in found


def test_a_broken_file_is_one_problem_and_an_unreadable_one_raises(write, tmp_path):
    bad = write("bad.tbx", "<tbx>\n<unclosed>\n</tbx>")
    (problem,) = check_glossaries([bad])
    assert problem == Problem(bad, 3, "invalid XML: mismatched tag", "error")
    assert str(problem) == f"{bad}:3: error: invalid XML: mismatched tag"
    with pytest.raises(GlossaryError, match="cannot read"):
        check_glossaries([tmp_path / "missing.yaml"])


def test_cli_check_exit_codes(fixtures, write, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(glossary, ["check", str(fixtures / "sample.yaml")])
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(glossary, ["check", str(fixtures / "problems.yaml")])
    assert bad.exit_code == 1
    assert f"{fixtures / 'problems.yaml'}:12: error: duplicate concept id 'one'" in bad.output
    warn = write("w.yaml", "glossary: {name: w, languages: [en]}\nconcepts:\n"
                           "  - id: a\n    terms:\n      fr: [x]\n")
    assert runner.invoke(glossary, ["check", warn]).exit_code == 1
    assert runner.invoke(glossary, ["check", "--fail-on", "error", warn]).exit_code == 0
    missing = runner.invoke(glossary, ["check", str(tmp_path / "missing.yaml")])
    assert missing.exit_code == 2 and "cannot read" in missing.output


def test_cli_convert(fixtures, tmp_path):
    runner = CliRunner()
    out = tmp_path / "g.tbx"
    result = runner.invoke(glossary, ["convert", str(fixtures / "sample.yaml"), str(out)])
    assert result.exit_code == 0, result.output
    assert load_glossary(out).concepts == load_glossary(fixtures / "sample.yaml").concepts
    assert runner.invoke(glossary, ["convert", str(out), str(tmp_path / "g.txt")]).exit_code == 2
    broken = runner.invoke(glossary, ["convert", str(fixtures / "billion-laughs.tbx"),
                                      str(tmp_path / "x.yaml")])
    assert broken.exit_code == 2 and "not allowed" in broken.output
    assert not (tmp_path / "x.yaml").exists()
