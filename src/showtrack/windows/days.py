"""One day, one month or a time of day as options take them (spec/cli.md): an ISO date or
words that name one day ("today", "tomorrow", "yesterday", "friday", "last monday",
"next friday", "march 8", "3 days ago", "in 2 weeks"), a month ("2018-03", "march",
"next month"), a time ("21:00", "9pm", "9:30 pm").

An option that looks back (`--as-of`, `released ... DATE`) reads a bare weekday or
month-day as the last one on or before today; one that looks ahead (`--until`) as the
next one on or after today. Anything else goes to the phrase reader, which must find
exactly one day (or month).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal

from showtrack.errors import UsageError, WindowError
from showtrack.windows.regions import resolve_zone
from showtrack.windows.vocabulary import MONTHS, WEEKDAYS
from showtrack.windows.window import FIRST_DAY, KEPT_YEARS, LAST_DAY, kept

Direction = Literal["past", "future"]

_NAMED = {"today": 0, "tomorrow": 1, "yesterday": -1}
_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_OFFSET = re.compile(r"(?:in\s+)?(\d{1,4})\s+(days?|weeks?)(\s+ago)?")
_MONTH_DAY = re.compile(
    r"([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?"
)


def _weekday(text: str, today: date, direction: Direction) -> date | None:
    words = text.split()
    if not words or words[-1] not in WEEKDAYS or len(words) > 2:
        return None
    target = WEEKDAYS[words[-1]]
    which = words[0] if len(words) == 2 else None
    if which not in (None, "last", "next", "this"):
        return None
    ahead = (target - today.weekday()) % 7
    if which == "last":
        return today - timedelta(days=(today.weekday() - target) % 7 or 7)
    if which == "next":
        # The README's rule: "next Friday" is the Friday of next week.
        monday = today - timedelta(days=today.weekday())
        return monday + timedelta(days=7 + target)
    if direction == "past" and which is None:
        return today - timedelta(days=(today.weekday() - target) % 7)
    return today + timedelta(days=ahead)


def _month_day(text: str, today: date, direction: Direction) -> date | None:
    m = _MONTH_DAY.fullmatch(text)
    if m is None:
        return None
    name, number = (m[1], m[2]) if m[1] else (m[4], m[3])
    month = MONTHS.get(name)
    if month is None:
        return None
    for year in (today.year, today.year - 1 if direction == "past" else today.year + 1):
        try:
            day = date(year, month, int(number))
        except ValueError:
            return None
        if (direction == "past" and day <= today) or (direction == "future" and day >= today):
            return day
    return None


def parse_day(text: str, today: date, what: str, direction: Direction = "future") -> date:
    """The one day `text` names, read on `today`; a usage error naming `what` when it
    names none, or more than a day ("march", "spring 2018")."""
    words = " ".join(text.lower().replace(",", " ").split())
    if not words:
        raise UsageError(f"{what} is empty", "give a date, e.g. 2018-03-08 or 'tomorrow'")
    found: date | None = None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", words):
        try:
            found = date.fromisoformat(words)
        except ValueError:
            raise UsageError(f"{what} {text!r} is not a date", "e.g. 2018-03-08") from None
    elif words in _NAMED:
        found = today + timedelta(days=_NAMED[words])
    elif m := _OFFSET.fullmatch(words):
        days = int(m[1]) * _UNITS[m[2]]
        found = today - timedelta(days=days) if m[3] else today + timedelta(days=days)
    else:
        found = _weekday(words, today, direction) or _month_day(words, today, direction)
    if found is None:
        found = _one_day_from_phrase(text, today, what)
    if not kept(found):
        from showtrack.windows.window import KEPT_YEARS

        raise UsageError(f"{what} {text!r} is outside the years {KEPT_YEARS}")
    return found


def _one_day_from_phrase(text: str, today: date, what: str) -> date:
    from showtrack.windows.phrases import parse_window

    try:
        window = parse_window(text, today)
    except WindowError:
        window = None
    if window is None or not window.is_exact or window.earliest is None:
        raise UsageError(
            f"{what} {text!r} does not name one day",
            "e.g. 2018-03-08, today, tomorrow, yesterday, friday, 'last monday', 'march 8'",
        )
    return window.earliest


def parse_month(text: str, today: date, what: str = "month") -> tuple[int, int]:
    """(year, month) that `text` names: '2018-03', 'march' (the next March, or this one),
    'march 2018', 'this month', 'next month'; a usage error otherwise."""
    words = " ".join(text.lower().split())
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", words)
    if m is not None:
        if not 1 <= int(m[2]) <= 12:
            raise UsageError(f"{what} {text!r} is not a month", "e.g. 2018-03, march, next month")
        if not FIRST_DAY.year <= int(m[1]) <= LAST_DAY.year:
            raise UsageError(f"{what} {text!r} is outside the years {KEPT_YEARS}")
        return int(m[1]), int(m[2])
    from showtrack.windows.phrases import parse_window

    try:
        window = parse_window(text, today)
    except WindowError:
        window = None
    first, last = (window.earliest, window.latest) if window is not None else (None, None)
    if (
        first is None
        or last is None
        or first.day != 1
        or (first.year, first.month) != (last.year, last.month)
        or (last + timedelta(days=1)).day != 1
    ):
        raise UsageError(
            f"{what} {text!r} does not name one month", "e.g. 2018-03, march, next month"
        )
    return first.year, first.month


_TIME = re.compile(r"([01]?\d|2[0-3])(?::([0-5]\d))?\s*([ap])\.?m?\.?|([01]?\d|2[0-3]):([0-5]\d)")


def parse_time(text: str, what: str = "--at") -> time:
    """A time of day: '21:00', '9pm', '9:30 pm', '9 p.m.'; a usage error otherwise."""
    words = text.strip().lower()
    m = _TIME.fullmatch(words)
    if m is None:
        raise UsageError(f"{what} {text!r} is not a time", "e.g. 21:00 or 9pm")
    if m[4] is not None:
        return time(int(m[4]), int(m[5]))
    hour = int(m[1])
    if not 1 <= hour <= 12:
        raise UsageError(f"{what} {text!r} is not a time", "am and pm go with 1 to 12, e.g. 9pm")
    hour = hour % 12 + (12 if m[3] == "p" else 0)
    return time(hour, int(m[2] or 0))


def air_instant(window_day: date | None, at: str, tz: str | None, fallback: tzinfo) -> str:
    """The instant `at` (HH:MM) on `window_day` in the zone `tz` (else `fallback`), with
    that day's offset, as ISO 8601."""
    at_time = parse_time(at, "--at")
    if window_day is None:
        raise WindowError(
            "--at needs a window that is a single day",
            "give the day, e.g. 2018-03-08, then --at 21:00",
        )
    zone = resolve_zone(tz) if tz else fallback
    return datetime.combine(window_day, at_time, tzinfo=zone).isoformat()
