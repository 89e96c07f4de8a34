"""The value every lookup returns: one dated rate with its provenance."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from decimal import Context, Decimal, ROUND_HALF_EVEN

# One explicit context, so results never depend on the caller's decimal settings.
DECIMAL = Context(prec=28, rounding=ROUND_HALF_EVEN)
ECB_SOURCE = "ECB reference rate"


@dataclass(frozen=True)
class Rate:
    """1 `base` = `value` `quote`, observed on `date`.

    `requested` is the date the caller asked for (the newest date in the data when the
    caller gave none); `date` is never later than it. The difference (`age_days`) is the
    staleness a stage warns about, e.g. an article dated after the data ends. A rate
    built from two observations (a user rate chained with an ECB rate) lists them in
    `legs`; its `date` is the older leg's.
    """
    base: str
    quote: str
    value: Decimal
    date: Date
    source: str
    requested: Date | None = None
    line: int | None = None           # line in the user file, for user rates
    legs: tuple["Rate", ...] = ()

    @property
    def age_days(self) -> int:
        return (self.requested - self.date).days if self.requested else 0

    def stale(self, max_days: int) -> bool:
        return self.age_days > max_days

    def convert(self, amount: Decimal | int) -> Decimal:
        if isinstance(amount, float):
            raise TypeError("convert() takes a Decimal or an int, not a float")
        return DECIMAL.multiply(Decimal(amount), self.value)

    def inverse(self) -> "Rate":
        return Rate(self.quote, self.base, DECIMAL.divide(1, self.value), self.date, self.source,
                    self.requested, self.line, tuple(leg.inverse() for leg in reversed(self.legs)))

    def describe(self) -> str:
        """e.g. "ECB reference rate 2026-06-12: 1 USD = 160.2 JPY"."""
        head = f"1 {self.base} = {format_rate(self.value)} {self.quote}"
        if self.legs:
            return f"{head} via {self.legs[0].quote} ({'; '.join(l.describe() for l in self.legs)})"
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where} {self.date.isoformat()}: {head}"


def format_rate(value: Decimal, digits: int = 6) -> str:
    """Six significant digits, no trailing zeros, never an exponent (0.0063606, 157.25)."""
    if not value:
        return "0"
    exponent = value.adjusted() - digits + 1
    rounded = value.quantize(Decimal(1).scaleb(exponent), context=DECIMAL)
    text = format(rounded, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
