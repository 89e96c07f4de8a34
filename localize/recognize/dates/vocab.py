"""The words one language writes dates with: month and weekday names from CLDR (Babel),
everything else from the profile's `date_words` section. Built once per language."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

CJK = ("ja", "zh")


@dataclass(frozen=True, eq=False)
class Vocab:
    language: str
    order: str
    months: Mapping[str, int]           # every written form -> 1..12
    weekdays: Mapping[str, int]         # every form, abbreviations too -> 0..6
    weekdays_free: Mapping[str, int]    # forms that stand alone as a reference
    seasons: Mapping[str, str]
    season_of: tuple[str, ...]
    year_before: tuple[str, ...]
    weekday_before: tuple[str, ...]
    weekday_after: tuple[str, ...]
    not_weekday_before: tuple[str, ...]
    date_of: tuple[str, ...]
    time_joiners: tuple[str, ...]
    am: tuple[str, ...]
    pm: tuple[str, ...]
    hour_words: tuple[str, ...]
    zones: Mapping[str, tuple[int, str | None]]
    eras: Mapping[str, tuple[str, int]]
    month_full: Mapping[int, int]       # month -> length of its longest name (long vs abbreviated)

    @property
    def cjk(self) -> bool:
        return self.language in CJK


def _names(kind: str, language: str) -> dict[str, int]:
    # Through the CLDR disk cache, so a warm start never imports Babel; bump the
    # prefix's version when _names_from_babel changes what it derives.
    from ...cldr import cached
    data = cached(f"cldr-dates-{kind}-names-v1", language, lambda lang: _names_from_babel(kind, lang),
                  lambda d: isinstance(d, dict) and all(isinstance(v, int) for v in d.values()))
    return {str(k): int(v) for k, v in data.items()}


def _names_from_babel(kind: str, language: str) -> dict[str, int]:
    from babel.dates import get_day_names, get_month_names
    getter = get_month_names if kind == "month" else get_day_names
    out: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated", "short"):
            try:
                names = getter(width, context=context, locale=language)
            except (KeyError, ValueError):
                continue
            for number, name in names.items():
                out.setdefault(str(name), number)
    return out


def _latin_variants(table: dict[str, int], wide: set[str]) -> dict[str, int]:
    """Sentence-initial capitals (`Juin`), abbreviations with and without their dot
    (a full name never takes one: the dot after `5 Mai.` ends the sentence)."""
    out = dict(table)
    for name, number in table.items():
        forms = {name, name[:1].upper() + name[1:]}
        for form in list(forms):
            if form.endswith("."):
                forms.add(form.rstrip("."))
            elif form.casefold() not in wide:
                forms.add(form + ".")
        for form in forms:
            if len(form.rstrip(".")) >= 2:
                out.setdefault(form, number)
    return out


@lru_cache(maxsize=32)
def vocab_for(language: str) -> Vocab:
    from ...profiles.loader import load_profile
    profile = load_profile(language)
    lang = profile.language
    words = profile.get("date_words") or {}

    def lst(key: str) -> tuple[str, ...]:
        return tuple(str(w) for w in (words.get(key) or ()))

    months = _names("month", lang)
    days = _names("day", lang)
    if lang in CJK:
        # ja 金曜日 also reads 金曜; one-character 金 is a weekday only in (金) after a date.
        free = {n: d for n, d in days.items() if len(n) > 1}
        if lang == "ja":
            free.update({n[:-1]: d for n, d in days.items() if n.endswith("曜日")})
    else:
        wide = _names_wide(lang)
        wide_months = {n.casefold() for n in _names_wide(lang, "month")}
        months = _latin_variants({n: m for n, m in months.items() if len(n.rstrip(".")) >= 3},
                                 wide_months)
        days = _latin_variants({n: d for n, d in days.items() if len(n.rstrip(".")) >= 2},
                               {n.casefold() for n in wide})
        free = {n: d for n, d in days.items() if n in wide}
    for name, number in (words.get("month_extra") or {}).items():
        months[str(name)] = int(number)
    for name, number in (words.get("weekday_extra") or {}).items():
        days[str(name)] = int(number)
        free[str(name)] = int(number)
    seasons = {str(k): str(v) for k, v in (words.get("seasons") or {}).items()}
    if lang not in CJK:
        seasons.update({k[:1].upper() + k[1:]: v for k, v in list(seasons.items())})
    zones = {str(k): (int(v["offset"]) if v.get("offset") is not None else None, v.get("tz"))
             for k, v in (words.get("zones") or {}).items()}
    eras = {str(k): (str(v["name"]), int(v["start"])) for k, v in (words.get("eras") or {}).items()}
    return Vocab(
        language=lang, order=str(words.get("order") or ("YMD" if lang in CJK else "DMY")),
        months=MappingProxyType(months), weekdays=MappingProxyType(days),
        weekdays_free=MappingProxyType(free), seasons=MappingProxyType(seasons),
        season_of=lst("season_of"), year_before=lst("year_before"),
        weekday_before=lst("weekday_before"), weekday_after=lst("weekday_after"),
        not_weekday_before=lst("not_weekday_before"), date_of=lst("date_of"),
        time_joiners=lst("time_joiners"), am=lst("am"), pm=lst("pm"),
        hour_words=lst("hour_words"), zones=MappingProxyType(zones), eras=MappingProxyType(eras),
        month_full=MappingProxyType({m: max(len(k.rstrip(".")) for k, n in months.items() if n == m)
                                     for m in set(months.values())}))


def _names_wide(language: str, kind: str = "day") -> set[str]:
    from ...cldr import cached
    data = cached(f"cldr-dates-{kind}-wide-v1", language, lambda lang: sorted(_wide_from_babel(lang, kind)),
                  lambda d: isinstance(d, list) and all(isinstance(v, str) for v in d))
    return set(data)


def _wide_from_babel(language: str, kind: str) -> set[str]:
    from babel.dates import get_day_names, get_month_names
    getter = get_day_names if kind == "day" else get_month_names
    wide = {str(n) for n in getter("wide", context="format", locale=language).values()}
    wide |= {str(n) for n in getter("wide", context="stand-alone", locale=language).values()}
    return wide | {n[:1].upper() + n[1:] for n in wide}
