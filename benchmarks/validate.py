"""Style checking speed: a 1 MB Markdown file per first-class locale, full rule set.

Run: .venv/bin/python benchmarks/validate.py   (prints figures; asserts nothing)
     .venv/bin/python benchmarks/validate.py --rules de-DE   (each rule's cost)
Target (issue 5): checking 1 MB of Markdown with a full rule set takes <= 1 s.

The file is built from the locale's well-formed corpus articles (tests/corpus) with a
few faults planted in every copy (a doubled word, straight quotes, a foreign number, a
month name of another language), so the rules both scan and report ("clean": the same
articles without the faults, as a well-kept repository would be). "validate" times the
style rules alone; "check" times the whole pipeline's report, as `localize check` runs
it. The rules are compiled once per pipeline (a pre-commit run over many files pays
that once): "cold" is the first run, including compilation; "warm" the best of five
wall-clock runs; then the best and the median CPU time of seven runs, the steadier
figures on a shared machine; "clean" the best warm run on the text without faults;
"check" the whole pipeline's report.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from localize.pipeline import Pipeline
from localize.stages.validate.spec import profile_rules
from localize.profiles import load_profile

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ("en-US", "en-GB", "ja-JP", "de-DE", "fr-FR", "es-ES", "zh-CN")
FAULTS = {  # a doubled word, straight quotes, a foreign number, a month of another language
    "en": 'He said "the the deal" was worth 1.234.567 dollars on 14 Juni.\n',
    "de": 'Er sagte, "der der Vertrag" sei seit June 14 rund 1,234,567 Euro wert.\n',
    "fr": 'Il a dit "le le contrat" vaut 1,234,567 euros depuis le 14 June.\n',
    "es": 'Dijo que "el el contrato" vale 1,234,567 euros desde el 14 June.\n',
    "ja": '彼は"契約"が１２３４５円だとJune 14に話した,と述べた.\n',
    "zh": '他说"合同"价值１２３４５元,并于June 14表示满意.\n',
}


def document(locale: str, size: int = 1_000_000, faults: bool = True) -> str:
    articles = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "corpus" / locale).glob("*.md"))]
    if not articles:
        raise SystemExit(f"no corpus articles for {locale} in tests/corpus/{locale}")
    fault = FAULTS[locale.split("-")[0]] if faults else ""
    parts, total, i = [], 0, 0
    while total < size:
        body = articles[i % len(articles)]
        if body.startswith("---"):  # front matter belongs to the first copy only
            body = body.split("---", 2)[2]
        parts.append(body + "\n" + fault + "\n")
        total += len(parts[-1].encode("utf-8"))
        i += 1
    return "".join(parts)


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def cpu_timed(fn) -> float:
    """CPU seconds: on a shared machine the steadier figure (the check is one thread)."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def rule_costs(tag: str, runs: int = 9) -> None:
    """Each rule's CPU time on the faulty 1 MB, the least over `runs` runs (the rules of
    a pass share the prefilter's scan: the first rule to need it pays for it)."""
    text = document(tag)
    pipeline = Pipeline(tag, stages=["validate"])
    pipeline.run(text)
    costs: dict[str, float] = {}
    spent: dict[str, float] = {}
    for step in pipeline._passes(pipeline._profile(tag)):
        def timed_run(doc, ctx, run=step.run, name=step.name):
            start = time.process_time()
            out = run(doc, ctx)
            spent[name] = spent.get(name, 0.0) + time.process_time() - start
            return out
        object.__setattr__(step, "run", timed_run)
    totals = []
    for _ in range(runs):
        spent.clear()
        totals.append(cpu_timed(lambda: pipeline.run(text)))
        spent["(parse, masks, positions)"] = totals[-1] - sum(spent.values())
        for name, seconds in spent.items():
            costs[name] = min(costs.get(name, seconds), seconds)
    print(f"{tag}: {min(totals):.2f} s CPU at best, {statistics.median(totals):.2f} s median, over {runs} runs")
    for name, seconds in sorted(costs.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<40} {seconds * 1000:7.1f} ms")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--rules":
        rule_costs(sys.argv[2])
        return
    print(f"{'locale':<7} {'rules':>5} {'MB':>5} {'cold':>6} {'warm':>6} {'cpu best':>9} {'cpu median':>11} "
          f"{'clean':>6} {'check':>6} {'findings':>9}")
    for tag in LOCALES:
        text = document(tag)
        clean = document(tag, faults=False)
        mb = len(text.encode("utf-8")) / 1e6
        rules = len(profile_rules(load_profile(tag)))
        validate = Pipeline(tag, stages=["validate"])
        cold, _ = timed(lambda: validate.run(text))
        warm = min(timed(lambda: validate.run(text))[0] for _ in range(5))
        cpu = [cpu_timed(lambda: validate.run(text)) for _ in range(7)]
        clean_warm = min(timed(lambda: validate.run(clean))[0] for _ in range(5))
        full = Pipeline(tag)
        full.run(text)
        check_time, findings = min((timed(lambda: full.check(text)) for _ in range(2)), key=lambda r: r[0])
        print(f"{tag:<7} {rules:>5} {mb:>5.2f} {cold:>5.2f}s {warm:>5.2f}s {min(cpu):>8.2f}s "
              f"{statistics.median(cpu):>10.2f}s {clean_warm:>5.2f}s {check_time:>5.2f}s {len(findings):>9}")


if __name__ == "__main__":
    main()
