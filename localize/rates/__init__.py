"""Offline, dated exchange rates: the ECB reference rates (bundled, read on the first
lookup) plus the user's own rate files.

    from localize.rates import rate_table
    rate = rate_table(["house-rates.yaml"]).rate("USD", "JPY", date(2026, 6, 12))
    rate.value, rate.date, rate.describe()

table.py states the lookup rules; ecb.py says why the data is read directly rather than
through currency_converter's class. Names load lazily to keep `import` cheap.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .ecb import RateDataError
    from .model import ECB_SOURCE, Rate, format_rate
    from .status import currency_status
    from .table import RateTable, rate_table
    from .user import UserRate, UserRates, load_user_rates

_LAZY = {
    "Rate": "model", "ECB_SOURCE": "model", "format_rate": "model",
    "RateTable": "table", "rate_table": "table",
    "load_user_rates": "user", "UserRate": "user", "UserRates": "user",
    "currency_status": "status", "RateDataError": "ecb",
}
__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
