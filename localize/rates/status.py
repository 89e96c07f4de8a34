"""Is a currency code in use, retired, or not a currency at all? From CLDR via Babel."""
from __future__ import annotations

from datetime import date as Date
from functools import lru_cache
from typing import Literal

Status = Literal["active", "obsolete", "unknown"]


@lru_cache(maxsize=None)
def _periods() -> dict[str, tuple[tuple[Date | None, Date | None], ...]]:
    # Through the CLDR cache: a warm start never imports Babel for this.
    from ..cldr import currency_periods
    return {code: tuple((Date.fromisoformat(s) if s else None, Date.fromisoformat(e) if e else None)
                        for s, e in spans) for code, spans in currency_periods().items()}


def currency_status(code: str, on: Date | None = None) -> Status:
    """"active" if some territory uses `code` (on `on`, or today per CLDR when None), "obsolete"
    if every use ended (DEM, FRF, CYP; BGN after January 2026), "unknown" if CLDR has no such
    code (XYZ). Non-tender codes in use (XAU, CNH) count as active."""
    spans = _periods().get(code.upper()) if len(code) == 3 and code.isascii() else None
    if not spans:
        return "unknown"
    if on is None:
        return "active" if any(end is None for _, end in spans) else "obsolete"
    return "active" if any(end is None or end > on for _, end in spans) else "obsolete"
