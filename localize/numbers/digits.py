"""Digits and separators as they appear in text, mapped to what `Decimal` reads."""
from __future__ import annotations

# Full-width forms (U+FF10-U+FF19 and the full-width period) turn up in Japanese and
# Chinese text typed with an IME; they mean exactly what their ASCII twins mean.
FULLWIDTH_DIGITS = "０１２３４５６７８９"
DIGITS = "0-9" + FULLWIDTH_DIGITS[0] + "-" + FULLWIDTH_DIGITS[-1]   # a regex class body

_TO_ASCII = str.maketrans({**{fw: str(i) for i, fw in enumerate(FULLWIDTH_DIGITS)},
                           "．": ".", "，": ","})

# Spaces that group digits: no-break space (de, es), narrow no-break space (fr, CLDR),
# thin space (typeset text). A plain space groups only where the lexicon says so.
GROUP_SPACES = "\u00a0\u202f\u2009"
APOSTROPHES = "'\u2019"   # Swiss grouping: 1'234'567 (and its typographic form)


def to_ascii_digits(text: str) -> str:
    """`４０．５` -> `40.5`; anything else is left as it is."""
    return text.translate(_TO_ASCII)
