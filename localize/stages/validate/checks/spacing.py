"""Spacing rules: what space, if any, goes between two kinds of text.

`left` and `right` say what is on either side; `space` is the wanted space ("" for
none, " ", U+00A0, U+202F). Any run of spaces between them is compared with it:
French "Quoi ?" becomes "Quoi\u202f?", JTF "Word を" becomes "Wordを", and a missing
space is inserted where the house style wants one.
"""
from __future__ import annotations

from typing import Iterator

import regex

from ..compiled import compile as rcompile
from ..spec import RuleSpec
from . import Hit, remaining

# Spaces a rule weighs: ordinary, no-break, narrow no-break, thin, ideographic.
SPACES = " \t\u00a0\u202f\u2009\u3000"

_NAMES = {"": "no space", " ": "a space", "\u00a0": "a no-break space (U+00A0)",
          "\u202f": "a narrow no-break space (U+202F)", "\u2009": "a thin space (U+2009)"}


def describe(space: str) -> str:
    return _NAMES.get(space, repr(space))


_LITERAL = regex.compile(r"(?:\\[^pPwWsSdDbB]|[^\\\[\](){}.*+?|^$])+")
_PLAIN_CLASS = regex.compile(r"\[(?!\^)(?:\\[^pPwWsSdD]|[^\\\]])+\]")

# How much of the text the planner samples, and the share of matches above which
# scanning for one side is no better than the plain pattern.
SAMPLE = 32_768
RARE = 0.05


class SpacingChecker:
    """Finds (left)(spaces)(right) and compares the spaces with the wanted one.

    The plain pattern, `(?<=left)(spaces)(?=right)`, stops at every character when the
    left side is broad (any letter), which made a spacing rule cost up to 0.5 s per MB.
    So the checker first counts, on a sample, how often each part occurs, and scans for
    a rare one: a literal left side ("«", "[,;]"), or, when no space is wanted, the runs
    of spaces themselves (rare in Japanese), or the right side ("»", ";"). Each candidate is then
    confirmed with the other parts in place. The counts are deterministic, so a text
    always gets the same plan, and every plan finds the same spots.
    """

    def __init__(self, spec: RuleSpec):
        self.spec = spec
        self.want = spec.get("space")
        flags = regex.IGNORECASE if spec.get("ignorecase") else 0
        left, right = spec.get("left"), spec.get("right")
        run = "+" if self.want == "" else "*"
        self.plain = rcompile(f"(?<={left})([{regex.escape(SPACES)}]{run})(?={right})", flags)
        self.left_scan = rcompile(f"(?:{left})", flags)
        self.right_scan = rcompile(f"(?:{right})", flags)
        self.left_before = rcompile(f"(?<={left})", flags)
        self.right_after = rcompile(f"(?={right})", flags)
        self.space_scan = rcompile(f"[{regex.escape(SPACES)}]+")
        self.left_literal = bool(_LITERAL.fullmatch(left) or _PLAIN_CLASS.fullmatch(left))

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        want = self.want
        for start, end in self._spots(text, deadline):
            found = text[start:end]
            if found == want:
                continue
            # Report a missing space on the characters either side, so a caret shows it.
            shown = (max(0, start - 1), min(len(text), end + 1)) if start == end else (start, end)
            yield Hit(shown[0], shown[1], ((start, end, want),),
                      {"match": text[shown[0]:shown[1]], "fix": want,
                       "found": describe(found) if found else "no space", "want": describe(want)})

    def _spots(self, text: str, deadline: float) -> Iterator[tuple[int, int]]:
        plan = self._plan(text)
        if plan == "plain":
            for m in self.plain.finditer(text, timeout=remaining(deadline)):
                yield m.span(1)
            return
        n = len(text)
        if plan == "right":
            for m in self.right_scan.finditer(text, overlapped=True, timeout=remaining(deadline)):
                j = i = m.start()
                while i > 0 and text[i - 1] in SPACES:
                    i -= 1
                if (i < j or self.want != "") and self.left_before.match(text, i):
                    yield i, j
        elif plan == "left":
            last = -1
            for m in self.left_scan.finditer(text, overlapped=True, timeout=remaining(deadline)):
                i = j = m.end()
                if i <= last:
                    continue
                while j < n and text[j] in SPACES:
                    j += 1
                if (i < j or self.want != "") and self.right_after.match(text, j):
                    last = i
                    yield i, j
        else:  # runs of spaces, only when no space is wanted
            for m in self.space_scan.finditer(text, timeout=remaining(deadline)):
                i, j = m.span()
                if self.left_before.match(text, i) and self.right_after.match(text, j):
                    yield i, j

    def _plan(self, text: str) -> str:
        # A literal side is the cheapest thing to scan for, then runs of spaces, then a
        # right side that happens to be rare (its pattern may still be slow to scan).
        sample = text[:SAMPLE]
        limit = RARE * max(len(sample), 1)
        if self.left_literal and _count(self.left_scan, sample) <= limit:
            return "left"
        if self.want == "" and _count(self.space_scan, sample) <= limit:
            return "spaces"
        if _count(self.right_scan, sample) <= limit:
            return "right"
        return "plain"


def _count(pattern: regex.Pattern, sample: str) -> int:
    return sum(1 for _ in pattern.finditer(sample, overlapped=True, timeout=1.0))
