"""Load the table-driven money rendering cases (tests/render/cases/money_*.yaml and
numbers.yaml; the columns are described in tests/render/cases/README.md)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

CASES = Path(__file__).parent / "cases"
FIRST_CLASS = ("en-US", "en-GB", "ja-JP", "de-DE", "fr-FR", "es-ES", "zh-CN")
FALLBACK = ("pt-BR", "ko-KR")     # no house style: CLDR through Babel


def dec(value: Any) -> Decimal:
    """An exact Decimal from a YAML scalar (YAML reads 2.4e12 as a string, 1.5 as a float)."""
    return Decimal(str(value))


def money_cases(locale: str) -> list[dict[str, Any]]:
    with open(CASES / f"money_{locale}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def number_tables() -> dict[str, list[dict[str, Any]]]:
    with open(CASES / "numbers.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def case_id(locale: str, index: int, case: dict[str, Any]) -> str:
    tail = "~" if case.get("approx") else ""
    low = f"{case['low']}-" if "low" in case else ""
    return f"{locale}[{index}]:{tail}{low}{case['amount']} {case['currency']}"
