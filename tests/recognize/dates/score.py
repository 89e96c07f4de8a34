"""Print precision, recall and F1 per language for the date cases.

    .venv/bin/python -m tests.recognize.dates.score [dates|holdout]
"""
from __future__ import annotations

import sys

from .cases_lib import load, score


def main(prefix: str = "dates") -> None:
    totals = [0, 0, 0]
    for lang, (tp, fp, fn) in sorted(score(load(prefix)).items()):
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
        print(_line(lang, tp, fp, fn))
    print(_line("all", *totals))


def _line(label, tp, fp, fn) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"{label}: tp={tp} fp={fp} fn={fn} precision={p:.3f} recall={r:.3f} F1={f1:.3f}"


if __name__ == "__main__":
    main(*(sys.argv[1:2] or ["dates"]))
