"""Han numerals and the myriad units: 四十億, 二千四百億, 2兆4000億, 3億5200万, 1.2万亿.

The numeral system itself (digits, 十百千, 万億兆) is the same in Japanese and Chinese
text, so it is a table here; which languages use it is lexicon data (`number.han`).
"""
from __future__ import annotations

from decimal import Decimal

from .parse import NumberError, NumberFormat, parse_number

HAN_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "壱": 1, "壹": 1, "二": 2, "弐": 2, "贰": 2, "貳": 2,
    "两": 2, "兩": 2, "三": 3, "参": 3, "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5,
    "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 1, "拾": 1, "百": 2, "佰": 2, "千": 3, "仟": 3}
BIG_UNITS = {"万": 4, "萬": 4, "億": 8, "亿": 8, "兆": 12}

HAN_DIGIT_CLASS = "".join(HAN_DIGITS)
SMALL_UNIT_CLASS = "".join(SMALL_UNITS)
BIG_UNIT_CLASS = "".join(BIG_UNITS)


def parse_han(text: str, fmt: NumberFormat = NumberFormat()) -> Decimal:
    """Value of a numeral mixing Arabic digits, Han digits and units.

    Units after a larger unit add (`2兆4000億`); a unit right after another unit
    multiplies what came before (`2万亿` = 2 x 10^12, the Chinese trillion).
    """
    total = Decimal(0)
    section = Decimal(0)
    current: Decimal | None = None
    last_big: int | None = None
    prev = ""           # kind of the previous token
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in HAN_DIGITS:
            if prev == "arabic":
                raise NumberError(f"Han digit after Arabic digits in {text!r}")
            d = HAN_DIGITS[ch]
            current = current * 10 + d if (prev == "han" and current is not None) else Decimal(d)
            prev = "han"
            i += 1
        elif ch in SMALL_UNITS:
            section += (current if current is not None else 1) * Decimal(10) ** SMALL_UNITS[ch]
            current, prev = None, "small"
            i += 1
        elif ch in BIG_UNITS:
            exp = BIG_UNITS[ch]
            group = section + (current or 0)
            section, current = Decimal(0), None
            if group == 0:
                if prev != "big":
                    raise NumberError(f"unit without a number in {text!r}")
                total *= Decimal(10) ** exp
            elif last_big is not None and exp > last_big:
                total = (total + group) * Decimal(10) ** exp
            else:
                total += group * Decimal(10) ** exp
            last_big, prev = exp, "big"
            i += 1
        else:
            j = i
            while j < n and text[j] not in HAN_DIGITS and text[j] not in SMALL_UNITS \
                    and text[j] not in BIG_UNITS:
                j += 1
            if prev in ("arabic", "han") or current is not None:
                raise NumberError(f"two numbers run together in {text!r}")
            current = parse_number(text[i:j], fmt)
            prev = "arabic"
            i = j
    if prev == "":
        raise NumberError("empty numeral")
    return total + section + (current or 0)


def is_han_only(text: str) -> bool:
    return bool(text) and all(c in HAN_DIGITS or c in SMALL_UNITS or c in BIG_UNITS for c in text)
