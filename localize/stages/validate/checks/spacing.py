"""Spacing rules: what space, if any, goes between two kinds of text.

`left` and `right` say what is on either side; `space` is the wanted space ("" for
none, " ", U+00A0, U+202F). Any run of spaces between them is compared with it:
French "Quoi ?" becomes "Quoi\u202f?", JTF "Word を" becomes "Wordを", and a missing
space is inserted where the house style wants one.
"""
from __future__ import annotations

import time
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


# The planner times each way of scanning on SAMPLE characters from the middle of the
# text and keeps the fastest; a short text is scanned the plain way. Small, because the
# slowest plan can cost 2 s per MB (a left side of "\S" scanned backwards).
SAMPLE = 4096

# A left side that is a literal or a plain class: a forward scan finds each end of it
# (every match has one length), and the regex module skips ahead to a literal.
_LITERAL = regex.compile(r"(?:\\[^pPwWsSdDbB]|[^\\\[\](){}.*+?|^$])+")
_PLAIN_CLASS = regex.compile(r"\[(?!\^)(?:\\[^pPwWsSdD]|[^\\\]])+\]")


class SpacingChecker:
    """Finds (left)(spaces)(right) and compares the spaces with the wanted one.

    The plain pattern, `(?<=left)(spaces)(?=right)`, tries the lookbehind at every
    character, which made a spacing rule cost up to 0.5 s per MB. The other plans scan
    for one part and confirm the others in place:
    - "joined": a literal left side, consumed with the spaces (when no space can be
      part of it, so one match never hides the next);
    - "left": the ends of the left side. A literal is scanned forwards; anything else
      backwards (regex's REVERSE flag, overlapped), which finds every position where a
      left match ends, exactly where the lookbehind holds (a forward scan finds one end
      per start, and missed "14|h" inside "14 h 30");
    - "spaces": the runs of spaces (rare in Japanese), when no space is wanted;
    - "right": the starts of the right side ("»", "%").
    Which is fastest depends on the patterns and the text (a digit is rare in prose, a
    letter is not; a pattern that opens with a lookbehind is slow to scan whatever it
    finds), so the planner times them on a sample. The clock picks only the route:
    every plan finds the same spots, which a test checks for every shipped rule.
    """

    def __init__(self, spec: RuleSpec):
        self.spec = spec
        self.want = spec.get("space")
        flags = regex.IGNORECASE if spec.get("ignorecase") else 0
        left, right = spec.get("left"), spec.get("right")
        run = "+" if self.want == "" else "*"
        self.plain = rcompile(f"(?<={left})([{regex.escape(SPACES)}]{run})(?={right})", flags)
        literal = bool(_LITERAL.fullmatch(left) or _PLAIN_CLASS.fullmatch(left))
        # A literal left side that no space can match may be consumed by the scan: one
        # match cannot then hide the next, and the whole check runs inside the engine.
        self.joined = (rcompile(f"(?:{left})([{regex.escape(SPACES)}]{run})(?={right})", flags)
                       if literal and not any(regex.fullmatch(left, c, flags) for c in SPACES) else None)
        self.left_ends = rcompile(f"(?:{left})", flags | (0 if literal else regex.REVERSE))
        self.right_scan = rcompile(f"(?:{right})", flags)
        self.left_before = rcompile(f"(?<={left})", flags)
        self.right_after = rcompile(f"(?={right})", flags)
        self.space_scan = rcompile(f"[{regex.escape(SPACES)}]+")
        # Tried cheapest-looking first, so the slow ones are cut short sooner.
        self.plans = (("joined",) if self.joined else ()) + (("left",) if literal else ()) + ("right", "plain") \
            + (() if literal else ("left",)) + (("spaces",) if self.want == "" else ())

    def find(self, text: str, deadline: float) -> Iterator[Hit]:
        want = self.want
        for start, end in self.spots(text, deadline, self._plan(text, deadline)):
            found = text[start:end]
            if found == want:
                continue
            # Report a missing space on the characters either side, so a caret shows it.
            shown = (max(0, start - 1), min(len(text), end + 1)) if start == end else (start, end)
            yield Hit(shown[0], shown[1], ((start, end, want),),
                      {"match": text[shown[0]:shown[1]], "fix": want,
                       "found": describe(found) if found else "no space", "want": describe(want)})

    def spots(self, text: str, deadline: float, plan: str = "plain") -> Iterator[tuple[int, int]]:
        """(start, end) of each run of spaces (maybe empty) between a left and a right."""
        if plan in ("plain", "joined"):
            scan = self.plain if plan == "plain" else self.joined
            for m in scan.finditer(text, timeout=remaining(deadline)):
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
            ends = {m.end() for m in self.left_ends.finditer(text, overlapped=True,
                                                            timeout=remaining(deadline))}
            last = -1
            for i in sorted(ends):
                if i <= last:
                    continue
                j = i
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

    def _plan(self, text: str, deadline: float) -> str:
        if len(text) <= 8 * SAMPLE:
            return "plain"
        middle = len(text) // 2
        sample = text[middle:middle + SAMPLE]
        best, best_cost = "plain", float("inf")
        for plan in self.plans:
            # A plan already three times slower than the best is cut short.
            start = time.perf_counter()
            try:
                for _ in self.spots(sample, min(deadline, time.monotonic() + 3 * best_cost), plan):
                    pass
            except TimeoutError:
                continue
            cost = time.perf_counter() - start
            if cost < best_cost:
                best, best_cost = plan, cost
        return best
