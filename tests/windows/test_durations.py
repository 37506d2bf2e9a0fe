"""Durations as users write them."""

from __future__ import annotations

from datetime import date

import pytest

from showtrack.errors import UsageError
from showtrack.windows.durations import parse_duration

AS_OF = date(2017, 7, 1)  # a Saturday
D = date.fromisoformat


# --- Durations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("7d", "2018-01-31", "2018-02-07"),
        ("2w", "2018-01-31", "2018-02-14"),
        ("3mo", "2018-01-31", "2018-04-30"),
        ("1y", "2016-02-29", "2017-02-28"),
        ("6 months", "2018-01-01", "2018-07-01"),
    ],
)
def test_durations(text: str, start: str, end: str) -> None:
    assert parse_duration(text).after(D(start)) == D(end)


@pytest.mark.parametrize("text", ["", "7", "d7", "3 fortnights", "-1d", "1.5w"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(UsageError):
        parse_duration(text)
