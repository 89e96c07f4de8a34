"""CLDR data the recognisers need, read from Babel once per machine and then from the
user cache (localize.cache), so that a warm start never imports Babel.

- `currency_tables(language)`: currency names (display, singular and plural forms) and
  symbols in that language, keyed for look-up (`key`, `sym_key`), the ISO codes CLDR
  knows, the codes in use today, and the language's decimal and group marks.
- `currency_periods()`: when each currency was in use in some territory.
- `number_symbols(babel_locale)`: a locale's decimal and group marks.
- `cached(prefix, language, derive, valid)`: the same caching for other CLDR data
  (derive(language) must return JSON data).

A cache entry's key holds a checksum of this file's source and what identifies the
installed Babel (its path, and the size and time of its version file and global
data), so an upgrade or an edit here is a new entry, never a stale one. Cached and
fresh results are equal by construction: both are this module's JSON form, and JSON
keeps the order of names (which decides between two currencies written alike).
"""
from __future__ import annotations

import json
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from . import cache

_FORMAT = "1"


@lru_cache(maxsize=64)
def currency_tables(language: str) -> dict[str, Any]:
    """{"names": {key(text): code}, "symbols": {sym_key(text): code}, "codes": [...],
    "current": [...], "decimal": str, "group": str} for a language tag (`en`, `ja`).

    Where two currencies share a name or symbol, one in use today wins over an
    obsolete one; symbols made of letters only (`F`, `Ft`, `kr`) are left out, since
    they are ordinary words or abbreviations in running text.
    """
    return cached(f"cldr-{_safe(language)}", language, _currency_tables_from_babel, _valid_tables)


@lru_cache(maxsize=1)
def currency_periods() -> dict[str, tuple[tuple[str | None, str | None], ...]]:
    """{code: ((start, end), ...)}: ISO dates (or None: open) of each use of a currency
    in some territory, per CLDR."""
    data = cached("cldr-periods", "", _periods_from_babel, _valid_periods)
    return {code: tuple((s, e) for s, e in spans) for code, spans in data.items()}


@lru_cache(maxsize=64)
def number_symbols(babel_locale: str) -> tuple[str, str] | None:
    """(decimal, group) as babel.numbers.get_decimal_symbol / get_group_symbol give them
    for a Babel locale name (`en_GB`), or None when Babel cannot resolve it."""
    data = cached(f"cldr-numbers-{_safe(babel_locale)}", babel_locale, _number_symbols_from_babel,
                  lambda d: d is None or (isinstance(d, list) and len(d) == 2
                                          and all(isinstance(x, str) for x in d)))
    return None if data is None else (data[0], data[1])


def _safe(language: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", language)[:40]


def cached(prefix: str, language: str, derive: Callable[[str], Any],
           valid: Callable[[Any], bool]) -> Any:
    """derive(language), through the user cache: read when an entry exists for this
    language, this file's source and the installed Babel, and `valid` accepts it;
    else derived and written. Either way the value is what JSON makes of it, so a
    cached and a fresh result are equal."""
    key = _key(language)
    name = cache.entry_name(prefix, key) + ".json" if key else None
    if name is not None:
        payload = cache.read(name, key)
        if payload is not None:
            try:
                data = json.loads(payload.decode("utf-8"))
            except ValueError:   # (UnicodeDecodeError is one)
                pass
            else:
                if valid(data):
                    return data
    data = derive(language)
    # Through JSON and back, so that a fresh result is exactly what a cached one is.
    text = json.dumps(data, ensure_ascii=False)
    if name is not None:
        cache.write(name, key, text.encode("utf-8"))
    return json.loads(text)


@lru_cache(maxsize=1)
def _babel_fingerprint() -> str | None:
    """Identifies the installed Babel and its data without importing it."""
    import importlib.util
    try:
        spec = importlib.util.find_spec("babel")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    package = Path(spec.origin).parent
    parts = [str(package)]
    for path in (Path(spec.origin), package / "global.dat"):
        try:
            st = path.stat()
        except OSError:
            return None
        parts.append(f"{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


@lru_cache(maxsize=1)
def _source_fingerprint() -> str | None:
    try:
        source = Path(__file__).read_bytes()
    except OSError:
        return None
    return f"{len(source)}:{zlib.crc32(source):08x}:{zlib.adler32(source):08x}"


def _key(language: str) -> str | None:
    babel, source = _babel_fingerprint(), _source_fingerprint()
    if babel is None or source is None:
        return None
    return f"cldr {_FORMAT}\n{babel}\n{source}\n{language}"


def _is_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _valid_tables(data: Any) -> bool:
    # The entry matched its key and checksum, so this only guards the shape.
    return (isinstance(data, dict) and set(data) == {"names", "symbols", "codes", "current",
                                                     "decimal", "group"}
            and isinstance(data["names"], dict) and isinstance(data["symbols"], dict)
            and _is_list(data["codes"]) and _is_list(data["current"])
            and isinstance(data["decimal"], str) and isinstance(data["group"], str))


def _valid_periods(data: Any) -> bool:
    return isinstance(data, dict) and all(
        isinstance(code, str) and isinstance(spans, list) and all(
            isinstance(span, list) and len(span) == 2
            and all(d is None or isinstance(d, str) for d in span) for span in spans)
        for code, spans in data.items())


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def is_latin(ch: str) -> bool:
    """A rough test for a Latin letter, enough to tell `US dollar` from `カナダ ドル`."""
    return bool(_LATIN.match(ch))


def key(text: str) -> str:
    """How a currency word or scale word found in text is looked up: case and the
    kind of space do not matter (`US\u00a0Dollars` = `US dollars`)."""
    # str.split() splits at exactly the characters \s matches (str.isspace).
    return " ".join(text.split()).casefold()


def sym_key(text: str) -> str:
    """Symbols keep their case (`Rs` is not `RS`) but not their kind of space."""
    return " ".join(text.split())


def _currency_tables_from_babel(language: str) -> dict[str, Any]:
    import babel.core
    import babel.numbers
    from babel import Locale, UnknownLocaleError

    territory = babel.core.get_global("territory_currencies")
    current = frozenset(code for entries in territory.values()
                        for (code, _start, end, tender) in entries if end is None and tender)
    codes = frozenset(c for c in babel.numbers.list_currencies() if re.fullmatch(r"[A-Z]{3}", c))
    from .numbers.parse import babel_number_symbols  # what the number layer falls back to
    decimal, group = babel_number_symbols(language)
    out: dict[str, Any] = {"names": {}, "symbols": {}, "codes": sorted(codes),
                           "current": sorted(current), "decimal": decimal, "group": group}
    try:
        loc = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return out

    def rank(code: str) -> tuple[int, str]:
        return (0 if code in current else 1, code)

    names: dict[str, str] = {}
    plural = loc._data.get("currency_names_plural", {})
    for code in sorted(loc.currencies, key=rank, reverse=True):  # best rank written last
        forms = [loc.currencies[code]]
        if code in plural:
            forms += list(dict(plural[code]).values())
        for form in forms:
            if not form or not any(ch.isalpha() for ch in form):
                continue
            names[form] = code
            if not is_latin(form[0]) and " " in form:  # カナダ ドル is written カナダドル
                names[form.replace(" ", "")] = code
    symbols: dict[str, str] = {}
    for code in sorted(loc.currency_symbols, key=rank, reverse=True):
        sym = loc.currency_symbols[code]
        if sym == code or sym in ("¤",) or all(ch.isalpha() or ch == "." for ch in sym):
            continue
        symbols[sym] = code
    # Keyed here, once, rather than on every start (same order and winners as keying
    # them one by one into a new dict).
    out["names"] = {}
    for text, code in names.items():
        out["names"][key(text)] = code
    for text, code in symbols.items():
        out["symbols"][sym_key(text)] = code
    return out


def _number_symbols_from_babel(babel_locale: str) -> list[str] | None:
    from babel.numbers import get_decimal_symbol, get_group_symbol
    try:
        return [get_decimal_symbol(babel_locale), get_group_symbol(babel_locale)]
    except Exception:  # a tag Babel cannot resolve
        return None


def _periods_from_babel(_language: str) -> dict[str, list[list[str | None]]]:
    from babel.core import get_global

    def iso(parts: Any) -> str | None:
        return None if not parts else "%04d-%02d-%02d" % tuple(parts)

    periods: dict[str, list[list[str | None]]] = {}
    for entries in get_global("territory_currencies").values():
        for code, start, end, _tender in entries:
            periods.setdefault(code, []).append([iso(start), iso(end)])
    return periods
