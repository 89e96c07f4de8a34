"""Spacing rules: what space, if any, goes between two kinds of text.

`left` and `right` say what is on either side; `space` is the wanted space ("" for
none, " ", U+00A0, U+202F). Any run of spaces between them is compared with it:
French "Quoi ?" becomes "Quoi\u202f?", JTF "Word を" becomes "Wordを", and a missing
space is inserted where the house style wants one.
"""
from __future__ import annotations

from typing import Iterator

import regex

from ..spec import RuleSpec
from . import Hit, remaining

# Spaces a rule weighs: ordinary, no-break, narrow no-break, thin, ideographic.
SPACES = " \t\u00a0\u202f\u2009\u3000"

_NAMES = {"": "no space", " ": "a space", "\u00a0": "a no-break space (U+00A0)",
          "\u202f": "a narrow no-break space (U+202F)", "\u2009": "a thin space (U+2009)"}


def describe(space: str) -> str:
    return _NAMES.get(space, repr(space))


class SpacingChecker:
    def __init__(self, spec: RuleSpec):
        self.spec = spec
        self.want = spec.get("space")
        flags = regex.IGNORECASE if spec.get("ignorecase") else 0
        # When no space is wanted, only a present space can be wrong: requiring one
        # lets the scan skip ahead instead of stopping at every character.
        run = "+" if self.want == "" else "*"
        self.regex = regex.compile(
            f"(?<={spec.get('left')})([{regex.escape(SPACES)}]{run})(?={spec.get('right')})", flags)

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        want = self.want
        for m in self.regex.finditer(text, timeout=remaining(deadline)):
            found = m.group(1)
            if found == want:
                continue
            start, end = m.span(1)
            # Report a missing space on the characters either side, so a caret shows it.
            shown = (max(0, start - 1), min(len(text), end + 1)) if start == end else (start, end)
            yield Hit(shown[0], shown[1], ((start, end, want),),
                      {"match": text[shown[0]:shown[1]], "fix": want,
                       "found": describe(found) if found else "no space", "want": describe(want)})
