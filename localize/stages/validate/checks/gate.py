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

from .literals import same_length_fold
from ..masking import masked
from .memo import derived, recall

# Above this share of the text in windows, one scan of the whole text is cheaper.
WHOLE = 0.5


class Gate:
    def __init__(self) -> None:
        self._sets: list[frozenset[str]] = []
        self._auto = None

    def register(self, literals: frozenset[str] | None) -> int | None:
        """A pattern's literals (None: it has none, and always scans everything)."""
        if not literals or self._auto is not None:
            return None
        self._sets.append(literals)
        return len(self._sets) - 1

    def seal(self) -> None:
        import ahocorasick
        owners: dict[str, list[int]] = {}
        for number, literals in enumerate(self._sets):
            for literal in literals:
                owners.setdefault(literal, []).append(number)
        auto = ahocorasick.Automaton()
        for literal, numbers in owners.items():
            auto.add_word(literal, (len(literal), tuple(numbers)))
        if owners:
            auto.make_automaton()
        self._auto = auto if owners else None

    def windows(self, text: str, number: int) -> list[tuple[int, int]] | None:
        """The (start, end) spans pattern `number` needs to scan in `text`: [] when none
        of its literals occurs, None when the whole text is the cheaper scan."""
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

