"""Edits, conflict resolution and the records stages trade in."""
from __future__ import annotations

import random

import pytest

from localize.edits import (Change, Diagnostic, Edit, Position, Severity, apply_edits,
                            resolve_conflicts)


def E(start, end, repl, rule="r.a", priority=0, reason="why"):
    return Edit(start, end, repl, rule, reason, priority=priority)


def _key(e: Edit):
    return (e.start, e.end, e.replacement, e.rule, e.priority)


MIXED = [
    E(0, 5, "AAAAA", "r.long"),
    E(0, 3, "bbb", "r.short"),
    E(2, 6, "cc", "r.mid"),
    E(6, 6, "+", "r.ins1"),
    E(6, 6, "-", "r.ins2"),
    E(6, 8, "dd", "r.after-ins"),
    E(10, 12, "x", "r.b", priority=1),
    E(10, 12, "y", "r.a", priority=1),
    E(10, 12, "z", "r.c", priority=0),
    E(14, 15, "q", "r.same"),
    E(14, 15, "q", "r.same"),
    E(20, 22, "", "r.delete"),
    E(22, 22, "!", "r.ins-after-delete"),
]


def test_winners_do_not_overlap_and_are_sorted():
    winners, losers = resolve_conflicts(list(MIXED))
    for a, b in zip(winners, winners[1:]):
        assert a.start <= b.start
        assert not a.overlaps(b)
        assert a.end <= b.start


@pytest.mark.parametrize("seed", range(20))
def test_resolution_does_not_depend_on_input_order(seed):
    expected_w, expected_l = resolve_conflicts(list(MIXED))
    shuffled = list(MIXED)
    random.Random(seed).shuffle(shuffled)
    winners, losers = resolve_conflicts(shuffled)
    assert [_key(e) for e in winners] == [_key(e) for e in expected_w]
    assert [(_key(lo), _key(w)) for lo, w in losers] == [(_key(lo), _key(w)) for lo, w in expected_l]


def test_longer_span_wins_at_the_same_start_and_losers_name_the_winner():
    winners, losers = resolve_conflicts([E(0, 3, "bbb", "r.short"), E(0, 5, "AAAAA", "r.long"),
                                         E(2, 6, "cc", "r.mid")])
    assert [w.rule for w in winners] == ["r.long"]
    assert sorted((lo.rule, w.rule) for lo, w in losers) == [("r.mid", "r.long"), ("r.short", "r.long")]


def test_earlier_start_wins():
    winners, losers = resolve_conflicts([E(3, 8, "x", "r.late"), E(1, 4, "y", "r.early")])
    assert [w.rule for w in winners] == ["r.early"]
    assert [(lo.rule, w.rule) for lo, w in losers] == [("r.late", "r.early")]


def test_priority_then_rule_id_break_ties():
    winners, _ = resolve_conflicts([E(10, 12, "x", "r.b", priority=1), E(10, 12, "z", "r.c", priority=0)])
    assert winners[0].rule == "r.c"  # lower priority number wins
    winners, losers = resolve_conflicts([E(10, 12, "x", "r.b"), E(10, 12, "y", "r.a")])
    assert winners[0].rule == "r.a"  # then the rule id
    assert losers[0][0].rule == "r.b"


def test_identical_duplicates_are_merged_not_reported():
    winners, losers = resolve_conflicts([E(4, 6, "ok", "r.x"), E(4, 6, "ok", "r.x")])
    assert len(winners) == 1 and losers == []


def test_same_change_from_two_rules_is_one_edit():
    winners, losers = resolve_conflicts([E(4, 6, "ok", "r.x"), E(4, 6, "ok", "r.y")])
    assert len(winners) == 1 and losers == []
    assert winners[0].rule == "r.x"


def test_same_span_different_replacement_is_a_conflict():
    winners, losers = resolve_conflicts([E(4, 6, "one", "r.x"), E(4, 6, "two", "r.x")])
    assert len(winners) == 1 and len(losers) == 1
    assert {winners[0].replacement, losers[0][0].replacement} == {"one", "two"}


def test_two_insertions_at_one_point_conflict():
    winners, losers = resolve_conflicts([E(6, 6, "+", "r.ins1"), E(6, 6, "-", "r.ins2")])
    assert len(winners) == 1 and len(losers) == 1
    assert losers[0][1] is winners[0]


def test_insertion_at_the_start_of_a_replacement_conflicts():
    winners, losers = resolve_conflicts([E(6, 6, "+", "r.ins"), E(6, 8, "dd", "r.rep")])
    assert len(winners) == 1 and len(losers) == 1
    # The longer span wins at the same start.
    assert winners[0].rule == "r.rep"


def test_insertion_at_the_end_of_a_replacement_or_deletion_is_fine():
    winners, losers = resolve_conflicts([E(20, 22, "", "r.delete"), E(22, 22, "!", "r.ins")])
    assert len(winners) == 2 and losers == []
    assert apply_edits("0123456789012345678901234", winners).startswith("01234567890123456789!")


def test_adjacent_replacements_do_not_conflict():
    winners, losers = resolve_conflicts([E(0, 2, "a"), E(2, 4, "b")])
    assert len(winners) == 2 and losers == []


def test_insertion_inside_a_replacement_conflicts():
    winners, losers = resolve_conflicts([E(0, 4, "x", "r.rep"), E(2, 2, "+", "r.ins")])
    assert [w.rule for w in winners] == ["r.rep"]
    assert [lo.rule for lo, _ in losers] == ["r.ins"]


def test_every_input_edit_is_a_winner_a_loser_or_a_duplicate():
    winners, losers = resolve_conflicts(list(MIXED))
    accounted = len(winners) + len(losers)
    duplicates = len(MIXED) - len({(e.start, e.end, e.replacement) for e in MIXED})
    assert accounted + duplicates == len(MIXED)


def test_empty_input():
    assert resolve_conflicts([]) == ([], [])


def test_apply_edits():
    text = "Hello  wide world"
    edits = [E(0, 5, "Hi"), E(5, 7, " "), E(17, 17, "!")]
    assert apply_edits(text, edits) == "Hi wide world!"
    assert apply_edits(text, []) == text


def test_edit_data_does_not_affect_equality():
    a = Edit(0, 1, "x", "r", "why", data={"rate": 1})
    b = Edit(0, 1, "x", "r", "why", data={"rate": 2})
    assert a == b


def test_severity_parse_and_rank():
    assert Severity.parse("error") is Severity.ERROR
    assert Severity.parse(Severity.INFO) is Severity.INFO
    assert Severity.ERROR.rank > Severity.WARNING.rank > Severity.INFO.rank
    with pytest.raises(ValueError, match="use error, warning or info"):
        Severity.parse("fatal")


def test_change_and_diagnostic_to_dict():
    p1, p2, p3 = Position(4, 2, 1), Position(6, 2, 3), Position(10, 3, 1)
    c = Change("normalise", "normalise.x", "ab", "c", "because", p1, p2, p3, p3, {"k": 1})
    d = c.to_dict()
    assert (d["line"], d["column"], d["end_line"], d["end_column"]) == (2, 1, 2, 3)
    assert d["output"] == {"line": 3, "column": 1}
    assert d["before"] == "ab" and d["after"] == "c" and d["data"] == {"k": 1}
    assert c.line == 2 and c.column == 1

    diag = Diagnostic("r.x", Severity.WARNING, "msg", 4, 6, "normalise", fix="c")
    assert diag.line == 0  # not positioned yet
    dd = diag.to_dict()
    assert dd["offset"] == 4 and dd["end_offset"] == 6 and "output" not in dd
    diag.original_start, diag.original_end, diag.output_start = p1, p2, p3
    dd = diag.to_dict()
    assert (dd["line"], dd["column"], dd["severity"], dd["fix"]) == (2, 1, "warning", "c")
    assert dd["output"] == {"line": 3, "column": 1}
