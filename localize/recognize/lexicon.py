"""The words and signs one language uses for money: the profile's `lexicon` section,
plus CLDR currency names and symbols from Babel, plus run-time overrides.

Built lazily, once per (language, overrides) and cached; the result is immutable.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Mapping

from ..numbers import NumberFormat

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SPACES = re.compile(r"\s+")


def key(text: str) -> str:
    """How a currency word or scale word found in text is looked up: case and the
    kind of space do not matter (`US\u00a0Dollars` = `US dollars`)."""
    return _SPACES.sub(" ", text.strip()).casefold()


def sym_key(text: str) -> str:
    """Symbols keep their case (`Rs` is not `RS`) but not their kind of space."""
    return _SPACES.sub(" ", text.strip())


def is_latin(ch: str) -> bool:
    return bool(_LATIN.match(ch))


@dataclass(frozen=True, eq=False)  # identity hash: cached per process, one per key
class Lexicon:
    language: str
    number: NumberFormat
    symbols: Mapping[str, str | None]       # exact text -> code (symbols and ISO codes)
    names: Mapping[str, str | None]         # key(text) -> code
    prefix_names: Mapping[str, str | None]  # key(text) -> code
    codes: frozenset[str]                   # ISO codes recognised as such
    current: frozenset[str]                 # codes in use today (the rest are obsolete)
    magnitudes: Mapping[str, int]           # key(text) -> power of ten
    of_words: tuple[str, ...]
    approx_before: tuple[str, ...]
    approx_after: tuple[str, ...]
    approx_infix: tuple[str, ...]
    upper_before: tuple[str, ...]
    upper_after: tuple[str, ...]
    neutral_after: tuple[str, ...]
    range_words: tuple[str, ...]
    range_pairs: tuple[tuple[str, str], ...]
    vague_before: tuple[str, ...]
    year_before: tuple[str, ...]
    annotation_lead: tuple[str, ...]
    sources: Mapping[str, str]              # symbol/name text -> "lexicon" | "cldr" | "code"

    def currency_for(self, text: str) -> tuple[str | None, str]:
        """(ISO code or None, how it was known) for a designator matched in text."""
        s = sym_key(text)
        if s in self.symbols:
            return self.symbols[s], self.sources.get(s, "lexicon")
        k = key(text)
        for table in (self.names, self.prefix_names):
            if k in table:
                return table[k], self.sources.get(k, "lexicon")
        return None, "unknown"


def lexicon_for(language: str, config: Any = None) -> Lexicon:
    """The lexicon for a language or locale tag (`en`, `en-GB`, `ja-JP`), with
    overrides from `config`: a mapping shaped like the `lexicon` profile section (or
    holding one under "lexicon"), or a localize.Config whose `overrides` do."""
    overrides = _overrides(language, config)
    return _build(language, json.dumps(overrides, sort_keys=True, ensure_ascii=False))


def _overrides(language: str, config: Any) -> dict:
    if config is None:
        return {}
    if hasattr(config, "overrides"):  # a localize.Config
        out: dict = {}
        for scope in ("*", language.split("-")[0], language):
            section = (config.overrides or {}).get(scope, {}) or {}
            out = _merge(out, dict(section.get("lexicon", {}) or {}))
        return out
    if not isinstance(config, Mapping):
        raise TypeError("config must be a mapping (lexicon overrides) or a localize.Config")
    if "lexicon" in config:
        return _plain(config["lexicon"])
    return _plain(config)


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _merge(base: dict, over: Mapping) -> dict:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, Mapping) and isinstance(out.get(k), Mapping):
            out[k] = _merge(dict(out[k]), v)
        else:
            out[k] = _plain(v)
    return out


@lru_cache(maxsize=64)
def _build(language: str, overrides_json: str) -> Lexicon:
    from ..profiles import load_profile
    from ..profiles.loader import thaw

    profile = load_profile(language)
    lang = profile.language if profile.language != "und" else language.split("-")[0]
    data = _merge(thaw(profile.get("lexicon", {}) or {}), json.loads(overrides_json))
    cldr = _cldr(lang)
    sources: dict[str, str] = {}

    excluded = frozenset(data.get("excluded_codes", ()))
    codes = frozenset(c for c in cldr["codes"] if c not in excluded)
    symbols: dict[str, str | None] = {}
    for text, code in cldr["symbols"].items():
        symbols[sym_key(text)] = code
        sources[sym_key(text)] = "cldr"
    for code in codes:
        symbols[code] = code
        sources[code] = "code"
    for text, code in (data.get("symbols") or {}).items():
        symbols[sym_key(text)] = code
        sources[sym_key(text)] = "lexicon"

    names: dict[str, str | None] = {}
    for text, code in cldr["names"].items():
        names[key(text)] = code
        sources[key(text)] = "cldr"
    for text, code in (data.get("names") or {}).items():
        names[key(text)] = code
        sources[key(text)] = "lexicon"
    prefix_names = {key(t): c for t, c in (data.get("prefix_names") or {}).items()}

    number_data = dict(data.get("number") or {})
    for ours, theirs in (("decimal", "decimal_symbol"), ("group", "group_symbol")):
        if number_data.get(ours) is None and profile.get(f"numbers.{theirs}"):
            number_data[ours] = profile.get(f"numbers.{theirs}")

    def words(name: str) -> tuple[str, ...]:
        return tuple(data.get(name) or ())

    return Lexicon(
        language=lang,
        number=NumberFormat.from_data(lang, number_data),
        symbols=MappingProxyType(symbols),
        names=MappingProxyType(names),
        prefix_names=MappingProxyType(prefix_names),
        codes=codes,
        current=cldr["current"],
        magnitudes=MappingProxyType({key(w): int(p) for w, p in (data.get("magnitudes") or {}).items()}),
        of_words=words("of_words"),
        approx_before=words("approx_before"),
        approx_after=words("approx_after"),
        approx_infix=words("approx_infix"),
        upper_before=words("upper_before"),
        upper_after=words("upper_after"),
        neutral_after=words("neutral_after"),
        range_words=words("range_words"),
        range_pairs=tuple((p[0], p[1]) for p in (data.get("range_pairs") or ()) if len(p) == 2),
        vague_before=words("vague_before"),
        year_before=words("year_before"),
        annotation_lead=words("annotation_lead"),
        sources=MappingProxyType(sources),
    )


@lru_cache(maxsize=32)
def _cldr(language: str) -> dict:
    """CLDR currency names (display, singular and plural) and symbols for a language.

    Where two currencies share a name or symbol, one in use today wins over an
    obsolete one; symbols made of letters only (`F`, `Ft`, `kr`) are left out, since
    they are ordinary words or abbreviations in running text.
    """
    import babel.core
    import babel.numbers
    from babel import Locale, UnknownLocaleError

    territory = babel.core.get_global("territory_currencies")
    current = frozenset(code for entries in territory.values()
                        for (code, _start, end, tender) in entries if end is None and tender)
    codes = frozenset(c for c in babel.numbers.list_currencies() if re.fullmatch(r"[A-Z]{3}", c))
    try:
        loc = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return {"names": {}, "symbols": {}, "codes": codes, "current": current}

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
    return {"names": names, "symbols": symbols, "codes": codes, "current": current}
