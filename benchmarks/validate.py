"""Style checking speed: a 1 MB Markdown file per first-class locale, full rule set.

Run: .venv/bin/python benchmarks/validate.py   (prints figures; asserts nothing)
Target (issue 5): checking 1 MB of Markdown with a full rule set takes <= 1 s.

The file is built from the locale's well-formed corpus articles (tests/corpus) with a
few faults planted in every copy (a doubled word, straight quotes, a foreign number),
so the rules both scan and report ("clean": the same articles without the faults, as
a well-kept repository would be). "validate" times the style rules alone; "check"
times the whole pipeline's report, as `localize check` runs it. The rules are compiled
once per pipeline (a pre-commit run over many files pays that once): the first figure
is a cold run including compilation, the others the best of five warm runs.
"""
from __future__ import annotations

import time
from pathlib import Path

from localize.pipeline import Pipeline
from localize.stages.validate.spec import profile_rules
from localize.profiles import load_profile

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ("en-US", "en-GB", "ja-JP", "de-DE", "fr-FR", "es-ES", "zh-CN")
FAULTS = {
    "en": 'He said "the the deal" was worth 1.234.567 dollars.\n',
    "de": 'Er sagte, "der der Vertrag" sei 1,234,567 Euro wert.\n',
    "fr": 'Il a dit "le le contrat" vaut 1,234,567 euros.\n',
    "es": 'Dijo que "el el contrato" vale 1,234,567 euros.\n',
    "ja": '彼は"契約"が１２３４５円だと話した,と述べた.\n',
    "zh": '他说"合同"价值１２３４５元,并表示满意.\n',
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


def main() -> None:
    print(f"{'locale':<7} {'rules':>5} {'MB':>5} {'validate cold':>14} {'validate warm':>14} "
          f"{'(cpu)':>7} {'clean warm':>11} {'check warm':>11} {'findings':>9}")
    for tag in LOCALES:
        text = document(tag)
        clean = document(tag, faults=False)
        mb = len(text.encode("utf-8")) / 1e6
        rules = len(profile_rules(load_profile(tag)))
        validate = Pipeline(tag, stages=["validate"])
        cold, _ = timed(lambda: validate.run(text))
        warm = min(timed(lambda: validate.run(text))[0] for _ in range(5))
        warm_cpu = min(cpu_timed(lambda: validate.run(text)) for _ in range(3))
        clean_warm = min(timed(lambda: validate.run(clean))[0] for _ in range(5))
        full = Pipeline(tag)
        full.run(text)
        check_time, findings = min((timed(lambda: full.check(text)) for _ in range(2)), key=lambda r: r[0])
        print(f"{tag:<7} {rules:>5} {mb:>5.2f} {cold:>13.2f}s {warm:>13.2f}s {warm_cpu:>6.2f}s {clean_warm:>10.2f}s "
              f"{check_time:>10.2f}s {len(findings):>9}")


if __name__ == "__main__":
    main()
