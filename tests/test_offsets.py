"""Offset bookkeeping: line/column lookup and maps between successive texts."""
from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from localize.edits import Edit, apply_edits
from localize.offsets import EditMap, LineIndex, map_back, map_forward, map_spans


def _map_for(edits: list[Edit]) -> EditMap:
    return EditMap((e.start, e.end, len(e.replacement)) for e in edits)


def _edit(start: int, end: int, replacement: str) -> Edit:
    return Edit(start, end, replacement, "test.rule", "test")


# -- LineIndex ------------------------------------------------------------------------

def test_line_index_positions_are_one_based():
    idx = LineIndex("ab\ncd\n\nef")
    assert (idx.position(0).line, idx.position(0).column) == (1, 1)
    assert (idx.position(1).line, idx.position(1).column) == (1, 2)
    # The newline itself belongs to the line it ends.
    assert (idx.position(2).line, idx.position(2).column) == (1, 3)
    assert (idx.position(3).line, idx.position(3).column) == (2, 1)
    assert (idx.position(6).line, idx.position(6).column) == (3, 1)
    assert (idx.position(7).line, idx.position(7).column) == (4, 1)
    assert idx.position(9).offset == 9 and idx.position(9).column == 3
    assert idx.line_count == 4
    assert idx.line_start(2) == 3 and idx.line_start(4) == 7


def test_line_index_clamps_out_of_range_offsets():
    idx = LineIndex("abc\nde")
    assert idx.position(-5).offset == 0
    end = idx.position(100)
    assert (end.offset, end.line, end.column) == (6, 2, 3)


def test_line_index_counts_code_points_not_bytes():
    idx = LineIndex("日本語\n€uro 😀x")
    pos = idx.position(len("日本語\n€uro 😀"))
    assert (pos.line, pos.column) == (2, 7)


def test_line_index_of_empty_text():
    idx = LineIndex("")
    assert idx.line_count == 1
    p = idx.position(0)
    assert (p.offset, p.line, p.column) == (0, 1, 1)


def test_line_index_trailing_newline_opens_a_last_empty_line():
    idx = LineIndex("a\n")
    assert idx.line_count == 2
    assert (idx.position(2).line, idx.position(2).column) == (2, 1)


# -- EditMap: one layer -----------------------------------------------------------------

OLD = "The quick brown fox jumps"


def test_no_edits_is_identity_and_falsy():
    m = EditMap([])
    assert not m
    assert [m.to_new(i) for i in range(10)] == list(range(10))
    assert [m.to_old(i, at_end=True) for i in range(10)] == list(range(10))


def test_replacement_shifts_text_after_it():
    # "quick" (4..9) -> "slow" (one shorter)
    m = EditMap([(4, 9, 4)])
    new = OLD[:4] + "slow" + OLD[9:]
    assert m
    assert m.new_span(0) == (4, 8)
    assert m.to_new(0) == 0 and m.to_new(3) == 3
    assert m.to_new(4) == 4                 # start of the edited span
    assert m.to_new(9, at_end=True) == 8    # end of the edited span
    assert m.to_new(9) == 8                 # text after it
    fox = OLD.index("fox")
    assert new[m.to_new(fox):m.to_new(fox + 3, at_end=True)] == "fox"
    assert m.to_old(new.index("fox")) == fox
    assert m.to_old(new.index("fox") + 3, at_end=True) == fox + 3


def test_positions_strictly_inside_a_replacement_snap_to_its_edges():
    m = EditMap([(4, 9, 4)])
    # A start inside the old span maps to the start of the replacement, an end to its
    # end, so a span partly inside stays whole.
    assert m.to_new(6) == 4
    assert m.to_new(6, at_end=True) == 8
    assert m.to_old(5) == 4
    assert m.to_old(5, at_end=True) == 9


def test_insertion_seen_forwards():
    # Insert "very " at 4: what starts at 4 follows the inserted text, what ends at 4
    # precedes it.
    m = EditMap([(4, 4, 5)])
    new = OLD[:4] + "very " + OLD[4:]
    assert m.to_new(4) == 9
    assert m.to_new(4, at_end=True) == 4
    assert new[m.to_new(0):m.to_new(3, at_end=True)] == "The"
    assert new[m.to_new(4):m.to_new(9, at_end=True)] == "quick"
    assert new[:m.to_new(4, at_end=True)] == "The "


def test_insertion_seen_backwards_covers_the_inserted_text():
    m = EditMap([(4, 4, 5)])
    # Anything inside the inserted "very " maps to the insertion point.
    for pos in range(4, 10):
        assert m.to_old(pos, at_end=True) == 4
    assert m.to_old(4) == 4
    assert m.to_old(7) == 4
    assert m.to_old(9) == 4
    assert m.to_old(10) == 5


def test_deletion_seen_forwards_and_backwards():
    # Delete "quick " (4..10).
    m = EditMap([(4, 10, 0)])
    new = OLD[:4] + OLD[10:]
    assert new == "The brown fox jumps"
    assert m.to_new(4) == 4 and m.to_new(7) == 4 and m.to_new(10) == 4
    assert m.to_new(11) == 5
    # Backwards: a span starting at the deletion point begins after the deleted text;
    # a span ending there stops before it.
    assert m.to_old(4) == 10
    assert m.to_old(4, at_end=True) == 4
    assert map_back([m], 0, 4) == (0, 4)       # "The " does not swallow "quick "
    assert map_back([m], 4, 9) == (10, 15)     # "brown"


def test_adjacent_edits_share_a_boundary():
    # "The" -> "A" and "quick" removed, separated by one space; then "brown" -> "red".
    edits = [_edit(0, 3, "A"), _edit(4, 10, ""), _edit(10, 15, "red")]
    new = apply_edits(OLD, edits)
    assert new == "A red fox jumps"
    m = _map_for(edits)
    # The deletion and the replacement after it meet at one new position (2). A span
    # ending there ends before the deletion; one starting there starts at "red"'s
    # old start.
    assert m.to_old(2, at_end=True) == 4
    assert m.to_old(2) == 10
    assert map_back([m], 2, 5) == (10, 15)
    assert map_back([m], 0, 1) == (0, 3)


def test_run_of_deletions_seen_backwards():
    text = "abcXYZdef"
    edits = [_edit(3, 4, ""), _edit(4, 5, ""), _edit(5, 6, ""), _edit(6, 7, "D")]
    new = apply_edits(text, edits)
    assert new == "abcDef"
    m = _map_for(edits)
    assert m.to_old(3, at_end=True) == 3   # "abc" ends before all deletions
    assert m.to_old(3) == 6                # "D" starts after them
    assert map_back([m], 0, 3) == (0, 3)
    assert map_back([m], 3, 4) == (6, 7)


def test_insertion_right_after_a_replacement():
    text = "abc def"
    edits = [_edit(0, 3, "XY"), _edit(3, 3, "!")]
    new = apply_edits(text, edits)
    assert new == "XY! def"
    m = _map_for(edits)
    assert m.to_new(3, at_end=True) == 2   # "abc" ends before the "!"
    assert m.to_new(3) == 3                # " def" starts after it
    assert map_forward([m], 0, 3) == (0, 2)
    assert map_forward([m], 3, 7) == (3, 7)


def test_positions_before_the_first_and_after_the_last_edit():
    m = EditMap([(5, 6, 3), (10, 12, 0)])
    assert m.to_new(2) == 2 and m.to_old(2) == 2
    # shift after both: +2 then -2
    assert m.to_new(20) == 20 and m.to_old(20) == 20
    assert m.to_new(8) == 10 and m.to_old(10) == 8


@pytest.mark.parametrize("seed", range(25))
def test_unchanged_text_round_trips_through_random_edits(seed):
    """Every character no edit touched maps forward to the same character and back."""
    rng = random.Random(seed)
    text = "".join(rng.choice("abcdefgh \n") for _ in range(60))
    edits, pos = [], 0
    while pos < len(text):
        pos += rng.randint(0, 6)
        if pos > len(text):
            break
        length = rng.choice([0, 0, 1, 2, 3])
        end = min(len(text), pos + length)
        repl = "".join(rng.choice("XYZ") for _ in range(rng.choice([0, 1, 2, 4])))
        if end == pos and not repl:
            repl = "I"
        edits.append(_edit(pos, end, repl))
        pos = end + 1  # keep edits apart: insertions never share a point with others
    new = apply_edits(text, edits)
    m = _map_for(edits)
    touched = set()
    for e in edits:
        touched.update(range(e.start, e.end))
    for i, ch in enumerate(text):
        if i in touched:
            continue
        j = m.to_new(i)
        assert new[j] == ch
        assert m.to_old(j) == i
        assert m.to_new(i + 1, at_end=True) == j + 1
    for idx, e in enumerate(edits):
        s, t = m.new_span(idx)
        assert new[s:t] == e.replacement
        back = map_back([m], s, t)
        if e.replacement:
            assert back == (e.start, e.end)
        else:  # a deletion leaves a point; it maps back to one end of what was deleted
            assert back[0] == back[1] and back[0] in (e.start, e.end)


# -- several layers ---------------------------------------------------------------------

def test_map_back_and_forward_across_three_layers():
    t0 = "one two three four five"
    e1 = [_edit(4, 8, "")]                         # drop "two "
    t1 = apply_edits(t0, e1)
    assert t1 == "one three four five"
    e2 = [_edit(0, 3, "ONE!!")]                    # grow the first word
    t2 = apply_edits(t1, e2)
    assert t2 == "ONE!! three four five"
    e3 = [_edit(t2.index("four"), t2.index("four") + 4, "4")]
    t3 = apply_edits(t2, e3)
    assert t3 == "ONE!! three 4 five"
    maps = [_map_for(e1), _map_for(e2), _map_for(e3)]

    # "five" in the output comes from "five" in the input.
    s, e = t3.index("five"), t3.index("five") + 4
    o = map_back(maps, s, e)
    assert t0[o[0]:o[1]] == "five"
    # and forward again
    f = map_forward(maps, *o)
    assert t3[f[0]:f[1]] == "five"
    # "three": after a deletion and a growth.
    o = map_back(maps, t3.index("three"), t3.index("three") + 5)
    assert t0[o[0]:o[1]] == "three"
    # The replacement of layer 3 maps back onto "four" in the input.
    o = map_back(maps[:2], e3[0].start, e3[0].end)
    assert t0[o[0]:o[1]] == "four"
    # The layer-2 edit's new text, carried forward through layer 3.
    f = map_forward(maps[2:], 0, 5)
    assert t3[f[0]:f[1]] == "ONE!!"


def test_map_back_never_returns_an_inverted_span():
    m = EditMap([(4, 10, 0)])
    s, e = map_back([m], 4, 4)
    assert s <= e
    s, e = map_forward([m], 6, 5)
    assert s <= e


def test_map_with_no_layers_is_identity():
    assert map_back([], 3, 7) == (3, 7)
    assert map_forward([], 3, 7) == (3, 7)


@given(st.text(alphabet="ab\n", max_size=40), st.lists(st.integers(-3, 45), max_size=20))
def test_positions_in_a_batch_are_the_positions_one_by_one(text, offsets):
    index = LineIndex(text)
    assert index.positions(offsets) == [index.position(o) for o in offsets]


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 4), st.integers(0, 4)), max_size=6),
       st.lists(st.integers(0, 40), max_size=25), st.booleans())
def test_mapping_sorted_positions_in_one_walk_matches_one_by_one(raw, positions, at_end):
    spans, last = [], -1
    for start, length, new_length in sorted(raw):
        if start >= last:  # sorted, non-overlapping (touching allowed), as a pass's edits are
            spans.append((start, start + length, new_length))
            last = start + length
    edit_map = EditMap(spans)
    positions = sorted(positions)
    assert edit_map.to_new_sorted(positions, at_end) == [edit_map.to_new(p, at_end) for p in positions]


@given(st.lists(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 4), st.integers(0, 4)), max_size=5),
                max_size=3),
       st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=20), st.booleans())
def test_spans_carried_in_walks_match_one_by_one(layers, spans, back):
    maps = []
    for raw in layers:
        edits, last = [], -1
        for start, length, new_length in sorted(raw):
            if start >= last:
                edits.append((start, start + length, new_length))
                last = start + length
        maps.append(EditMap(edits))
    one_by_one = [(map_back if back else map_forward)(maps, s, e) for s, e in spans]
    assert map_spans(maps, spans, back) == one_by_one
