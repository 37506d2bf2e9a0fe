"""The release window: an inclusive span of days, either end open, with its phrase and
EDTF name; where a window stands on a given day, and its countdown text
(spec/windows.md). Pure and light: listings import this, never the phrase reader."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, NamedTuple

from showtrack.errors import WindowError

if TYPE_CHECKING:
    from showtrack.windows.spans import DaySpan

# Naming a window's EDTF form needs the calendar spans (spans, regions, vocabulary): they
# are imported by the two functions that do it, since a listing only shows status and
# countdowns and never names EDTF.

#: The days showtrack keeps: every date it accepts, and so every sum of a date and a
#: lag or lead time (at most MAX_YEARS), stays inside what Python's calendar can count.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)
KEPT_YEARS = "showtrack keeps dates from 1900 to 2199"

EXAMPLES = "try e.g. 'spring 2018', '2018-03-08', 'not before 2018' or 'late 2017 or early 2018'"
STATUSES = ("released", "upcoming", "open", "overdue", "unknown")


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
            "earliest": iso(self.earliest),
            "latest": iso(self.latest),
            "edtf": self.edtf,
        }


def iso(day: date | None) -> str | None:
    """A day as YYYY-MM-DD, None staying None."""
    return None if day is None else day.isoformat()


def valid_date(year: int, month: int, day: int, phrase: str) -> date:
    """The day, or a WindowError saying the phrase names no real date."""
    try:
        return date(year, month, day)
    except ValueError:
        raise WindowError(
            f"{phrase!r} is not a real date", "check the day and month; " + EXAMPLES
        ) from None


def kept(day: date | None) -> bool:
    """Whether a day (or no day) is one showtrack keeps."""
    return day is None or FIRST_DAY <= day <= LAST_DAY


def make_window(
    phrase: str, earliest: date | None, latest: date | None, region: str | None = None
) -> Window:
    """A window from known bounds, with its EDTF form; refuses an end before the start,
    and a day outside the years showtrack keeps."""
    if not (kept(earliest) and kept(latest)):
        raise WindowError(f"{phrase!r} falls outside the years {KEPT_YEARS}", EXAMPLES)
    if earliest is not None and latest is not None and latest < earliest:
        raise WindowError(
            f"{phrase!r} ends ({latest}) before it starts ({earliest})",
            "a window runs from its earliest to its latest day; " + EXAMPLES,
        )
    return Window(phrase, earliest, latest, to_edtf(earliest, latest, region))


# --------------------------------------------------------------------------- EDTF


def to_edtf(earliest: date | None, latest: date | None, region: str | None = None) -> str:
    """The closest EDTF name of a window, else its interval (open ends as `..`)."""
    from showtrack.windows.regions import is_southern
    from showtrack.windows.spans import half_span, month_end, quarter_span, season_span
    from showtrack.windows.vocabulary import SEASON_CODES

    if earliest is None and latest is None:
        return ".."
    if earliest is None:
        return f"../{iso(latest)}"
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


def edtf_point(text: str, southern: bool) -> DaySpan | None:
    """Bounds of one EDTF date: YYYY, YYYY-MM, YYYY-MM-DD, or a season/quarter/half code."""
    from showtrack.windows.spans import half_span, month_end, quarter_span, season_span
    from showtrack.windows.vocabulary import SEASON_CODES

    # A pattern string, compiled by `re` on first use: listings import this module and
    # never read EDTF.
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        return None
    year = int(m[1])
    if m[2] is None:
        return date(year, 1, 1), date(year, 12, 31)
    code = int(m[2])
    if m[3] is not None:
        day = valid_date(year, code, int(m[3]), text)
        return day, day
    if 1 <= code <= 12:
        return date(year, code, 1), month_end(year, code)
    for season, season_code in SEASON_CODES.items():
        if code == season_code:
            return season_span(season, year, southern)
    if 33 <= code <= 36:
        return quarter_span(code - 32, year)
    if code in (40, 41):
        return half_span(code - 39, year)
    return None


# --------------------------------------------------------------------------- status & countdown


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


def plural(n: int, unit: str) -> str:
    """'1 day', '3 days'."""
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def _in_months(days: int) -> int:
    return max(1, round(days / 30.4375))


def elapsed_seconds(start: datetime, end: datetime) -> int:
    """Real seconds from `start` to `end`. Both go through UTC first: Python subtracts
    datetimes that share one tzinfo as wall-clock times, which ignores a DST change."""
    return int((end.astimezone(timezone.utc) - start.astimezone(timezone.utc)).total_seconds())


def until_instant(target: datetime, now: datetime, *, ticking: bool = False) -> str:
    """How long from `now` to an exact instant: 'in 2 days 3 h', 'in 5 h 07 min', 'airing
    now' (its first hour), 'aired'; or, `ticking` each second, '2d 03:07:09' and 'now'."""
    seconds = elapsed_seconds(now, target)
    if seconds <= 0:
        if ticking:
            return "now"
        return "airing now" if seconds > -3600 else "aired"
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if ticking:
        return f"{days}d {hours:02d}:{minutes:02d}:{secs:02d}"
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


# English, whatever the locale: the When column is read with the English phrases.
MONTH_ABBREVIATIONS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()  # noqa: SIM905


def compact_dates(earliest: str | None, latest: str | None) -> str:
    """window_dates() for a narrow column (a listing's When). Whole months are named,
    as news names them: '2017', 'Jun 2017', 'Mar–May 2018', 'Sep 2017–Apr 2018';
    other ranges keep their days, one dash style: '2018-03-08–03-20',
    '2017-12-20–2018-01-10'."""
    if not (earliest and latest) or earliest == latest:
        return window_dates(earliest, latest)
    first, last = date.fromisoformat(earliest), date.fromisoformat(latest)
    if first.day == 1 and (last + timedelta(days=1)).day == 1:
        start, end = MONTH_ABBREVIATIONS[first.month - 1], MONTH_ABBREVIATIONS[last.month - 1]
        if first.year != last.year:
            return f"{start} {first.year}–{end} {last.year}"
        if (first.month, last.month) == (1, 12):
            return str(first.year)
        return f"{start} {first.year}" if start == end else f"{start}–{end} {first.year}"
    if first.year == last.year:
        return f"{earliest}–{latest[5:]}"
    return f"{earliest}–{latest}"


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
    if air_time is not None and now is not None and earliest == latest and today <= latest:
        # Past its day it is overdue (below), never "aired": nobody said it was out.
        return until_instant(air_time, now)
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
            else (f"window open, closes in {plural(left, 'day')}")
        )
    return f"overdue by {_elapsed((today - latest).days)}"


def _elapsed(days: int) -> str:
    """How long ago, as the countdowns say it: days up to 60, then months (as the
    ranges do), then years past two, where a count of months no longer reads."""
    if days <= 60:
        return plural(days, "day")
    if days < 730:
        return plural(_in_months(days), "month")
    return plural(round(days / 365.25), "year")
