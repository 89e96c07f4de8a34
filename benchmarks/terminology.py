"""Terminology matching at termbase scale (prints figures; no assertions).

A generated glossary of 100,000 concepts (each an en-US and an en-GB term, so 200,000
terms), built from a vocabulary of 6,000 invented words in one- to three-word terms,
as real termbases combine a limited vocabulary. Measures: compile time, load time of
the compiled form from the disk cache (target <= 0.2 s), and matching throughput on
1 MB of text with 100,000 concepts against 100 (target: within 1.5x). The text is
filler prose with an occurrence of one of the first 100 concepts' terms every ~40
words, so both glossaries find the same hits and the ratio measures the automaton
alone. Last, a naive regex alternation of the same terms, timed on a slice of the
text and scaled (it is too slow to run on the whole megabyte).

    .venv/bin/python benchmarks/terminology.py [--quick]

--quick skips the naive regex comparison, which takes most of the run's time.
"""
from __future__ import annotations

import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FILLER = ("the board said on monday that its new plan would cut costs and raise output over "
          "several years while staff in three regions were told to expect changes to their "
          "work as the market for its products grew more slowly than analysts had hoped").split()


def vocabulary(rng: random.Random, size: int) -> list[str]:
    consonants, vowels = "bdfgklmnprstvz", "aeiou"
    words: set[str] = set()
    filler = set(FILLER)
    while len(words) < size:
        w = "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(2, 4)))
        if w not in filler:
            words.add(w)
    return sorted(words)


def glossary_yaml(n: int, seed: int = 7) -> tuple[str, list[str]]:
    rng = random.Random(seed)
    vocab = vocabulary(rng, 6000)
    seen: set[str] = set()
    lines = ["glossary:", f"  name: generated-{n}", "concepts:"]
    us_terms = []
    while len(us_terms) < n:
        k = rng.choice((1, 2, 2, 3))
        us = " ".join(rng.choice(vocab) for _ in range(k))
        gb = us + "x"
        if us in seen or gb in seen:
            continue
        seen.update((us, gb))
        us_terms.append(us)
        lines += [f"  - id: c{len(us_terms)}", "    terms:",
                  f"      en-US: [{{term: {us}}}]", f"      en-GB: [{{term: {gb}}}]"]
    return "\n".join(lines) + "\n", us_terms


def text_mb(terms: list[str], size: int = 1_000_000, seed: int = 3) -> str:
    rng = random.Random(seed)
    out, total, i = [], 0, 0
    while total < size:
        word = rng.choice(terms) if i % 40 == 39 else rng.choice(FILLER)
        out.append(word)
        total += len(word) + 1
        i += 1
    return " ".join(out)


ROUNDS = 15


def timed(fn, repeat: int = 1):
    best, value = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - t)
    return best, value


def main(argv: list[str] | None = None) -> None:
    quick = "--quick" in (sys.argv[1:] if argv is None else argv)
    from localize.glossary import cache as gcache
    from localize.glossary.matcher import Matcher

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        big_text, terms = glossary_yaml(100_000)
        small_text = "\n".join(big_text.splitlines()[:3 + 4 * 100]) + "\n"
        big, small = Path(tmp) / "big.yaml", Path(tmp) / "small.yaml"
        big.write_text(big_text, encoding="utf-8")
        small.write_text(small_text, encoding="utf-8")
        print(f"glossary: 100,000 concepts, 200,000 terms, {big.stat().st_size / 1e6:.1f} MB YAML")

        from localize.glossary import layered, load_glossary
        t_parse, concepts = timed(lambda: layered([load_glossary(str(big))]))
        t_compile, matcher = timed(lambda: Matcher.compile(concepts, "en-GB"))
        print(f"parse YAML: {t_parse:.2f} s; compile automaton: {t_compile:.2f} s")

        t_first, _ = timed(lambda: gcache.load_matcher([str(big)], "en-GB"))
        print(f"first run (parse + compile + write cache): {t_first:.2f} s")

        # Freeing the previous matcher is not part of a later run's load (a new process
        # has none to free), so it happens outside the timed region.
        t_load, loaded = float("inf"), None
        for _ in range(5):
            gcache._MEMO.clear()
            loaded = None
            t = time.perf_counter()
            loaded = gcache.load_matcher([str(big)], "en-GB")
            t_load = min(t_load, time.perf_counter() - t)
        print(f"later run, compiled form loaded from disk cache: {t_load:.3f} s (target <= 0.2 s)")

        text = text_mb(terms[:100])
        small_matcher = gcache.load_matcher([str(small)], "en-GB", use_disk=False)
        # Interleaved rounds, best of each: on a shared 2-core machine a burst of other
        # work lands on one side of a back-to-back comparison and swings the ratio by
        # half; alternating the two lets both sides see the same conditions.
        t_big = t_small = float("inf")
        for _ in range(ROUNDS):
            t, hits_big = timed(lambda: loaded.find(text))
            t_big = min(t_big, t)
            t, hits_small = timed(lambda: small_matcher.find(text))
            t_small = min(t_small, t)
        mb = len(text.encode()) / 1e6
        print(f"match {mb:.2f} MB: 100,000 concepts {t_big:.3f} s ({mb / t_big:.1f} MB/s, "
              f"{len(hits_big)} hits); 100 concepts {t_small:.3f} s ({mb / t_small:.1f} MB/s, "
              f"{len(hits_small)} hits); ratio {t_big / t_small:.2f}x (target <= 1.5x)")

        if quick:
            return
        # The naive alternative: one regex alternation of every surface form.
        forms = sorted({t for c in concepts for t in (x.text for x in c.terms)}, key=len, reverse=True)
        t_re_compile, pattern = timed(lambda: re.compile(
            r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b", re.IGNORECASE))
        piece = text[:20_000]
        t_re, re_hits = timed(lambda: pattern.findall(piece))
        t_ac, _ = timed(lambda: loaded.find(piece), repeat=3)
        scale = len(text) / len(piece)
        print(f"naive regex of {len(forms):,} forms: compile {t_re_compile:.2f} s; on a "
              f"{len(piece):,}-character slice {t_re:.3f} s ({len(re_hits)} hits) vs automaton "
              f"{t_ac:.4f} s: automaton {t_re / t_ac:.0f}x faster (regex on 1 MB ~ {t_re * scale:.0f} s)")


if __name__ == "__main__":
    main()
