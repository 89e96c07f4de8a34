"""Render a recognised date or time in a locale's news style.

Input is the `data` of a date Entity (see localize.recognize.Entity and issue 4):
year/month/day/hour/minute/second as written, the zone as an offset or IANA name,
the precision. Output keeps that precision: no seconds, years or weekdays are added.
Patterns are CLDR field patterns from the profile (`dates.patterns`), else the
locale's CLDR formats through Babel; the clock, AP-style am/pm markers and zone
wording are profile data.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

# Patterns Babel can supply when the profile has none: (CLDR width or skeleton, kind).
_FALLBACK = {
    "day": ("long", "date"), "day_weekday": ("full", "date"),
    "day_no_year": ("MMMMd", "skeleton"), "day_no_year_weekday": ("MMMMEEEEd", "skeleton"),
    "month": ("yMMMM", "skeleton"),
}


_OFFSET_NAME = re.compile(r"(?:GMT|UTC)?[+\-\u2212]\d")


@dataclass(frozen=True)
class Rendered:
    text: str
    converted: bool = False            # the time was moved into the reader's zone
    day_shift: int = 0                 # calendar days the conversion moved the date
    source: _dt.datetime | None = None  # aware, in the writer's zone
    target: _dt.datetime | None = None  # aware, in the reader's zone
    zone: str | None = None            # the reader's IANA zone when converted


@lru_cache(maxsize=64)
def _zoneinfo(name: str) -> Any:
    from zoneinfo import ZoneInfo
    return ZoneInfo(name)


def reader_zone(profile: Any) -> str | None:
    return profile.get("dates.zone") or None


def source_tz(data: Mapping[str, Any]) -> _dt.tzinfo | None:
    """The writer's zone: a fixed offset when the text fixes one (EDT is -4 even in
    January), else the IANA zone it implies."""
    offset = data.get("utc_offset_minutes")
    if offset is not None:
        return _dt.timezone(_dt.timedelta(minutes=int(offset)))
    if data.get("tz"):
        try:
            return _zoneinfo(str(data["tz"]))
        except Exception:
            return None
    return None


def _babel(profile: Any) -> str:
    return profile.babel_locale if profile.tag != "root" else "en"


def _pattern(profile: Any, key: str) -> str | None:
    return (profile.get("dates.patterns") or {}).get(key)


def format_date_part(day: _dt.date, key: str, profile: Any) -> str:
    """`day` with the profile's pattern `key` (day, day_weekday, day_no_year, …, month)."""
    from babel.dates import format_date, format_skeleton
    locale = _babel(profile)
    pattern = _pattern(profile, key)
    if pattern:
        first = profile.get("dates.first_day")
        if first and day.day == 1 and key != "month":  # French "1er juin"
            pattern = _replace_field(pattern, "d", first)
        return format_date(day, pattern, locale=locale)
    width, kind = _FALLBACK[key]
    if kind == "date":
        return format_date(day, width, locale=locale)
    return format_skeleton(width, _dt.datetime.combine(day, _dt.time()), locale=locale)


def _time_pattern(profile: Any, seconds: bool) -> str:
    from babel.dates import get_time_format
    clock = int(profile.get("dates.clock", 24))
    pattern = _pattern(profile, f"{'seconds' if seconds else 'time'}_{clock}")
    if pattern:
        return pattern
    pattern = _pattern(profile, f"time_{clock}")
    if pattern:  # no seconds pattern: put them after the minutes
        return pattern.replace("mm", "mm:ss", 1) if seconds else pattern
    return get_time_format("medium" if seconds else "short", locale=_babel(profile)).pattern


def _replace_field(pattern: str, letter: str, literal: str) -> str:
    """Swap an unquoted pattern field (a run of `letter`) for a quoted literal."""
    out, i, quoted = [], 0, False
    quoted_literal = "'" + literal.replace("'", "''") + "'"
    while i < len(pattern):
        ch = pattern[i]
        if ch == "'":
            quoted = not quoted
            out.append(ch)
            i += 1
        elif ch == letter and not quoted:
            while i < len(pattern) and pattern[i] == letter:
                i += 1
            out.append(quoted_literal)
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def format_time_part(moment: _dt.datetime | _dt.time, profile: Any, seconds: bool = False) -> str:
    """A wall-clock time (naive) in the profile's clock, with its am/pm markers."""
    from babel.dates import format_time
    if isinstance(moment, _dt.datetime):
        moment = moment.time()
    pattern = _time_pattern(profile, seconds)
    markers = profile.get("dates.am_pm") or ()
    if len(markers) == 2:  # AP style "p.m." is not CLDR data
        pattern = _replace_field(pattern, "a", markers[0 if moment.hour < 12 else 1])
    return format_time(moment.replace(tzinfo=None), pattern, locale=_babel(profile))


def zone_label(zone: str, moment: _dt.datetime, profile: Any) -> str:
    """How the reader's profile names `zone` at `moment` (aware): EDT, BST, 日本時間."""
    from babel.dates import get_timezone_location, get_timezone_name
    style = profile.get("dates.zone_style", "short")
    names = profile.get("dates.zone_names") or {}
    if style == "names" and zone in names:
        return names[zone]
    locale = _babel(profile)
    tz = _zoneinfo(zone)
    aware = moment.astimezone(tz)
    if style == "location":
        return get_timezone_location(tz, locale=locale)
    width = "long" if style == "long" else "short"
    label = get_timezone_name(aware, width, locale=locale)
    if width == "short" and _OFFSET_NAME.match(label):
        # CLDR has no abbreviation here: an offset reads worse than the zone's city.
        return get_timezone_location(tz, locale=locale)
    return label


def _with_zone(time_text: str, zone_text: str | None, profile: Any) -> str:
    if not zone_text:
        return time_text
    return (profile.get("dates.zone_pattern") or "{time} {zone}").format(time=time_text, zone=zone_text)


def _date_text(day: _dt.date, data: Mapping[str, Any], profile: Any, has_year: bool,
               weekday: bool) -> str:
    key = ("day" if has_year else "day_no_year") + ("_weekday" if weekday else "")
    return format_date_part(day, key, profile)


def render(data: Mapping[str, Any], profile: Any, *, reference: _dt.date | None = None) -> Rendered | None:
    """The entity's date in the profile's style, converted to the reader's zone when
    the text anchors it in one. None when there is nothing to render (a bare year,
    a season, a relative weekday, an impossible date) or the data is incomplete."""
    precision = data.get("precision")
    year, month, day = data.get("year"), data.get("month"), data.get("day")
    if data.get("valid") is False or data.get("relative"):
        return None
    if precision == "month":
        if year is None or month is None:
            return None
        return Rendered(format_date_part(_dt.date(year, month, 1), "month", profile))
    if precision == "day":
        if month is None or day is None:
            return None
        try:
            # Without a year, the reference year names the weekday; 2000 is a leap year.
            when = _dt.date(year if year is not None else (reference.year if reference else 2000),
                            month, day)
        except ValueError:
            return None
        return Rendered(_date_text(when, data, profile, year is not None, data.get("weekday") is not None))
    if precision in ("minute", "second"):
        return _render_moment(data, profile, precision == "second", reference)
    if precision == "time":
        return _render_time(data, profile, reference)
    return None


def _render_moment(data: Mapping[str, Any], profile: Any, seconds: bool,
                   reference: _dt.date | None) -> Rendered | None:
    year, month, day = data.get("year"), data.get("month"), data.get("day")
    hour, minute = data.get("hour"), data.get("minute")
    if month is None or day is None or hour is None or minute is None:
        return None
    has_year = year is not None
    if not has_year and reference is None and source_tz(data) is not None:
        return None  # a zone change needs the year (DST, leap days)
    try:
        naive = _dt.datetime(year if has_year else (reference.year if reference else 2000),
                             month, day, hour, minute, int(data.get("second") or 0))
    except ValueError:
        return None
    src, target_zone = source_tz(data), reader_zone(profile)
    weekday = data.get("weekday") is not None
    if src is not None and target_zone:
        aware = naive.replace(tzinfo=src)
        moved = aware.astimezone(_zoneinfo(target_zone))
        wall = moved.replace(tzinfo=None)
        zone_text = zone_label(target_zone, moved, profile)
        shift = (wall.date() - naive.date()).days
        text = _join(_date_text(wall.date(), data, profile, has_year, weekday),
                     _with_zone(format_time_part(wall, profile, seconds), zone_text, profile), profile)
        return Rendered(text, True, shift, aware, moved, target_zone)
    zone_text = data.get("zone") if src is not None else None
    text = _join(_date_text(naive.date(), data, profile, has_year, weekday),
                 _with_zone(format_time_part(naive, profile, seconds), zone_text, profile), profile)
    return Rendered(text)


def _render_time(data: Mapping[str, Any], profile: Any, reference: _dt.date | None) -> Rendered | None:
    hour, minute = data.get("hour"), data.get("minute")
    if hour is None or minute is None:
        return None
    seconds = data.get("second") is not None
    wall = _dt.datetime(2000, 1, 1, hour, minute, int(data.get("second") or 0))
    src, target_zone = source_tz(data), reader_zone(profile)
    if src is not None and target_zone:
        if reference is None:
            return None  # summer time depends on the day, and the text gives none
        aware = _dt.datetime.combine(reference, wall.time()).replace(tzinfo=src)
        moved = aware.astimezone(_zoneinfo(target_zone))
        shift = (moved.date() - aware.date()).days
        if shift:
            return None  # the time alone cannot say "the previous day"
        text = _with_zone(format_time_part(moved.replace(tzinfo=None), profile, seconds),
                          zone_label(target_zone, moved, profile), profile)
        return Rendered(text, True, 0, aware, moved, target_zone)
    zone_text = data.get("zone") if src is not None else None
    return Rendered(_with_zone(format_time_part(wall, profile, seconds), zone_text, profile))


def _join(date_text: str, time_text: str, profile: Any) -> str:
    pattern = _pattern(profile, "datetime")
    if not pattern:
        from babel.dates import get_datetime_format
        pattern = str(get_datetime_format("long", locale=_babel(profile))).replace(
            "{1}", "{date}").replace("{0}", "{time}")
    return pattern.format(date=date_text, time=time_text)


# -- names ------------------------------------------------------------------------------
def weekday_names(profile: Any, width: str = "wide") -> list[str]:
    """Monday-first weekday names from CLDR (format context)."""
    from babel.dates import get_day_names
    names = get_day_names(width, "format", locale=_babel(profile))
    return [names[i] for i in range(7)]


def weekday_word(index: int, profile: Any, like: str | None = None) -> str:
    """The weekday `index` (Monday=0) in the width and capitalisation of `like`."""
    width = "wide"
    if like:
        folded = like.casefold().rstrip(".")
        for w in ("wide", "abbreviated", "short"):
            if any(folded == n.casefold().rstrip(".") for n in weekday_names(profile, w)):
                width = w
                break
    word = weekday_names(profile, width)[index]
    return match_case(word, like) if like else word


def match_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    if like[:1].islower():
        return word[:1].lower() + word[1:]
    return word


def numeric_order(profile: Any) -> str:
    """How the locale reads an all-digit date: MDY, DMY or YMD (CLDR short date pattern)."""
    from babel.dates import get_date_format
    pattern = get_date_format("short", locale=_babel(profile)).pattern
    order = []
    for ch in pattern:
        letter = {"d": "D", "M": "M", "y": "Y"}.get(ch)
        if letter and letter not in order:
            order.append(letter)
    return "".join(order) if len(order) == 3 else "MDY"


def hemisphere(profile: Any) -> str:
    """The reader's hemisphere: the profile's word, else from its territory."""
    said = profile.get("dates.hemisphere")
    if said:
        return said
    territory = next((p for p in profile.tag.split("-")[1:] if len(p) == 2 and p.isupper()), None)
    south = set(profile.get("dates.southern_territories") or ())
    return "south" if territory in south else "north"
