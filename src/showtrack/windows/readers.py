"""The readers of the forms of rules.RULES: each turns a rule's match into the days it
names, against the day the phrase was said (Context). No reader finds text: rules.py
matches it, phrases.py finds the runs of tokens."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from showtrack.errors import WindowError
from showtrack.windows import spans
from showtrack.windows.durations import Duration
from showtrack.windows.vocabulary import (
    COMING,
    COUNT_UNITS,
    MONTHS,
    MOVING_HOLIDAYS,
    NUMBER_WORDS,
    SEASON_NAMES,
    VAGUE_COUNTS,
    WEEK_OF_MONTH,
    WEEKDAYS,
)
from showtrack.windows.window import EXAMPLES, edtf_point, valid_date


class Span(NamedTuple):
    """Bounds found in a phrase; `kind` lets bound words treat e.g. "end of 2018" specially."""

    earliest: date | None
    latest: date | None
    kind: str = "span"


class Context(NamedTuple):
    """What a phrase is read against: the day it was said, and the hemisphere."""

    as_of: date
    southern: bool


class Groups:
    """The groups of a rule whose alternatives name the same thing differently
    (`n`, `n2`, ...): `m["n"]` is whichever alternative matched."""

    def __init__(self, m: re.Match[str]) -> None:
        self._groups = {k: v for k, v in m.groupdict().items() if v is not None}

    def __getitem__(self, name: str) -> str | None:
        return next((v for k, v in self._groups.items() if k.rstrip("0123456789") == name), None)


def _year_value(text: str | None, ctx: Context) -> int | None:
    """A year token as a number; "this year"/"year" is as_of's; None when absent."""
    if text is None:
        return None
    if text.startswith("'"):
        return 2000 + int(text[1:])
    if text in ("year", "this year"):
        return ctx.as_of.year
    if text == "next year":
        return ctx.as_of.year + 1
    return int(text)


def _choose(
    span_of_year: Callable[[int], tuple[date, date]], ctx: Context, policy: str, phrase: str
) -> tuple[date, date]:
    """Resolve a yearless span: the next one not yet ended ("this"), or the next to start."""
    for year in range(ctx.as_of.year - 1, ctx.as_of.year + 9):
        try:
            start, end = span_of_year(year)
        except ValueError:  # February 29 in a common year: try the next year
            continue
        if (policy == "next" and start > ctx.as_of) or (policy != "next" and end >= ctx.as_of):
            return start, end
    raise WindowError(f"{phrase!r} is not a real date", "check the day and month; " + EXAMPLES)


def _check_weekday(day: date, weekday: str | None, phrase: str) -> None:
    if weekday is not None and day.weekday() != WEEKDAYS[weekday]:
        raise WindowError(
            f"{phrase!r}: {day.isoformat()} is a {day:%A}, not a {weekday.capitalize()}",
            "fix the date or drop the weekday",
        )


def iso_day(m: re.Match[str], ctx: Context, text: str) -> Span:
    day = valid_date(int(m["y"]), int(m["m"]), int(m["d"]), text)
    return Span(day, day, "day")


def named_day(m: re.Match[str], ctx: Context, text: str) -> Span:
    month = MONTHS[m["mon"]]
    day = int(m["d"])
    year = _year_value(m["y"], ctx)
    if year is None:
        start, _ = _choose(lambda y: (date(y, month, day),) * 2, ctx, "this", text)
        return Span(start, start, "day")
    found = valid_date(year, month, day, text)
    _check_weekday(found, m["wd"], text)
    return Span(found, found, "day")


def days_of_month(m: re.Match[str], ctx: Context, text: str) -> Span:
    """ "Jan. 17-18": two days of one month, and those between."""
    month = MONTHS[m["mon"] or m["mon2"]]
    first, last = int(m["a"] or m["a2"]), int(m["b"] or m["b2"])
    if last <= first:
        raise WindowError(f"{text!r} ends before it starts", "e.g. 'January 17-18'")
    year = _year_value(m["y"], ctx)
    if year is None:
        start, end = _choose(
            lambda y: (date(y, month, first), date(y, month, last)), ctx, "this", text
        )
        return Span(start, end, "range")
    return Span(valid_date(year, month, first, text), valid_date(year, month, last, text), "range")


def numeric_date(m: re.Match[str], ctx: Context, text: str) -> Span:
    a, b = int(m["a"]), int(m["b"])
    if a <= 12 and b <= 12 and a != b:
        year_hint = m["y"] or str(ctx.as_of.year)
        year_hint = year_hint if len(year_hint) == 4 else "20" + year_hint
        raise WindowError(
            f"{text!r} is ambiguous: day and month could be either way round",
            f"say which is the month, e.g. {year_hint}-{a:02d}-{b:02d} or "
            f"{year_hint}-{b:02d}-{a:02d}",
        )
    month, day = (a, b) if a <= 12 else (b, a)
    if m["y"] is None:
        start, _ = _choose(lambda y: (date(y, month, day),) * 2, ctx, "this", text)
        return Span(start, start, "day")
    year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
    found = valid_date(year, month, day, text)
    return Span(found, found, "day")


def month(m: re.Match[str], ctx: Context, text: str) -> Span | None:
    month = MONTHS[m["mon"]]
    year = _year_value(m["y"], ctx)
    if year is None:
        policy = m["rel"] or "this"
        start, end = _choose(lambda y: spans.months_span(y, month, 1), ctx, policy, text)
    elif m["rel"]:  # "next March 2018" says the year twice
        return None
    else:
        start, end = spans.months_span(year, month, 1)
    if m["part"]:
        start, end = spans.part_of(start, end, m["part"])
    return Span(start, end, "end" if m["part"] == "end" else "month")


def season(m: re.Match[str], ctx: Context, text: str) -> Span:
    name = SEASON_NAMES[m["season"]]
    south = ctx.southern
    if m["y"] is None:
        policy = m["rel"] or "this"
        start, end = _choose(lambda y: spans.season_span(name, y, south), ctx, policy, text)
    else:
        year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"][1:])
        if m["y2"] is not None:
            second = int(m["y2"]) if len(m["y2"]) == 4 else year // 100 * 100 + int(m["y2"])
            if second != year + 1 or not spans.season_spans_new_year(name, south):
                raise WindowError(
                    f"{text!r}: only a season that spans New Year takes two years",
                    "e.g. 'winter 2018-19' or 'spring 2018'",
                )
            year = second
        start, end = spans.season_span(name, year, south)
    if m["part"]:
        start, end = spans.part_of(start, end, m["part"])
    return Span(start, end, "season")


def numbered(
    span: Callable[[int, int], tuple[date, date]], kind: str, top: int, words: dict[str, int]
) -> Callable[[re.Match[str], Context, str], Span]:
    """A reader of quarter or half N (`span` of N and a year) of the year the phrase
    names, else of the year `_choose` picks for "this" one."""

    def read(m: re.Match[str], ctx: Context, text: str) -> Span:
        number = int(m["n"] or m["n2"] or words[m["ord"]])
        _numbered_in_range(kind, number, top, text)
        year = _year_value(m["y"] or m["y2"] or m["y3"], ctx)
        if year is None:
            start, end = _choose(lambda y: span(number, y), ctx, "this", text)
            return Span(start, end, kind)
        return Span(*span(number, year), kind)

    return read


def _numbered_in_range(name: str, number: int, top: int, text: str) -> None:
    """Refuse "Q5", "H3", "week 54", "the 13th month" rather than guess what was meant."""
    if not 1 <= number <= top:
        raise WindowError(
            f"there is no {name} {number} (in {text!r})", f"a year has {name}s 1 to {top}"
        )


def iso_week(m: re.Match[str], ctx: Context, text: str) -> Span:
    week = int(m["w"])
    _numbered_in_range("week", week, 53, text)

    def span(year: int) -> tuple[date, date]:
        found = spans.iso_week_span(year, week)
        if found is None:
            raise ValueError(f"{year} has no ISO week {week}")
        return found

    year = _year_value(m["y"], ctx)
    if year is None:
        return Span(*_choose(span, ctx, "this", text), "week")
    found = spans.iso_week_span(year, week)
    if found is None:
        raise WindowError(f"{year} has no week {week} (in {text!r})", "it has 52 ISO weeks")
    return Span(*found, "week")


def week_of_month(m: re.Match[str], ctx: Context, text: str) -> Span:
    month = MONTHS[m["mon"]]
    n = None if m["ord"] == "last" else WEEK_OF_MONTH[m["ord"]]
    year = _year_value(m["y"], ctx)
    if year is None:
        start, end = _choose(lambda y: spans.week_of_month(y, month, n), ctx, "this", text)
    else:
        start, end = spans.week_of_month(year, month, n)
    return Span(start, end, "week")


def _count(text: str | None) -> int:
    """A count as digits or words; "a", "couple", "few" as vocabulary.py says."""
    if text is None:
        return 1
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text) or VAGUE_COUNTS[text]


def months_of_year(m: re.Match[str], ctx: Context, text: str) -> Span:
    count = _count(m["n"])
    _numbered_in_range("month", count, 12, text)
    year = _year_value(m["y"], ctx) or ctx.as_of.year
    found = spans.months_of_year(year, m["side"], count)
    assert found is not None
    return Span(*found, "months")


def nth_month(m: re.Match[str], ctx: Context, text: str) -> Span:
    month = int(m["n"])
    _numbered_in_range("month", month, 12, text)
    year = _year_value(m["y"], ctx)
    if year is None:
        return Span(*_choose(lambda y: spans.months_span(y, month, 1), ctx, "this", text), "month")
    return Span(*spans.months_span(year, month, 1), "month")


def _ahead(count: int, unit: str) -> Duration:
    months, days = COUNT_UNITS[unit]
    return Duration(months * count, days * count)


def in_count(m: re.Match[str], ctx: Context, text: str) -> Span:
    """ "in two weeks": the day that far from as_of."""
    day = _ahead(_count(m["n"]), m["unit"]).after(ctx.as_of)
    return Span(day, day, "day")


def within_count(m: Groups, ctx: Context, text: str) -> Span:
    """ "within a month", "in the next 6 weeks", "in the coming months": from as_of to
    that far ahead."""
    unit = m["unit"] or "day"  # every alternative of the rule names its unit
    if m["n"] is None and m["lead"] == "coming":
        length = Duration(*COMING[unit])
    else:
        length = _ahead(_count(m["n"]), unit)
    return Span(ctx.as_of, length.after(ctx.as_of), "ahead")


def year_part(m: re.Match[str], ctx: Context, text: str) -> Span:
    year = _year_value(m["y"], ctx)
    assert year is not None
    return Span(*spans.year_part(year, m["part"]), "end" if m["part"] == "end" else "part")


def year(m: re.Match[str], ctx: Context, text: str) -> Span:
    year = _year_value(m["y"] or f"{m['rel']} year", ctx)
    assert year is not None
    return Span(*spans.year_span(year), "year")


def tv_season(m: re.Match[str], ctx: Context, text: str) -> Span:
    """ "the 2018-19 season": September 2018 to May 2019; "the 2026-27 broadcast season at
    midseason": its second half, January to May 2027."""
    first = int(m["y"] or m["y3"])
    later = m["y2"] or m["y4"]
    second = int(later) if len(later) == 4 else first // 100 * 100 + int(later)
    if second != first + 1:
        raise WindowError(
            f"{text!r}: a TV season runs over two years in a row", "e.g. 'the 2018-19 season'"
        )
    if m["mid"] or m["mid2"]:
        return Span(date(second, 1, 1), date(second, 5, 31), "midseason")
    return Span(date(first, 9, 1), date(second, 5, 31), "tvseason")


def relative_tv_season(m: re.Match[str], ctx: Context, text: str) -> Span:
    """ "next TV season": the first September-to-May season that starts after as_of;
    "this TV season": the one going on at as_of, else that one."""
    year = ctx.as_of.year
    going_on = date(year - 1 if ctx.as_of.month < 9 else year, 9, 1)
    if m["rel"] == "this" and ctx.as_of <= date(going_on.year + 1, 5, 31):
        first = going_on.year
    else:
        first = going_on.year + 1
    return Span(date(first, 9, 1), date(first + 1, 5, 31), "tvseason")


def midseason(m: re.Match[str], ctx: Context, text: str) -> Span:
    year = _year_value(m["y"], ctx)
    if year is None:
        start, end = _choose(lambda y: (date(y, 1, 1), date(y, 5, 31)), ctx, "this", text)
        return Span(start, end, "midseason")
    return Span(date(year, 1, 1), date(year, 5, 31), "midseason")


def relative_day(m: re.Match[str], ctx: Context, text: str) -> Span:
    day = ctx.as_of + timedelta(days=1 if m[0] == "tomorrow" else 0)
    return Span(day, day, "day")


def weekday(m: re.Match[str], ctx: Context, text: str) -> Span:
    as_of = ctx.as_of
    ahead = (WEEKDAYS[m["wd"]] - as_of.weekday()) % 7
    if m["rel"] == "next":  # the one in next week, as "next week" means
        ahead = 7 - as_of.weekday() + WEEKDAYS[m["wd"]]
    day = as_of + timedelta(days=ahead)
    return Span(day, day, "day")


def relative_month(m: re.Match[str], ctx: Context, text: str) -> Span:
    year, month = divmod(ctx.as_of.year * 12 + ctx.as_of.month - 1 + (m["rel"] == "next"), 12)
    start, end = spans.months_span(year, month + 1, 1)
    if m["part"]:
        start, end = spans.part_of(start, end, m["part"])
    return Span(start, end, "month")


def relative_week(m: re.Match[str], ctx: Context, text: str) -> Span:
    monday = ctx.as_of - timedelta(days=ctx.as_of.weekday() - (7 if m["rel"] == "next" else 0))
    return Span(monday, monday + timedelta(days=6), "week")


def new_year(m: re.Match[str], ctx: Context, text: str) -> Span:
    return Span(*spans.year_span(ctx.as_of.year + 1), "year")


def holiday(m: re.Match[str], ctx: Context, text: str) -> Span:
    name = MOVING_HOLIDAYS.get(m["hol"], m["hol"])
    year = _year_value(m["y"], ctx)
    if year is None:
        start, end = _choose(lambda y: spans.holiday(name, y), ctx, "this", text)
    else:
        start, end = spans.holiday(name, year)
    return Span(start, end, "day" if start == end else "holidays")


def edtf_open(m: re.Match[str], ctx: Context, text: str) -> Span:
    return Span(None, None, "open")


def edtf_month_or_code(m: re.Match[str], ctx: Context, text: str) -> Span | None:
    point = edtf_point(text, ctx.southern)
    if point is None:
        return None
    return Span(point[0], point[1], "day" if point[0] == point[1] else "edtf")


def edtf_interval(m: re.Match[str], ctx: Context, text: str) -> Span | None:
    if m["a"] is None and m["b"] is None:
        return None
    first = None if m["a"] in (None, "..") else edtf_point(m["a"], ctx.southern)
    last = None if m["b"] in (None, "..") else edtf_point(m["b"], ctx.southern)
    if (first is None and m["a"] not in (None, "..")) or (
        last is None and m["b"] not in (None, "..")
    ):
        return None
    return Span(first[0] if first else None, last[1] if last else None, "open")
