"""The staged pipeline: provenance, positions, protection, conflicts, threads, precedence."""
from __future__ import annotations

import datetime as dt
import random
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import localize
from localize.edits import CONFLICT_RULE, PROTECTED_RULE, Diagnostic, Edit, Severity
from localize.errors import InputError, LocalizeError, ProfileError
from localize.pipeline import Pipeline, Result
from localize.source import Source
from localize.stages import Pass, PassOutput


def normalise_only(text, **kwargs) -> Result:
    """The library call, with only the stage this issue built, so later stages'
    findings do not blur what these tests look at."""
    kwargs.setdefault("stages", ["normalise"])
    return localize.localize(text, **kwargs)


def normalise_check(text, **kwargs):
    kwargs.setdefault("stages", ["normalise"])
    return localize.check(text, **kwargs)


def fake_pass(fn, name="fake", stage="normalise") -> Pass:
    return Pass(stage, name, fn)


def inject(monkeypatch, *passes, before=False, keep=True):
    """Run `passes` after (or before) the real ones, or instead of them."""
    real = Pipeline._passes

    def _passes(self, profile):
        base = real(self, profile) if keep else []
        return [*passes, *base] if before else [*base, *passes]

    monkeypatch.setattr(Pipeline, "_passes", _passes)


def find_all(text, word):
    out, i = [], text.find(word)
    while i != -1:
        out.append(i)
        i = text.find(word, i + 1)
    return out


# -- provenance -----------------------------------------------------------------------------

ARTICLE = ("Advertisement\n"          # line 1: boilerplate, removed first
           "# Markets  rally\n"       # line 2: space run
           "\n"
           "Stocks rose.\n"
           "Anthropicâ€™s shares  gained.\n"   # line 5: mojibake and a space run
           "Comments\n")              # line 6: boilerplate


def test_changes_carry_provenance_and_positions_across_passes():
    result = normalise_only(ARTICLE, locale="en-US",
                               config={"boilerplate": ["Advertisement", "Comments"]})
    assert result.text == "# Markets rally\n\nStocks rose.\nAnthropic’s shares gained.\n"
    by_rule = {}
    for c in result.changes:
        by_rule.setdefault(c.rule, []).append(c)
    moj = by_rule["normalise.mojibake"][0]
    assert (moj.stage, moj.before, moj.after) == ("normalise", "â€™", "’")
    assert "mojibake" in moj.reason
    # In the input it is on line 5; in the output, a line higher, and it is one character.
    assert (moj.original_start.line, moj.original_start.column) == (5, 10)
    assert (moj.original_end.line, moj.original_end.column) == (5, 13)
    assert ARTICLE[moj.original_start.offset:moj.original_end.offset] == "â€™"
    assert (moj.output_start.line, moj.output_start.column) == (4, 10)
    assert result.text[moj.output_start.offset:moj.output_end.offset] == "’"

    runs = sorted(by_rule["normalise.space-run"], key=lambda c: c.original_start.offset)
    assert [(c.original_start.line, c.original_start.column) for c in runs] == [(2, 10), (5, 21)]
    # The second run sits after the mojibake fix (two characters shorter) on a line that
    # moved up by one.
    assert [(c.output_start.line, c.output_start.column) for c in runs] == [(1, 10), (4, 19)]
    for c in runs:
        assert ARTICLE[c.original_start.offset:c.original_end.offset] == "  "
        assert result.text[c.output_start.offset:c.output_end.offset] == " "

    removed = by_rule["normalise.boilerplate"]
    assert [(c.before, c.original_start.line) for c in removed] == [("Advertisement\n", 1), ("Comments\n", 6)]
    assert [c.output_start.offset == c.output_end.offset for c in removed] == [True, True]
    # Changes are listed in input order.
    offsets = [c.original_start.offset for c in result.changes]
    assert offsets == sorted(offsets)


def test_every_change_points_at_its_text_in_input_and_output():
    text = ("Intro\x07 line.\n\n\n\nCafe\u0301 Ｘ ｶﾀ  end   \nMore  Ã© here.\n")
    result = normalise_only(text, locale="ja-JP")
    assert result.changes
    for c in result.changes:
        assert text[c.original_start.offset:c.original_end.offset] == c.before
        assert result.text[c.output_start.offset:c.output_end.offset] == c.after
        d = c.to_dict()
        assert d["before"] == c.before and d["rule"] == c.rule and d["stage"] == "normalise"


def test_diagnostics_are_positioned_in_input_and_output(monkeypatch):
    def flag_word(doc, ctx):
        i = doc.text.index("target")
        return PassOutput(diagnostics=[Diagnostic("test.flag", Severity.WARNING, "found it",
                                                  i, i + 6)])
    inject(monkeypatch, fake_pass(flag_word))
    text = "Junk\n\n\n\nThe  quick  target here\n"
    result = normalise_only(text, locale="en-US", config={"boilerplate": ["Junk"]})
    (d,) = result.diagnostics
    assert d.stage == "normalise"
    assert (d.original_start.line, d.original_start.column) == (5, 13)
    assert text[d.original_start.offset:d.original_end.offset] == "target"
    # Boilerplate, then blank lines at the top, then the space runs went: line 2.
    assert result.text == "\nThe quick target here\n"
    assert (d.output_start.line, d.output_start.column) == (2, 11)
    assert result.text[d.output_start.offset:d.output_end.offset] == "target"
    assert d.line == 5 and d.column == 13


def test_reason_and_data_flow_into_changes_and_findings(monkeypatch):
    def convert(doc, ctx):
        i = doc.text.index("$4")
        return PassOutput(edits=[Edit(i, i + 2, "¥600", "test.convert", "rate 150 on 2026-06-12",
                                      data={"rate": 150})])
    inject(monkeypatch, fake_pass(convert, stage="normalise"))
    result = normalise_only("It cost $4.\n", locale="en-US")
    (c,) = result.changes
    assert (c.before, c.after, c.reason, c.data) == ("$4", "¥600", "rate 150 on 2026-06-12", {"rate": 150})
    (f,) = result.findings()
    assert (f.rule, f.fix, f.message, f.line, f.column) == ("test.convert", "¥600", c.reason, 1, 9)
    assert f.severity is Severity.WARNING  # an undocumented (test) rule defaults to warning


def test_findings_use_the_rule_severity_and_sort_by_position():
    result = normalise_only("Caf\u00c3\u00a9  \x07ok\n", locale="en-US")
    findings = result.findings()
    assert [f.rule for f in findings][:1] == ["normalise.mojibake"]
    assert findings[0].severity is Severity.ERROR
    positions = [f.original_start.offset for f in findings]
    assert positions == sorted(positions)
    assert normalise_check("Caf\u00c3\u00a9  \x07ok\n", locale="en-US") == findings


def test_result_to_dict_and_diff():
    result = normalise_only("---\ndate: 2026-06-14\n---\nA  b\n", locale="en-GB")
    d = result.to_dict()
    assert d["locale"] == "en-GB" and d["date"] == "2026-06-14" and d["changed"] is True
    assert d["changes"][0]["rule"] == "normalise.space-run" and d["changes"][0]["line"] == 4
    diff = result.diff("story.md")
    assert "--- a/story.md" in diff and "-A  b" in diff and "+A b" in diff
    assert normalise_only("Fine.\n", locale="en-GB").diff() == ""


# -- byte-for-byte ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Clean text.\n",
    "",
    "\ufeffWith a BOM.\n",
    "CRLF\r\nlines\r\n",
    "\ufeffBoth\r\nkinds\r\n",
    "Mixed\r\nendings\nhere\n",
    "No final newline",
    "---\ntitle: x\n---\n```\ncode  \n```\n",
])
def test_no_op_returns_the_very_same_string(text):
    result = normalise_only(text, locale="en-US")
    assert result.text is text
    assert result.changes == [] and not result.changed


@pytest.mark.parametrize("data", [b"Plain\n", b"\xef\xbb\xbfBOM\r\nCRLF\r\n", "Café\n".encode()])
def test_no_op_round_trips_bytes(data):
    src = Source.from_bytes(data)
    text = src.restore(src.body)
    result = normalise_only(text, locale="fr-FR")
    assert result.text.encode("utf-8") == data


def test_crlf_and_bom_are_kept_when_text_changes():
    text = "\ufeffFirst  line\r\nCaf\u00c3\u00a9\r\n\r\n\r\nEnd   \r\n"
    result = normalise_only(text, locale="en-US")
    assert result.text == "\ufeffFirst line\r\nCafé\r\n\r\nEnd\r\n"
    # Positions are in LF text without the BOM: the mojibake is on line 2, column 4.
    moj = next(c for c in result.changes if c.rule == "normalise.mojibake")
    assert (moj.line, moj.column) == (2, 4)


def test_invalid_utf8_bytes_are_an_input_error():
    with pytest.raises(InputError) as info:
        Source.from_bytes(b"ok\nbad \xff byte\n", "x.md")
    assert info.value.byte == 7 and "line 2" in info.value.message
    with pytest.raises(InputError, match="binary"):
        Source.from_bytes(b"\x00\x01\x02", "x.bin")


# -- switching things off ---------------------------------------------------------------------

MESSY = "A  b   \n\n\n\nCaf\u00c3\u00a9\n"


def test_empty_stage_list_changes_nothing():
    result = Pipeline("en-US", stages=[]).run(MESSY)
    assert result.text is MESSY and result.changes == []


def test_skip_a_stage():
    result = Pipeline("en-US", skip=["normalise"]).run(MESSY)
    assert result.text is MESSY


def test_stage_disabled_by_config_or_profile():
    result = Pipeline("en-US", config={"stages": {"normalise": False}}).run(MESSY)
    assert result.text is MESSY
    # An explicit stage list wins over the profile switch.
    result = Pipeline("en-US", config={"stages": {"normalise": False}}, stages=["normalise"]).run(MESSY)
    assert result.text != MESSY


def test_disable_rules_by_argument_and_config():
    result = Pipeline("en-US", stages=["normalise"],
                      disable_rules=["normalise.space-run", "normalise.mojibake"]).run(MESSY)
    assert result.text == "A  b\n\nCaf\u00c3\u00a9\n"
    assert {c.rule for c in result.changes} == {"normalise.trailing-whitespace", "normalise.blank-lines"}
    result = Pipeline("en-US", stages=["normalise"],
                      config={"disable_rules": ["normalise.blank-lines"]}).run(MESSY)
    assert "\n\n\n\n" in result.text and "normalise.blank-lines" not in {c.rule for c in result.changes}


def test_disabled_rules_drop_diagnostics_too(monkeypatch):
    def flag(doc, ctx):
        return PassOutput(diagnostics=[Diagnostic("test.flag", Severity.INFO, "x", 0, 1)])
    inject(monkeypatch, fake_pass(flag))
    assert len(Pipeline("en-US", stages=["normalise"]).run("abc\n").diagnostics) == 1
    assert Pipeline("en-US", stages=["normalise"], disable_rules=["test.flag"]).run("abc\n").diagnostics == []


def test_unknown_or_unavailable_stage_is_an_error():
    with pytest.raises(LocalizeError, match="unknown stage 'money-laundering'"):
        Pipeline("en-US", stages=["money-laundering"])
    with pytest.raises(LocalizeError, match="unknown stage"):
        Pipeline("en-US", skip=["nope"])


# -- protection and conflicts -------------------------------------------------------------------

def test_edit_touching_a_protected_region_is_refused_and_reported(monkeypatch):
    def vandal(doc, ctx):
        t = doc.text
        i = t.index("`code`")
        j = t.index("https://")
        return PassOutput(edits=[
            Edit(i + 1, i + 5, "CODE", "test.vandal", "into code"),
            Edit(j - 1, j + 5, "xx", "test.vandal", "across a URL"),
            Edit(0, 0, "", "test.vandal", "inside front matter? no: at its edge"),
            Edit(5, 5, "!", "test.vandal", "insertion inside front matter"),
            Edit(t.index("fine"), t.index("fine") + 4, "FINE", "test.ok", "ordinary prose"),
            Edit(len(t) + 3, len(t) + 5, "z", "test.vandal", "beyond the end"),
        ])
    inject(monkeypatch, fake_pass(vandal), keep=False)
    text = "---\na: 1\n---\nSee `code` and https://example.com, fine.\n"
    result = normalise_only(text, locale="en-US")
    assert result.text == text.replace("fine", "FINE")
    assert [c.rule for c in result.changes] == ["test.ok"]
    refused = [d for d in result.diagnostics if d.rule == PROTECTED_RULE]
    assert len(refused) == 4
    assert all(d.severity is Severity.WARNING and d.stage == "normalise" for d in refused)
    messages = " | ".join(d.message for d in refused)
    assert "code_span" in messages and "url" in messages and "front_matter" in messages
    assert "outside the document" in messages
    code = next(d for d in refused if "code_span" in d.message)
    assert (code.line, code.column) == (4, 6)


def test_overlapping_edits_report_the_loser_with_its_replacement(monkeypatch):
    def rivals(doc, ctx):
        i = doc.text.index("colour")
        return PassOutput(edits=[
            Edit(i, i + 6, "color", "test.spelling", "US spelling"),
            Edit(i + 3, i + 6, "OR", "test.shout", "shouting"),
            Edit(i, i + 6, "color", "test.spelling", "US spelling"),   # a duplicate, merged
        ])
    inject(monkeypatch, fake_pass(rivals), keep=False)
    text = "The\ncolour red.\n"
    results = [normalise_only(text, locale="en-US") for _ in range(3)]
    result = results[0]
    assert result.text == "The\ncolor red.\n"
    assert [c.rule for c in result.changes] == ["test.spelling"]
    (conflict,) = [d for d in result.diagnostics if d.rule == CONFLICT_RULE]
    assert conflict.fix == "OR"
    assert conflict.data == {"lost": "test.shout", "kept": "test.spelling"}
    assert "'our' -> 'OR'" in conflict.message and "shouting" in conflict.message
    assert (conflict.line, conflict.column) == (2, 4)
    assert conflict.severity is Severity.INFO
    # Deterministic: the same outcome every time.
    assert all(r.text == result.text and
               [d.message for d in r.diagnostics] == [d.message for d in result.diagnostics]
               for r in results)


def test_edits_that_change_nothing_are_not_changes(monkeypatch):
    def same(doc, ctx):
        return PassOutput(edits=[Edit(0, 3, "abc", "test.same", "no-op")])
    inject(monkeypatch, fake_pass(same), keep=False)
    text = "abc\n"
    result = normalise_only(text, locale="en-US")
    assert result.text is text and result.changes == []


def test_later_pass_sees_earlier_edits_and_protection_moves(monkeypatch):
    seen = []

    def grow(doc, ctx):
        return PassOutput(edits=[Edit(0, 1, "AAAA", "test.grow", "grow")])

    def look(doc, ctx):
        seen.append((doc.text, [(r.kind, doc.text[r.start:r.end]) for r in doc.protected]))
        i = doc.text.index("`x`")
        return PassOutput(edits=[Edit(i, i + 3, "y", "test.into-code", "moved code")])

    inject(monkeypatch, fake_pass(grow, "grow"), fake_pass(look, "look"), keep=False)
    result = normalise_only("a `x`\n", locale="en-US")
    assert seen == [("AAAA `x`\n", [("code_span", "`x`")])]
    assert result.text == "AAAA `x`\n"
    assert [d.rule for d in result.diagnostics] == [PROTECTED_RULE]
    assert result.diagnostics[0].column == 3


# -- threads ------------------------------------------------------------------------------------

def _corpus(n: int) -> list[str]:
    rng = random.Random(1234)
    pieces = ["Caf\u00c3\u00a9", "ＡＩ", "ｶﾀｶﾅ｡", "a  b", "line   \n", "\n\n\n", "Cafe\u0301",
              "Open\u200bAI", "`co  de`", "https://example.com/x.", "Comments\n", "\x07", "plain words"]
    docs = []
    for i in range(n):
        body = " ".join(rng.choice(pieces) for _ in range(rng.randint(3, 25)))
        fm = f"---\nlocale: {rng.choice(['ja-JP', 'en-US', 'fr-FR'])}\ndate: 2026-06-{1 + i % 28:02d}\n---\n" \
            if i % 3 == 0 else ""
        docs.append(fm + "# Title\n\n" + body + "\n")
    return docs


def _signature(r: Result):
    return (r.text, r.locale, r.date, [c.to_dict() for c in r.changes],
            [d.to_dict() for d in r.diagnostics])


def test_a_shared_pipeline_is_thread_safe():
    docs = _corpus(160)
    pipeline = Pipeline(config={"boilerplate": ["Comments"]})
    locales = ["en-GB", "ja-JP", "de-DE", "zh-CN"]
    jobs = [(doc, locales[i % 4] if i % 3 else None) for i, doc in enumerate(docs)]
    sequential = [_signature(pipeline.run(d, fallback_locale=loc)) for d, loc in jobs]
    start = threading.Barrier(8)

    def work(chunk):
        start.wait()
        return [(i, _signature(pipeline.run(d, fallback_locale=loc))) for i, (d, loc) in chunk]

    indexed = list(enumerate(jobs))
    chunks = [indexed[k::8] for k in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = dict(item for part in pool.map(work, chunks) for item in part)
    assert [parallel[i] for i in range(len(jobs))] == sequential
    assert any(s[3] for s in sequential)  # the corpus does exercise changes


# -- dates and locales ----------------------------------------------------------------------------

def _capture_context(monkeypatch):
    contexts = []

    def spy(doc, ctx):
        contexts.append(ctx)
        return PassOutput()

    inject(monkeypatch, fake_pass(spy), keep=False)
    return contexts


def test_front_matter_date_wins_over_the_date_argument(monkeypatch):
    contexts = _capture_context(monkeypatch)
    r = normalise_only("---\ndate: 2026-06-14T02:46:00Z\n---\nx\n", locale="en-US", date="2025-01-01")
    ctx = contexts[-1]
    assert ctx.date == dt.date(2026, 6, 14) and ctx.date_source == "front matter"
    assert ctx.moment == dt.datetime(2026, 6, 14, 2, 46, tzinfo=dt.timezone.utc)
    assert r.date == dt.date(2026, 6, 14)


def test_date_argument_when_front_matter_has_none(monkeypatch):
    contexts = _capture_context(monkeypatch)
    r = normalise_only("x\n", locale="en-US", date="2025-01-02")
    assert contexts[-1].date == dt.date(2025, 1, 2) and contexts[-1].date_source == "argument"
    assert r.date == dt.date(2025, 1, 2)
    normalise_only("x\n", locale="en-US", date=dt.date(2024, 2, 29))
    assert contexts[-1].date == dt.date(2024, 2, 29)
    normalise_only("x\n", locale="en-US")
    assert contexts[-1].date is None and contexts[-1].date_source is None


def test_bad_date_argument_is_an_error():
    with pytest.raises(LocalizeError, match="--date"):
        normalise_only("x\n", locale="en-US", date="14/06/2026")


def test_context_exposes_locale_and_language(monkeypatch):
    contexts = _capture_context(monkeypatch)
    normalise_only("x\n", locale="pt-BR")
    assert contexts[-1].locale == "pt-BR" and contexts[-1].language == "pt"


FM = "---\nlocale: fr-FR\n---\nText.\n"


def test_locale_precedence():
    config = {"locale": "de-DE"}
    p = Pipeline(config=config)
    assert p.run("Text.\n").locale == "de-DE"                                  # config
    assert p.run("Text.\n", fallback_locale="es-ES").locale == "es-ES"         # fallback > config
    assert p.run(FM, fallback_locale="es-ES").locale == "fr-FR"                # front matter > fallback
    assert p.run(FM, locale="ja-JP").locale == "ja-JP"                         # explicit > front matter
    assert Pipeline("en-GB", config=config).run(FM).locale == "en-GB"          # pipeline's own locale
    assert Pipeline("en-GB").run(FM, locale="zh-CN").locale == "zh-CN"         # run() beats Pipeline()
    assert normalise_only(FM, locale=None).locale == "fr-FR"


def test_front_matter_lang_in_any_case_is_normalised():
    assert normalise_only("---\nlang: ja_jp\n---\nx\n", locale=None).locale == "ja-JP"


def test_no_locale_is_a_profile_error():
    with pytest.raises(ProfileError, match="no locale"):
        normalise_only("Text.\n", locale=None)
    with pytest.raises(ProfileError, match="no locale") as info:
        Pipeline().run("Text.\n", path="a.md")
    assert info.value.path == "a.md"


def test_unknown_locale_fails_early():
    with pytest.raises(ProfileError, match="unknown locale"):
        Pipeline("xx-QQ")
    with pytest.raises(ProfileError, match="unknown locale"):
        normalise_only("---\nlocale: nowhere\n---\nx\n", locale=None)


def test_bad_front_matter_propagates_as_input_error():
    with pytest.raises(InputError) as info:
        Pipeline("en-US").run("---\ndate: [\n---\nx\n", path="bad.md")
    assert info.value.path == "bad.md" and info.value.line is not None


def test_text_format_runs_without_markdown_protection():
    text = "`a  b`  <i>x</i>\n"
    assert normalise_only(text, locale="en-US", format="text").text == "`a b` <i>x</i>\n"
    assert normalise_only(text, locale="en-US").text == "`a  b` <i>x</i>\n"
    assert Pipeline("en-US", format="text").run(text).text == "`a b` <i>x</i>\n"
    assert Pipeline("en-US").run(text, format="text").text == "`a b` <i>x</i>\n"


def test_text_may_not_be_joined_onto_a_block_region_line(monkeypatch):
    def joiner(doc, ctx):
        t = doc.text
        fence = t.index("```")
        close = t.index("```", fence + 3) + 3
        para_end = t.index("para.") + 5
        return PassOutput(edits=[
            Edit(fence, fence, "X", "test.join", "before the fence on its line"),
            Edit(close, close, "Y", "test.join", "after the closing fence"),
            Edit(fence - 1, fence, "", "test.join", "remove the newline before the fence"),
            Edit(7, 7, "Z", "test.join", "after the front matter's closing line"),
            Edit(para_end, para_end, "!", "test.ok", "end of the paragraph"),
            Edit(close + 1, close + 1, "New line.\n", "test.ok", "a whole new line after the block"),
        ])
    inject(monkeypatch, fake_pass(joiner), keep=False)
    text = "---\n---\nA para.\n```\ncode\n```\nTail.\n"
    result = normalise_only(text, locale="en-US")
    assert result.text == "---\n---\nA para.!\n```\ncode\n```\nNew line.\nTail.\n"
    refused = [d for d in result.diagnostics if d.rule == PROTECTED_RULE]
    assert len(refused) == 4
    assert all("joining text onto a line of" in d.message for d in refused), [d.message for d in refused]


def test_a_later_stage_fix_is_read_by_an_earlier_stage_in_the_same_run(monkeypatch):
    """Idempotence across stages: validate taking a space out can make a date that the
    dates stage (earlier) then reads, so the passes run again until nothing changes."""
    def early(doc, ctx):
        i = doc.text.find("b")
        return PassOutput(edits=[Edit(i, i + 1, "c", "test.early", "b -> c")] if i >= 0 else [],
                          diagnostics=[Diagnostic("test.note", Severity.INFO, "seen", 0, 0)])

    def late(doc, ctx):
        i = doc.text.find("a")
        return PassOutput(edits=[Edit(i, i + 1, "b", "test.late", "a -> b")] if i >= 0 else [])

    inject(monkeypatch, fake_pass(early, "early", stage="normalise"),
           fake_pass(late, "late", stage="validate"), keep=False)
    pipeline = Pipeline("en-US")
    result = pipeline.run("a\n")
    assert result.text == "c\n"
    assert [(c.rule, c.before, c.after) for c in result.changes] == [
        ("test.late", "a", "b"), ("test.early", "b", "c")]
    assert [d.rule for d in result.diagnostics] == ["test.note"]  # once, not once per round
    assert pipeline.run(result.text).changes == []
