"""Offset bookkeeping: line/column lookup and maps between successive texts.

Each pass of the pipeline turns text N into text N+1 by non-overlapping edits. An
`EditMap` records that one step; a list of them lets any span be carried back to the
original input or forward to the final output. Positions inside a replaced span map
to the edges of the replacement, which is what an editor wants to see highlighted.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate, repeat
from operator import add, sub
from typing import Iterable, Sequence

from .edits import Position


class LineIndex:
    """Offset -> (line, column), both 1-based, columns in code points."""

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        # Each line's start is the previous start plus its length and the "\n": summed
        # by C loops (a 1 MB article has 20,000 lines, and every run indexes two texts).
        lengths = map(len, text.split("\n"))
        self._starts = list(accumulate(map(add, lengths, repeat(1)), initial=0))[:-1]
        self._length = len(text)

    def position(self, offset: int) -> Position:
        at = max(0, min(offset, self._length))
        line = bisect_right(self._starts, at) - 1
        return Position(at, line + 1, at - self._starts[line] + 1)

    def positions(self, offsets: list[int]) -> list[Position]:
        """position() of each offset, by C loops (a long article has thousands)."""
        starts, length = self._starts, self._length
        at = list(map(max, repeat(0), map(min, offsets, repeat(length))))
        lines = list(map(bisect_right, repeat(starts), at))  # 1-based: one past the index
        columns = map(sub, at, map(starts.__getitem__, map(sub, lines, repeat(1))))
        # tuple.__new__ builds the named tuples in C (Position(...) runs Python code).
        fields = zip(at, lines, map(add, columns, repeat(1)))
        return list(map(tuple.__new__, repeat(Position), fields))

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)


class EditMap:
    """The offset map of one application of sorted, non-overlapping edits."""

    __slots__ = ("_old_starts", "_old_ends", "_new_starts", "_new_ends")

    def __init__(self, spans: Iterable[tuple[int, int, int]]) -> None:
        """`spans` are (old_start, old_end, new_length), sorted by old_start."""
        self._old_starts: list[int] = []
        self._old_ends: list[int] = []
        self._new_starts: list[int] = []
        self._new_ends: list[int] = []
        shift = 0
        for start, end, new_len in spans:
            self._old_starts.append(start)
            self._old_ends.append(end)
            self._new_starts.append(start + shift)
            self._new_ends.append(start + shift + new_len)
            shift += new_len - (end - start)

    def new_span(self, index: int) -> tuple[int, int]:
        """Where the `index`-th edit's replacement sits in the new text."""
        return self._new_starts[index], self._new_ends[index]

    def __bool__(self) -> bool:
        return bool(self._old_starts)

    @staticmethod
    def _map(pos: int, starts: Sequence[int], ends: Sequence[int],
             to_starts: Sequence[int], to_ends: Sequence[int], at_end: bool) -> int:
        # Several spans can meet at one position (an empty span next to a non-empty
        # one, or a run of deletions seen backwards). A span's start takes the last of
        # them, so it begins after whatever was inserted or deleted there; a span's end
        # takes the first, so it stops before it.
        if at_end:
            i = bisect_left(ends, pos)
            if i == len(ends) or starts[i] > pos:
                return pos if i == 0 else pos - ends[i - 1] + to_ends[i - 1]
            return to_starts[i] if starts[i] == pos else to_ends[i]
        i = bisect_right(starts, pos) - 1
        if i < 0:
            return pos
        end = ends[i]
        if pos >= end:
            return pos - end + to_ends[i]
        # At the start of, or strictly inside, an edited span: snap to its start.
        return to_starts[i]

    def to_new(self, pos: int, at_end: bool = False) -> int:
        return self._map(pos, self._old_starts, self._old_ends, self._new_starts, self._new_ends, at_end)

    def to_old(self, pos: int, at_end: bool = False) -> int:
        return self._map(pos, self._new_starts, self._new_ends, self._old_starts, self._old_ends, at_end)

    def to_new_sorted(self, positions: Sequence[int], at_end: bool = False) -> list[int]:
        """to_new() of each of `positions`, which must be in ascending order: one walk
        along the edits instead of a search each (a document's regions after a pass)."""
        return _walk(positions, self._old_starts, self._old_ends, self._new_starts, self._new_ends, at_end)

    def to_old_sorted(self, positions: Sequence[int], at_end: bool = False) -> list[int]:
        """to_old() of each of `positions`, in ascending order."""
        return _walk(positions, self._new_starts, self._new_ends, self._old_starts, self._old_ends, at_end)


def _walk(positions: Sequence[int], starts: Sequence[int], ends: Sequence[int],
          to_starts: Sequence[int], to_ends: Sequence[int], at_end: bool) -> list[int]:
    """EditMap._map of each of the ascending `positions`, in one pass over the edits."""
    out: list[int] = []
    count = len(starts)
    i = 0
    if at_end:
        for pos in positions:  # i: the first edit ending at or after pos
            while i < count and ends[i] < pos:
                i += 1
            if i == count or starts[i] > pos:
                out.append(pos if i == 0 else pos - ends[i - 1] + to_ends[i - 1])
            else:
                out.append(to_starts[i] if starts[i] == pos else to_ends[i])
        return out
    for pos in positions:  # i: the number of edits starting at or before pos
        while i < count and starts[i] <= pos:
            i += 1
        if i == 0:
            out.append(pos)
        elif pos >= ends[i - 1]:
            out.append(pos - ends[i - 1] + to_ends[i - 1])
        else:
            out.append(to_starts[i - 1])
    return out


def map_spans(maps: Sequence[EditMap], spans: Sequence[tuple[int, int]], back: bool) -> list[tuple[int, int]]:
    """map_back (or map_forward) of each span, by walks over sorted offsets: the many
    findings of a long article are placed in a few passes over each map's edits."""
    if not maps or not spans:
        return [(s, max(s, e)) for s, e in spans]
    starts = _through(maps, [s for s, _ in spans], back, at_end=False)
    ends = _through(maps, [e for _, e in spans], back, at_end=True)
    return [(s, max(s, e)) for s, e in zip(starts, ends)]


def _through(maps: Sequence[EditMap], positions: list[int], back: bool, at_end: bool) -> list[int]:
    order = sorted(range(len(positions)), key=positions.__getitem__)
    values = [positions[i] for i in order]
    for m in (reversed(maps) if back else maps):
        values = m.to_old_sorted(values, at_end) if back else m.to_new_sorted(values, at_end)
    out = [0] * len(positions)
    for i, value in zip(order, values):
        out[i] = value
    return out


def map_back(maps: Sequence[EditMap], start: int, end: int) -> tuple[int, int]:
    """Carry a span in the text after `maps` back to the text before them."""
    for m in reversed(maps):
        start, end = m.to_old(start), m.to_old(end, at_end=True)
    return start, max(start, end)


def map_forward(maps: Sequence[EditMap], start: int, end: int) -> tuple[int, int]:
    """Carry a span in the text before `maps` forward to the text after them."""
    for m in maps:
        start, end = m.to_new(start), m.to_new(end, at_end=True)
    return start, max(start, end)
