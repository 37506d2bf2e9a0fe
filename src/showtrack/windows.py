"""Release windows: what "spring 2018", "not before 2018" or "later this year" mean.

Pure functions only (no I/O, no terminal, no database), following
../shared/spec/windows.md: parse a phrase against the day it was reported
(`as_of`) and a region, give its bounds and EDTF form, say where a window
stands on a given day, and write its countdown.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from showtrack.errors import UsageError, WindowError

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

# zoneinfo, dateutil, calendar and difflib are imported by the functions that use them:
# every listing imports this module for status and countdowns, and only the phrase
# parser needs them (about 4 ms of a listing's start-up).

EXAMPLES = "try e.g. 'spring 2018', '2018-03-08', 'not before 2018' or 'late 2017 or early 2018'"

# --------------------------------------------------------------------------- regions

SOUTHERN_HEMISPHERE = frozenset(
    {
        "AU",
        "NZ",
        "ZA",
        "AR",
        "BR",
        "CL",
        "UY",
        "PY",
        "BO",
        "PE",
        "NA",
        "BW",
        "ZW",
        "MZ",
        "MG",
        "LS",
        "SZ",
        "FJ",
        "MU",
    }
)

REGION_ALIASES = {
    "UK": "GB",
    "USA": "US",
    "UNITED STATES": "US",
    "UNITED STATES OF AMERICA": "US",
    "AMERICA": "US",
    "UNITED KINGDOM": "GB",
    "GREAT BRITAIN": "GB",
    "BRITAIN": "GB",
    "ENGLAND": "GB",
    "SCOTLAND": "GB",
    "WALES": "GB",
    "CANADA": "CA",
    "AUSTRALIA": "AU",
    "NEW ZEALAND": "NZ",
    "IRELAND": "IE",
    "GERMANY": "DE",
    "FRANCE": "FR",
    "SPAIN": "ES",
    "ITALY": "IT",
    "NETHERLANDS": "NL",
    "SWEDEN": "SE",
    "NORWAY": "NO",
    "DENMARK": "DK",
    "FINLAND": "FI",
    "JAPAN": "JP",
    "KOREA": "KR",
    "SOUTH KOREA": "KR",
    "INDIA": "IN",
    "BRAZIL": "BR",
    "ARGENTINA": "AR",
    "CHILE": "CL",
    "URUGUAY": "UY",
    "PARAGUAY": "PY",
    "MEXICO": "MX",
    "SOUTH AFRICA": "ZA",
    "POLAND": "PL",
    "PORTUGAL": "PT",
    "BELGIUM": "BE",
    "AUSTRIA": "AT",
    "SWITZERLAND": "CH",
    "CHINA": "CN",
}

# A country code is two letters; these are the ones we can also name a main zone for.
REGION_ZONES = {
    "US": "America/New_York",
    "CA": "America/Toronto",
    "GB": "Europe/London",
    "IE": "Europe/Dublin",
    "AU": "Australia/Sydney",
    "NZ": "Pacific/Auckland",
    "DE": "Europe/Berlin",
    "FR": "Europe/Paris",
    "ES": "Europe/Madrid",
    "IT": "Europe/Rome",
    "NL": "Europe/Amsterdam",
    "BE": "Europe/Brussels",
    "AT": "Europe/Vienna",
    "CH": "Europe/Zurich",
    "SE": "Europe/Stockholm",
    "NO": "Europe/Oslo",
    "DK": "Europe/Copenhagen",
    "FI": "Europe/Helsinki",
    "PL": "Europe/Warsaw",
    "PT": "Europe/Lisbon",
    "JP": "Asia/Tokyo",
    "KR": "Asia/Seoul",
    "IN": "Asia/Kolkata",
    "CN": "Asia/Shanghai",
    "BR": "America/Sao_Paulo",
    "AR": "America/Argentina/Buenos_Aires",
    "CL": "America/Santiago",
    "UY": "America/Montevideo",
    "PY": "America/Asuncion",
    "MX": "America/Mexico_City",
    "ZA": "Africa/Johannesburg",
}


def normalize_region(text: str | None) -> str | None:
    """An ISO 3166 alpha-2 code for `text` (a code, an alias such as UK, or an English name)."""
    if text is None or not text.strip():
        return None
    key = " ".join(text.strip().upper().replace(".", "").split())
    key = REGION_ALIASES.get(key, key)
    if re.fullmatch(r"[A-Z]{2}", key):
        return key
    raise UsageError(
        f"region {text!r} is not a country code or a country we know",
        "use an ISO 3166 code such as US, GB, AU or DE",
    )


def is_southern(region: str | None) -> bool:
    """Whether seasons in `region` follow the southern hemisphere."""
    return region in SOUTHERN_HEMISPHERE


# --------------------------------------------------------------------------- calendar helpers


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    import calendar

    return date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, month: int, count: int) -> tuple[date, date]:
    """The span of `count` calendar months starting at year-month."""
    from dateutil.relativedelta import relativedelta

    start = date(year, month, 1)
    last = start + relativedelta(months=count - 1)
    return start, month_end(last.year, last.month)


SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "winter": 24}
# (first month, year offset) of the season *named* Y, per hemisphere.
_NORTH = {"spring": (3, 0), "summer": (6, 0), "autumn": (9, 0), "winter": (12, -1)}
_SOUTH = {"spring": (9, 0), "summer": (12, -1), "autumn": (3, 0), "winter": (6, 0)}


def season_span(season: str, year: int, southern: bool = False) -> tuple[date, date]:
    """The meteorological season named `year` ("winter 2018" holds January 2018)."""
    month, offset = (_SOUTH if southern else _NORTH)[season]
    return _months(year + offset, month, 3)


def quarter_span(quarter: int, year: int) -> tuple[date, date]:
    """Calendar quarter 1-4."""
    return _months(year, 3 * quarter - 2, 3)


def half_span(half: int, year: int) -> tuple[date, date]:
    """Calendar half 1-2."""
    return _months(year, 6 * half - 5, 6)


def thanksgiving(year: int) -> date:
    """US Thanksgiving: the fourth Thursday of November."""
    from dateutil.relativedelta import TH, relativedelta

    return date(year, 11, 1) + relativedelta(weekday=TH(4))


_FIXED_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "new year's eve": (12, 31),
    "new years eve": (12, 31),
    "new year's day": (1, 1),
    "new years day": (1, 1),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "valentines day": (2, 14),
    "valentine's": (2, 14),
}


def _holiday(name: str, year: int) -> tuple[date, date]:
    if name in _FIXED_HOLIDAYS:
        day = date(year, *_FIXED_HOLIDAYS[name])
        return day, day
    if name == "thanksgiving":
        day = thanksgiving(year)
        return day, day
    if name == "easter":
        from dateutil.easter import easter

        day = easter(year)
        return day, day
    # "the holidays": Thanksgiving through New Year's Day.
    return thanksgiving(year), date(year + 1, 1, 1)


# --------------------------------------------------------------------------- windows


class Span(NamedTuple):
    """Bounds found in a phrase; `kind` lets bound words treat e.g. "end of 2018" specially."""

    earliest: date | None
    latest: date | None
    kind: str = "span"


class Window(NamedTuple):
    """What is known of a release date: an inclusive span of days, either end open."""

    phrase: str
    earliest: date | None
    latest: date | None
    edtf: str
    air_time: datetime | None = None

    @property
    def is_exact(self) -> bool:
        """True when the window is a single day."""
        return self.earliest is not None and self.earliest == self.latest

    def to_dict(self) -> dict[str, str | None]:
        """The window as the JSON object of spec/cli.md."""
        return {
            "phrase": self.phrase,
            "earliest": _iso(self.earliest),
            "latest": _iso(self.latest),
            "edtf": self.edtf,
        }


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def make_window(
    phrase: str, earliest: date | None, latest: date | None, region: str | None = None
) -> Window:
    """A window from known bounds, with its EDTF form; refuses an end before the start."""
    if earliest is not None and latest is not None and latest < earliest:
        raise WindowError(
            f"{phrase!r} ends ({latest}) before it starts ({earliest})",
            "a window runs from its earliest to its latest day; " + EXAMPLES,
        )
    return Window(phrase, earliest, latest, to_edtf(earliest, latest, region))


# --------------------------------------------------------------------------- EDTF


def to_edtf(earliest: date | None, latest: date | None, region: str | None = None) -> str:
    """The closest EDTF name of a window, else its interval (open ends as `..`)."""
    if earliest is None and latest is None:
        return ".."
    if earliest is None:
        return f"../{_iso(latest)}"
    if latest is None:
        return f"{earliest.isoformat()}/.."
    if earliest == latest:
        return earliest.isoformat()
    y = latest.year
    if (earliest.year, earliest.month, earliest.day) == (y, latest.month, 1) and (
        latest == month_end(y, latest.month)
    ):
        return f"{y:04d}-{latest.month:02d}"
    if (earliest, latest) == (date(y, 1, 1), date(y, 12, 31)):
        return f"{y:04d}"
    months = (latest.year - earliest.year) * 12 + latest.month - earliest.month + 1
    # Seasons and quarters are three whole months, halves six: only those can have a name
    # (and only they are worth comparing with every season; `import` names thousands).
    if earliest.day == 1 and latest == month_end(y, latest.month) and months in (3, 6):
        southern = is_southern(region)
        for season, code in SEASON_CODES.items():
            if season_span(season, y, southern) == (earliest, latest):
                return f"{y:04d}-{code}"
        for quarter in range(1, 5):
            if quarter_span(quarter, y) == (earliest, latest):
                return f"{y:04d}-{32 + quarter}"
        for half in (1, 2):
            if half_span(half, y) == (earliest, latest):
                return f"{y:04d}-{39 + half}"
    return f"{earliest.isoformat()}/{latest.isoformat()}"


def _edtf_point(text: str, southern: bool) -> tuple[date, date] | None:
    """Bounds of one EDTF date: YYYY, YYYY-MM, YYYY-MM-DD, or a season/quarter/half code."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        return None
    year = int(m[1])
    if m[2] is None:
        return date(year, 1, 1), date(year, 12, 31)
    code = int(m[2])
    if m[3] is not None:
        day = _valid_date(year, code, int(m[3]), text)
        return day, day
    if 1 <= code <= 12:
        return _months(year, code, 1)
    for season, season_code in SEASON_CODES.items():
        if code == season_code:
            return season_span(season, year, southern)
    if 33 <= code <= 36:
        return quarter_span(code - 32, year)
    if code in (40, 41):
        return half_span(code - 39, year)
    return None


# --------------------------------------------------------------------------- durations


class Duration(NamedTuple):
    """A length of time as users write it: `7d`, `2w`, `3mo`, `1y`."""

    months: int = 0
    days: int = 0

    def after(self, day: date) -> date:
        """The day this long after `day`."""
        from dateutil.relativedelta import relativedelta

        return day + relativedelta(months=self.months, days=self.days)

    def __str__(self) -> str:
        if self.months and self.months % 12 == 0 and not self.days:
            return f"{self.months // 12}y"
        if self.months and not self.days:
            return f"{self.months}mo"
        if self.days and self.days % 7 == 0 and not self.months:
            return f"{self.days // 7}w"
        return f"{self.days}d" if not self.months else f"{self.months}mo{self.days}d"


_DURATION_UNITS = {
    "d": (0, 1),
    "day": (0, 1),
    "days": (0, 1),
    "w": (0, 7),
    "wk": (0, 7),
    "week": (0, 7),
    "weeks": (0, 7),
    "m": (1, 0),
    "mo": (1, 0),
    "mon": (1, 0),
    "month": (1, 0),
    "months": (1, 0),
    "y": (12, 0),
    "yr": (12, 0),
    "year": (12, 0),
    "years": (12, 0),
}


def parse_duration(text: str) -> Duration:
    """Read `7d`, `2w`, `3mo`, `1y` (or `3 months`); a bad one is a usage error."""
    m = re.fullmatch(r"\s*(\d{1,4})\s*([a-z]+)\s*", text.lower())
    unit = _DURATION_UNITS.get(m[2]) if m else None
    if m is None or unit is None:
        raise UsageError(
            f"duration {text!r} is not understood", "use a number and a unit: 7d, 2w, 3mo or 1y"
        )
    count = int(m[1])
    return Duration(months=count * unit[0], days=count * unit[1])


# --------------------------------------------------------------------------- phrase reading


class _Context(NamedTuple):
    as_of: date
    southern: bool


_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
_FULL_WEEKDAYS = [
    name
    for name, _ in sorted(
        ((n, i) for n, i in _WEEKDAYS.items() if len(n) > 5 or n == "friday"), key=lambda p: p[1]
    )
]
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_MON = "(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
_WD = "(?P<wd>" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + ")"
_YEAR = r"(?P<y>\d{4}|'\d\d)"


def _yearx(group: str = "y") -> str:
    """A year as a number, 'yy, or "this/next year" ("the year" is as_of's)."""
    return rf"(?P<{group}>\d{{4}}|'\d\d|year|this year|next year)"


_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_PART = r"(?P<part>early|mid|late)"
_HOLIDAY = (
    r"(?P<hol>christmas eve|christmas day|christmas|new year's eve|new years eve|"
    r"new year's day|new years day|halloween|valentine's day|valentines day|valentine's|"
    r"thanksgiving|easter|holidays|holiday season)"
)


class _LazyPattern:
    """A regular expression compiled on first use: listings import this module for status
    and countdowns and never parse a phrase, so they should not pay for compiling the
    parser's patterns."""

    __slots__ = ("_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return getattr(self._compiled, name)


def _re(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))


_P_ISO_DAY = _re(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_P_MON_DAY = _re(rf"(?:{_WD} )?{_MON} (?P<d>\d{{1,2}})(?: {_YEAR})?")
_P_DAY_MON = _re(rf"(?:{_WD} )?(?P<d>\d{{1,2}}) {_MON}(?: {_YEAR})?")
_P_NUM_DATE = _re(r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?")
_P_MONTH = _re(
    rf"(?:(?P<rel>this|next) )?(?:(?P<part>early|mid|late|beginning|start|end) )?"
    rf"{_MON}(?: {_YEAR})?"
)
_P_SEASON = _re(
    rf"(?:(?P<rel>this|next) )?(?:{_PART} )?{_SEASON}"
    r"(?: (?P<y>\d{4}|'\d\d)(?:[-/](?P<y2>\d{2}|\d{4}))?)?"
)
_P_QUARTER = _re(
    rf"(?:q(?P<q>[1-4])(?: {_yearx()})?|(?P<y2>\d{{4}}) q(?P<q2>[1-4])|"
    rf"(?P<ord>first|second|third|fourth|[1-4]) quarter(?: {_yearx('y3')})?)"
)
_P_HALF = _re(
    rf"(?:h(?P<h>[12])(?: {_yearx()})?|(?P<y2>\d{{4}}) h(?P<h2>[12])|"
    rf"(?P<ord>first|second|[12]) half(?: {_yearx('y3')})?)"
)
_P_YEAR_PART = _re(rf"(?P<part>early|mid|late|beginning|start|end) {_yearx()}")
_P_YEAR = _re(r"(?P<y>\d{4}|'\d\d)|(?P<rel>this|next) year")
_P_TV_SEASON = _re(r"(?P<y>\d{4})[-/](?P<y2>\d{2}|\d{4}) season")
_P_MIDSEASON = _re(r"midseason(?: (?P<y>\d{4}|'\d\d))?")
_P_WEEKDAY = _re(r"(?:(?P<rel>this|next) )?(?P<wd>" + "|".join(_FULL_WEEKDAYS) + ")")
_P_MONTH_REL = _re(rf"(?:{_PART} )?(?P<rel>this|next) month")
_P_WEEK_REL = _re(r"(?P<rel>this|next) week")
_P_HOLIDAY = _re(rf"{_HOLIDAY}(?: {_YEAR})?")
_P_EDTF_INTERVAL = _re(r"(?P<a>[0-9-]+|\.\.)?/(?P<b>[0-9-]+|\.\.)?")


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


def _valid_date(year: int, month: int, day: int, phrase: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise WindowError(
            f"{phrase!r} is not a real date", "check the day and month; " + EXAMPLES
        ) from None


def _numbered_span(
    span: Callable[[int, int], tuple[date, date]],
    kind: str,
    number: int,
    m: re.Match[str],
    ctx: _Context,
    text: str,
) -> Span:
    """Quarter or half `number` (`span` of it and a year) of the year the phrase names,
    else of the year `_choose` picks for "this" one."""
    year = _year_value(m["y"] or m["y2"] or m["y3"], ctx)
    if year is None:
        start, end = _choose(lambda y: span(number, y), ctx, "this", text)
        return Span(start, end, kind)
    return Span(*span(number, year), kind)


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


def _part_of(start: date, end: date, part: str) -> tuple[date, date]:
    """early/mid/late of a month (tens of days) or of a three-month season (its months)."""
    if (start.year, start.month) == (end.year, end.month):
        return {
            "early": (start, start.replace(day=10)),
            "beginning": (start, start.replace(day=10)),
            "start": (start, start.replace(day=10)),
            "mid": (start.replace(day=11), start.replace(day=20)),
            "late": (start.replace(day=21), end),
            "end": (start.replace(day=21), end),
        }[part]
    from dateutil.relativedelta import relativedelta

    index = {"early": 0, "mid": 1, "late": 2}[part]
    first = start + relativedelta(months=index)
    return _months(first.year, first.month, 1)


def _year_part(year: int, part: str) -> tuple[date, date]:
    return {
        "early": (date(year, 1, 1), date(year, 4, 30)),
        "mid": (date(year, 5, 1), date(year, 8, 31)),
        "late": (date(year, 9, 1), date(year, 12, 31)),
        "beginning": (date(year, 1, 1), date(year, 1, 31)),
        "start": (date(year, 1, 1), date(year, 1, 31)),
        "end": (date(year, 12, 1), date(year, 12, 31)),
    }[part]


def _check_weekday(day: date, weekday: str | None, phrase: str) -> None:
    if weekday is not None and day.weekday() != _WEEKDAYS[weekday]:
        actual = f"{day:%A}"
        raise WindowError(
            f"{phrase!r}: {day.isoformat()} is a {actual}, not a {weekday.capitalize()}",
            "fix the date or drop the weekday",
        )


def _day_span(m: re.Match[str], ctx: _Context, text: str) -> Span:
    month = _MONTHS[m["mon"]]
    day = int(m["d"])
    year = _year_value(m["y"], ctx)
    if year is None:
        start, _ = _choose(lambda y: (date(y, month, day),) * 2, ctx, "this", text)
        if not 1 <= day <= 31:
            raise WindowError(f"{text!r} is not a real date", EXAMPLES)
        return Span(start, start, "day")
    found = _valid_date(year, month, day, text)
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
    found = _valid_date(year, month, day, text)
    return Span(found, found, "day")


def _season(m: re.Match[str], ctx: _Context, text: str) -> Span:
    name = "autumn" if m["season"] == "fall" else m["season"]
    south = ctx.southern
    if m["y"] is None:
        policy = m["rel"] or "this"
        start, end = _choose(lambda y: season_span(name, y, south), ctx, policy, text)
    else:
        year = _year_value(m["y"], ctx)
        assert year is not None
        if m["y2"] is not None:
            second = int(m["y2"]) if len(m["y2"]) == 4 else year // 100 * 100 + int(m["y2"])
            straddling = _SOUTH[name][1] if south else _NORTH[name][1]
            if second != year + 1 or straddling != -1:
                raise WindowError(
                    f"{text!r}: only a season that spans New Year takes two years",
                    "e.g. 'winter 2018-19' or 'spring 2018'",
                )
            year = second
        start, end = season_span(name, year, south)
    if m["part"]:
        start, end = _part_of(start, end, m["part"])
    return Span(start, end, "season")


def _atom(text: str, ctx: _Context) -> Span | None:
    """One time expression with no bound words: a day, month, season, year, holiday, EDTF..."""
    as_of = ctx.as_of
    if m := _P_ISO_DAY.fullmatch(text):
        day = _valid_date(int(m["y"]), int(m["m"]), int(m["d"]), text)
        return Span(day, day, "day")
    if (m := _P_MON_DAY.fullmatch(text)) or (m := _P_DAY_MON.fullmatch(text)):
        return _day_span(m, ctx, text)
    if m := _P_NUM_DATE.fullmatch(text):
        return _numeric_date(m, ctx, text)
    if m := _P_MONTH.fullmatch(text):
        month = _MONTHS[m["mon"]]
        year = _year_value(m["y"], ctx)
        if year is None:
            start, end = _choose(lambda y: _months(y, month, 1), ctx, m["rel"] or "this", text)
        elif m["rel"]:
            return None
        else:
            start, end = _months(year, month, 1)
        if m["part"]:
            start, end = _part_of(start, end, m["part"])
        return Span(start, end, "end" if m["part"] == "end" else "month")
    if m := _P_SEASON.fullmatch(text):
        return _season(m, ctx, text)
    if m := _P_QUARTER.fullmatch(text):
        quarter = int(m["q"] or m["q2"] or _ORDINALS[m["ord"]])
        return _numbered_span(quarter_span, "quarter", quarter, m, ctx, text)
    if m := _P_HALF.fullmatch(text):
        half = int(m["h"] or m["h2"] or _ORDINALS[m["ord"]])
        return _numbered_span(half_span, "half", half, m, ctx, text)
    if m := _P_YEAR_PART.fullmatch(text):
        year = _year_value(m["y"], ctx)
        assert year is not None
        return Span(*_year_part(year, m["part"]), "end" if m["part"] == "end" else "part")
    if m := _P_YEAR.fullmatch(text):
        year = _year_value(m["y"] or f"{m['rel']} year", ctx)
        assert year is not None
        return Span(date(year, 1, 1), date(year, 12, 31), "year")
    if m := _P_TV_SEASON.fullmatch(text):
        first = int(m["y"])
        second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
        if second != first + 1:
            raise WindowError(
                f"{text!r}: a TV season runs over two years in a row", "e.g. 'the 2018-19 season'"
            )
        return Span(date(first, 9, 1), date(second, 5, 31), "tvseason")
    if m := _P_MIDSEASON.fullmatch(text):
        year = _year_value(m["y"], ctx)
        if year is None:
            start, end = _choose(lambda y: (date(y, 1, 1), date(y, 5, 31)), ctx, "this", text)
            return Span(start, end, "midseason")
        return Span(date(year, 1, 1), date(year, 5, 31), "midseason")
    if text in ("today", "tonight"):
        return Span(as_of, as_of, "day")
    if text == "tomorrow":
        return Span(as_of + timedelta(days=1), as_of + timedelta(days=1), "day")
    if m := _P_WEEKDAY.fullmatch(text):
        ahead = (_WEEKDAYS[m["wd"]] - as_of.weekday()) % 7
        if m["rel"] == "next":  # the one in next week, as "next week" means
            ahead = 7 - as_of.weekday() + _WEEKDAYS[m["wd"]]
        day = as_of + timedelta(days=ahead)
        return Span(day, day, "day")
    if m := _P_MONTH_REL.fullmatch(text):
        from dateutil.relativedelta import relativedelta

        month_start = as_of.replace(day=1) + relativedelta(months=1 if m["rel"] == "next" else 0)
        start, end = _months(month_start.year, month_start.month, 1)
        if m["part"]:
            start, end = _part_of(start, end, m["part"])
        return Span(start, end, "month")
    if m := _P_WEEK_REL.fullmatch(text):
        monday = (
            as_of - timedelta(days=as_of.weekday()) + timedelta(days=7 if m["rel"] == "next" else 0)
        )
        return Span(monday, monday + timedelta(days=6), "week")
    if text == "new year":
        return Span(date(as_of.year + 1, 1, 1), date(as_of.year + 1, 12, 31), "year")
    if m := _P_HOLIDAY.fullmatch(text):
        name = "holidays" if m["hol"] == "holiday season" else m["hol"]
        year = _year_value(m["y"], ctx)
        if year is None:
            start, end = _choose(lambda y: _holiday(name, y), ctx, "this", text)
            return Span(start, end, "day" if start == end else "holidays")
        start, end = _holiday(name, year)
        return Span(start, end, "day" if start == end else "holidays")
    return _edtf_atom(text, ctx)


def _edtf_atom(text: str, ctx: _Context) -> Span | None:
    if text == "..":
        return Span(None, None, "open")
    point = _edtf_point(text, ctx.southern)
    if point is not None:
        return Span(point[0], point[1], "day" if point[0] == point[1] else "edtf")
    m = _P_EDTF_INTERVAL.fullmatch(text)
    if m is None or (m["a"] is None and m["b"] is None):
        return None
    first = None if m["a"] in (None, "..") else _edtf_point(m["a"], ctx.southern)
    last = None if m["b"] in (None, "..") else _edtf_point(m["b"], ctx.southern)
    if (first is None and m["a"] not in (None, "..")) or (
        last is None and m["b"] not in (None, "..")
    ):
        return None
    return Span(first[0] if first else None, last[1] if last else None, "open")


_RANGE_WORDS = frozenset({"to", "-", "through", "thru"})
_HULL_WORDS = frozenset({"or", "/", "and"})
_YEARISH = _re(r"\d{4}|'\d\d|\d{4}[-/]\d{2,4}|year")


def _compound(tokens: Sequence[str], ctx: _Context) -> Span | None:
    """An atom, or two atoms joined as a range ("March to May 2018") or a hull ("X or Y")."""
    atom = _atom(" ".join(tokens), ctx)
    if atom is not None:
        return atom
    lead = tokens[0]
    body = list(tokens[1:]) if lead in ("between", "from", "either") else list(tokens)
    for k in range(1, len(body) - 1):
        joiner = body[k]
        allowed = {
            "between": {"and"},
            "from": _RANGE_WORDS | {"until", "till"},
            "either": {"or"},
        }.get(lead, _RANGE_WORDS | _HULL_WORDS)
        if joiner not in allowed:
            continue
        right = _atom(" ".join(body[k + 1 :]), ctx)
        if right is None or right.earliest is None or right.latest is None:
            continue
        left = _left_part(body[:k], body[k + 1 :], ctx)
        if left is None or left.earliest is None or left.latest is None:
            continue
        if joiner in _HULL_WORDS and lead != "between":
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


# --- finding the expression in a sentence ---

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_FILLER = frozenset(
    {
        "the",
        "of",
        "in",
        "around",
        "an",
        "a",
        "on",
        "sometime",
        "some",
        "during",
        "expected",
        "likely",
        "tv",
        "release",
        "premiere",
        "premieres",
        "debut",
        "debuts",
        "slated",
        "for",
    }
)
_MAY_CONTEXT = frozenset(
    {
        "in",
        "early",
        "mid",
        "late",
        "this",
        "next",
        "by",
        "until",
        "till",
        "before",
        "after",
        "from",
        "of",
        "to",
        "and",
        "or",
        "between",
        "-",
        "/",
        "since",
        "through",
        "end",
        "beginning",
        "start",
        "around",
        "during",
    }
)
_UNKNOWN_TEXT = frozenset(
    {
        "",
        "?",
        "tba",
        "tbd",
        "tbc",
        "to be announced",
        "to be confirmed",
        "to be determined",
        "not set yet",
        "yet to be announced",
        "unknown",
        "not yet announced",
        "n/a",
        "none",
    }
)
_UNKNOWN_MARKERS = frozenset({"tba", "tbd", "tbc", "unknown"})
_NEGATIONS = frozenset({"not", "never", "no"})
_VOCABULARY = sorted(
    {
        *_MONTHS,
        *_FULL_WEEKDAYS,
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "quarter",
        "half",
        "early",
        "late",
        "midseason",
        "christmas",
        "halloween",
        "thanksgiving",
        "easter",
        "holidays",
        "tomorrow",
        "today",
        "before",
        "after",
        "until",
        "earliest",
        "next",
        "this",
        "year",
        "month",
        "week",
        "season",
        "between",
        "beginning",
        "later",
    }
)
_MAX_SPAN_TOKENS = 9
_MAX_PHRASE = 500


def _tokens(text: str) -> list[str]:
    s = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    s = s.replace('"', " ").replace("and/or", " or ").replace("&", " and ")
    s = re.sub(r"\bwon't\b", "will not", s)
    s = re.sub(r"\bcan't\b", "can not", s)
    s = re.sub(r"n't\b", " not", s)
    s = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", s)
    s = re.sub(r"\b(early|mid|late)-to-", r"\1 to ", s)
    s = re.sub(r"\bmid[- ]?season\b", "midseason", s)
    s = re.sub(r"\b(early|mid|late)-", r"\1 ", s)
    s = re.sub(r"(?<=[a-z])\.", " ", s)
    s = re.sub(r"[,;:!()\[\]{}]", " ", s)
    s = re.sub(r"(?<=[a-z])-(?=[a-z0-9'])|(?<=[0-9])-(?=[a-z])", " - ", s)
    s = re.sub(r"(?<=[a-z])/(?=[a-z0-9'])|(?<=[0-9])/(?=[a-z])", " / ", s)
    raw = s.split()
    tokens: list[str] = []
    for i, tok in enumerate(raw):
        # "may" is a month only where a date is plainly meant, not "the show may return".
        if tok == "may":
            after = raw[i + 1] if i + 1 < len(raw) else ""
            before = raw[i - 1] if i else ""
            if not (
                re.match(r"\d|'\d", after)
                or before in _MAY_CONTEXT
                or after in _RANGE_WORDS | _HULL_WORDS
                or len(raw) == 1
            ):
                tok = "may~"
        if tok not in _FILLER:
            tokens.append(tok)
    return tokens


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


_PREFIX_BOUNDS: list[tuple[tuple[str, ...], str]] = [
    (("no", "earlier", "than"), "from"),
    (("not", "earlier", "than"), "from"),
    (("no", "later", "than"), "by"),
    (("not", "later", "than"), "by"),
    (("until", "at", "least"), "from"),
    (("till", "at", "least"), "from"),
    (("at", "least"), "from"),
    (("before", "end"), "by-end"),
    (("before",), "before"),
    (("until",), "until"),
    (("till",), "until"),
    (("til",), "until"),
    (("after",), "after"),
    (("by",), "by"),
    (("from",), "from-day"),
    (("since",), "from"),
    (("starting",), "from-day"),
    (("beginning",), "from-day"),
    (("later",), "later"),
]
_SUFFIX_BOUNDS: list[tuple[tuple[str, ...], str]] = [
    (("at", "absolute", "earliest"), "from"),
    (("at", "very", "earliest"), "from"),
    (("at", "earliest"), "from"),
    (("or", "later"), "from"),
    (("onwards",), "from"),
    (("onward",), "from"),
    (("and", "beyond"), "from"),
    (("at", "latest"), "by"),
    (("at", "very", "latest"), "by"),
    (("or", "earlier"), "by"),
    (("or", "sooner"), "by"),
]


def _bound(prefix: Sequence[str], suffix: Sequence[str]) -> tuple[str | None, bool, int]:
    """The bound word before or after the expression, whether it is negated, and how
    many prefix tokens it used."""
    for words, bound in _PREFIX_BOUNDS:
        if tuple(prefix[-len(words) :]) == words:
            negated = any(t in _NEGATIONS for t in prefix[: -len(words)])
            return bound, negated, len(words)
    for words, bound in _SUFFIX_BOUNDS:
        if tuple(suffix[: len(words)]) == words:
            return bound, False, 0
    return None, False, 0


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


# --- time of day ---

_ZONE_ABBREVIATIONS = {
    "et": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "ct": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "mt": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "akt": "America/Anchorage",
    "akst": "America/Anchorage",
    "akdt": "America/Anchorage",
    "ht": "Pacific/Honolulu",
    "hst": "Pacific/Honolulu",
    "utc": "UTC",
    "gmt": "Europe/London",
    "bst": "Europe/London",
    "cet": "Europe/Paris",
    "cest": "Europe/Paris",
    "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney",
    "jst": "Asia/Tokyo",
    "ist": "Asia/Kolkata",
    "nzst": "Pacific/Auckland",
    "nzdt": "Pacific/Auckland",
}
_TIME_RE = _re(
    r"(?:\bat\s+)?\b(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s?m\b\.?"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b|(?P<word>noon|midnight)\b)",
    re.IGNORECASE,
)
_ZONE_RE = _re(r"\s*\(?(?P<zone>[A-Za-z_]+(?:/[A-Za-z_+-]+)*)\)?")


def resolve_zone(name: str) -> ZoneInfo:
    """An IANA zone from its name (any case) or a common abbreviation (ET, PT, ...)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

    key = name.strip()
    if "/" in key and key.lower().split("/")[0] in _ZONE_ABBREVIATIONS:  # "ET/PT": the first
        key = key.split("/")[0]
    if key.lower() in _ZONE_ABBREVIATIONS:
        return ZoneInfo(_ZONE_ABBREVIATIONS[key.lower()])
    try:
        if "/" in key or key == "UTC":
            return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    lowered = {zone.lower(): zone for zone in available_timezones()}
    if key.lower() in lowered and "/" in key:
        return ZoneInfo(lowered[key.lower()])
    raise UsageError(
        f"time zone {name!r} is not known",
        "use an IANA name such as America/New_York, or ET, CT, MT, PT",
    )


def _extract_time(phrase: str) -> tuple[str, time | None, ZoneInfo | None]:
    matches = list(_TIME_RE.finditer(phrase))
    if not matches:
        return phrase, None, None
    if len(matches) > 1:
        raise WindowError(f"{phrase!r} names more than one time of day", "give one time")
    m = matches[0]
    if m["word"]:
        clock = time(12, 0) if m["word"].lower() == "noon" else time(0, 0)
    elif m["h24"] is not None:
        clock = time(int(m["h24"]), int(m["m24"]))
    else:
        hour = int(m["h"]) % 12 + (12 if m["ampm"].lower() == "p" else 0)
        clock = time(hour, int(m["m"] or 0))
    end = m.end()
    zone = None
    if zm := _ZONE_RE.match(phrase, end):
        try:
            zone = resolve_zone(zm["zone"])
            end = zm.end()
        except UsageError:
            zone = None
    return phrase[: m.start()] + " " + phrase[end:], clock, zone


# --- the public entry point ---


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
    if len(phrase) > _MAX_PHRASE:
        raise WindowError(
            f"the phrase is longer than {_MAX_PHRASE} characters",
            "give just the part that says when",
        )
    region = normalize_region(region)
    ctx = _Context(as_of, is_southern(region))
    try:
        text, clock, zone = _extract_time(phrase)
        tokens = _tokens(text)
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

    if zone is None:
        zone_name = REGION_ZONES.get(region or "")
        zone = ZoneInfo(zone_name) if zone_name else None
    air = datetime.combine(earliest, clock, tzinfo=zone or default_zone or ZoneInfo("UTC"))
    return Window(window.phrase, window.earliest, window.latest, window.edtf, air)


def _read_tokens(tokens: list[str], ctx: _Context, phrase: str) -> tuple[date | None, date | None]:
    joined = " ".join(tokens)
    if joined.strip(" .!") in _UNKNOWN_TEXT:
        return None, None
    found = _find(tokens, ctx)
    if found is None:
        if any(t in _UNKNOWN_MARKERS for t in tokens) or "announced" in tokens:
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
    bound, negated, used = _bound(tokens[:start], tokens[end:])
    other = _other_expression(tokens[: start - used], ctx) or _other_expression(
        [t for t in tokens[end:] if t not in ("at", "earliest", "latest", "or", "later")], ctx
    )
    if other is not None:
        raise WindowError(
            f"{phrase!r} names two times: {other!r} and {' '.join(tokens[start:end])!r}",
            "give just the one that says when the release comes",
        )
    return _apply_bound(span, bound, negated, ctx, phrase)


# --------------------------------------------------------------------------- status & countdown

STATUSES = ("released", "upcoming", "open", "overdue", "unknown")


def status_on(
    earliest: date | None, latest: date | None, today: date, release_date: date | None = None
) -> str:
    """Where a window stands on `today`: released, upcoming, open, overdue or unknown."""
    if release_date is not None:
        return "released"
    if earliest is None:
        return "unknown"
    if today < earliest:
        return "upcoming"
    if latest is None or today <= latest:
        return "open"
    return "overdue"


def _count(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def _in_months(days: int) -> int:
    return max(1, round(days / 30.4375))


def elapsed_seconds(start: datetime, end: datetime) -> int:
    """Real seconds from `start` to `end`. Both go through UTC first: Python subtracts
    datetimes that share one tzinfo as wall-clock times, which ignores a DST change."""
    return int((end.astimezone(timezone.utc) - start.astimezone(timezone.utc)).total_seconds())


def _until_instant(air_time: datetime, now: datetime) -> str:
    seconds = elapsed_seconds(now, air_time)
    if seconds <= 0:
        return "airing now" if seconds > -3600 else "aired"
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days >= 2:
        return f"in {days} days {hours} h"
    if days == 1:
        return f"in 1 day {hours} h"
    return f"in {hours} h {minutes:02d} min"


def window_dates(earliest: str | None, latest: str | None) -> str:
    """'2018-03-08', '2018-03-01 – 2018-05-31', '2018-01-01 →', '→ 2018-12-31', 'TBA'."""
    if earliest is None and latest is None:
        return "TBA"
    if earliest == latest:
        return str(earliest)
    if latest is None:
        return f"{earliest} →"
    if earliest is None:
        return f"→ {latest}"
    return f"{earliest} – {latest}"


def compact_dates(earliest: str | None, latest: str | None) -> str:
    """window_dates() for a narrow column: '2018-03-01–05-31' within one year."""
    if earliest and latest and earliest != latest and earliest[:4] == latest[:4]:
        return f"{earliest}–{latest[5:]}"
    return window_dates(earliest, latest)


def countdown_text(
    earliest: date | None,
    latest: date | None,
    today: date,
    release_date: date | None = None,
    air_time: datetime | None = None,
    now: datetime | None = None,
) -> str:
    """The human countdown of spec/windows.md: 'in 12 days', 'in 3–6 months',
    'window open, closes in 20 days', 'overdue by 15 days', 'released 2018-03-08', 'TBA'."""
    if release_date is not None:
        return f"released {release_date.isoformat()}"
    if earliest is None:
        return "TBA" if latest is None else f"TBA, by {latest.isoformat()}"
    if air_time is not None and now is not None and earliest == latest:
        return _until_instant(air_time, now)
    if today < earliest:
        lo = (earliest - today).days
        if latest is None:
            return f"in {_in_months(lo)}+ months" if lo > 60 else f"in {lo}+ days"
        if latest == earliest:
            return "tomorrow" if lo == 1 else f"in {lo} days"
        hi = (latest - today).days
        if lo > 60:
            low, high = _in_months(lo), _in_months(hi)
            return f"in {low} months" if low == high else f"in {low}–{high} months"
        return f"in {lo}–{hi} days"
    if latest is None:
        return "window open"
    if today <= latest:
        if earliest == latest:
            return "today"
        left = (latest - today).days
        return (
            "window open, closes today"
            if left == 0
            else (f"window open, closes in {_count(left, 'day')}")
        )
    return f"overdue by {_count((today - latest).days, 'day')}"


# --------------------------------------------------------------------------- constraints


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
