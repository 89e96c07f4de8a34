"""Rate lookups over the ECB history and the user's rate files.

The rules, in order:

1. Never later data, never interpolation: every observation used is the latest one on
   or before the requested date. The gap is kept in `Rate.requested` / `Rate.age_days`.
2. A direct rate: the user's rate for the pair (or its inverse) or the ECB rate (a cross
   via EUR from one ECB day), whichever observation is newer; on the same date the
   user's wins. Among user files, a later file wins on the same date and pair.
3. Only when no direct rate exists (a currency the ECB lacks), a chain of two direct
   rates through a pivot currency the user's files pair it with (or EUR): the chain
   with the newest older leg wins, then EUR, then the pivot's code.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections import OrderedDict
from datetime import date as Date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from .ecb import EcbHistory, history
from .model import DECIMAL, ECB_SOURCE, Rate
from ..errors import ConfigError

if TYPE_CHECKING:
    from .user import UserRates

_Entry = tuple[Decimal, str, int]   # value, path, line
_CODE = re.compile(r"[A-Z]{3}")


class _Series:
    """A user pair's observations, oldest first."""

    def __init__(self, points: dict[Date, tuple[tuple[int, int], _Entry]]) -> None:
        self.days = sorted(points)
        self.entries = [points[d][1] for d in self.days]

    def at(self, on: Date) -> tuple[Date, _Entry] | None:
        i = bisect_right(self.days, on) - 1
        return (self.days[i], self.entries[i]) if i >= 0 else None


class RateTable:
    """Immutable after construction, so threads share it; the ECB data loads on first use."""

    def __init__(self, user: "Sequence[UserRates]" = (), ecb: EcbHistory | None = None) -> None:
        self._ecb = ecb or history()
        self.user_files = tuple(u.path for u in user)
        # (base, quote) -> day -> (priority, entry); priority = (file order, 1 if as written)
        points: dict[tuple[str, str], dict[Date, tuple[tuple[int, int], _Entry]]] = {}
        for order, rates in enumerate(user):
            for r in rates.rates:
                for pair, value, written in (((r.base, r.quote), r.value, 1),
                                             ((r.quote, r.base), DECIMAL.divide(1, r.value), 0)):
                    days = points.setdefault(pair, {})
                    candidate = ((order, written), (value, rates.path, r.line))
                    if r.date not in days or days[r.date][0] < candidate[0]:
                        days[r.date] = candidate
        self._user = {pair: _Series(days) for pair, days in points.items()}
        self._partners: dict[str, set[str]] = {}
        for base, quote in self._user:
            self._partners.setdefault(base, set()).add(quote)
        self._user_newest = max((s.days[-1] for s in self._user.values()), default=None)

    # -- public ------------------------------------------------------------------------
    def newest_date(self) -> Date:
        """The newest date with any rate (ECB or user): what `rate(..., on=None)` asks for."""
        ecb = self._ecb.newest()
        return max(ecb, self._user_newest) if self._user_newest else ecb

    def has_currency(self, code: str) -> bool:
        code = code.upper()
        return code in self._partners or self._ecb.has(code)

    def rate(self, base: str, quote: str, on: Date | None = None) -> Rate | None:
        """1 `base` in `quote` from the latest observation on or before `on` (None: the newest
        date in the data); None when no such observation exists."""
        base, quote = base.upper(), quote.upper()
        if not (_CODE.fullmatch(base) and _CODE.fullmatch(quote)):
            return None
        if on is None:
            on = self.newest_date()
        elif isinstance(on, datetime):
            on = on.date()
        if base == quote:
            known = self.has_currency(base) or _cldr_currency(base)
            return Rate(base, quote, Decimal(1), on, "identity", on) if known else None
        return self._direct(base, quote, on) or self._chain(base, quote, on)

    # -- internals -----------------------------------------------------------------------
    def _direct(self, base: str, quote: str, on: Date) -> Rate | None:
        # A house rate overrides the ECB whenever one applies (on or before the date): a
        # newsroom's monthly rate must not lose to the next ECB fixing. An old house rate
        # still wins, and the stage's stale-rate warning says how old it is.
        return self._from_user(base, quote, on) or self._from_ecb(base, quote, on)

    def _from_user(self, base: str, quote: str, on: Date) -> Rate | None:
        series = self._user.get((base, quote))
        found = series.at(on) if series else None
        if found is None:
            return None
        day, (value, path, line) = found
        return Rate(base, quote, value, day, path, on, line)

    def _from_ecb(self, base: str, quote: str, on: Date) -> Rate | None:
        if not (self._ecb.has(base) and self._ecb.has(quote)):
            return None
        found = self._ecb.cross(base, quote, on)
        if found is None:
            return None
        day, per_euro_base, per_euro_quote = found
        return Rate(base, quote, DECIMAL.divide(per_euro_quote, per_euro_base), day, ECB_SOURCE, on)

    def _chain(self, base: str, quote: str, on: Date) -> Rate | None:
        pivots = (self._partners.get(base, set()) | self._partners.get(quote, set()) | {"EUR"}) - {base, quote}
        best: tuple[tuple, Rate, Rate] | None = None
        for pivot in pivots:
            first = self._direct(base, pivot, on)
            second = self._direct(pivot, quote, on) if first else None
            if first is None or second is None:
                continue
            key = (min(first.date, second.date), pivot == "EUR", _reverse(pivot))
            if best is None or key > best[0]:
                best = (key, first, second)
        if best is None:
            return None
        _, first, second = best
        sources = list(dict.fromkeys((first.source, second.source)))
        return Rate(base, quote, DECIMAL.multiply(first.value, second.value), min(first.date, second.date),
                    " + ".join(sources), on, None, (first, second))


def _cldr_currency(code: str) -> bool:
    from .status import currency_status
    return currency_status(code) != "unknown"


def _reverse(code: str) -> tuple[int, ...]:
    # Sorting key so that, among equal dates, the alphabetically first pivot is the largest.
    return tuple(-ord(c) for c in code)


# -- the process-wide cache -------------------------------------------------------------
_CACHE_SIZE = 32
_lock = threading.Lock()
_tables: "OrderedDict[tuple[tuple[str, str], ...], RateTable]" = OrderedDict()


def rate_table(user_files: Sequence[str | Path] = ()) -> RateTable:
    """The table for these user files (in this order: later files win), shared by every
    caller in the process. Keyed by each file's path and content hash, so an edited file
    gives a new table; user files are checked now, the ECB data only on the first lookup."""
    if isinstance(user_files, (str, Path)):
        user_files = (user_files,)
    contents = [_read(path) for path in user_files]
    key = tuple((path, digest) for path, digest, _ in contents)
    with _lock:
        table = _tables.get(key)
        if table is None:
            table = _build(contents)
            _tables[key] = table
            if len(_tables) > _CACHE_SIZE:
                _tables.popitem(last=False)
        else:
            _tables.move_to_end(key)
        return table


def _read(path: str | Path) -> tuple[str, str, bytes]:
    import hashlib
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the rates file: {exc.strerror or exc}", path=str(path)) from None
    return str(path), hashlib.sha256(data).hexdigest(), data


def _build(contents: list[tuple[str, str, bytes]]) -> RateTable:
    if not contents:
        return RateTable()
    from .user import parse_user_rates  # YAML/CSV parsing only when there are user files
    return RateTable([parse_user_rates(data, path) for path, _, data in contents])
