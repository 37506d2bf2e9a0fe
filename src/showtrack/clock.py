"""The one place that decides what "today" and "now" are.

Everything else receives dates and instants as arguments, so that tests, demos
and "what did we expect back then" (`--today`, `SHOWTRACK_TODAY`) see one
consistent day.
"""

from __future__ import annotations

import math
import os
import re
from datetime import date, datetime, timezone, tzinfo
from pathlib import Path

from showtrack.errors import UsageError

TODAY_ENV = "SHOWTRACK_TODAY"

#: The IANA names of the zone that is UTC at every instant (Etc/UTC and its links): for
#: them timezone.utc is the same zone, and spares loading the zone database (zoneinfo
#: loads sysconfig), which every command asking for the zone would pay (bench/RESULTS.md).
UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu", "UCT", "Etc/UCT"}
)


def parse_iso_day(text: str, what: str = "date") -> date:
    """Read a YYYY-MM-DD day that showtrack keeps (windows.window.FIRST_DAY to
    LAST_DAY), or fail with a usage error naming `what`."""
    from showtrack.windows.window import KEPT_YEARS, kept

    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"{what} {text!r} is not a date", "use YYYY-MM-DD, e.g. 2018-03-08"
        ) from None
    if not kept(day):
        raise UsageError(f"{what} {text!r} is outside the years {KEPT_YEARS}")
    return day


def local_zone() -> tzinfo:
    """The user's IANA time zone: $TZ, else /etc/localtime's target, else UTC (also
    for a name of UTC itself, without loading the zone database). A $TZ that names no
    zone (a typo, a folder such as "America") is UTC, said once on stderr."""
    name = os.environ.get("TZ", "").lstrip(":")
    given = bool(name)
    if not name:
        try:
            target = Path("/etc/localtime").resolve()
            parts = target.parts
            if "zoneinfo" in parts:
                name = "/".join(parts[parts.index("zoneinfo") + 1 :])
        except OSError:
            name = ""
    if name and name not in UTC_NAMES:
        from showtrack.windows.regions import zone_named

        zone = zone_named(name)
        if zone is not None:
            return zone
        if given:
            _warn_once(f"TZ {name[:40]!r} is not a time zone; using UTC (e.g. TZ=Europe/Paris)")
    return timezone.utc


_warned: set[str] = set()


def _warn_once(message: str) -> None:
    """A line on stderr about the environment, once a process."""
    if message not in _warned:
        _warned.add(message)
        import sys

        from showtrack.text import printable

        sys.stderr.write(f"showtrack: {printable(message)}\n")


def _pretended(text: str) -> date:
    """The day --today names: a date, or words for one read against the real today
    ("tomorrow", "friday", "march 8")."""
    if re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", text):
        return parse_iso_day(text, "--today/SHOWTRACK_TODAY")
    from showtrack.windows.days import parse_day

    return parse_day(text, datetime.now(local_zone()).date(), "--today/SHOWTRACK_TODAY")


def today(override: str | None = None) -> date:
    """Today's date: `override` (from --today), else $SHOWTRACK_TODAY, else the local date.
    An empty --today is refused; an empty $SHOWTRACK_TODAY is as if unset."""
    text = _pretending(override)
    if text:
        return _pretended(text)
    return datetime.now(local_zone()).date()


def _pretending(override: str | None) -> str | None:
    """The text of the day to pretend is today, if any."""
    if override is not None and not override.strip():
        raise UsageError("--today is empty", "e.g. --today 2018-03-08, or leave it out")
    return override or os.environ.get(TODAY_ENV)


def now(override: str | None = None) -> datetime:
    """The current aware instant in the user's zone.

    A pretended today keeps the real wall-clock time, moved to that date, so
    that a live countdown still ticks on the pretended day.
    """
    zone = local_zone()
    real = datetime.now(zone)
    text = _pretending(override)
    if not text:
        return real
    day = _pretended(text)
    return real.replace(year=day.year, month=day.month, day=day.day)


def seconds_setting(name: str, default: float, low: float, high: float) -> float:
    """A number of seconds from the environment variable `name`: `default` when unset or
    empty, a usage error when it is not a number from `low` to `high`."""
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not low <= value <= high:  # NaN too
        raise UsageError(
            f"{name} {text[:40]!r} is not a number of seconds from {low:g} to {high:g}",
            f"e.g. {name}={default:g}, or unset it",
        )
    return value


def utc_stamp() -> str:
    """The real current instant in UTC, to the second, as history records it."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
