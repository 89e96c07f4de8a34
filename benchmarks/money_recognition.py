"""Money recognition: first-use cost in a fresh process, and throughput on ~1 MB of
mixed-language news-like text.

Prints figures only (no pass/fail). Targets: throughput >= 2 MB/s (issue 3); the
recogniser's first use in a `localize check` process (imports, lexicon, compiled
patterns; the profile is already loaded by then) a few tens of milliseconds with a
warm cache, so that the whole check stays <= 0.25 s (issue 2).

    .venv/bin/python benchmarks/money_recognition.py [--size-mb 1.0] [--runs 7]

First use is measured in new processes, with an empty cache folder (cold: CLDR
tables from Babel, patterns compiled) and with the folder a previous run filled
(warm: what every later run of a user sees). The text is generated from original
template sentences (mostly prose, about one sentence in six carries an amount),
shuffled with a fixed seed so runs compare.
"""
from __future__ import annotations

import argparse
import compileall
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROSE = {
    "en": [
        "The council met on a wet Tuesday to argue about the new tram line again.",
        "Residents said the bridge had been closed for repairs since early spring.",
        "In 2023 the museum welcomed more visitors than in any year before.",
        "The report, published on page 14, blamed poor planning for the delays.",
        "Officials declined to comment on the timetable for the second phase.",
        "Some 4 billion people now live in cities, the study found.",
    ],
    "de": [
        "Der Stadtrat tagte am Dienstag erneut über die neue Straßenbahnlinie.",
        "Anwohner berichten, die Brücke sei seit dem Frühjahr gesperrt.",
        "Im Jahr 2023 kamen so viele Besucher wie nie zuvor ins Museum.",
        "Die Behörde wollte sich zum Zeitplan der zweiten Bauphase nicht äußern.",
    ],
    "fr": [
        "Le conseil municipal s'est de nouveau réuni mardi au sujet du tramway.",
        "Les riverains affirment que le pont est fermé depuis le printemps.",
        "En 2023, le musée a accueilli plus de visiteurs que jamais.",
        "La préfecture n'a pas souhaité commenter le calendrier des travaux.",
    ],
    "es": [
        "El ayuntamiento volvió a debatir el martes sobre la nueva línea de tranvía.",
        "Los vecinos aseguran que el puente lleva cerrado desde la primavera.",
        "En 2023 el museo recibió más visitantes que nunca.",
        "La consejería no quiso comentar el calendario de la segunda fase.",
    ],
    "ja": [
        "市議会は火曜日、新しい路面電車の路線について再び議論した。",
        "住民によると、橋は春から補修のため通行止めになっている。",
        "2023年、博物館の来館者数は過去最多となった。",
        "当局は第2期工事の日程についてコメントを控えた。",
    ],
    "zh": [
        "市议会周二再次讨论了新的有轨电车线路。",
        "居民表示，这座桥自春季以来一直封闭维修。",
        "2023年，博物馆接待的游客人数创历史新高。",
        "有关部门未就第二期工程的时间表发表评论。",
    ],
}

MONEY = {
    "en": ["The company agreed to invest up to $4 billion (approximately 600 billion yen).",
           "Analysts put the cost at about £2.5m, or roughly €3bn over a decade.",
           "The fund raised US$1,250,000 and spent C$1.34 per share."],
    "de": ["Der Konzern investiert bis zu 4 Mrd. $ (rund 3,5 Milliarden Euro).",
           "Die Sanierung kostet etwa 12,5 Millionen Euro."],
    "fr": ["Le groupe investira 4 milliards de dollars (environ 3,5 milliards d'euros).",
           "Le chantier coûtera près de 12,5 millions d'euros."],
    "es": ["La empresa invertirá 4000 millones de dólares (unos 3500 millones de euros).",
           "La obra costará cerca de 12,5 millones de euros."],
    "ja": ["同社は最大40億ドル（約6000億円）を投資する。", "改修費は約2兆4000億円に上る。"],
    "zh": ["该公司将投资40亿美元（约合270亿元人民币）。", "改造费用约为1.2万亿元。"],
}


def generate(size_bytes: int, seed: int = 20260614) -> dict[str, str]:
    """Per-language paragraphs totalling about `size_bytes` of UTF-8."""
    rng = random.Random(seed)
    per_lang = size_bytes // len(PROSE)
    out = {}
    for lang in PROSE:
        parts, size = [], 0
        while size < per_lang:
            sentences = [rng.choice(PROSE[lang]) for _ in range(5)]
            if rng.random() < 0.6:
                sentences.insert(rng.randrange(6), rng.choice(MONEY[lang]))
            para = (" " if lang in ("en", "de", "fr", "es") else "").join(sentences) + "\n\n"
            parts.append(para)
            size += len(para.encode("utf-8"))
        out[lang] = "".join(parts)
    return out


# Run in a new process: what the pipeline has loaded before the money stage is loaded
# first, untimed; then the recogniser's first use is timed.
FIRST_USE = """
import sys, time
import localize.pipeline
from localize.profiles import load_profile
tag, text = sys.argv[1], sys.argv[2]
load_profile(tag)
t0 = time.perf_counter()
from localize.recognize import extract
from localize.recognize.annotations import find_annotations
found = extract(text, language=tag)
find_annotations(text, found, tag)
elapsed = time.perf_counter() - t0
print(elapsed * 1000, len(found), int('babel' in sys.modules), int('regex' in sys.modules))
"""


def first_use(runs: int) -> None:
    # PYTHONDONTWRITEBYTECODE would make every run compile the package from source;
    # an installed wheel has its bytecode, so compile it once (as cold_start.py does).
    compileall.compile_dir(str(ROOT / "localize"), quiet=1)
    print(f"first use of the recogniser in a new process (ms; median / min of {runs} runs):")
    for lang in MONEY:
        tag = {"en": "en-GB", "de": "de-DE", "fr": "fr-FR", "es": "es-ES", "ja": "ja-JP",
               "zh": "zh-CN"}[lang]
        text = " ".join(PROSE[lang][:2] + MONEY[lang][:1])
        def run(home: str) -> list[str]:
            return subprocess.run([sys.executable, "-c", FIRST_USE, tag, text], check=True,
                                  capture_output=True, text=True,
                                  env=dict(os.environ, XDG_CACHE_HOME=home)).stdout.split()

        row = {}
        with tempfile.TemporaryDirectory(prefix="localize-bench-") as warm_home:
            run(warm_home)   # fills it
            for state in ("cold", "warm"):
                times, extra = [], ""
                for _ in range(runs):
                    with tempfile.TemporaryDirectory(prefix="localize-bench-") as cold_home:
                        out = run(cold_home if state == "cold" else warm_home)
                    times.append(float(out[0]))
                    extra = (f"{out[1]} amounts; babel {'imported' if out[2] == '1' else 'not imported'}, "
                             f"regex {'imported' if out[3] == '1' else 'not imported'}")
                row[state] = (statistics.median(times), min(times), extra)
        print(f"  {tag}: cold {row['cold'][0]:6.1f} / {row['cold'][1]:6.1f}   "
              f"warm {row['warm'][0]:5.1f} / {row['warm'][1]:5.1f}   ({row['warm'][2]} when warm)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=float, default=1.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--runs", type=int, default=7, help="processes per first-use figure")
    args = ap.parse_args()

    print(f"load average: {os.getloadavg()[0]:.2f} (2 cores; above ~1 the figures are pessimistic)")
    first_use(args.runs)

    t0 = time.perf_counter()
    from localize.recognize import extract
    from localize.recognize.lexicon import lexicon_for
    from localize.recognize.money import matcher
    import_s = time.perf_counter() - t0

    texts = generate(int(args.size_mb * 1_000_000))
    mixed = "".join(texts[lang][i:i + 4000] for i in range(0, max(map(len, texts.values())), 4000)
                    for lang in texts)
    print(f"import localize.recognize: {import_s * 1000:.0f} ms")
    print(f"mixed text: {len(mixed.encode('utf-8')) / 1e6:.2f} MB UTF-8, {len(mixed):,} characters")
    print("MB/s over UTF-8 bytes; best of --repeat runs; wall clock and CPU time "
          "(CPU is steadier on a shared machine)")
    for lang in texts:
        t0 = time.perf_counter()
        matcher(lexicon_for(lang))   # from the user cache when a run filled it
        build_ms = (time.perf_counter() - t0) * 1000
        own = texts[lang]
        own_mb = len(own.encode("utf-8")) / 1e6
        mixed_mb = len(mixed.encode("utf-8")) / 1e6
        best = {"own": [float("inf")] * 2, "mixed": [float("inf")] * 2}
        found = 0
        for _ in range(args.repeat):
            for name, text in (("own", own), ("mixed", mixed)):
                w, c = time.perf_counter(), time.process_time()
                n = len(extract(text, language=lang))
                w, c = time.perf_counter() - w, time.process_time() - c
                best[name] = [min(best[name][0], w), min(best[name][1], c)]
                if name == "own":
                    found = n
        print(f"{lang}: build {build_ms:6.1f} ms | own {own_mb:.2f} MB ({found} amounts): "
              f"{own_mb / best['own'][0]:5.2f} MB/s wall, {own_mb / best['own'][1]:5.2f} cpu | "
              f"1 MB mixed: {mixed_mb / best['mixed'][0]:5.2f} MB/s wall, "
              f"{mixed_mb / best['mixed'][1]:5.2f} cpu")

if __name__ == "__main__":
    main()
