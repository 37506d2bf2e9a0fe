"""Calendar spans: months, seasons, quarters, halves, parts of a month or year, and
holidays. Each is an inclusive pair of days; nothing here reads text."""

from __future__ import annotations

from datetime import date, timedelta

from showtrack.windows.vocabulary import (
    FIXED_HOLIDAYS,
    MONTH_PARTS,
    NORTHERN_SEASONS,
    SEASON_PARTS,
    SOUTHERN_SEASONS,
    US_MONDAY_HOLIDAYS,
    YEAR_PARTS,
)

DaySpan = tuple[date, date]


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    import calendar

    return date(year, month, calendar.monthrange(year, month)[1])


def months_span(year: int, month: int, count: int) -> DaySpan:
    """The span of `count` calendar months starting at year-month."""
    last_year, last_month = divmod(year * 12 + month - 1 + count - 1, 12)
    return date(year, month, 1), month_end(last_year, last_month + 1)


def season_span(season: str, year: int, southern: bool = False) -> DaySpan:
    """The meteorological season named `year` ("winter 2018" holds January 2018)."""
    month, offset = (SOUTHERN_SEASONS if southern else NORTHERN_SEASONS)[season]
    return months_span(year + offset, month, 3)


def season_spans_new_year(season: str, southern: bool) -> bool:
    """Whether the season runs from one year into the next (so takes "2018-19")."""
    return (SOUTHERN_SEASONS if southern else NORTHERN_SEASONS)[season][1] == -1


def quarter_span(quarter: int, year: int) -> DaySpan:
    """Calendar quarter 1-4."""
    return months_span(year, 3 * quarter - 2, 3)


def half_span(half: int, year: int) -> DaySpan:
    """Calendar half 1-2."""
    return months_span(year, 6 * half - 5, 6)


def year_span(year: int) -> DaySpan:
    """A whole calendar year."""
    return date(year, 1, 1), date(year, 12, 31)


def year_part(year: int, part: str) -> DaySpan:
    """early (January to April), mid (May to August), late (September to December), or
    the beginning (January) or end (December) of a year."""
    first, last = YEAR_PARTS[part]
    return date(year, first, 1), month_end(year, last)


def part_of(start: date, end: date, part: str) -> DaySpan:
    """early/mid/late of a month (tens of days) or of a three-month season (its months)."""
    if (start.year, start.month) == (end.year, end.month):
        first, last = MONTH_PARTS[part]
        return start.replace(day=first), min(end, start.replace(day=min(last, end.day)))
    index = SEASON_PARTS[part]
    year, month = divmod(start.year * 12 + start.month - 1 + index, 12)
    return months_span(year, month + 1, 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The `n`th `weekday` (0 is Monday) of a month; n = -1 for the last one."""
    if n < 0:
        last = month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def thanksgiving(year: int) -> date:
    """US Thanksgiving: the fourth Thursday of November."""
    return nth_weekday(year, 11, 3, 4)


def iso_week_span(year: int, week: int) -> DaySpan | None:
    """Monday to Sunday of ISO week `week` of `year`; None when the year has no such week
    (a year has 52 ISO weeks, some 53)."""
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return monday, monday + timedelta(days=6)


def week_of_month(year: int, month: int, n: int | None) -> DaySpan:
    """The `n`th seven days of a month (the first week is days 1-7); None for its last
    seven days."""
    if n is None:
        end = month_end(year, month)
        return end - timedelta(days=6), end
    start = date(year, month, 7 * (n - 1) + 1)
    return start, start + timedelta(days=6)


def months_of_year(year: int, side: str, count: int) -> DaySpan | None:
    """The first or last `count` months of a year; None for more than twelve."""
    if not 1 <= count <= 12:
        return None
    first = 1 if side == "first" else 13 - count
    return months_span(year, first, count)


def holiday(name: str, year: int) -> DaySpan:
    """A holiday of `year` (a vocabulary name); "the holidays" are Thanksgiving through
    New Year's Day."""
    if name in FIXED_HOLIDAYS:
        day = date(year, *FIXED_HOLIDAYS[name])
        return day, day
    if name == "thanksgiving":
        day = thanksgiving(year)
        return day, day
    if name == "easter":
        from dateutil.easter import easter

        day = easter(year)
        return day, day
    if name in US_MONDAY_HOLIDAYS:
        day = nth_weekday(year, *US_MONDAY_HOLIDAYS[name])
        return day, day
    return thanksgiving(year), date(year + 1, 1, 1)
