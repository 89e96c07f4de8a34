"""The rule types, driven through configuration rules exactly as a house would write them."""
from __future__ import annotations

import pytest

import localize
from localize.errors import ConfigError, ProfileError
from localize.pipeline import Pipeline
from localize.stages.validate.catalogue import definitions

SHIPPED = sorted({f"validate.{key}" for _tag, key, _entry in definitions()})

WHY = "A house rule written for these tests; it says why in more than sixty characters."


def run(text, locale="en-GB", style=None, **rules):
    """Run only the validate stage with `rules` as house rules (keys become
    validate.test-KEY; a key `doubled-word` adjusts the shipped rule)."""
    rules = {(k if k == "doubled-word" else f"test-{k}"): {"title": "House rule", "explanation": WHY, **v}
             for k, v in rules.items()}
    config = {"rules": rules}
    if style:
        config["overrides"] = {"*": {"style": style}}
    # The shipped rule sets are off: each test sees only the rule it defines.
    pipeline = Pipeline(locale, stages=["validate"], config=config, disable_rules=SHIPPED)
    result = pipeline.run(text)
    mine = {f"validate.{k}" for k in rules if k != "doubled-word"}
    found = [(d.rule, d.message) for d in result.findings() if d.rule in mine]
    again = pipeline.run(result.text)
    assert again.text == result.text, "a fix must be settled after one run"
    return result.text, found


def test_existence_tokens_have_word_edges_in_latin_and_none_in_cjk():
    text, found = run("The category and the cat sat.\n", x={"type": "existence", "tokens": ["cat"]})
    assert len(found) == 1
    _, found = run("彼は猫が好きだと話した。\n", locale="ja-JP", x={"type": "existence", "tokens": ["猫"]})
    assert len(found) == 1


def test_existence_token_ending_in_punctuation_still_matches():
    _, found = run("They sold apples, pears etc. in the market.\n", x={"type": "existence", "tokens": ["etc."]})
    assert len(found) == 1


def test_apostrophe_continues_a_word_but_a_possessive_is_the_word():
    _, found = run("I don't know the don's name or the don.\n", x={"type": "existence", "tokens": ["don"]})
    assert len(found) == 2


def test_substitution_keeps_case_and_spans_line_breaks():
    text, _ = run("Utilize it. UTILIZE it. We\nutilize it in order\nto win.\n",
                  x={"type": "substitution", "ignorecase": True,
                     "swap": {"utilize": "use", "in order to": "to"}})
    assert text == "Use it. USE it. We\nuse it to win.\n"


def test_regex_substitution_expands_its_own_groups():
    text, _ = run("It costs 5 dollars and 7 euros.\n",
                  x={"type": "substitution", "regex": True,
                     "swap": {r"(\d+) dollars": r"$\1", r"(\d+) euros": r"€\1"}})
    assert text == "It costs $5 and €7.\n"


def test_script_converts_and_maps():
    text, _ = run("市場はＡＩと１２３億円の規模だ。\n", locale="ja-JP",
                  x={"type": "script", "chars": "[０-９Ａ-Ｚａ-ｚ]", "convert": "halfwidth"})
    assert text == "市場はAIと123億円の規模だ。\n"
    text, _ = run("市场规模达到345億元。\n", locale="zh-CN",
                  x={"type": "script", "chars": "[億萬]", "convert": "map", "map": {"億": "亿", "萬": "万"}})
    assert text == "市场规模达到345亿元。\n"


def test_script_without_convert_only_reports():
    text, found = run("市場は１２３億円だと話した。\n", locale="ja-JP", x={"type": "script", "chars": "[０-９]"})
    assert text == "市場は１２３億円だと話した。\n" and len(found) == 1


def test_punctuation_only_in_its_context():
    text, _ = run("価格は上がった, と彼は話した。Version 1.2, released.\n", locale="ja-JP",
                  x={"type": "punctuation", "map": {",": "、"}, "before": r"[\p{Hiragana}\p{Han}]"})
    assert text == "価格は上がった、 と彼は話した。Version 1.2, released.\n"


def test_spacing_replaces_inserts_and_removes():
    rule = {"type": "spacing", "left": r"[\p{L}\p{N}]", "right": r"[?!;]", "space": "\u202f"}
    text, found = run("Vraiment ? Oui! Non\u00a0; bon\u202f?\n", locale="fr-FR", x=rule)
    assert text == "Vraiment\u202f? Oui\u202f! Non\u202f; bon\u202f?\n"
    assert len(found) == 3
    text, _ = run("これは Word を使う。\n", locale="ja-JP",
                  x={"type": "spacing", "left": "[A-Za-z]", "right": r"[\p{Hiragana}]", "space": ""})
    assert text == "これは Wordを使う。\n"


def test_quotes_pair_up_and_leave_inches_and_code_alone():
    rule = {"type": "quotes", "open": "„", "close": "“", "wrong": ['""', "“”"]}
    text, found = run('Er sagte "Hallo" und “Tschüss”, der Bildschirm misst 5" und `a "b" c`.\n',
                      locale="de-DE", x=rule)
    assert text == 'Er sagte „Hallo“ und „Tschüss“, der Bildschirm misst 5" und `a "b" c`.\n'
    # Each mark is its own change, so findings inside a quotation keep their place.
    assert len(found) == 4
    text, _ = run('Sie nannte "`make test`" den Befehl.\n', locale="de-DE", x=rule)
    assert text == 'Sie nannte „`make test`“ den Befehl.\n'


def test_quotes_with_inner_space():
    text, _ = run('Il a dit "bonjour" hier.\n', locale="fr-FR",
                  x={"type": "quotes", "open": "«", "close": "»", "inner_space": "\u00a0", "wrong": ['""']})
    assert text == "Il a dit «\u00a0bonjour\u00a0» hier.\n"


@pytest.mark.parametrize("locale, before, after", [
    ("de-DE", "Der Umsatz lag bei 1,234.56 Euro und 1,234,567 Euro, nicht 1,5 Euro.",
              "Der Umsatz lag bei 1.234,56 Euro und 1.234.567 Euro, nicht 1,5 Euro."),
    ("en-GB", "Revenue was 1.234,56 euros, or 1.234.567 in all, and version 1.2.3 shipped.",
              "Revenue was 1,234.56 euros, or 1,234,567 in all, and version 1.2.3 shipped."),
    ("fr-FR", "Le chiffre est de 1 234 567,5 euros et 1.234.567 euros selon le groupe.",
              "Le chiffre est de 1\u202f234\u202f567,5 euros et 1\u202f234\u202f567 euros selon le groupe."),
])
def test_number_format_fixes_only_unambiguous_foreign_numbers(locale, before, after):
    text, _ = run(before + "\n", locale=locale, x={"type": "number_format"})
    assert text == after + "\n"


def test_number_grouping_skips_myriad_units_and_years():
    rule = {"type": "number_format", "grouping": {"min_digits": 5, "skip_after": "[万億兆年]"}}
    text, _ = run("売上高は12345円で、2026年に3億5200万円、52000万人だった。\n", locale="ja-JP", x=rule)
    assert text == "売上高は12,345円で、2026年に3億5200万円、52000万人だった。\n"


def test_repetition_exceptions_and_custom_patterns():
    text, _ = run("He had had enough of the the delays.\n", **{"doubled-word": {"enabled": False}},
                  x={"type": "repetition", "exceptions": ["had"]})
    assert text == "He had had enough of the delays.\n"
    text, _ = run("価格は上がった。。と話した、、という。\n", locale="ja-JP",
                  x={"type": "repetition", "patterns": ["([、。])\\1+"]})
    assert text == "価格は上がった。と話した、という。\n"


def test_sentence_length_in_words_and_characters():
    long = "The plan is that the city and the port will " + "and then the " * 10 + "end it.\n"
    _, found = run(long + "It is short.\n", x={"type": "sentence_length", "max": 30,
                                                "message": "{count} {unit}"})
    assert found == [("validate.test-x", "42 words")]
    _, found = run("これは" + "とても" * 40 + "長い文です。短い文です。\n", locale="ja-JP",
                   x={"type": "sentence_length", "max": 100, "unit": "chars",
                      "message": "{count} characters, more than {max}"})
    assert found == [("validate.test-x", "129 characters, more than 100")]


def test_consistency_follows_the_first_form():
    text, found = run("Send an e-mail. Email is fast. E-mail works.\n",
                      x={"type": "consistency", "variants": [["email", "e-mail"]],
                         "message": "'{match}': this article writes '{first}'"})
    assert text == "Send an e-mail. E-mail is fast. E-mail works.\n"
    assert found == [("validate.test-x", "'Email': this article writes 'e-mail'")]


def test_rules_never_see_code_urls_or_comments():
    text = "Run `the the` or see https://example.org/the/the <!-- the the -->\n\n```\nthe the\n```\n"
    out, found = run(text, x={"type": "existence", "tokens": ["the the", "example"]})
    assert out == text and found == []


def test_scope_headings_and_prose():
    text = "# The Annual Report\n\nthe annual report is out.\n"
    rule = {"type": "existence", "tokens": ["annual"], "ignorecase": True}
    _, found = run(text, x={**rule, "scope": "headings", "message": "{match}"})
    assert found == [("validate.test-x", "Annual")]
    _, found = run(text, x={**rule, "scope": "prose", "message": "{match}"})
    assert found == [("validate.test-x", "annual")]
    _, found = run(text, x=rule)
    assert len(found) == 2


def test_when_selects_rules_by_house_style():
    rule = {"type": "existence", "tokens": ["organize"], "when": {"style.spelling": "ise"}}
    _, found = run("We organize the event.\n", style={"spelling": "ise"}, x=rule)
    assert len(found) == 1
    _, found = run("We organize the event.\n", style={"spelling": "ize"}, x=rule)
    assert found == []


def test_catastrophic_pattern_times_out_with_a_finding_naming_the_rule(tmp_path):
    cfg = tmp_path / "localize.yaml"
    cfg.write_text("rules:\n  test-slow:\n    type: existence\n    title: Slow\n"
                   f"    explanation: {WHY}\n    patterns: ['(a|aa)+$']\n"
                   "overrides:\n  '*':\n    validate: {timeout: 0.05}\n", encoding="utf-8")
    result = localize.localize("It was the end of the " + "a" * 4000 + "!\n", locale="en-GB",
                               stages=["validate"], config=str(cfg))
    (d,) = [d for d in result.diagnostics if d.rule == "validate.rule-timeout"]
    assert "validate.test-slow" in d.message and str(cfg) in d.message
    assert d.severity.value == "error"


def test_bad_user_pattern_names_rule_file_and_line(tmp_path):
    cfg = tmp_path / "localize.yaml"
    cfg.write_text(f"rules:\n  broken:\n    type: existence\n    title: Broken\n    explanation: {WHY}\n"
                   "    patterns: ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        localize.localize("Text.\n", locale="en-GB", config=str(cfg))
    assert "broken" in str(err.value) and "localize.yaml:6" in str(err.value)


def test_rule_missing_its_type_keys_is_an_error_naming_it():
    with pytest.raises(ProfileError, match="validate.rules.lonely: a spacing rule needs `left`"):
        localize.localize("Text.\n", locale="en-GB", config={"rules": {"lonely": {
            "type": "spacing", "title": "Lonely", "explanation": WHY, "right": "x", "space": ""}}})


def test_rule_needs_a_reason():
    with pytest.raises(ProfileError, match="explanation"):
        localize.localize("Text.\n", locale="en-GB", config={"rules": {"why": {
            "type": "existence", "title": "Why", "tokens": ["x"]}}})


def test_findings_carry_the_rule_severity_even_when_fixed():
    result = localize.localize("We use the the tools.\n", locale="en-GB", stages=["validate"],
                               config={"overrides": {"*": {"validate": {"rules": {
                                   "doubled-word": {"severity": "error"}}}}}})
    (f,) = result.findings()
    assert f.severity.value == "error" and f.fix == ""


def test_quotes_next_to_kana_and_han_are_quotations():
    text, _ = run("同社は“敬語でつまずく”と話す。\n", locale="ja-JP",
                  x={"type": "quotes", "open": "「", "close": "」", "wrong": ["“”", '""']})
    assert text == "同社は「敬語でつまずく」と話す。\n"


def test_regex_substitution_keeps_its_lookbehind_when_fixing():
    text, _ = run("最高経営責任者(CEO)が話した。\n", locale="ja-JP",
                  x={"type": "substitution", "regex": True,
                     "swap": {r"(?<=[\p{Han}])\((\w+)\)": r"（\1）"}})
    assert text == "最高経営責任者（CEO）が話した。\n"


def test_cjk_tokens_ending_in_the_prolonged_sound_mark_have_no_word_edge():
    text, _ = run("コンピューターの話とコンピュータの話をした。\n", locale="ja-JP",
                  x={"type": "consistency", "variants": [["コンピューター", "コンピュータ"]]})
    assert text == "コンピューターの話とコンピューターの話をした。\n"


def test_a_bad_pattern_in_a_rule_file_names_the_file_line_and_rule(tmp_path, monkeypatch):
    import shutil
    from localize.profiles import loader
    real = loader._profiles_dir()
    folder = tmp_path / "locales"
    shutil.copytree(real, folder)
    (folder / "rules" / "xx.yaml").write_text(
        "rules:\n  fine:\n    type: existence\n    title: Fine\n    tokens: [x]\n"
        f"    explanation: {WHY}\n  broken:\n    type: existence\n    title: Broken\n"
        f"    patterns: ['(open']\n    explanation: {WHY}\n", encoding="utf-8")
    (folder / "xx.yaml").write_text("name: X\nlanguage: en\nvalidate:\n  include: [rules/xx.yaml]\n",
                                    encoding="utf-8")
    monkeypatch.setattr(loader, "_profiles_dir", lambda: folder)
    import localize.data_paths as data_paths
    monkeypatch.setattr(data_paths, "data_dir", lambda name: tmp_path / name)
    loader._read.cache_clear(); loader._load.cache_clear()
    try:
        with pytest.raises(ProfileError) as err:
            Pipeline("xx", stages=["validate"]).run("The text is here.\n")
        assert "validate.broken" in str(err.value)
        assert err.value.path == "locales/rules/xx.yaml" and err.value.line == 7
    finally:
        monkeypatch.undo()
        loader._read.cache_clear(); loader._load.cache_clear()


def test_a_word_written_three_times_is_one_finding_and_one_fix():
    result = localize.localize("We saw the the the figures.\n", locale="en-GB", stages=["validate"])
    assert result.text == "We saw the figures.\n"
    assert [d.rule for d in result.findings()] == ["validate.doubled-word"]


def test_word_repetition_patterns_run_only_where_a_word_repeats():
    rule = {"type": "repetition", "words": True,
            "patterns": [r"(?<![\p{L}])(\p{L}+)(?:(?:[ \t]+)(?:\1)(?![\p{L}]))+"]}
    text, found = run("Die Zahl der der Nutzer steigt.\n\nDer Rest bleibt gleich.\n", locale="de-DE", x=rule)
    assert text == "Die Zahl der Nutzer steigt.\n\nDer Rest bleibt gleich.\n" and len(found) == 1
    text, found = run("Die Zahl der Nutzer steigt.\n", locale="de-DE", x=rule)
    assert found == []
