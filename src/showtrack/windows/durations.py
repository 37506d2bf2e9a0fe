"""Lengths of time as users write them: `7d`, `2w`, `3mo`, `1y`."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from showtrack.errors import UsageError

MAX_YEARS = 100  # the longest lag or lead time; with windows.window.LAST_DAY, in the calendar


class Duration(NamedTuple):
    """A length of time in months and days."""

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


def parse_duration(text: str) -> Duration:
    """Read `7d`, `2w`, `3mo`, `1y` (or `3 months`); a bad one is a usage error."""
    from showtrack.windows.vocabulary import DURATION_UNITS  # the words, loaded when read

    m = re.fullmatch(r"\s*(\d{1,4})\s*([a-z]+)\s*", text.lower())
    unit = DURATION_UNITS.get(m[2]) if m else None
    if m is None or unit is None:
        raise UsageError(
            f"duration {text!r} is not understood", "use a number and a unit: 7d, 2w, 3mo or 1y"
        )
    count = int(m[1])
    found = Duration(months=count * unit[0], days=count * unit[1])
    if found.months > 12 * MAX_YEARS or found.days > 366 * MAX_YEARS:
        raise UsageError(
            f"duration {text!r} is longer than {MAX_YEARS} years",
            "a lag or lead time is days, weeks, months or a few years",
        )
    return found
