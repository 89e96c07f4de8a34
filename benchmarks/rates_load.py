"""Cost of the exchange-rate data. Prints figures (no pass/fail); the issue's target for
loading the rate data is <= 100 ms.

1. Cold load in a fresh process: `import localize.rates` + the first lookup (which
   inflates the bundled ECB history), after `import localize.pipeline`, whose imports
   (typing, dataclasses, pathlib: ~60 ms on a slow machine) every run pays anyway and
   which is printed as a baseline. Measured twice: as this environment runs Python
   (PYTHONDONTWRITEBYTECODE=1, so every import also compiles source) and with a bytecode
   cache in a temporary folder, as an installed package runs.
2. Lookup throughput on a loaded table, and the one-off cost of decoding a column
   (only a long run of N/A, such as a retired currency, needs one).

    .venv/bin/python benchmarks/rates_load.py [--runs 7]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta

COLD = r"""
import time
tb = time.perf_counter()
import localize.pipeline  # every run pays this anyway (typing, dataclasses, pathlib, ...)
t0 = time.perf_counter()
from localize.rates import rate_table
from datetime import date
t1 = time.perf_counter()
rate = rate_table().rate("USD", "JPY", date(2026, 6, 12))
t2 = time.perf_counter()
assert rate is not None
print(f"{(t0 - tb) * 1000:.2f} {(t1 - t0) * 1000:.2f} {(t2 - t1) * 1000:.2f}")
"""


def cold(runs: int, label: str, env: dict[str, str]) -> None:
    bases, imports, lookups, totals = [], [], [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", COLD], check=True, capture_output=True, text=True,
                             env=env).stdout
        base, imp, first = map(float, out.split())
        bases.append(base)
        imports.append(imp)
        lookups.append(first)
        totals.append(imp + first)
    print(f"cold load, fresh process, {label}, {runs} runs (median / min / max ms):")
    for name, xs in (("(baseline: import localize.pipeline)", bases),
                     ("import localize.rates + rate_table", imports),
                     ("first lookup (read + inflate the data)", lookups),
                     ("rates total (import + first lookup)", totals)):
        print(f"  {name:40s} {statistics.median(xs):7.1f} {min(xs):7.1f} {max(xs):7.1f}")


def throughput() -> None:
    from localize.rates import rate_table
    table = rate_table()
    pairs = [("USD", "JPY"), ("EUR", "GBP"), ("JPY", "CNY"), ("GBP", "USD"), ("CHF", "EUR"), ("KRW", "INR")]
    for base, quote in pairs:
        table.rate(base, quote, None)
    t0 = time.perf_counter()
    table.rate("CYP", "EUR", None)  # retired in 2008: a long N/A gap decodes the column
    print(f"one-off: first lookup across a long gap (CYP, decodes its column) "
          f"{(time.perf_counter() - t0) * 1000:.1f} ms")
    start = date(2000, 1, 1)
    days = [start + timedelta(days=i * 37 % 9700) for i in range(2000)]
    n = 0
    t0 = time.perf_counter()
    for day in days:
        for base, quote in pairs:
            table.rate(base, quote, day)
            n += 1
    elapsed = time.perf_counter() - t0
    print(f"lookups: {n} dated cross-rate lookups in {elapsed * 1000:.1f} ms "
          f"= {n / elapsed:,.0f} per second ({elapsed / n * 1e6:.1f} us each)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cold(args.runs, "environment as is", dict(os.environ))
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache  # never writes into the source tree
        subprocess.run([sys.executable, "-c", COLD], check=True, capture_output=True, env=env)
        cold(args.runs, "with a bytecode cache", env)
    throughput()


if __name__ == "__main__":
    main()
