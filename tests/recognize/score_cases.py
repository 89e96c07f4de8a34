"""Print precision, recall and F1 of money recognition over the case files.

    .venv/bin/python tests/recognize/score_cases.py            # the test cases
    .venv/bin/python tests/recognize/score_cases.py holdout     # the held-out cases
    .venv/bin/python tests/recognize/score_cases.py money -v   # and list every miss

Strict: span, value, currency, flags and range all right. Loose: span, value, currency.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases_lib import load, score  # noqa: E402


def main() -> None:
    prefix = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "money"
    verbose = "-v" in sys.argv
    cases = load(prefix)
    for strict in (True, False):
        scores = score(cases, strict=strict)
        label = "strict (span, value, currency, flags, range)" if strict else "loose (span, value, currency)"
        print(f"{prefix}: {label}")
        total = type(next(iter(scores.values())))()
        for lang, s in scores.items():
            total.tp += s.tp; total.fp += s.fp; total.fn += s.fn; total.cases += s.cases
            total.failures += s.failures
            print(f"  {lang}: cases {s.cases:3d}  tp {s.tp:3d} fp {s.fp:2d} fn {s.fn:2d}  "
                  f"P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}")
        print(f"  all: cases {total.cases:3d}  tp {total.tp:3d} fp {total.fp:2d} fn {total.fn:2d}  "
              f"P {total.precision:.3f} R {total.recall:.3f} F1 {total.f1:.3f}")
        if verbose and strict:
            for f in total.failures:
                print("   ", f)


if __name__ == "__main__":
    main()
