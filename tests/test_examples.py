"""The bundled example: goldens per first-class locale, each made from the article in
the locale's own language, the mojibake copy, idempotence, and the CLI producing the
same bytes as the library.

When a stage changes behaviour these tests fail by design: run
`python examples/regenerate_goldens.py`, review the diff of examples/golden/, commit.
"""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
REGENERATE = "run `python examples/regenerate_goldens.py` and review the diff of examples/golden/"


def _load_regenerate():
    spec = importlib.util.spec_from_file_location("regenerate_goldens", EXAMPLES / "regenerate_goldens.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gold = _load_regenerate()
LOCALES = gold.LOCALES
ENGLISH = ("en-US", "en-GB")

# The seed sentence of each article: the equivalent a careless translation left behind,
# what the locale's golden must say instead, the rule that fixes it and the rate used.
SEEDS = {
    "en-US": ("up to $4 billion (approximately 600 billion yen) in Hoshikage",
              "up to $4 billion in Hoshikage", "money.redundant-annotation", None),
    "en-GB": ("up to $4 billion (approximately 600 billion yen) in Hoshikage",
              "up to $4bn (about £3bn) in Hoshikage", "money.rewrite-annotation", ("USD", "GBP")),
    "ja-JP": ("最大40億ドル（約600億円）を出資する",
              "最大40億ドル（約6400億円）を出資する", "money.annotation-magnitude", ("USD", "JPY")),
    "de-DE": ("bis zu 4 Milliarden Dollar (rund 600 Milliarden Yen) in Hoshikage",
              "bis zu 4 Milliarden Dollar (rund 3,5 Mrd. Euro) in Hoshikage",
              "money.rewrite-annotation", ("USD", "EUR")),
    "fr-FR": ("jusqu'à 4 milliards de dollars (environ 600 milliards de yens) dans Hoshikage",
              "jusqu'à 4 milliards de dollars (environ 3,5\u00a0milliards d'euros) dans Hoshikage",
              "money.rewrite-annotation", ("USD", "EUR")),
    "es-ES": ("hasta 4000 millones de dólares (unos 600.000 millones de yenes) en Hoshikage",
              "hasta 4000 millones de dólares (unos 3500 millones de euros) en Hoshikage",
              "money.rewrite-annotation", ("USD", "EUR")),
    "zh-CN": ("最多40亿美元（约6000亿日元）", "最多40亿美元（约合270亿元人民币）",
              "money.rewrite-annotation", ("USD", "CNY")),
}

# What the date stage will work on (issue 4): dateline, season and weekday reference, as
# each language's copy of the story writes them.
DATE_SEEDS = {
    "en": ("Jun 14, 2026 02:46 UTC", "the fall of 2023", "on Friday"),
    "ja": ("2026年6月14日 02:46 UTC", "2023年秋", "金曜日に"),
    "de": ("14.06.2026, 02:46 UTC", "im Herbst 2023", "am Freitag"),
    "fr": ("14 juin 2026 à 02h46 UTC", "à l'automne 2023", "vendredi"),
    "es": ("14 jun 2026 - 02:46 UTC", "en otoño de 2023", "el viernes"),
    "zh": ("2026年6月14日 02:46 UTC", "2023年秋季", "周五"),
}

# Scraped page furniture in each article (listed in examples/localize.yaml), and the
# copyright line that must stay the last line.
FURNITURE = {
    "en": (("ADVERTISEMENT", "Comments", "Log in to comment"), "All rights reserved."),
    "ja": (("広告", "コメント", "ログインしてコメントする"), "無断転載を禁じます。"),
    "de": (("ANZEIGE", "Kommentare", "Zum Kommentieren bitte anmelden"), "Alle Rechte vorbehalten."),
    "fr": (("PUBLICITÉ", "Commentaires", "Connectez-vous pour commenter"), "Tous droits réservés."),
    "es": (("PUBLICIDAD", "Comentarios", "Inicia sesión para comentar"), "Todos los derechos reservados."),
    "zh": (("广告", "评论", "登录后发表评论"), "未经授权不得转载。"),
}

# Changes that convert an amount: each must say which rate it used.
CONVERSIONS = {"money.add-annotation", "money.rewrite-annotation", "money.annotation-magnitude"}


def lang(locale: str) -> str:
    return locale.split("-")[0]


def source(locale: str) -> str:
    return gold.SOURCES[locale].read_text(encoding="utf-8")


def record(locale: str) -> dict:
    return json.loads(golden(locale, "article.changes.json"))


@lru_cache(maxsize=None)
def rendered(locale: str) -> dict[str, bytes]:
    return gold.render(locale)


def golden(locale: str, name: str) -> bytes:
    path = gold.GOLDEN / locale / name
    assert path.is_file(), f"missing {path.relative_to(ROOT)}: {REGENERATE}"
    return path.read_bytes()


def test_all_first_class_locales_have_goldens():
    assert set(LOCALES) == {"en-US", "en-GB", "ja-JP", "de-DE", "fr-FR", "es-ES", "zh-CN"}
    assert sorted(p.name for p in gold.GOLDEN.iterdir() if p.is_dir()) == sorted(LOCALES)
    assert set(gold.SOURCES) == set(LOCALES)


@pytest.mark.parametrize("locale", LOCALES)
def test_each_golden_comes_from_the_article_in_its_language(locale):
    path = gold.SOURCES[locale]
    assert path.name == ("article.md" if locale in ENGLISH else f"article.{lang(locale)}.md")
    declared = re.search(r"^lang: (\S+)$", source(locale), re.M).group(1)
    assert lang(declared) == lang(locale)
    assert record(locale)["source"] == f"examples/{path.name}"


@pytest.mark.parametrize("locale", LOCALES)
def test_golden_text(locale):
    assert rendered(locale)["article.md"].decode() == golden(locale, "article.md").decode(), REGENERATE


@pytest.mark.parametrize("locale", LOCALES)
def test_golden_changes(locale):
    got = json.loads(rendered(locale)["article.changes.json"])
    want = json.loads(golden(locale, "article.changes.json"))
    assert got == want, REGENERATE
    # The file on disk is exactly what the script writes (stable formatting, no drift).
    assert rendered(locale)["article.changes.json"] == golden(locale, "article.changes.json"), REGENERATE


@pytest.mark.parametrize("locale", LOCALES)
def test_language_stages_ran(locale):
    rec = record(locale)
    assert [d for d in rec["diagnostics"] if d["rule"] == "pipeline.language-mismatch"] == []
    assert any(c["stage"] == "money" for c in rec["changes"])


@pytest.mark.parametrize("locale", LOCALES)
def test_money_seed_is_fixed(locale):
    before, after, rule, pair = SEEDS[locale]
    text = golden(locale, "article.md").decode()
    assert before in source(locale)
    assert after in text and before not in text
    seed = [c for c in record(locale)["changes"] if c["rule"] == rule and c["line"] == 14]
    assert len(seed) == 1, seed
    if pair:
        data = seed[0]["data"]
        assert (data["base"], data["quote"]) == pair and data["amount"] == "4000000000"


@pytest.mark.parametrize("locale", LOCALES)
def test_changes_carry_provenance(locale):
    rec = record(locale)
    assert rec["locale"] == locale and rec["date"] == "2026-06-14"
    assert rec["changes"], "the example is meant to give every locale some work"
    for change in rec["changes"]:
        assert {"stage", "rule", "before", "after", "reason", "line", "column", "offset",
                "end_offset", "output"} <= change.keys()
        assert change["before"] != change["after"] and change["reason"]
    conversions = [c for c in rec["changes"] if c["rule"] in CONVERSIONS]
    assert conversions
    for change in conversions:
        data = change["data"]
        # 2026-06-14 is a Sunday: the latest reference rate on or before it is Friday's.
        assert data["rate_date"] == "2026-06-12" and data["source"] == "ECB reference rate"
        assert float(data["rate"]) > 0
        assert "ECB reference rate 2026-06-12: 1 " in change["reason"]
    # The scrape residue planted in every article is found in every locale.
    rules = {c["rule"] for c in rec["changes"]}
    assert {"normalise.space-run", "normalise.trailing-whitespace", "normalise.invisible-chars",
            "normalise.boilerplate", "normalise.blank-lines"} <= rules


@pytest.mark.parametrize("locale", ["en-US", "ja-JP", "zh-CN"])
def test_changes_point_at_the_original_text(locale):
    text = source(locale)
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    for change in record(locale)["changes"]:
        # `before` is the text the pass saw; for normalise's first passes that is the input.
        # (blank-lines runs after boilerplate removal; later stages see normalised text.)
        if change["stage"] == "normalise" and change["rule"] != "normalise.blank-lines":
            assert text[change["offset"]:change["end_offset"]] == change["before"], change
        assert line_starts[change["line"] - 1] + change["column"] - 1 == change["offset"], change


@pytest.mark.parametrize("locale", LOCALES)
def test_width_rules_apply_only_to_cjk_locales(locale):
    text = golden(locale, "article.md").decode()
    cjk = locale in ("ja-JP", "zh-CN")
    assert "株式会社星影ＡＩ" in source(locale)
    assert ("株式会社星影AI" in text) == cjk
    assert ("株式会社星影ＡＩ" in text) != cjk
    if cjk:
        assert "２．３" in source(locale) and "２．３" not in text and "2.3％" in text
    if locale == "ja-JP":
        assert "ｸﾗｳﾄﾞ" in source(locale) and "優先的に使うクラウド事業者" in text


@pytest.mark.parametrize("language", sorted(DATE_SEEDS))
def test_articles_carry_the_date_cases(language):
    locale = next(loc for loc in LOCALES if lang(loc) == language)
    text = re.sub(r" {2,}", " ", source(locale))
    assert "\ndate: 2026-06-14\n" in text
    for seed in DATE_SEEDS[language]:
        assert seed in text, seed


@pytest.mark.parametrize("locale", LOCALES)
def test_golden_keeps_protected_regions_and_drops_residue(locale):
    original = source(locale)
    text = golden(locale, "article.md").decode()
    front_matter = original[:original.index("\n---\n") + 5]
    assert text.startswith(front_matter)
    assert "`hoshi-2`" in text
    assert "](https://example.com/press/2026/hoshikage-cirrane)" in text
    residue, footer = FURNITURE[lang(locale)]
    lines = text.splitlines()
    for line in residue:
        assert line in gold.CONFIG.read_text(encoding="utf-8")
        assert line in original.splitlines() and line not in lines
    assert "\u200b" not in text and "  " not in text.split("---\n", 2)[2]
    assert text.endswith(footer + "\n")


@pytest.mark.parametrize("locale", LOCALES)
def test_pipeline_is_idempotent_on_golden(locale):
    text = golden(locale, "article.md").decode()
    again = gold.localise(text, locale)
    assert again.text == text
    assert again.changes == []


def test_mojibake_copy_is_the_article_mis_decoded():
    original = gold.ARTICLE.read_text(encoding="utf-8")
    broken = gold.MOJIBAKE.read_text(encoding="utf-8")
    assert broken == gold.mis_decode(original), REGENERATE
    for sample in ("â€™", "â€œ", "â€\x9d", "â€”", "Ã©", "Â©", "Â¥", "â‚¬", "æ\xa0ªå¼\x8fä¼šç¤¾"):
        assert sample in broken and sample not in original, sample


@pytest.mark.parametrize("locale", ENGLISH)
def test_mojibake_copy_gives_the_same_output(locale):
    broken = gold.MOJIBAKE.read_text(encoding="utf-8")
    result = gold.localise(broken, locale)
    assert result.text == golden(locale, "article.md").decode()
    repairs = [c for c in result.changes if c.rule == "normalise.mojibake"]
    assert len(repairs) >= 10
    assert all(c.before in broken and c.line > 6 for c in repairs)  # never in front matter


def _cli() -> list[str]:
    script = Path(sys.executable).parent / "localize"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "localize.cli.main"]


@pytest.mark.parametrize("locale", ["en-GB", "ja-JP"])
def test_cli_run_gives_golden_bytes(tmp_path, locale):
    # From an unrelated folder, so only --config can supply the boilerplate patterns.
    proc = subprocess.run(
        [*_cli(), "run", str(gold.SOURCES[locale]), "--locale", locale, "--config", str(gold.CONFIG)],
        cwd=tmp_path, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout == golden(locale, "article.md")


def test_regenerate_check_mode_reports_up_to_date(capsys):
    assert gold.main(["--check"]) == 0
    assert "goldens up to date" in capsys.readouterr().out
