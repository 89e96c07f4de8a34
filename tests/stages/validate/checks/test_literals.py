"""Required literals: every match of a pattern contains one of them."""
from __future__ import annotations

import regex
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from localize.stages.validate.checks.literals import SPECIAL_FOLDS, required_literals, same_length_fold


@pytest.mark.parametrize("pattern,literals", [
    (r"[\d０-９]+(?:円|元)", {"円", "元"}),
    (r"(?:JP¥|JPY ?|(?<![A-Z])[¥￥])\d+", {"jp¥", "jpy", "¥", "￥"}),
    # The parser factors "ju" out of januar|juni; exact parts are joined back.
    (r"\d{1,2}\s+(?:de\s+)?(?:januar|juni)\b", {"januar", "juni"}),
    (r"\b(\p{Ll}\p{L}*\p{L}i)z(e|es|ed)\b", {"ze", "zes", "zed"}),
    # A positive lookbehind's literal is required next to the match.
    (r"(?<=\b(?:juin|mai)\s)\d{4}", {"juin", "mai"}),
    (r"(?i)Mr\.", {"mr."}),
    (r"x(?:a|)y", {"xay", "xy"}),
])
def test_literals_of_patterns(pattern, literals):
    assert required_literals(pattern) == literals


@pytest.mark.parametrize("pattern", [
    r"\p{Han}+", r"a|\w", r"a*", r"(?<!yen)\d+", r"(?r)yen", r"\m\w+", r"[^abc]x?", r"(?:)", "",
])
def test_patterns_without_a_required_literal_give_none(pattern):
    assert required_literals(pattern) is None


def test_special_folds_are_every_fold_lower_case_misses():
    generated = {}
    for code in range(0x110000):
        char = chr(code)
        folded = char.casefold()
        if char.lower() == char and len(folded) == 1 and folded != char and folded.lower() != char:
            generated[char] = folded
    assert {k: v for k, v in SPECIAL_FOLDS.items() if k not in ("\u0130", "\u0131")} == generated


@pytest.mark.parametrize("text", ["Straße İstanbul ıi ſ ς µ", "ASCII only", "\u212aelvin"])
def test_fold_keeps_every_offset(text):
    assert len(same_length_fold(text)) == len(text)


@pytest.mark.parametrize("literal,text", [("s", "ſ"), ("i", "İ"), ("I", "ı"), ("σ", "ς"), ("k", "\u212a")])
def test_fold_finds_what_ignorecase_matches(literal, text):
    assert regex.fullmatch(literal, text, regex.IGNORECASE)
    assert same_length_fold(literal) in same_length_fold(text)


ALPHABET = "abAB1 \n.,-éÉßſ"
ATOMS = ["a", "b", "ab", "A", "é", "ß", "[ab]", "[aé]", r"\d", r"\w", ".", " ", r"\s", "(?:a|b)", "(?:ab|ba)",
         "(?<=a)", "(?=b)", "(?<!a)", r"\b"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.sampled_from(ATOMS), st.sampled_from(["", "?", "+", "*", "{2}"])), min_size=1,
                max_size=5),
       st.text(alphabet=ALPHABET, max_size=40), st.booleans())
def test_every_match_holds_a_literal(parts, text, ignorecase):
    pattern = "".join(atom + (quant if not atom.startswith(("(?<", "(?=", "(?!", "\\b")) else "")
                      for atom, quant in parts)
    literals = required_literals(pattern)
    if literals is None:
        return
    compiled = regex.compile(pattern, regex.IGNORECASE if ignorecase else 0)
    folded = same_length_fold(text)
    for m in compiled.finditer(text, overlapped=True):
        # The literal may sit in a lookaround: look one atom's width around the match.
        around = folded[max(0, m.start() - 2):m.end() + 2]
        assert any(lit in around for lit in literals), (pattern, text, m)
