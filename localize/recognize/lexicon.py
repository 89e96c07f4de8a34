"""The words and signs one language uses for money: the profile's `lexicon` section,
plus CLDR currency names and symbols (localize.cldr, cached on disk), plus
run-time overrides.

Built lazily, once per (language, overrides) and cached; the result is immutable.
"""
from __future__ import annotations

import json
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Mapping

from ..numbers import NumberFormat
from ..cldr import currency_tables, is_latin, key, sym_key

__all__ = ["Lexicon", "lexicon_for", "key", "sym_key", "is_latin"]


class Lexicon:
    """Immutable; compared and hashed by identity (one per language and overrides,
    cached per process). A plain class: a frozen dataclass costs ~2 ms to define."""

    __slots__ = (
        "language",       # str
        "number",         # NumberFormat
        "symbols",        # exact text -> code (symbols and ISO codes)
        "names",          # key(text) -> code
        "prefix_names",   # key(text) -> code
        "codes",          # frozenset: ISO codes recognised as such
        "current",        # frozenset: codes in use today (the rest are obsolete)
        "magnitudes",     # key(text) -> power of ten
        "of_words", "approx_before", "approx_after", "approx_infix", "upper_before",
        "upper_after", "neutral_after", "range_words",
        "range_pairs",    # ((between, and), ...)
        "vague_before", "year_before", "annotation_lead",
        "sources",        # symbol/name text -> "lexicon" | "cldr" | "code"
    )
    language: str
    number: NumberFormat
    symbols: Mapping[str, str | None]
    names: Mapping[str, str | None]
    prefix_names: Mapping[str, str | None]
    codes: frozenset[str]
    current: frozenset[str]
    magnitudes: Mapping[str, int]
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
    sources: Mapping[str, str]

    def __init__(self, **fields: Any) -> None:
        for name in self.__slots__:
            object.__setattr__(self, name, fields.pop(name))
        if fields:
            raise TypeError(f"unknown Lexicon fields: {', '.join(sorted(fields))}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Lexicon is immutable (cannot set {name!r})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Lexicon is immutable (cannot delete {name!r})")

    def __repr__(self) -> str:
        return f"<Lexicon {self.language}: {len(self.symbols)} symbols, {len(self.names)} names>"

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
    # The profile loader's merge, over JSON-ready data (string keys, lists).
    from ..profiles.loader import deep_merge
    return deep_merge(base, _plain(over))


@lru_cache(maxsize=64)
def _build(language: str, overrides_json: str) -> Lexicon:
    from ..profiles import load_profile
    from ..profiles.loader import thaw

    profile = load_profile(language)
    lang = profile.language if profile.language != "und" else language.split("-")[0]
    data = _merge(thaw(profile.get("lexicon", {}) or {}), json.loads(overrides_json))
    cldr = currency_tables(lang)
    sources: dict[str, str] = {}

    excluded = frozenset(data.get("excluded_codes", ()))
    codes = frozenset(c for c in cldr["codes"] if c not in excluded)
    current = frozenset(cldr["current"])
    # (CLDR's names and symbols come keyed with key() and sym_key() already.)
    symbols: dict[str, str | None] = dict(cldr["symbols"])
    sources.update(dict.fromkeys(cldr["symbols"], "cldr"))
    for code in codes:
        symbols[code] = code
        sources[code] = "code"
    for text, code in (data.get("symbols") or {}).items():
        symbols[sym_key(text)] = code
        sources[sym_key(text)] = "lexicon"

    names: dict[str, str | None] = dict(cldr["names"])
    sources.update(dict.fromkeys(cldr["names"], "cldr"))
    for text, code in (data.get("names") or {}).items():
        names[key(text)] = code
        sources[key(text)] = "lexicon"
    prefix_names = {key(t): c for t, c in (data.get("prefix_names") or {}).items()}

    number_data = dict(data.get("number") or {})
    for ours, theirs in (("decimal", "decimal_symbol"), ("group", "group_symbol")):
        if number_data.get(ours) is None and profile.get(f"numbers.{theirs}"):
            number_data[ours] = profile.get(f"numbers.{theirs}")
    # What NumberFormat would ask Babel for, from the cached CLDR tables instead.
    if number_data.get("decimal") is None or number_data.get("group") is None:
        number_data["decimal"] = number_data.get("decimal") or cldr["decimal"]
        number_data["group"] = number_data.get("group") or cldr["group"]

    def words(name: str) -> tuple[str, ...]:
        return tuple(data.get(name) or ())

    return Lexicon(
        language=lang,
        number=NumberFormat.from_data(lang, number_data),
        symbols=MappingProxyType(symbols),
        names=MappingProxyType(names),
        prefix_names=MappingProxyType(prefix_names),
        codes=codes,
        current=current,
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


