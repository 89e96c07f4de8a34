"""A prefilter shared by a rule set's patterns: one automaton finds, in one pass, the
literals every pattern needs (literals.py), and each pattern then runs only on the
paragraphs that hold one of its own.

Twenty rules of a locale each scanning a 1 MB text with their own regex cost about a
second; most of those scans find nothing, because most paragraphs carry no yen
amount, no German weekday, no 月. The automaton (pyahocorasick) reads the folded text
once for all of them, and a pattern whose literals do not occur costs nothing.

The contract that makes the windows exact: a match, and the text its positive
lookarounds need, lie within one paragraph (a match does not run over a blank line).
Lookbehinds may still read before the paragraph: a window only bounds where a match
starts and ends. When a pattern's paragraphs cover most of the text, it scans the
whole text at once, which is faster than many short scans.
"""
from __future__ import annotations

import threading

from ..masking import masked
from .literals import required_literals, same_length_fold
from .memo import derived, recall

# Above this share of the text in windows, one scan of the whole text is cheaper.
WHOLE = 0.5
# Below this many characters a text is scanned whole by every pattern: the prefilter's
# pass would cost more than it saves, and an article of a few kilobytes (a pre-commit
# run) never pays for reading the patterns' literals or building the automaton.
MIN_TEXT = 32_768


class Gate:
    def __init__(self) -> None:
        self._patterns: list[str] = []
        self._sets: list[frozenset[str] | None] | None = None
        self._auto = None
        self._lock = threading.Lock()

    def register(self, pattern: str) -> int:
        """A pattern of the rule set; the number to ask for its windows by."""
        self._patterns.append(pattern)
        return len(self._patterns) - 1

    def windows(self, text: str, number: int) -> list[tuple[int, int]] | None:
        """The (start, end) spans pattern `number` needs to scan in `text`: [] when none
        of its literals occurs, None when the whole text is the cheaper scan."""
        if len(text) < MIN_TEXT or self._literals()[number] is None:
            return None
        starts = sorted(self._found(text).get(number, ()))
        spans: list[tuple[int, int]] = []
        for at in starts:
            if spans and at < spans[-1][1]:
                continue
            gap = text.rfind("\n\n", 0, at)
            start = 0 if gap == -1 else gap + 2
            gap = text.find("\n\n", at)
            end = len(text) if gap == -1 else gap + 1  # the line break: lookaheads see it
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        if sum(e - s for s, e in spans) > WHOLE * len(text):
            return None
        return spans

    def _literals(self) -> list[frozenset[str] | None]:
        """Each pattern's literals and the automaton over all of them, made on first use
        (threads share the gate: one of them builds it)."""
        if self._sets is None:
            with self._lock:
                if self._sets is None:
                    sets = [required_literals(p) for p in self._patterns]
                    self._auto = _automaton(sets)
                    self._sets = sets
        return self._sets

    def _found(self, text: str) -> dict[int, list[int]]:
        """Where each pattern's literals start in `text`: one automaton pass per
        document, over its text with only the protected regions masked. Every scope
        masks at least those, at the same offsets, so its hits serve every scope (a
        hit in a heading only gives a prose rule a window it finds nothing in)."""
        doc = recall(text, "document")
        if doc is not None:
            text = masked(doc, "all")
        return derived(text, self, self._scan)

    def _scan(self, text: str) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        if self._auto is None:
            return found
        for end, (length, numbers) in self._auto.iter(derived(text, "fold", same_length_fold)):
            for number in numbers:
                found.setdefault(number, []).append(end - length + 1)
        return found


def _automaton(sets: list[frozenset[str] | None]):
    import ahocorasick
    owners: dict[str, list[int]] = {}
    for number, literals in enumerate(sets):
        for literal in literals or ():
            owners.setdefault(literal, []).append(number)
    if not owners:
        return None
    auto = ahocorasick.Automaton()
    for literal, numbers in owners.items():
        auto.add_word(literal, (len(literal), tuple(numbers)))
    auto.make_automaton()
    return auto
