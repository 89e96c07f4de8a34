"""Property tests over random Markdown: idempotence, byte-for-byte no-ops, protected
regions survive, and first-pass changes point at their text in the input."""
from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from localize.document import Document
from localize.pipeline import Pipeline
from localize.source import Source

LOCALES = ("en-US", "ja-JP", "fr-FR")
CONFIG = {"boilerplate": ["Comments", "Log in to comment"]}
PIPELINES = {tag: Pipeline(tag, config=CONFIG) for tag in LOCALES}

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Characters words are made of: plain, accented, CJK, full-width, half-width katakana and
# punctuation, invisible and control characters, combining marks, and the pieces
# mojibake is made of. None of them starts Markdown syntax.
ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;!?'-"
    "éèçàüößÆøñ"
    "日本語市場円年月" "ガイドカ"
    "ＡＢＣＸＹＺａｂｃ０１２３９，．"
    "ｱｲｶｸﾗｳﾄﾞｻｰﾋﾞｽﾊﾟ｡｢｣､･"
    "\u200b\u2060\ufeff\x07\x1b\x85"
    "\u0301\u0303\u0308\u3099"
    "ÃÂâ€™©œ\u00a0\u00a9\u00ad"
)
MOJIBAKE = ["Ã©", "â€™s", "CafÃ©", "â€œquoteâ€\x9d", "MÃ¼nchen", "â‚¬5", "Ã\u200b©", "A\u0303©"]

word = st.one_of(
    st.text(alphabet=ALPHABET, min_size=1, max_size=8),
    st.sampled_from(MOJIBAKE),
    st.sampled_from(["news", "Tokyo", "market", "déjà", "ＡＩ", "ｶﾀｶﾅ", "２０２６", "１，０００"]),
)
inline_protected = st.one_of(
    st.builds(lambda s: f"`{s}`", st.text(alphabet="ab  \u200bＡｶ\x07", min_size=1, max_size=6)),
    st.builds(lambda s: f"``{s} ` x``", st.text(alphabet="ab  ", min_size=1, max_size=4)),
    st.sampled_from(["https://example.com/a_(b)", "https://ex.org/path?q=1", "www.example.jp/ＡＩ",
                     "<https://example.net/x>",
                     "desk@example.org", "[link  text](https://e.com/x \"T  i\")",
                     "![img](/a.png)", "[ref][label]", "<span  class=\"x\">", "</span>",
                     "<!--  note\u200b  -->", "&amp;", "&#x1F600;"]),
)
token = st.one_of(word, word, word, inline_protected)
separator = st.sampled_from([" ", " ", " ", "  ", "   "])


@st.composite
def line_of_text(draw) -> str:
    tokens = draw(st.lists(token, min_size=1, max_size=8))
    out = tokens[0]
    for t in tokens[1:]:
        out += draw(separator) + t
    return out + draw(st.sampled_from(["", "", " ", "  ", "\t"]))


@st.composite
def block(draw) -> str:
    kind = draw(st.sampled_from(["heading", "para", "para", "para", "fence", "indented",
                                 "list", "comment", "blanks", "boilerplate", "quote"]))
    if kind == "heading":
        return "#" * draw(st.integers(1, 6)) + " " + draw(line_of_text())
    if kind == "para":
        return "\n".join(draw(st.lists(line_of_text(), min_size=1, max_size=4)))
    if kind == "fence":
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        body = "\n".join(draw(st.lists(line_of_text(), max_size=3)))
        closed = draw(st.booleans())
        return f"{fence}{draw(st.sampled_from(['', 'python', ' js']))}\n{body}" + (f"\n{fence}" if closed else "")
    if kind == "indented":
        lines = draw(st.lists(line_of_text(), min_size=1, max_size=3))
        gap = draw(st.sampled_from(["\n", "\n\n", "\n  \n\n"]))
        return gap.join("    " + ln for ln in lines)
    if kind == "list":
        items = draw(st.lists(line_of_text(), min_size=1, max_size=3))
        marker = draw(st.sampled_from(["-", "*", "1.", "-  "]))
        text = "\n".join(f"{marker} {it}" for it in items)
        if draw(st.booleans()):
            text += "\n\n    continued " + draw(line_of_text())
        return text
    if kind == "comment":
        return "<!--\n" + draw(line_of_text()) + "\n\n" + draw(line_of_text()) + "\n-->"
    if kind == "blanks":
        return draw(st.sampled_from(["", " ", "\t", "  \n "]))
    if kind == "quote":
        return "> " + draw(line_of_text()) + "\n>     " + draw(line_of_text())
    return draw(st.sampled_from(["Comments", "Log in to comment", "Comments from readers"]))


@st.composite
def markdown(draw) -> str:
    blocks = draw(st.lists(block(), max_size=8))
    joins = [draw(st.sampled_from(["\n\n", "\n\n", "\n", "\n\n\n\n"])) for _ in blocks]
    body = "".join(b + j for b, j in zip(blocks, joins))
    if draw(st.booleans()):
        body = body.rstrip("\n") + draw(st.sampled_from(["", "\n", "\n\n\n"]))
    front = draw(st.sampled_from([
        "", "", "---\ntitle: Port  news\ndate: 2026-06-14\n---\n",
        "---\nlang: fr-FR\ntags: [a,  b]\n---\n\n\n", "+++\ntitle = \"x  y\"\n+++\n",
    ]))
    return draw(st.sampled_from(["", "\n\n", " \n"])) + body if not front else front + body


def _regions(text: str) -> Counter:
    doc = Document(Source.from_text(text).body)
    return Counter((r.kind, doc.text[r.start:r.end]) for r in doc.protected)


def check_idempotent(pipeline: Pipeline, text: str, once) -> None:
    twice = pipeline.run(once.text)
    assert twice.text == once.text, [c.to_dict() for c in twice.changes]
    assert twice.changes == []


def check_no_op_is_identical(text: str, result) -> None:
    if not result.changes:
        assert result.text is text


def check_protected_regions_preserved(text: str, result) -> None:
    # Every protected text of the input is still there. (An edit may create a new
    # region, e.g. a removed boilerplate line that leaves an indented line on its own;
    # that is a structural change, not damage to protected text.)
    lost = _regions(text) - _regions(result.text)
    assert not lost, lost
    body = Source.from_text(text).body
    spans = [(r.start, r.end) for r in Document(body).protected]
    for c in result.changes:
        s, e = c.original_start.offset, c.original_end.offset
        for rs, re_ in spans:
            assert not (s < re_ and rs < e), (c.to_dict(), body[rs:re_])


def check_first_pass_changes_point_at_their_text(pipeline: Pipeline, text: str) -> None:
    body = Source.from_text(text).body
    first: list = []
    real = Pipeline._passes

    def spy_passes(self, profile):
        wrapped = []
        for p in real(self, profile):
            def run(doc, ctx, _p=p):
                out = _p.run(doc, ctx)
                if not first and any(doc.text[e.start:e.end] != e.replacement for e in out.edits):
                    first.append(out.edits)
                return out
            wrapped.append(type(p)(p.stage, p.name, run))
        return wrapped

    Pipeline._passes = spy_passes  # restored below: hypothesis forbids function-scoped fixtures
    try:
        result = pipeline.run(text)
    finally:
        Pipeline._passes = real
    if not first:
        assert result.changes == []
        return
    changes = {(c.original_start.offset, c.original_end.offset, c.after): c for c in result.changes}
    for e in first[0]:
        c = changes.get((e.start, e.end, e.replacement))
        assert c is not None, e
        assert body[c.original_start.offset:c.original_end.offset] == c.before
    out_len = len(Source.from_text(result.text).body)
    for c in result.changes:
        assert 0 <= c.original_start.offset <= c.original_end.offset <= len(body)
        assert 0 <= c.output_start.offset <= c.output_end.offset <= out_len


# One test draws each document once and checks every property in every locale:
# generating random Markdown costs more than localising it.
def test_properties_of_random_markdown():
    fired: Counter = Counter()

    @SETTINGS
    @given(markdown())
    def check(text):
        for locale in LOCALES:
            pipeline = PIPELINES[locale]
            result = pipeline.run(text)
            fired.update(c.rule for c in result.changes)
            check_idempotent(pipeline, text, result)
            check_no_op_is_identical(text, result)
            check_protected_regions_preserved(text, result)
            check_first_pass_changes_point_at_their_text(pipeline, text)

    check()
    # The documents were not too tame: every normalise rule had work to do.
    from localize.rules import all_rules
    # (Fixing rules only: report-only ones change nothing, so they count no changes.)
    normalise_rules = {r.id for r in all_rules().values() if r.stage == "normalise" and r.fixable}
    assert normalise_rules <= set(fired), normalise_rules - set(fired)
