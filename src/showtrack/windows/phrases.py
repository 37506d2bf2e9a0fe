"""Reading release windows out of text, as spec/windows.md defines them.

`parse_window` reads one phrase ("does not return before 2018"); `find_windows`
finds every time expression in a longer text, with where it stands, for the article
reader. Both work the same way:

1. the text is normalised into tokens (tokens.py: quotes, dashes, "won't", ordinals,
   filler words);
2. runs of tokens are read by `RULES`, a table of forms (a day, a month, a season, a
   quarter, a holiday, EDTF ...): each rule is a pattern and a reader, and no two rules
   read the same text (tests/windows/test_phrases.py holds them to it), so their order
   does not matter;
3. two forms joined by "to", "or", "between ... and" make a range or a hull;
4. bound words around the expression ("not before", "at the earliest", "by") open or
   close it.

The words themselves are data, in vocabulary.py. Only commands that read a phrase import
this module; listings never do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from showtrack.errors import UsageError, WindowError
from showtrack.windows import spans
from showtrack.windows.regions import is_southern, normalize_region, region_zone, resolve_zone
from showtrack.windows.tokens import tokenize
from showtrack.windows.vocabulary import (
    BOUND_TAIL_WORDS,
    FIXED_HOLIDAYS,
    HULL_WORDS,
    JOINERS_AFTER,
    MONTHS,
    MOVING_HOLIDAYS,
    NEGATIONS,
    ORDINALS,
    OTHER_TIME_WORDS,
    PREFIX_BOUNDS,
    RANGE_WORDS,
    SEASON_NAMES,
    SUFFIX_BOUNDS,
    UNKNOWN_MARKERS,
    UNKNOWN_TEXT,
    WEEKDAYS,
    WEEKDAYS_IN_FULL,
)
from showtrack.windows.window import EXAMPLES, Window, edtf_point, make_window, valid_date

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

MAX_PHRASE = 500
_MAX_SPAN_TOKENS = 9


class Span(NamedTuple):
    """Bounds found in a phrase; `kind` lets bound words treat e.g. "end of 2018" specially."""

    earliest: date | None
    latest: date | None
    kind: str = "span"


class _Context(NamedTuple):
    as_of: date
    southern: bool


# --------------------------------------------------------------------------- the forms


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_MON = f"(?P<mon>{_alternatives(MONTHS)})"
_WD = f"(?P<wd>{_alternatives(WEEKDAYS)})"
_YEAR = r"(?P<y>\d{4}|'\d\d)"
_PART = r"(?P<part>early|mid|late)"
_SEASON = f"(?P<season>{_alternatives(SEASON_NAMES)})"
_HOLIDAY = f"(?P<hol>{_alternatives([*FIXED_HOLIDAYS, *MOVING_HOLIDAYS])})"


def _yearx(group: str = "y") -> str:
    """A year as a number, 'yy, or "this/next year" ("the year" is as_of's)."""
    return rf"(?P<{group}>\d{{4}}|'\d\d|year|this year|next year)"


def _year_value(text: str | None, ctx: _Context) -> int | None:
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
    span_of_year: Callable[[int], tuple[date, date]], ctx: _Context, policy: str, phrase: str
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


def _iso_day(m: re.Match[str], ctx: _Context, text: str) -> Span:
    day = valid_date(int(m["y"]), int(m["m"]), int(m["d"]), text)
    return Span(day, day, "day")


def _named_day(m: re.Match[str], ctx: _Context, text: str) -> Span:
    month = MONTHS[m["mon"]]
    day = int(m["d"])
    year = _year_value(m["y"], ctx)
    if year is None:
        start, _ = _choose(lambda y: (date(y, month, day),) * 2, ctx, "this", text)
        return Span(start, start, "day")
    found = valid_date(year, month, day, text)
    _check_weekday(found, m["wd"], text)
    return Span(found, found, "day")


def _numeric_date(m: re.Match[str], ctx: _Context, text: str) -> Span:
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


def _month(m: re.Match[str], ctx: _Context, text: str) -> Span | None:
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


def _season(m: re.Match[str], ctx: _Context, text: str) -> Span:
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


def _numbered(
    span: Callable[[int, int], tuple[date, date]], kind: str
) -> Callable[[re.Match[str], _Context, str], Span]:
    """A reader of quarter or half N (`span` of N and a year) of the year the phrase
    names, else of the year `_choose` picks for "this" one."""

    def read(m: re.Match[str], ctx: _Context, text: str) -> Span:
        number = int(m["n"] or m["n2"] or ORDINALS[m["ord"]])
        year = _year_value(m["y"] or m["y2"] or m["y3"], ctx)
        if year is None:
            start, end = _choose(lambda y: span(number, y), ctx, "this", text)
            return Span(start, end, kind)
        return Span(*span(number, year), kind)

    return read


def _year_part(m: re.Match[str], ctx: _Context, text: str) -> Span:
    year = _year_value(m["y"], ctx)
    assert year is not None
    return Span(*spans.year_part(year, m["part"]), "end" if m["part"] == "end" else "part")


def _year(m: re.Match[str], ctx: _Context, text: str) -> Span:
    year = _year_value(m["y"] or f"{m['rel']} year", ctx)
    assert year is not None
    return Span(*spans.year_span(year), "year")


def _tv_season(m: re.Match[str], ctx: _Context, text: str) -> Span:
    first = int(m["y"])
    second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
    if second != first + 1:
        raise WindowError(
            f"{text!r}: a TV season runs over two years in a row", "e.g. 'the 2018-19 season'"
        )
    return Span(date(first, 9, 1), date(second, 5, 31), "tvseason")


def _midseason(m: re.Match[str], ctx: _Context, text: str) -> Span:
    year = _year_value(m["y"], ctx)
    if year is None:
        start, end = _choose(lambda y: (date(y, 1, 1), date(y, 5, 31)), ctx, "this", text)
        return Span(start, end, "midseason")
    return Span(date(year, 1, 1), date(year, 5, 31), "midseason")


def _relative_day(m: re.Match[str], ctx: _Context, text: str) -> Span:
    day = ctx.as_of + timedelta(days=1 if m[0] == "tomorrow" else 0)
    return Span(day, day, "day")


def _weekday(m: re.Match[str], ctx: _Context, text: str) -> Span:
    as_of = ctx.as_of
    ahead = (WEEKDAYS[m["wd"]] - as_of.weekday()) % 7
    if m["rel"] == "next":  # the one in next week, as "next week" means
        ahead = 7 - as_of.weekday() + WEEKDAYS[m["wd"]]
    day = as_of + timedelta(days=ahead)
    return Span(day, day, "day")


def _relative_month(m: re.Match[str], ctx: _Context, text: str) -> Span:
    year, month = divmod(ctx.as_of.year * 12 + ctx.as_of.month - 1 + (m["rel"] == "next"), 12)
    start, end = spans.months_span(year, month + 1, 1)
    if m["part"]:
        start, end = spans.part_of(start, end, m["part"])
    return Span(start, end, "month")


def _relative_week(m: re.Match[str], ctx: _Context, text: str) -> Span:
    monday = ctx.as_of - timedelta(days=ctx.as_of.weekday() - (7 if m["rel"] == "next" else 0))
    return Span(monday, monday + timedelta(days=6), "week")


def _new_year(m: re.Match[str], ctx: _Context, text: str) -> Span:
    return Span(*spans.year_span(ctx.as_of.year + 1), "year")


def _holiday(m: re.Match[str], ctx: _Context, text: str) -> Span:
    name = MOVING_HOLIDAYS.get(m["hol"], m["hol"])
    year = _year_value(m["y"], ctx)
    if year is None:
        start, end = _choose(lambda y: spans.holiday(name, y), ctx, "this", text)
    else:
        start, end = spans.holiday(name, year)
    return Span(start, end, "day" if start == end else "holidays")


def _edtf_open(m: re.Match[str], ctx: _Context, text: str) -> Span:
    return Span(None, None, "open")


def _edtf_point(m: re.Match[str], ctx: _Context, text: str) -> Span | None:
    point = edtf_point(text, ctx.southern)
    if point is None:
        return None
    return Span(point[0], point[1], "day" if point[0] == point[1] else "edtf")


def _edtf_interval(m: re.Match[str], ctx: _Context, text: str) -> Span | None:
    if m["a"] is None and m["b"] is None:
        return None
    first = None if m["a"] in (None, "..") else edtf_point(m["a"], ctx.southern)
    last = None if m["b"] in (None, "..") else edtf_point(m["b"], ctx.southern)
    if (first is None and m["a"] not in (None, "..")) or (
        last is None and m["b"] not in (None, "..")
    ):
        return None
    return Span(first[0] if first else None, last[1] if last else None, "open")


class Rule(NamedTuple):
    """One form of time expression: the pattern a whole run of tokens must match, the
    reader that turns a match into bounds (or None: not this form after all), and
    examples of what it reads."""

    name: str
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], _Context, str], Span | None]
    examples: tuple[str, ...]


_EDTF_DATE = r"\d{4}(?:-\d{2}){0,2}"

RULES: tuple[Rule, ...] = (
    Rule(
        "ISO day",
        re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
        _iso_day,
        ("2018-03-08", "2018-3-8"),
    ),
    Rule(
        "month and day",
        re.compile(rf"(?:{_WD} )?{_MON} (?P<d>\d{{1,2}})(?: {_YEAR})?"),
        _named_day,
        ("march 8 2018", "thursday march 8 2018", "may 18"),
    ),
    Rule(
        "day and month",
        re.compile(rf"(?:{_WD} )?(?P<d>\d{{1,2}}) {_MON}(?: {_YEAR})?"),
        _named_day,
        ("8 march 2018", "16 june"),
    ),
    Rule(
        "numeric date",
        re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?"),
        _numeric_date,
        ("25/12/2018", "12.25.18"),
    ),
    Rule(
        "month",
        re.compile(
            rf"(?:(?P<rel>this|next) )?(?:(?P<part>early|mid|late|beginning|start|end) )?"
            rf"{_MON}(?: {_YEAR})?"
        ),
        _month,
        ("march 2018", "early march 2018", "next march", "end march '18"),
    ),
    Rule(
        "season",
        re.compile(
            rf"(?:(?P<rel>this|next) )?(?:{_PART} )?{_SEASON}"
            r"(?: (?P<y>\d{4}|'\d\d)(?:[-/](?P<y2>\d{2}|\d{4}))?)?"
        ),
        _season,
        ("spring 2018", "late fall", "next summer", "winter 2018-19"),
    ),
    Rule(
        "quarter",
        re.compile(
            rf"(?:q(?P<n>[1-4])(?: {_yearx()})?|(?P<y2>\d{{4}}) q(?P<n2>[1-4])|"
            rf"(?P<ord>first|second|third|fourth|[1-4]) quarter(?: {_yearx('y3')})?)"
        ),
        _numbered(spans.quarter_span, "quarter"),
        ("q3 2018", "2018 q3", "third quarter next year", "q1"),
    ),
    Rule(
        "half",
        re.compile(
            rf"(?:h(?P<n>[12])(?: {_yearx()})?|(?P<y2>\d{{4}}) h(?P<n2>[12])|"
            rf"(?P<ord>first|second|[12]) half(?: {_yearx('y3')})?)"
        ),
        _numbered(spans.half_span, "half"),
        ("h2 2018", "2018 h1", "second half year", "first half"),
    ),
    Rule(
        "part of a year",
        re.compile(rf"(?P<part>early|mid|late|beginning|start|end) {_yearx()}"),
        _year_part,
        ("late 2017", "early next year", "end year"),
    ),
    Rule(
        "year",
        re.compile(r"(?P<y>\d{4}|'\d\d)|(?P<rel>this|next) year"),
        _year,
        ("2018", "'18", "next year"),
    ),
    Rule(
        "TV season",
        re.compile(r"(?P<y>\d{4})[-/](?P<y2>\d{2}|\d{4}) season"),
        _tv_season,
        ("2018-19 season", "2018/2019 season"),
    ),
    Rule(
        "midseason",
        re.compile(r"midseason(?: (?P<y>\d{4}|'\d\d))?"),
        _midseason,
        ("midseason", "midseason 2019"),
    ),
    Rule("today or tomorrow", re.compile("today|tonight|tomorrow"), _relative_day, ("tonight",)),
    Rule(
        "weekday",
        re.compile(rf"(?:(?P<rel>this|next) )?(?P<wd>{'|'.join(WEEKDAYS_IN_FULL)})"),
        _weekday,
        ("friday", "next friday"),
    ),
    Rule(
        "this or next month",
        re.compile(rf"(?:{_PART} )?(?P<rel>this|next) month"),
        _relative_month,
        ("next month", "late this month"),
    ),
    Rule(
        "this or next week",
        re.compile(r"(?P<rel>this|next) week"),
        _relative_week,
        ("next week",),
    ),
    Rule("new year", re.compile("new year"), _new_year, ("new year",)),
    Rule(
        "holiday",
        re.compile(rf"{_HOLIDAY}(?: {_YEAR})?"),
        _holiday,
        ("christmas 2018", "thanksgiving", "holiday season", "easter 2019"),
    ),
    Rule("EDTF open", re.compile(r"\.\."), _edtf_open, ("..",)),
    Rule(
        "EDTF month or code",
        re.compile(r"\d{4}-\d{2}"),
        _edtf_point,
        ("2018-03", "2018-21", "2018-41"),
    ),
    Rule(
        "EDTF interval",
        re.compile(rf"(?P<a>{_EDTF_DATE}|\.\.)?/(?P<b>{_EDTF_DATE}|\.\.)?"),
        _edtf_interval,
        ("2018/..", "../2018-06", "2018-03/2018-05", "2018-21/"),
    ),
)


def matching_rules(text: str) -> list[Rule]:
    """Every rule whose pattern reads all of `text` (at most one: they are disjoint)."""
    return [rule for rule in RULES if rule.pattern.fullmatch(text)]


def _atom(text: str, ctx: _Context) -> Span | None:
    """One time expression with no bound words: a day, month, season, year, holiday, EDTF..."""
    for rule in RULES:
        if m := rule.pattern.fullmatch(text):
            return rule.read(m, ctx, text)
    return None


# --------------------------------------------------------------------------- ranges and hulls

_YEARISH = re.compile(r"\d{4}|'\d\d|\d{4}[-/]\d{2,4}|year")


def _compound(tokens: Sequence[str], ctx: _Context) -> Span | None:
    """An atom, or two atoms joined as a range ("March to May 2018") or a hull ("X or Y")."""
    atom = _atom(" ".join(tokens), ctx)
    if atom is not None:
        return atom
    lead = tokens[0]
    body = list(tokens[1:]) if lead in JOINERS_AFTER else list(tokens)
    allowed = JOINERS_AFTER.get(lead, RANGE_WORDS | HULL_WORDS)
    for k in range(1, len(body) - 1):
        joiner = body[k]
        if joiner not in allowed:
            continue
        right = _atom(" ".join(body[k + 1 :]), ctx)
        if right is None or right.earliest is None or right.latest is None:
            continue
        left = _left_part(body[:k], body[k + 1 :], ctx)
        if left is None or left.earliest is None or left.latest is None:
            continue
        if joiner in HULL_WORDS and lead != "between":
            return Span(min(left.earliest, right.earliest), max(left.latest, right.latest), "hull")
        if right.latest < left.earliest:
            raise WindowError(
                f"{' '.join(tokens)!r} ends before it starts",
                "put the earlier part first, e.g. 'March to May 2018'",
            )
        return Span(left.earliest, right.latest, "range")
    return None


def _left_part(left: Sequence[str], right: Sequence[str], ctx: _Context) -> Span | None:
    """The first part of a range, borrowing the year or month it leaves out from the last."""
    if not any(_YEARISH.fullmatch(tok) for tok in left):
        for cut in range(1, len(right)):
            completed = _atom(" ".join([*left, *right[cut:]]), ctx)
            if completed is not None:
                return completed
    return _atom(" ".join(left), ctx)


_VOCABULARY = sorted({*MONTHS, *WEEKDAYS_IN_FULL, *OTHER_TIME_WORDS})


def _suggest(tokens: Sequence[str], index: int) -> str | None:
    """A did-you-mean for a misspelt time word at `index`, e.g. 'sprung' -> 'spring'."""
    word = tokens[index]
    if len(word) < 4 or not word.isalpha() or word in _VOCABULARY:
        return None
    import difflib

    close = difflib.get_close_matches(word, _VOCABULARY, n=1, cutoff=0.75)
    if not close:
        return None
    return " ".join([*tokens[:index], close[0], *tokens[index + 1 :]])


# --------------------------------------------------------------------------- finding


def _read_run(tokens: Sequence[str], ctx: _Context) -> Span | None:
    """A run of tokens read as one expression; a run that cannot be a date is none."""
    try:
        return _compound(tokens, ctx)
    except WindowError:
        return None


def _find(tokens: Sequence[str], ctx: _Context) -> tuple[int, int, Span] | None:
    """The longest run of tokens that reads as a time expression (then one with a year,
    then the rightmost); refuses a sentence with two different expressions in it."""
    n = len(tokens)
    for length in range(min(n, _MAX_SPAN_TOKENS), 0, -1):
        found = [
            (i, i + length, span)
            for i in range(n - length + 1)
            if (span := _compound(tokens[i : i + length], ctx)) is not None
        ]
        if found:
            found.sort(
                key=lambda f: (any(_YEARISH.fullmatch(t) for t in tokens[f[0] : f[1]]), f[0])
            )
            return found[-1]
    return None


def _other_expression(tokens: Sequence[str], ctx: _Context) -> str | None:
    for i in range(len(tokens)):
        for j in range(min(len(tokens), i + _MAX_SPAN_TOKENS), i, -1):
            try:
                if _compound(tokens[i:j], ctx) is not None:
                    return " ".join(tokens[i:j])
            except WindowError:
                return " ".join(tokens[i:j])
    return None


def _bound(prefix: Sequence[str], suffix: Sequence[str]) -> tuple[str | None, bool, int, int]:
    """The bound word before or after the expression, whether it is negated, and how many
    prefix and suffix tokens it used."""
    for words, bound in PREFIX_BOUNDS:
        if tuple(prefix[-len(words) :]) == words:
            negated = any(t in NEGATIONS for t in prefix[: -len(words)])
            return bound, negated, len(words), 0
    for words, bound in SUFFIX_BOUNDS:
        if tuple(suffix[: len(words)]) == words:
            return bound, False, 0, len(words)
    return None, False, 0, 0


def _apply_bound(
    span: Span, bound: str | None, negated: bool, ctx: _Context, text: str
) -> tuple[date | None, date | None]:
    if bound is None:
        return span.earliest, span.latest
    if span.earliest is None or span.latest is None:
        raise WindowError(
            f"{text!r}: an open window cannot take a bound word",
            "give the bound a date, e.g. 'not before 2018'",
        )
    day_after = span.latest + timedelta(days=1)
    if bound == "later":  # "later this year": from as_of, or the span's start if later
        return max(ctx.as_of, span.earliest), span.latest
    if bound == "by-end":
        return ctx.as_of, span.latest
    if bound == "before":
        if negated:
            return span.earliest, None
        if span.kind == "end":  # "before the end of 2018" means by then
            return ctx.as_of, span.latest
        return ctx.as_of, span.earliest - timedelta(days=1)
    if bound == "after":
        return (ctx.as_of, span.latest) if negated else (day_after, None)
    if bound == "by":
        return (day_after, None) if negated else (ctx.as_of, span.latest)
    if bound == "from-day" and span.earliest == span.latest:
        return span.earliest, span.latest
    return span.earliest, None  # from, until, at the earliest, at least


def _read_tokens(tokens: list[str], ctx: _Context, phrase: str) -> tuple[date | None, date | None]:
    joined = " ".join(tokens)
    if joined.strip(" .!") in UNKNOWN_TEXT:
        return None, None
    found = _find(tokens, ctx)
    if found is None:
        if any(t in UNKNOWN_MARKERS for t in tokens) or "announced" in tokens:
            return None, None
        for i in range(len(tokens)):
            if suggestion := _suggest(tokens, i):
                raise WindowError(
                    f"{phrase!r}: {tokens[i]!r} is not a time word",
                    f"did you mean {suggestion!r}? " + EXAMPLES,
                )
        raise WindowError(f"{phrase!r} names no date, month, season or year", EXAMPLES)
    start, end, span = found
    for neighbour in (start - 1, end):
        if 0 <= neighbour < len(tokens) and (suggestion := _suggest(tokens, neighbour)):
            raise WindowError(
                f"{phrase!r}: {tokens[neighbour]!r} is not a time word",
                f"did you mean {suggestion!r}?",
            )
    bound, negated, used, _ = _bound(tokens[:start], tokens[end:])
    other = _other_expression(tokens[: start - used], ctx) or _other_expression(
        [t for t in tokens[end:] if t not in BOUND_TAIL_WORDS], ctx
    )
    if other is not None:
        raise WindowError(
            f"{phrase!r} names two times: {other!r} and {' '.join(tokens[start:end])!r}",
            "give just the one that says when the release comes",
        )
    return _apply_bound(span, bound, negated, ctx, phrase)


# --------------------------------------------------------------------------- time of day

_TIME_RE = re.compile(
    r"(?:\bat\s+)?\b(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s?m\b\.?"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b|(?P<word>noon|midnight)\b)",
    re.IGNORECASE,
)
_ZONE_RE = re.compile(r"\s*\(?(?P<zone>[A-Za-z_]+(?:/[A-Za-z_+-]+)*)\)?")


def _time_of(m: re.Match[str]) -> time:
    if m["word"]:
        return time(12, 0) if m["word"].lower() == "noon" else time(0, 0)
    if m["h24"] is not None:
        return time(int(m["h24"]), int(m["m24"]))
    return time(int(m["h"]) % 12 + (12 if m["ampm"].lower() == "p" else 0), int(m["m"] or 0))


def _zone_after(text: str, position: int) -> tuple[ZoneInfo | None, int]:
    """A time zone named right after a time of day, and where it ends."""
    if zm := _ZONE_RE.match(text, position):
        try:
            return resolve_zone(zm["zone"]), zm.end()
        except UsageError:
            pass
    return None, position


def _extract_time(phrase: str) -> tuple[str, time | None, ZoneInfo | None]:
    matches = list(_TIME_RE.finditer(phrase))
    if not matches:
        return phrase, None, None
    if len(matches) > 1:
        raise WindowError(f"{phrase!r} names more than one time of day", "give one time")
    m = matches[0]
    zone, end = _zone_after(phrase, m.end())
    return phrase[: m.start()] + " " + phrase[end:], _time_of(m), zone


# --------------------------------------------------------------------------- entry points


def parse_window(
    phrase: str,
    as_of: date,
    region: str | None = None,
    *,
    default_zone: tzinfo | None = None,
) -> Window:
    """Read a release-window phrase as spec/windows.md defines it.

    `as_of` is the day the phrase was reported; `region` an ISO country code
    (it picks the hemisphere for seasons and the zone for a bare time of day);
    `default_zone` is the user's zone for a time with neither zone nor region.
    Raises WindowError (exit 3) when the phrase cannot be read, naming the part
    that failed and phrases that would work.
    """
    if len(phrase) > MAX_PHRASE:
        raise WindowError(
            f"the phrase is longer than {MAX_PHRASE} characters",
            "give just the part that says when",
        )
    region = normalize_region(region)
    ctx = _Context(as_of, is_southern(region))
    try:
        text, clock, zone = _extract_time(phrase)
        tokens = [t.text for t in tokenize(text)]
        earliest, latest = _read_tokens(tokens, ctx, phrase)
    except (ValueError, OverflowError):  # dates beyond what the calendar holds
        raise WindowError(
            f"{phrase!r} is outside the calendar showtrack can use", EXAMPLES
        ) from None
    window = make_window(phrase.strip(), earliest, latest, region)
    if clock is None:
        return window
    if not window.is_exact or earliest is None:
        raise WindowError(
            f"{phrase!r}: a time of day needs a single day",
            "e.g. 'March 8, 2018 at 9pm ET', or drop the time",
        )
    from zoneinfo import ZoneInfo

    zone = zone or region_zone(region)
    air = datetime.combine(earliest, clock, tzinfo=zone or default_zone or ZoneInfo("UTC"))
    return window._replace(air_time=air)


def explain(
    phrase: str, as_of: date, region: str | None, today: date, now: datetime, zone: tzinfo
) -> dict[str, str | None]:
    """How a phrase reads (`showtrack window`): the spec's keys `phrase`, `as_of`,
    `region`, `earliest`, `latest`, `edtf`, `status`, `countdown`, and `air_time` when
    the phrase names a time of day."""
    from showtrack.windows.window import countdown_text, iso, status_on

    w = parse_window(phrase, as_of, region, default_zone=zone)
    fields = {
        "phrase": w.phrase,
        "as_of": as_of.isoformat(),
        "region": normalize_region(region),
        "earliest": iso(w.earliest),
        "latest": iso(w.latest),
        "edtf": w.edtf,
        "status": status_on(w.earliest, w.latest, today),
        "countdown": countdown_text(w.earliest, w.latest, today, None, w.air_time, now),
    }
    if w.air_time is not None:
        fields["air_time"] = w.air_time.isoformat()
    return fields


class FoundWindow(NamedTuple):
    """A time expression found in a text: where it stands (`text[start:end]`, bound words
    and a time of day included) and how it reads."""

    start: int
    end: int
    phrase: str
    window: Window


_PREFIX_REACH = 6  # tokens before an expression that may hold its bound word or negation
_TIME_AFTER = re.compile(r"[\s,]*(?=(?:at\s+)?\d|noon|midnight)", re.IGNORECASE)


def find_windows(
    text: str, as_of: date, region: str | None = None, *, default_zone: tzinfo | None = None
) -> list[FoundWindow]:
    """Every time expression in `text`, in order, each read as `parse_window` reads it
    alone: leftmost and longest first, with the bound words and negation just before it
    ("does not return before 2018") or after it ("2018 at the earliest"), and a time of
    day that follows a day. Runs that read as no real date are passed over."""
    region = normalize_region(region)
    ctx = _Context(as_of, is_southern(region))
    tokens = tokenize(text, track=True)
    words = [t.text for t in tokens]
    found: list[FoundWindow] = []
    i = floor = 0
    while i < len(tokens):
        end = next(
            (
                j
                for j in range(min(len(tokens), i + _MAX_SPAN_TOKENS), i, -1)
                if _read_run(words[i:j], ctx) is not None
            ),
            None,
        )
        if end is None:
            i += 1
            continue
        lo = max(floor, i - _PREFIX_REACH)
        _, negated, used, tail = _bound(words[lo:i], words[end:])
        first = i - used
        if negated:
            first = next(k for k in range(lo, i) if words[k] in NEGATIONS)
        last = end + tail
        start_char, end_char = tokens[first].start, tokens[last - 1].end
        gap = _TIME_AFTER.match(text, end_char)
        if gap and (clock := _TIME_RE.match(text, gap.end())):
            _, end_char = _zone_after(text, clock.end())
        phrase = text[start_char:end_char]
        try:
            window = parse_window(phrase, as_of, region, default_zone=default_zone)
        except WindowError:
            i += 1
            continue
        found.append(FoundWindow(start_char, end_char, phrase, window))
        i = floor = last
    return found
