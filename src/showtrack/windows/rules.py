"""The forms of a time expression, as a table: RULES. Each rule is a pattern that a whole
run of tokens must match, a reader (readers.py) that turns the match into the days it
names, and examples. No two rules read the same text (tests/windows/test_phrases.py
holds them to it), so their order does not matter and a new form is a new row. The
words are in vocabulary.py; phrases.py finds runs of tokens and reads the bound words
around them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from showtrack.windows import readers, spans
from showtrack.windows.readers import Context, Span
from showtrack.windows.vocabulary import (
    COUNT_UNITS,
    FIXED_HOLIDAYS,
    HALVES,
    MONTHS,
    MOVING_HOLIDAYS,
    NUMBER_WORDS,
    ORDINALS,
    SEASON_NAMES,
    VAGUE_COUNTS,
    WEEKDAYS,
    WEEKDAYS_IN_FULL,
    YEAR_PARTS,
)


def alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_MON = f"(?P<mon>{alternatives(MONTHS)})"
_WD = f"(?P<wd>{alternatives(WEEKDAYS)})"
_YEAR = r"(?P<y>\d{4}|'\d\d)"
_PART = r"(?P<part>early|mid|late)"
_SEASON = f"(?P<season>{alternatives(SEASON_NAMES)})"
_HOLIDAY = f"(?P<hol>{alternatives([*FIXED_HOLIDAYS, *MOVING_HOLIDAYS])})"


def _yearx(group: str = "y") -> str:
    """A year as a number, 'yy, or "this/next year" ("the year" is as_of's)."""
    return rf"(?P<{group}>\d{{4}}|'\d\d|year|this year|next year)"


class Rule(NamedTuple):
    """One form of time expression: the pattern a whole run of tokens must match, the
    reader that turns a match into bounds (or None: not this form after all), and
    examples of what it reads."""

    name: str
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], Context, str], Span | None]
    examples: tuple[str, ...]


_EDTF_DATE = r"\d{4}(?:-\d{2}){0,2}"
_NUM = rf"\d{{1,3}}|{alternatives([*NUMBER_WORDS, *VAGUE_COUNTS])}"
_UNIT = f"(?:{alternatives(COUNT_UNITS)})"


RULES: tuple[Rule, ...] = (
    Rule(
        "ISO day",
        re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
        readers.iso_day,
        ("2018-03-08", "2018-3-8"),
    ),
    Rule(
        "month and day",
        re.compile(rf"(?:{_WD} )?{_MON} (?P<d>\d{{1,2}})(?: {_YEAR})?"),
        readers.named_day,
        ("march 8 2018", "thursday march 8 2018", "may 18"),
    ),
    Rule(
        "day and month",
        re.compile(rf"(?:{_WD} )?(?P<d>\d{{1,2}}) {_MON}(?: {_YEAR})?"),
        readers.named_day,
        ("8 march 2018", "16 june"),
    ),
    Rule(
        "days of a month",
        re.compile(
            rf"(?:{_MON} (?P<a>\d{{1,2}}) ?[-–] ?(?P<b>\d{{1,2}})"
            rf"|(?P<a2>\d{{1,2}}) ?[-–] ?(?P<b2>\d{{1,2}}) (?P<mon2>{alternatives(MONTHS)}))"
            rf"(?: {_YEAR})?"
        ),
        readers.days_of_month,
        ("jan 17-18", "january 17-18 2010", "17-18 january"),
    ),
    Rule(
        "numeric date",
        re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?"),
        readers.numeric_date,
        ("25/12/2018", "12.25.18"),
    ),
    Rule(
        "month",
        re.compile(
            rf"(?:(?P<rel>this|next) )?(?:(?P<part>early|mid|late|beginning|start|end) )?"
            rf"{_MON}(?: {_YEAR})?"
        ),
        readers.month,
        ("march 2018", "early march 2018", "next march", "end march '18"),
    ),
    Rule(
        "season",
        re.compile(
            rf"(?:(?P<rel>this|next) )?(?:{_PART} )?{_SEASON}"
            r"(?: (?P<y>\d{4}|'\d\d)(?:[-/](?P<y2>\d{2}|\d{4}))?)?"
        ),
        readers.season,
        ("spring 2018", "late fall", "next summer", "winter 2018-19"),
    ),
    Rule(
        "quarter",
        re.compile(
            rf"(?:q(?P<n>\d{{1,2}})(?: {_yearx()})?|(?P<y2>\d{{4}}) q(?P<n2>\d{{1,2}})|"
            rf"(?P<ord>first|second|third|fourth|[1-4]) quarter(?: {_yearx('y3')})?)"
        ),
        readers.numbered(spans.quarter_span, "quarter", 4, ORDINALS),
        ("q3 2018", "2018 q3", "third quarter next year", "q1"),
    ),
    Rule(
        "half",
        re.compile(
            rf"(?:h(?P<n>\d{{1,2}})(?: {_yearx()})?|(?P<y2>\d{{4}}) h(?P<n2>\d{{1,2}})|"
            rf"(?P<ord>{alternatives(HALVES)}) half(?: {_yearx('y3')})?)"
        ),
        readers.numbered(spans.half_span, "half", 2, HALVES),
        ("h2 2018", "2018 h1", "second half year", "first half", "latter half 2019"),
    ),
    Rule(
        "part of a year",
        re.compile(rf"(?P<part>{alternatives(YEAR_PARTS)}) {_yearx()}"),
        readers.year_part,
        ("late 2017", "early next year", "end year", "back end 2020"),
    ),
    Rule(
        "year",
        re.compile(r"(?P<y>\d{4}|'\d\d)|(?P<rel>this|next) year"),
        readers.year,
        ("2018", "'18", "next year"),
    ),
    Rule(
        "TV season",
        re.compile(
            r"(?P<y>\d{4})[-/](?P<y2>\d{2}|\d{4}) (?:tv)?season(?P<mid> (?:at )?midseason)?"
            r"|(?P<mid2>midseason) (?P<y3>\d{4})[-/](?P<y4>\d{2}|\d{4}) (?:tv)?season"
        ),
        readers.tv_season,
        ("2018-19 season", "2018/2019 season", "2026-27 tvseason midseason"),
    ),
    Rule(
        "this or next TV season",
        re.compile(r"(?P<rel>this|next|coming) tvseason"),
        readers.relative_tv_season,
        ("next tvseason", "this tvseason"),
    ),
    Rule(
        "midseason",
        re.compile(r"midseason(?: (?P<y>\d{4}|'\d\d))?"),
        readers.midseason,
        ("midseason", "midseason 2019"),
    ),
    Rule(
        "today or tomorrow",
        re.compile("today|tonight|tomorrow"),
        readers.relative_day,
        ("tonight",),
    ),
    Rule(
        "weekday",
        re.compile(rf"(?:(?P<rel>this|next) )?(?P<wd>{'|'.join(WEEKDAYS_IN_FULL)})"),
        readers.weekday,
        ("friday", "next friday"),
    ),
    Rule(
        "this or next month",
        re.compile(rf"(?:{_PART} )?(?P<rel>this|next) month"),
        readers.relative_month,
        ("next month", "late this month"),
    ),
    Rule(
        "this or next week",
        re.compile(r"(?P<rel>this|next) week"),
        readers.relative_week,
        ("next week",),
    ),
    Rule("new year", re.compile("new year"), readers.new_year, ("new year",)),
    Rule(
        "holiday",
        re.compile(rf"{_HOLIDAY}(?: {_YEAR})?"),
        readers.holiday,
        ("christmas 2018", "thanksgiving", "holiday season", "easter 2019"),
    ),
    Rule(
        "ISO week",
        re.compile(r"week (?P<w>\d{1,3})(?: (?P<y>\d{4}|'\d\d))?"),
        readers.iso_week,
        ("week 12 2018", "week 1"),
    ),
    Rule(
        "week of a month",
        re.compile(rf"(?P<ord>first|second|third|fourth|last|[1-4]) week {_MON}(?: {_YEAR})?"),
        readers.week_of_month,
        ("first week april 2018", "last week april 2018", "2 week may"),
    ),
    Rule(
        "months of a year",
        re.compile(rf"(?P<side>first|last) (?P<n>{_NUM}) months {_yearx()}"),
        readers.months_of_year,
        ("first two months 2019", "last 3 months year"),
    ),
    Rule(
        "month by number",
        re.compile(rf"(?P<n>\d{{1,2}}) month(?: {_yearx()})?"),
        readers.nth_month,
        ("3 month 2018", "13 month"),
    ),
    Rule(
        "in a count",
        re.compile(rf"(?P<n>\d{{1,3}}|{alternatives(NUMBER_WORDS)}) (?P<unit>{_UNIT})s"),
        readers.in_count,
        ("two weeks", "3 months", "ten days"),
    ),
    Rule(
        "within a count",
        re.compile(
            rf"(?:(?P<lead>within) (?:(?P<n>{_NUM}) )?(?P<unit>{_UNIT})s?"
            rf"|(?P<lead2>next|coming) (?P<n2>{_NUM}) (?P<unit2>{_UNIT})s?"
            rf"|(?P<lead3>coming) (?P<unit3>{_UNIT})s"
            rf"|(?P<n4>{alternatives(VAGUE_COUNTS)}) (?P<unit4>{_UNIT})s)"
        ),
        lambda m, ctx, text: readers.within_count(readers.Groups(m), ctx, text),
        ("within month", "next 6 weeks", "coming months", "next few months", "couple weeks"),
    ),
    Rule("EDTF open", re.compile(r"\.\."), readers.edtf_open, ("..",)),
    Rule(
        "EDTF month or code",
        re.compile(r"\d{4}-\d{2}"),
        readers.edtf_month_or_code,
        ("2018-03", "2018-21", "2018-41"),
    ),
    Rule(
        "EDTF interval",
        re.compile(rf"(?P<a>{_EDTF_DATE}|\.\.)?/(?P<b>{_EDTF_DATE}|\.\.)?"),
        readers.edtf_interval,
        ("2018/..", "../2018-06", "2018-03/2018-05", "2018-21/"),
    ),
)


def matching_rules(text: str) -> list[Rule]:
    """Every rule whose pattern reads all of `text` (at most one: they are disjoint)."""
    return [rule for rule in RULES if rule.pattern.fullmatch(text)]


def atom(text: str, ctx: Context) -> Span | None:
    """One time expression with no bound words: a day, month, season, year, holiday, EDTF..."""
    for rule in RULES:
        if m := rule.pattern.fullmatch(text):
            return rule.read(m, ctx, text)
    return None
