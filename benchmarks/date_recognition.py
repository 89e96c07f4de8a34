"""Date recognition throughput: MB/s per language on about 1 MB of mixed text.

Run: .venv/bin/python benchmarks/date_recognition.py   (prints figures; asserts nothing)
The text mixes plain prose, figures that are not dates (prices, versions, scores,
fractions) and the date forms of each language, so both the prefilter and the pattern
are exercised.
"""
from __future__ import annotations

import datetime as _dt
import time

from localize.recognize.dates import find_dates

SAMPLES = {
    "en": ["The council met on Friday, June 12, 2026 at 2:46 p.m. EDT to review the budget.",
           "Sales of 2026 units rose 1.5% and the team won 3-2; about 3/4 of voters agreed.",
           "Version 2.14.1 shipped without the patch, according to people familiar with it.",
           "In 2023 the plant closed; it reopened in the fall of 2024 after repairs.",
           "Nothing in this sentence is a date, although it is long enough to matter here."],
    "de": ["Der Rat tagte am Freitag, 12. Juni 2026, um 14.30 Uhr MESZ im Rathaus.",
           "Der Umsatz stieg um 1,5 Prozent auf 2026 Einheiten; das Spiel endete 3:2.",
           "Im Herbst 2023 wurde das Werk geschlossen und seit 2024 wieder betrieben.",
           "In diesem Satz steht kein Datum, obwohl er lang genug ist, um zu zählen."],
    "fr": ["Le conseil s'est réuni le vendredi 12 juin 2026 à 14 h 30 à la mairie.",
           "Les ventes ont progressé de 1,5 % à 2026 unités ; le match s'est fini 3-2.",
           "À l'automne 2023, l'usine a fermé, puis elle a rouvert en 2024.",
           "Cette phrase ne contient aucune date, mais elle est assez longue pour compter."],
    "es": ["El consejo se reunió el viernes 12 de junio de 2026 a las 14:30 en el ayuntamiento.",
           "Las ventas subieron un 1,5 % hasta 2026 unidades; el partido terminó 3-2.",
           "En otoño de 2023 la planta cerró y volvió a abrir desde 2024.",
           "Esta frase no contiene ninguna fecha, aunque es bastante larga para contar."],
    "ja": ["評議会は2026年6月12日（金）午後2時46分に市役所で開かれた。",
           "販売台数は2026台で、前年比1.5%増となり、試合は3対2で終わった。",
           "工場は2023年秋に閉鎖され、令和6年に再開した。",
           "この文には日付が含まれていないが、数えるには十分な長さがある。"],
    "zh": ["理事会于2026年6月12日（星期五）下午2点46分在市政厅召开会议。",
           "销量达到2026台，同比增长1.5%，比赛以3比2结束。",
           "工厂于2023年秋季关闭，并在2024年重新开放。",
           "这句话里没有日期，但它足够长，可以计入统计。"],
}


def corpus(language: str, size: int = 1_000_000, prose: int = 0) -> str:
    """`prose` plain lines (no figure at all) follow each sample line: news has far
    fewer dates per kilobyte than the samples alone."""
    plain = SAMPLES[language][-1]
    lines = [x for line in SAMPLES[language] for x in [line] + [plain] * prose]
    out, total, i = [], 0, 0
    while total < size:
        line = lines[i % len(lines)]
        out.append(line)
        total += len(line.encode("utf-8")) + 1
        i += 1
    return "\n".join(out)


def main() -> None:
    ref = _dt.date(2026, 6, 14)
    for label, prose in (("dense (every line a date or a figure)", 0), ("news-like mix", 3)):
        print(label)
        for language in SAMPLES:
            text = corpus(language, prose=prose)
            find_dates("warm up 2026", language, ref)  # builds the pattern outside the timing
            t0 = time.perf_counter()
            found = find_dates(text, language, ref)
            dt = time.perf_counter() - t0
            mb = len(text.encode("utf-8")) / 1e6
            print(f"  {language}: {mb:.2f} MB in {dt:.3f} s = {mb / dt:.2f} MB/s, "
                  f"{len(found)} dates")


if __name__ == "__main__":
    main()
