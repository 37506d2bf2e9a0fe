"""Calendar spans: months, seasons, quarters, halves, parts of a month or year, and
holidays. Each is an inclusive pair of days; nothing here reads text."""

from __future__ import annotations

from datetime import date

from showtrack.windows.vocabulary import (
    FIXED_HOLIDAYS,
    MONTH_PARTS,
    NORTHERN_SEASONS,
    SEASON_PARTS,
    SOUTHERN_SEASONS,
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


def thanksgiving(year: int) -> date:
    """US Thanksgiving: the fourth Thursday of November."""
    first = date(year, 11, 1)
    return first.replace(day=1 + (3 - first.weekday()) % 7 + 21)


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
    return thanksgiving(year), date(year + 1, 1, 1)
