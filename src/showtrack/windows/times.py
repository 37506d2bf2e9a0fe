"""A time of day in a phrase ("9pm ET", "9/8c", "noon", "21:00 Europe/London"): found,
read, and taken out of the phrase before its days are read."""

from __future__ import annotations

import re
from datetime import time
from typing import TYPE_CHECKING

from showtrack.errors import UsageError, WindowError
from showtrack.windows.regions import resolve_zone

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo


TIME_RE = re.compile(
    # US television's "9/8 central" (or "9/8c", "9:30/8:30 central"): 9 p.m. Eastern,
    # which is 8 Central; tried first, so that "9:30" of it is not a time of its own
    r"(?:\bat\s+)?\b(?:(?P<east>1[0-2]|0?[1-9])(?::(?P<eastm>[0-5]\d))?/"
    r"(?P<central>1[0-2]|0?[1-9])(?::[0-5]\d)?\s*(?:c|central|ct)\b"
    r"|(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s?m\b\.?"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b|(?P<word>noon|midnight)\b)",
    re.IGNORECASE,
)
_ZONE_RE = re.compile(r"\s*\(?(?P<zone>[A-Za-z_]+(?:/[A-Za-z_+-]+)*)\)?")


def _time_of(m: re.Match[str]) -> time:
    if m["east"]:
        east, central = int(m["east"]), int(m["central"])
        if central % 12 != (east - 1) % 12:
            raise WindowError(
                f"{m[0].strip()!r}: {central} Central is not {east} Eastern",
                "write it as 9/8c, or give one time and its zone, e.g. 9pm ET",
            )
        return time(east % 12 + 12, int(m["eastm"] or 0))  # prime time: the evening
    if m["word"]:
        return time(12, 0) if m["word"].lower() == "noon" else time(0, 0)
    if m["h24"] is not None:
        return time(int(m["h24"]), int(m["m24"]))
    return time(int(m["h"]) % 12 + (12 if m["ampm"].lower() == "p" else 0), int(m["m"] or 0))


def zone_after(text: str, position: int) -> tuple[ZoneInfo | None, int]:
    """A time zone named right after a time of day, and where it ends."""
    if zm := _ZONE_RE.match(text, position):
        try:
            return resolve_zone(zm["zone"]), zm.end()
        except UsageError:
            pass
    return None, position


def extract_time(phrase: str) -> tuple[str, time | None, ZoneInfo | None]:
    """The phrase without its time of day ("9pm ET", "9/8c", "noon"), the time, and the
    zone named with it; a phrase with two times is refused."""
    matches = list(TIME_RE.finditer(phrase))
    if not matches:
        return phrase, None, None
    if len(matches) > 1:
        raise WindowError(f"{phrase!r} names more than one time of day", "give one time")
    m = matches[0]
    zone, end = zone_after(phrase, m.end())
    if m["east"]:
        zone, end = resolve_zone("ET"), m.end()
    return phrase[: m.start()] + " " + phrase[end:], _time_of(m), zone
