"""Whatever the text, extraction never fails, and spans are sound."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from localize.recognize import extract
from localize.recognize.annotations import find_annotations

PIECES = ["$", "US$", "€", "¥", "￥", "£", "USD", "EUR", " ", "\u00a0", "\u202f", "4", "40", "1,234",
          "3.5", "2,5", "４０", "-", "–", "～", "to", "bis", "à", "de", "d'", "billion", "bn", "m",
          "Mrd.", "Milliarden", "milliards", "millones", "mil millones", "億", "万", "亿", "兆",
          "四十", "一", "円", "ドル", "元", "美元", "人民币", "dollars", "yen", "Euro", "euros",
          "(", ")", "（", "）", "約", "约合", "about", "up to", "rund", "unos", "相当", "左右",
          "多", "in", "2023", "and", "between", ".", ",", "\n", "a", "数"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25),
       st.sampled_from(["en", "ja", "de", "fr", "es", "zh"]))
def test_spans_are_sound(pieces, language):
    text = "".join(pieces)
    found = extract(text, language=language)
    last_end = 0
    for e in found:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start:e.end] == e.text
        assert e.start >= last_end            # in order, never overlapping
        last_end = e.end
        assert e.value is None or e.value >= 0
        assert e.low is None or (e.value is not None and e.low < e.value)
        qs, qe = e.data["qualified_span"]
        assert qs <= e.start and e.end <= qe <= len(text)
    for a in find_annotations(text, found, language):
        assert a.primary.end <= a.start < a.annotation.start < a.annotation.end < a.end
        assert text[a.end - 1] in ")）"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.sampled_from(["en", "ja", "de", "fr", "es", "zh"]))
def test_arbitrary_unicode_never_raises(text, language):
    for e in extract(text, language=language):
        assert text[e.start:e.end] == e.text
