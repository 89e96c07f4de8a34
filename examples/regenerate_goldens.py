"""Regenerate the example's golden outputs, one folder per first-class locale.

    python examples/regenerate_goldens.py          # rewrite examples/golden/ and the mojibake copy
    python examples/regenerate_goldens.py --check  # exit 1 if anything is stale

Each locale's golden comes from the article in its own language (SOURCES): localize
adapts text already written or translated for the reader, and refuses to run the
language-specific stages on anything else (pipeline.language-mismatch). article.md is
the English original; article.<lang>.md are news-service versions of the same story,
each with the careless money equivalent a hurried translation leaves behind.

golden/<locale>/article.md is the localised article; golden/<locale>/article.changes.json
holds every change (stage, rule, before, after, reason, positions) and every diagnostic.
Review the diff of these files whenever a stage changes: it is the product's behaviour
on a realistic article, in all seven locales.

article-mojibake.md is derived here too: the whole article as a browser shows UTF-8
bytes mis-read as Windows-1252 (the commonest scraping accident). Keeping it derived
means the two copies cannot drift apart when the article is edited.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLE = HERE / "article.md"
MOJIBAKE = HERE / "article-mojibake.md"
CONFIG = HERE / "localize.yaml"
GOLDEN = HERE / "golden"
LOCALES = ("en-US", "en-GB", "ja-JP", "de-DE", "fr-FR", "es-ES", "zh-CN")
# The article each locale's golden is made from.
SOURCES = {
    "en-US": ARTICLE,
    "en-GB": ARTICLE,
    "ja-JP": HERE / "article.ja.md",
    "de-DE": HERE / "article.de.md",
    "fr-FR": HERE / "article.fr.md",
    "es-ES": HERE / "article.es.md",
    "zh-CN": HERE / "article.zh.md",
}
# Control and format characters, and every space but the plain one.
_INVISIBLE = re.compile(r"[\u0080-\u009f\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f"
                        r"\u205f-\u2064\u3000\ufeff\ufff9-\ufffb]")


def mis_decode(text: str) -> str:
    """UTF-8 bytes decoded as windows-1252 the way browsers do it (WHATWG): the five
    bytes cp1252 leaves undefined become the C1 control with the same number, so
    '”' (E2 80 9D) turns into 'â€' + U+009D rather than disappearing."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def localise(text: str, locale: str):
    import localize
    return localize.localize(text, locale=locale, config=str(CONFIG))


def render(locale: str) -> dict[str, bytes]:
    """The golden files for one locale, as bytes, keyed by file name."""
    source = SOURCES[locale]
    result = localise(source.read_text(encoding="utf-8"), locale)
    record = {
        "source": f"examples/{source.name}",
        "locale": result.locale,
        "date": result.date.isoformat() if result.date else None,
        "changes": [c.to_dict() for c in result.changes],
        "diagnostics": [d.to_dict() for d in result.diagnostics],
    }
    changes = _visible(json.dumps(record, ensure_ascii=False, sort_keys=True, indent=2)) + "\n"
    return {"article.md": result.text.encode("utf-8"), "article.changes.json": changes.encode("utf-8")}


def _visible(dumped: str) -> str:
    """Escape the characters a reviewer cannot see (zero-width space, C1 controls,
    no-break spaces) so that `"before": "\\u200b"` does not read as an empty string.
    JSON's structure is ASCII, so these can only occur inside strings: escaping them
    there is still valid JSON for the same data."""
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def expected_files() -> dict[Path, bytes]:
    files = {MOJIBAKE: mis_decode(ARTICLE.read_text(encoding="utf-8")).encode("utf-8")}
    for locale in LOCALES:
        for name, data in render(locale).items():
            files[GOLDEN / locale / name] = data
    return files


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path, data in expected_files().items():
        if path.is_file() and path.read_bytes() == data:
            continue
        stale.append(path.relative_to(HERE.parent))
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    verb = "stale" if check else "rewrote"
    for path in stale:
        print(f"{verb}: {path}")
    if not stale:
        print("goldens up to date")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
