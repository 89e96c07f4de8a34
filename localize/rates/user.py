"""User rate files: a newsroom's house rates, or rates for currencies the ECB lacks.

YAML (a list, or a mapping with a `rates:` list)::

    rates:
      - {date: 2026-06-12, base: USD, quote: TWD, rate: 31.42}

or CSV with a header row (comma or semicolon separated; `#` lines are comments)::

    date,base,quote,rate
    2026-06-12,USD,TWD,31.42

An optional `note` column/key is allowed and ignored. Every error names file:line.
Rates are read from the raw text (never through float), so `31.42` stays exactly 31.42.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..errors import ConfigError

REQUIRED = ("date", "base", "quote", "rate")
OPTIONAL = ("note",)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CODE = re.compile(r"[A-Za-z]{3}")


@dataclass(frozen=True)
class UserRate:
    date: Date
    base: str
    quote: str
    value: Decimal    # 1 base = value quote
    line: int


@dataclass(frozen=True)
class UserRates:
    path: str
    rates: tuple[UserRate, ...]


def load_user_rates(path: str | Path) -> UserRates:
    """Read and check one rates file (.yaml/.yml or .csv); raise ConfigError naming file:line."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the rates file: {exc.strerror or exc}", path=str(path)) from None
    return parse_user_rates(data, str(path))


def parse_user_rates(data: bytes, path: str) -> UserRates:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"the rates file is not UTF-8 (byte {exc.start})", path=path) from None
    suffix = Path(path).suffix.lower()
    if suffix in (".yaml", ".yml"):
        rows = _yaml_rows(text, path)
    elif suffix == ".csv":
        rows = _csv_rows(text, path)
    else:
        raise ConfigError("a rates file must end in .yaml, .yml or .csv", path=path)
    rates = [_check(fields, line, path) for fields, line in rows]
    seen: dict[tuple[Date, frozenset[str]], int] = {}
    for rate in rates:
        key = (rate.date, frozenset((rate.base, rate.quote)))
        if key in seen:
            raise ConfigError(f"{rate.base}/{rate.quote} on {rate.date} is already given at line "
                              f"{seen[key]}", path=path, line=rate.line)
        seen[key] = rate.line
    return UserRates(path, tuple(rates))


Fields = dict[str, tuple[str, int]]  # name -> (raw text, line)


def _check(fields: Fields, line: int, path: str) -> UserRate:
    missing = [name for name in REQUIRED if name not in fields or not fields[name][0].strip()]
    if missing:
        raise ConfigError(f"missing {', '.join(missing)} (each rate needs date, base, quote, rate)",
                          path=path, line=line)

    def fail(name: str, message: str) -> None:
        raise ConfigError(message, path=path, line=fields[name][1])

    raw_date = fields["date"][0].strip()
    try:
        if not _ISO_DATE.fullmatch(raw_date):
            raise ValueError
        day = Date.fromisoformat(raw_date)
    except ValueError:
        fail("date", f"date {raw_date!r} is not a YYYY-MM-DD date")
    codes = {}
    for name in ("base", "quote"):
        raw = fields[name][0].strip()
        if not _CODE.fullmatch(raw):
            fail(name, f"{name} {raw!r} is not a three-letter currency code")
        codes[name] = raw.upper()
    if codes["base"] == codes["quote"]:
        fail("quote", f"base and quote are both {codes['base']}")
    raw_rate = fields["rate"][0].strip()
    try:
        value = Decimal(raw_rate)
    except InvalidOperation:
        hint = " (use a dot as the decimal separator, no thousands separator)" if "," in raw_rate else ""
        fail("rate", f"rate {raw_rate!r} is not a number{hint}")
    if not value.is_finite() or value <= 0:
        fail("rate", f"rate {raw_rate!r} must be a positive number")
    return UserRate(day, codes["base"], codes["quote"], value, line)  # type: ignore[possibly-undefined]


def _known(name: str, line: int, path: str) -> None:
    if name not in REQUIRED + OPTIONAL:
        raise ConfigError(f"unknown field {name!r} (known: {', '.join(REQUIRED + OPTIONAL)})",
                          path=path, line=line)


def _csv_rows(text: str, path: str) -> list[tuple[Fields, int]]:
    import csv
    import io
    lines = [(n, l) for n, l in enumerate(text.splitlines(), 1) if l.strip() and not l.lstrip().startswith("#")]
    if not lines:
        raise ConfigError("the rates file is empty (expected a header: date,base,quote,rate)", path=path)
    header_line, header_text = lines[0]
    delimiter = ";" if ";" in header_text and "," not in header_text else ","
    names = [n.strip().lower() for n in next(csv.reader([header_text], delimiter=delimiter))]
    for name in names:
        _known(name, header_line, path)
    missing = [n for n in REQUIRED if n not in names]
    if missing:
        raise ConfigError(f"the header lacks {', '.join(missing)} (expected date,base,quote,rate)",
                          path=path, line=header_line)
    rows = []
    for number, line in lines[1:]:
        cells = next(csv.reader(io.StringIO(line), delimiter=delimiter))
        if len(cells) != len(names):
            raise ConfigError(f"expected {len(names)} fields, found {len(cells)}", path=path, line=number)
        rows.append(({name: (cell, number) for name, cell in zip(names, cells)}, number))
    return rows


def _yaml_rows(text: str, path: str) -> list[tuple[Fields, int]]:
    import yaml

    from ..profiles.schema import compose
    root = compose(text, path, ConfigError)
    if root is None:
        return []
    if isinstance(root, yaml.MappingNode):
        keys = {k.value: v for k, v in root.value}
        if set(keys) != {"rates"}:
            raise ConfigError("expected a list of rates, or a mapping with only a 'rates' key",
                              path=path, line=root.start_mark.line + 1)
        root = keys["rates"]
    if not isinstance(root, yaml.SequenceNode):
        raise ConfigError("'rates' must be a list of {date, base, quote, rate}", path=path,
                          line=root.start_mark.line + 1)
    rows = []
    for item in root.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raise ConfigError("each rate must be a mapping with date, base, quote, rate", path=path, line=line)
        fields: Fields = {}
        for key, value in item.value:
            key_line = key.start_mark.line + 1
            _known(key.value, key_line, path)
            if key.value in fields:
                raise ConfigError(f"duplicate key {key.value!r}", path=path, line=key_line)
            if not isinstance(value, yaml.ScalarNode):
                raise ConfigError(f"{key.value} must be a single value", path=path,
                                  line=value.start_mark.line + 1)
            fields[key.value] = (value.value, value.start_mark.line + 1)
        rows.append((fields, line))
    return rows
