"""Constraints between releases and their solver."""

from __future__ import annotations

from datetime import date

from showtrack.windows.constraints import (
    Constraint,
    ConstraintNode,
    effective_earliest,
    find_cycle,
)
from showtrack.windows.durations import Duration

AS_OF = date(2017, 7, 1)  # a Saturday
D = date.fromisoformat


# --- Constraints --------------------------------------------------------------------------


def test_constraint_moves_earliest_past_the_other_release() -> None:
    nodes = {
        "defenders/s1": ConstraintNode(D("2017-08-18"), None),
        "jj/s2": ConstraintNode(D("2017-06-01"), None, (Constraint("defenders/s1"),)),
        "dd/s3": ConstraintNode(D("2017-01-01"), None, (Constraint("jj/s2", Duration(months=6)),)),
    }
    got = effective_earliest(nodes)
    assert got["jj/s2"] == D("2017-08-19")
    assert got["dd/s3"] == D("2018-02-20")  # chained: 2017-08-19 + 6 months + 1 day


def test_constraint_uses_the_release_date_once_released() -> None:
    nodes = {
        "a": ConstraintNode(D("2017-01-01"), D("2017-03-01")),
        "b": ConstraintNode(D("2017-01-01"), None, (Constraint("a"),)),
    }
    assert effective_earliest(nodes)["b"] == D("2017-03-02")


def test_constraint_does_not_turn_tba_into_a_window() -> None:
    nodes = {
        "a": ConstraintNode(D("2017-01-01")),
        "b": ConstraintNode(None, None, (Constraint("a"),)),
    }
    assert effective_earliest(nodes)["b"] is None


def test_cycles_are_found() -> None:
    assert find_cycle({"a": ["b"], "b": ["c"], "c": ["a"]}, "a") == ["a", "b", "c", "a"]
    assert find_cycle({"a": ["b"], "b": ["c"]}, "a") is None
