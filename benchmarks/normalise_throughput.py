"""Throughput of the normalise stage on ~5 MB of varied Markdown.

    .venv/bin/python benchmarks/normalise_throughput.py [--mb 5] [--profile en-US:mojibake]

Prints figures; asserts nothing. Target (issue 2): >= 5 MB/s (MB = 10^6 bytes of UTF-8).

The corpus is the bundled example plus generated paragraphs: English prose with links,
inline code and the odd double or trailing space, headings, lists, fenced code, and
Japanese prose (a few sentences with full-width digits or half-width katakana). The
"mojibake" variant mis-decodes one block in eight the way a scraper does (UTF-8 read
as cp1252). It is timed as one large document (worst case for anything super-linear)
and as ~5 KB articles (what a newsroom feeds it), best of 3 each.
"""
from __future__ import annotations

import argparse
import cProfile
import importlib.util
import os
import pstats
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MB_S = 5.0

_SUBJECTS = ["The start-up", "Regulators", "The cloud provider", "Analysts", "The ministry",
             "Shareholders", "The chip maker", "Its rivals", "The city council", "Investors"]
_VERBS = ["said on Tuesday that", "argued that", "expected that", "warned that", "confirmed that",
          "told reporters that", "noted in a filing that"]
_CLAUSES = ["demand for training capacity will double by 2028",
            "the new data centre will open in the spring",
            "prices for memory chips have risen for five quarters",
            "the merger needs approval in three countries",
            "the company will hire 400 engineers in Osaka",
            "fiber links between the two sites are already in place",
            "the subsidy scheme will be reviewed next year"]
# Most Japanese sentences are already in house style; a few carry width faults.
_JA = ["東京の新興企業は2026年に新しい言語モデルを発表した。",
       "同社によると、投資額は最大で40億ドルに上る見通しだ。",
       "関係者は「開発は順調に進んでいる」と話した。",
       "政府は国内の計算資源を増やすための補助金を拡充する方針だ。",
       "千葉県の新しいデータセンターは来年春に稼働する予定だ。",
       "クラウド事業の売上高は前年同期比１５％増えた。",
       "ｸﾗｳﾄﾞ各社は国内での採用を増やしている｡"]
_CODE = ["```python\nfor row in rows:\n    total  += row.amount   \nprint(total)\n```",
         "```yaml\nregion: ap-northeast-1\nreplicas:  3\n```",
         "    $ curl -s https://example.com/api/v1/status  \n    {\"ok\": true}"]


def _load_examples():
    path = ROOT / "examples" / "regenerate_goldens.py"
    spec = importlib.util.spec_from_file_location("regenerate_goldens", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _english(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(3, 6)):
        s = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_CLAUSES)}."
        roll = rng.random()
        if roll < 0.08:
            s = s.replace(" ", "  ", 1)
        elif roll < 0.14:
            link = f"[in a statement](https://example.com/news/{rng.randint(1, 999)})"
            s = s.replace("that", f"that {link}", 1)
        elif roll < 0.18:
            s = s.replace("the ", f"the `model-{rng.randint(1, 9)}` ", 1)
        elif roll < 0.2:
            s = s.replace("the", "the\u200b", 1)
        sentences.append(s)
    return " ".join(sentences) + (" " if rng.random() < 0.1 else "")


def _block(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.55:
        return _english(rng)
    if roll < 0.75:
        return "".join(rng.choice(_JA) for _ in range(rng.randint(2, 5)))
    if roll < 0.85:
        return rng.choice(_CODE)
    if roll < 0.93:
        return "\n".join(f"- {rng.choice(_CLAUSES).capitalize()}" for _ in range(rng.randint(2, 4)))
    return f"## {rng.choice(_CLAUSES).capitalize()}"


def corpus(megabytes: float, mojibake: bool) -> list[str]:
    """Articles of ~5 KB; the first is the bundled example. Deterministic (seeded)."""
    examples = _load_examples()
    article = examples.ARTICLE.read_text(encoding="utf-8")
    rng = random.Random(2026)  # the same corpus every run, so figures compare
    articles = [article]
    size = len(article.encode("utf-8"))
    while size < megabytes * 1_000_000:
        blocks = [f"# {rng.choice(_CLAUSES).capitalize()}"]
        while sum(len(b) for b in blocks) < 4000:
            block = _block(rng)
            if mojibake and rng.random() < 0.125:
                block = examples.mis_decode(block)
            blocks.append(block)
        text = "\n\n".join(blocks) + "\n"
        articles.append(text)
        size += len(text.encode("utf-8"))
    return articles


def best_of(runs: int, fn) -> tuple[float, float]:
    """Best wall time and best CPU time (the CPU figure is steadier on a shared machine)."""
    wall = cpu = float("inf")
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - w0)
        cpu = min(cpu, time.process_time() - c0)
    return wall, cpu


def _rate(mb: float, times: tuple[float, float]) -> str:
    return f"{mb / times[0]:.2f} MB/s ({mb / times[1]:.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", metavar="LOCALE:VARIANT",
                        help="also cProfile one case, e.g. en-US:mojibake or ja-JP:clean")
    args = parser.parse_args()
    load = os.getloadavg()

    from localize import Pipeline

    print(f"normalise throughput, best of {args.runs}; target >= {TARGET_MB_S:g} MB/s (MB = 10^6 bytes); "
          "MB/s by wall clock (by CPU time)")
    print(f"{'locale':<7} {'variant':<9} {'MB':>5}  {'one document':>22}  {'~5 KB articles':>22}")
    for variant in ("clean", "mojibake"):
        articles = corpus(args.mb, variant == "mojibake")
        whole = "\n".join(articles)
        mb = len(whole.encode("utf-8")) / 1_000_000
        for locale in ("en-US", "ja-JP"):
            pipeline = Pipeline(locale, stages=["normalise"])
            one = best_of(args.runs, lambda: pipeline.run(whole))
            many = best_of(args.runs, lambda: [pipeline.run(a) for a in articles])
            flag = "" if min(mb / one[0], mb / many[0]) >= TARGET_MB_S else "  below target"
            print(f"{locale:<7} {variant:<9} {mb:5.2f}  {_rate(mb, one):>22}  {_rate(mb, many):>22}{flag}",
                  flush=True)
            if args.profile == f"{locale}:{variant}":
                profiler = cProfile.Profile()
                profiler.runcall(pipeline.run, whole)
                pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(15)

    print(f"load average before: {load[0]:.2f}, after: {os.getloadavg()[0]:.2f} "
          "(2 cores; above ~1 the figures are pessimistic)")


if __name__ == "__main__":
    main()
