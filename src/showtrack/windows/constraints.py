"""Constraints between releases: one cannot come before another (plus a lag). The
solver gives each release its effective earliest day; cycles are found when a link is
made."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from showtrack.windows.durations import Duration


class Constraint(NamedTuple):
    """This release cannot come before `release_id` (plus `lag`)."""

    release_id: str
    lag: Duration = Duration()


class ConstraintNode(NamedTuple):
    """What the constraint solver needs to know of one release."""

    earliest: date | None
    release_date: date | None = None
    after: tuple[Constraint, ...] = ()


def effective_earliest(nodes: Mapping[str, ConstraintNode]) -> dict[str, date | None]:
    """Each release's effective earliest: the later of its own earliest and, for each
    release it waits on, that one's release date (or effective earliest) + lag + 1 day."""
    memo: dict[str, date | None] = {}
    visiting: set[str] = set()

    def solve(release_id: str) -> date | None:
        if release_id in memo:
            return memo[release_id]
        node = nodes[release_id]
        best = node.earliest
        if best is None:  # a constraint narrows a window; it does not make one out of TBA
            memo[release_id] = None
            return None
        visiting.add(release_id)
        for constraint in node.after:
            other = nodes.get(constraint.release_id)
            if other is None or constraint.release_id in visiting:
                continue  # a dangling or cyclic link (refused when made) adds nothing
            base = other.release_date or solve(constraint.release_id)
            if base is not None:
                best = max(best, constraint.lag.after(base) + timedelta(days=1))
        visiting.discard(release_id)
        memo[release_id] = best
        return best

    for release_id in nodes:
        solve(release_id)
    return memo


def find_cycle(edges: Mapping[str, Sequence[str]], start: str) -> list[str] | None:
    """A path that leads from `start` back to itself along `edges`, or None."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for nxt in edges.get(node, ()):
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None
