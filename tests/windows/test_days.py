"""Days, months and times in words, as date options take them (windows/days.py)."""

from __future__ import annotations

from datetime import date, time

import pytest

from showtrack.errors import UsageError
from showtrack.windows.days import parse_day, parse_month, parse_time

SATURDAY = date(2017, 7, 1)


@pytest.mark.parametrize(
    ("text", "direction", "expected"),
    [
        ("2018-03-08", "past", date(2018, 3, 8)),
        ("today", "past", SATURDAY),
        ("Tomorrow", "future", date(2017, 7, 2)),
        ("yesterday", "past", date(2017, 6, 30)),
        ("friday", "future", date(2017, 7, 7)),
        ("friday", "past", date(2017, 6, 30)),
        ("saturday", "past", SATURDAY),
        ("saturday", "future", SATURDAY),
        ("last monday", "future", date(2017, 6, 26)),
        ("last saturday", "past", date(2017, 6, 24)),
        ("next friday", "future", date(2017, 7, 7)),  # the Friday of next week
        ("next monday", "past", date(2017, 7, 3)),
        ("march 8", "future", date(2018, 3, 8)),
        ("march 8", "past", date(2017, 3, 8)),
        ("8 March", "past", date(2017, 3, 8)),
        ("july 1st", "past", SATURDAY),
        ("3 days ago", "past", date(2017, 6, 28)),
        ("2 weeks ago", "future", date(2017, 6, 17)),
        ("in 3 days", "past", date(2017, 7, 4)),
        ("March 8, 2018", "past", date(2018, 3, 8)),
    ],
)
def test_a_day_in_words(text: str, direction: str, expected: date) -> None:
    assert parse_day(text, SATURDAY, "DATE", direction) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["", "march", "spring 2018", "whenever", "2018-02-30", "february 30", "last june"]
)
def test_what_is_not_one_day_is_refused(text: str) -> None:
    with pytest.raises(UsageError):
        parse_day(text, SATURDAY, "--until")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-03", (2018, 3)),
        ("march", (2018, 3)),
        ("March 2018", (2018, 3)),
        ("july", (2017, 7)),
        ("this month", (2017, 7)),
        ("next month", (2017, 8)),
    ],
)
def test_a_month_in_words(text: str, expected: tuple[int, int]) -> None:
    assert parse_month(text, SATURDAY) == expected


@pytest.mark.parametrize("text", ["2018-13", "spring 2018", "2018", "march 8", "soon"])
def test_what_is_not_one_month_is_refused(text: str) -> None:
    with pytest.raises(UsageError):
        parse_month(text, SATURDAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:00", time(21, 0)),
        ("9:05", time(9, 5)),
        ("9pm", time(21, 0)),
        ("9 PM", time(21, 0)),
        ("9:30 pm", time(21, 30)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("9 p.m.", time(21, 0)),
    ],
)
def test_a_time_of_day(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "13pm", "9", "noonish", "0am"])
def test_what_is_not_a_time_is_refused(text: str) -> None:
    with pytest.raises(UsageError):
        parse_time(text)
