"""Load the table-driven rendering cases (tests/render/cases/dates_*.yaml).

A case gives the recognised value compactly: `in` is ISO 8601 at its precision
("2026-06", "2026-06-14", "--06-14" without a year, "2026-06-14T02:46", "T14:30"),
with an offset ("+00:00", "Z") when the text named a zone; `zone` is the zone as
written, `tz` its IANA zone, `weekday: true` when the text gave the weekday.
`expect` is the rendering, or null for "nothing to render".
"""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any

import yaml

CASES = Path(__file__).parent / "cases"
REFERENCE = _dt.date(2026, 6, 14)  # the article date every case is rendered against
_ISO = re.compile(r"(?:(?P<y>\d{4}|-)-(?P<m>\d\d)(?:-(?P<d>\d\d))?)?"
                  r"(?:T(?P<H>\d\d):(?P<M>\d\d)(?::(?P<S>\d\d))?)?(?P<off>Z|[+-]\d\d:\d\d)?$")


def data_for(case: dict[str, Any]) -> dict[str, Any]:
    text = str(case["in"])
    m = _ISO.match(text)
    if not m:
        raise ValueError(f"bad case input {text!r}")
    year = None if m["y"] in (None, "-") else int(m["y"])
    month = int(m["m"]) if m["m"] else None
    day = int(m["d"]) if m["d"] else None
    hour = int(m["H"]) if m["H"] else None
    second = int(m["S"]) if m["S"] else None
    if hour is not None:
        precision = "time" if month is None else ("second" if second is not None else "minute")
    else:
        precision = "day" if day else "month"
    data: dict[str, Any] = {
        "iso": text, "precision": precision, "year": year, "month": month, "day": day,
        "hour": hour, "minute": int(m["M"]) if m["M"] else None, "second": second,
        "weekday": None, "zone": case.get("zone"), "tz": case.get("tz"),
        "utc_offset_minutes": None, "style": case.get("style", "long"),
    }
    off = m["off"]
    if off:
        sign = -1 if off.startswith("-") else 1
        data["utc_offset_minutes"] = 0 if off == "Z" else sign * (int(off[1:3]) * 60 + int(off[4:6]))
        data["zone"] = data["zone"] or ("UTC" if off == "Z" else off)
    if case.get("weekday"):
        data["weekday"] = _dt.date(year or REFERENCE.year, month, day).weekday()
    return data


def load(locale: str) -> list[dict[str, Any]]:
    with open(CASES / f"dates_{locale}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)["cases"]
