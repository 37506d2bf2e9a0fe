"""The one place that decides what "today" and "now" are.

Everything else receives dates and instants as arguments, so that tests, demos
and "what did we expect back then" (`--today`, `SHOWTRACK_TODAY`) see one
consistent day.
"""

from __future__ import annotations

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
    """Today's date: `override` (from --today), else $SHOWTRACK_TODAY, else the local date."""
    text = override or os.environ.get(TODAY_ENV)
    if text:
        return _pretended(text)
    return datetime.now(local_zone()).date()


def now(override: str | None = None) -> datetime:
    """The current aware instant in the user's zone.

    A pretended today keeps the real wall-clock time, moved to that date, so
    that a live countdown still ticks on the pretended day.
    """
    zone = local_zone()
    real = datetime.now(zone)
    text = override or os.environ.get(TODAY_ENV)
    if not text:
        return real
    day = _pretended(text)
    return real.replace(year=day.year, month=day.month, day=day.day)


def utc_stamp() -> str:
    """The real current instant in UTC, to the second, as history records it."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
