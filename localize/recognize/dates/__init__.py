"""Dates and times in running text: full and numeric dates, times with zones, month and
year, seasons, Japanese era years and bare weekday references.

    >>> [e.data["iso"] for e in find_dates("It opened on June 14, 2026 at 2:46 p.m. EDT.", "en")]
    ['2026-06-14T14:46-04:00']

One compiled pattern per language (patterns.py), built from Babel's month and weekday
names and the profile's `date_words`; a cheap prefilter skips lines with no digit and
no weekday or season word. Nothing reads the clock: a weekday reference is resolved
only against the `reference` date given.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from types import MappingProxyType
from typing import Any, Mapping

from .. import Entity
from .patterns import pattern_for
from .vocab import Vocab

_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")


def find_dates(text: str, language: str, reference: _dt.date | None = None,
               config: Mapping | None = None) -> list[Entity]:
    """Every date, time, season, year-in-context and weekday reference in `text`."""
    del config  # date_words come from the profile; config overrides arrive through it later
    vocab, pattern, prefilter, table = pattern_for(language)
    found: list[Entity] = []
    pos = 0
    n = len(text)
    while pos < n:
        # Scan paragraph by paragraph: most lines of prose hold no date at all.
        end = text.find("\n", pos, n)
        end = n if end < 0 else end + 1
        if prefilter.search(text, pos, end):
            for m in pattern.finditer(text, pos, end):
                ent = _entity(m, text, vocab, reference, table)
                if ent is not None:
                    found.append(ent)
        pos = end
    return found


def _fields(m: re.Match, table: dict) -> tuple[str, dict[str, tuple[str, int, int]]]:
    """(which alternative matched, field -> (text, start, end)) for the groups that took part."""
    kind = m.lastgroup[2:]
    out: dict[str, tuple[str, int, int]] = {}
    for name, key in table[kind]:
        value = m.group(name)
        if value is not None and key not in out:
            out[key] = (value, m.start(name), m.end(name))
    return kind, out


def _int(f, key):
    return int(f[key][0]) if key in f else None


def _entity(m: re.Match, text: str, v: Vocab, ref: _dt.date | None,
            table: dict) -> Entity | None:
    kind, f = _fields(m, table)
    start, end = m.start(), m.end()
    data: dict[str, Any] = dict(iso=None, precision=None, year=None, month=None, day=None,
                                hour=None, minute=None, second=None, weekday=None,
                                zone=None, utc_offset_minutes=None, tz=None, valid=True)
    style = "numeric"
    if v.cjk and kind in ("a", "b", "e"):
        style = "cjk"
        data.update(year=_int(f, "y"), month=_int(f, "mo"), day=_int(f, "d"))
        if kind == "e":
            name, first = v.eras[f["era"][0]]
            ey = 1 if f["ey"][0] == "元" else int(f["ey"][0])
            data.update(era=name, era_year=ey, year=first + ey - 1)
    elif kind in ("a", "b", "c"):
        word = f["mon"][0]
        data.update(month=v.months.get(word) or v.months.get(word.rstrip(".")),
                    day=_int(f, "d"), year=_int(f, "y"))
        style = "long" if len(word.rstrip(".")) >= v.month_full[data["month"]] else "abbreviated"
    elif kind in ("i", "k"):
        data.update(year=_int(f, "y"), month=_int(f, "mo"), day=_int(f, "d"))
        style = "iso" if kind == "i" and f.get("sep", ("-",))[0] == "-" else "numeric"
    elif kind == "n" and not _numeric(f, v, data):
        return None
    if kind == "s":
        data.update(year=_int(f, "y"), season=v.seasons[f["w"][0]], season_word=f["w"][0],
                    season_span=[f["w"][1], f["w"][2]], precision="season", iso=str(_int(f, "y")))
        style = "cjk" if v.cjk else "long"
    elif kind == "y":
        frame = f["f"]
        start = f["y"][1]
        data.update(year=_int(f, "y"), precision="year", iso=f["y"][0], year_word=frame[0],
                    year_word_span=[frame[1], frame[2]])
        style = "numeric"
    elif kind == "r":
        return _weekday_ref(f, text, v, ref, data, start, end)
    # weekday as written
    if "wd" in f:
        w = f["wd"]
        data["weekday"] = v.weekdays.get(w[0], v.weekdays.get(w[0].rstrip(".")))
        data["weekday_span"] = [w[1], w[2]]
    if "th" in f:
        if not _time(f, v, data):
            if kind == "t":
                return None
            end = min(f["th"][1], f.get("mer", (0, 1 << 30))[1])  # keep the date alone
            end = len(text[start:end].rstrip(", ")) + start
            f.pop("z", None)
        if kind == "t":
            if not _standalone_time_ok(f):
                return None
            start = min(f["th"][1], f.get("mer", (0, 1 << 30))[1], f.get("z", (0, 1 << 30))[1])
    _zone(f, v, data)
    _finish(data, style)
    if kind == "t":
        data["iso"] = _time_iso(data)
        data["precision"] = "time"
    return Entity("date", start, end, text[start:end], None, None,
                  data=MappingProxyType(data))


def _numeric(f, v: Vocab, data: dict) -> bool:
    """Read a 03/04/2026; False when no order gives a month (2.14.2026 is a version)."""
    a, b, y = int(f["a"][0]), int(f["b"][0]), int(f["y"][0])
    sep = f["sep"][0]
    order = "DMY" if sep == "." else v.order if v.order != "YMD" else "DMY"
    if not (1 <= b <= 12 if sep == "." else (1 <= a <= 12 or 1 <= b <= 12)):
        return False
    readings = []
    for o, (mo, d) in (("MDY", (a, b)), ("DMY", (b, a))):
        if _ok(y, mo, d):
            readings.append((o, f"{y:04d}-{mo:02d}-{d:02d}"))
    data["order"] = order
    if sep != "." and len({r[1] for r in readings}) > 1:
        data["readings"] = [iso for o, iso in sorted(readings, key=lambda r: r[0] != order)]
    chosen = dict(readings).get(order) or (readings[0][1] if readings and sep != "." else None)
    if chosen:
        data.update(year=y, month=int(chosen[5:7]), day=int(chosen[8:10]))
    else:
        mo, d = (a, b) if order == "MDY" and a <= 12 or b > 12 else (b, a)
        data.update(year=y, month=mo, day=d)
    return True


def _ok(y, mo, d) -> bool:
    return 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]


def _time(f, v: Vocab, data: dict) -> bool:
    h = int(f["th"][0])
    mi = _int(f, "tm")
    if "half" in f:
        mi = 30
    se = _int(f, "ts")
    mer = f.get("mer", (None,))[0]
    if mer is not None:
        if not 1 <= h <= 12:
            return False
        pm = mer in v.pm
        h = (h % 12) + (12 if pm else 0)
        data["hour12"] = True
    else:
        data["hour12"] = False
        if h > 23 and not (h == 24 and not mi):
            return False
    data.update(hour=h, minute=mi, second=se)
    return True


def _standalone_time_ok(f) -> bool:
    """A bare 1:10 is a ratio or a verse; a clock needs two digits, a marker or a zone.
    Chinese 3点 is also "three points": it needs a marker, minutes or a zone."""
    if f.get("hw", ("",))[0] == "点":
        return any(k in f for k in ("mer", "tm", "half", "z"))
    if any(k in f for k in ("mer", "hw", "z", "join")):
        return True
    return len(f["th"][0]) == 2 and "tm" in f


def _zone(f, v: Vocab, data: dict) -> None:
    z = f.get("z1") or f.get("z") or f.get("z2")
    if not z:
        return
    zone = z[0]
    data["zone"] = zone
    data["zone_span"] = [z[1], z[2]]
    if zone in v.zones:
        data["utc_offset_minutes"], data["tz"] = v.zones[zone]
        return
    mm = re.search(r"([+\-−])(\d{1,2})(?::?(\d{2}))?$", zone)
    if mm:
        sign = -1 if mm.group(1) in "-−" else 1
        data["utc_offset_minutes"] = sign * (int(mm.group(2)) * 60 + int(mm.group(3) or 0))


def _finish(data: dict, style: str) -> None:
    y, mo, d = data["year"], data["month"], data["day"]
    data["style"] = style
    if data.get("precision") in ("season", "year"):
        return
    if mo is not None and d is not None:
        if not 1 <= mo <= 12:
            data.update(valid=False, problem=f"there is no month {mo}")
        elif d < 1 or d > (calendar.monthrange(y, mo)[1] if y else (29 if mo == 2 else
                                                                 calendar.monthrange(2001, mo)[1])):
            days = calendar.monthrange(y or 2001, mo)[1] if y or mo != 2 else 29
            which = f"{_MONTH_NAMES[mo]} {y}" if (y and mo == 2) else _MONTH_NAMES[mo]
            data.update(valid=False, problem=f"{which} has only {days} days, not {d}")
    if d is not None:
        data["precision"] = "day"
        date = f"{y:04d}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}"
    elif mo is not None:
        data["precision"] = "month"
        date = f"{y:04d}-{mo:02d}" if y else f"--{mo:02d}"
    elif y is not None:
        data["precision"] = "year"
        date = f"{y:04d}"
    else:
        date = ""
    if data["hour"] is not None and data.get("tz") and data.get("utc_offset_minutes") is None \
            and y and mo is not None and d is not None and data["valid"]:
        data["utc_offset_minutes"] = _offset_on(data["tz"], y, mo, d, data["hour"], data["minute"] or 0)
    if data["hour"] is not None:
        data["precision"] = "second" if data["second"] is not None else "minute"
        date += "T" + _time_iso(data)[1:]
    data["iso"] = date
    if data["weekday"] is not None and data["valid"] and y and d is not None:
        data["weekday_matches"] = _dt.date(y, mo, d).weekday() == data["weekday"]


def _offset_on(tz: str, y: int, mo: int, d: int, hour: int, minute: int) -> int | None:
    """The UTC offset a named zone had at that local time (daylight saving included)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    try:
        moment = _dt.datetime(y, mo, d, hour % 24, minute, tzinfo=ZoneInfo(tz))
    except (ZoneInfoNotFoundError, ValueError):
        return None
    offset = moment.utcoffset()
    return None if offset is None else int(offset.total_seconds() // 60)


def _time_iso(data: dict) -> str:
    out = f"T{data['hour']:02d}:{(data['minute'] or 0):02d}"
    if data["second"] is not None:
        out += f":{data['second']:02d}"
    off = data.get("utc_offset_minutes")
    if off is not None:
        sign = "+" if off >= 0 else "-"
        out += f"{sign}{abs(off) // 60:02d}:{abs(off) % 60:02d}"
    return out


def _weekday_ref(f, text, v: Vocab, ref, data, start, end) -> Entity | None:
    word = f["wd"][0]
    before = text[max(0, start - 24):start]
    prev = before.split()[-1] if before.split() and not v.cjk else ""
    if prev in v.not_weekday_before:
        return None
    if v.cjk and v.language == "ja" and word in v.weekdays and len(word) == 1:
        return None
    wd = v.weekdays_free[word]
    data.update(weekday=wd, weekday_span=[start, end], relative="weekday", precision="day",
                style="long" if not v.cjk else "cjk", resolved=None)
    if prev and prev in v.weekday_before:
        data["weekday_word"] = prev
    if v.cjk:
        after = next((w for w in v.weekday_after if text.startswith(w, end)), None)
        if after:
            data["weekday_word"] = after
    if ref is not None:
        back = (ref.weekday() - wd) % 7
        data["resolved"] = (ref - _dt.timedelta(days=back)).isoformat()
    data["iso"] = data["resolved"]
    return Entity("date", start, end, text[start:end], None, None, data=MappingProxyType(data))


__all__ = ["find_dates"]
