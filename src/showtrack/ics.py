"""iCalendar export: the releases a calendar app can place, as events.

- an exact day is an all-day event;
- an exact instant (`expect --at`) is a one-hour event at that instant, written in UTC,
  which every calendar app places correctly whatever the DST rules of either side;
- a window with both ends is, by default, a one-day all-day marker on its first day
  ("Luke Cage S2 window opens (spring 2018, until 2018-05-31)"); with `--windows
  as-span` an all-day event across the window; with `--windows none` left out; either
  way TENTATIVE and TRANSPARENT (it does not make you look busy);
- an open-ended or TBA window has no place on a calendar and is left out.

With `--episodes`, each dated episode is an event too: timed (UTC, its runtime long,
an hour when not known) when its instant is known, all-day otherwise; a streaming drop
(episodes of a season at once, no time) is one all-day event.

Each release keeps one UID across exports, so a calendar that re-reads a newer export
updates its event instead of adding another; SEQUENCE counts the window's changes.

The file is written here, line by line, as the icalendar library writes it (the same
properties in the same order, escaped and folded the same way: the tests parse it with
icalendar and hold it to what icalendar writes back); building icalendar's components
was most of the cost of an export (bench/RESULTS.md).
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import NamedTuple

from showtrack.models import CalendarEntry, Episode, EpisodeView
from showtrack.text import printable, web_address

PRODUCT_ID = "-//showtrack//showtrack//EN"


def _stamp(entry: CalendarEntry, fallback: datetime) -> datetime:
    # The last recorded change, so that exporting twice gives the same file.
    if entry.last_recorded:
        try:
            return datetime.fromisoformat(entry.last_recorded).astimezone(timezone.utc)
        except ValueError:
            pass
    return fallback.astimezone(timezone.utc)


def _description(entry: CalendarEntry) -> list[str]:
    release, show = entry.release, entry.show
    lines = [f"Expected: {release.window.phrase or 'TBA'}"]
    where = release.platform or show.network
    if where:
        lines.append(f"On: {where}")
    if release.stage:
        lines.append(f"Stage: {release.stage}")
    for source in entry.sources:
        when = f" ({source.as_of})" if source.as_of else ""
        link = f" {source.url}" if source.url else ""
        lines.append(f"Source: {source.name}{when}{link}")
    if release.notes:
        lines.append(release.notes)
    return [printable(line) for line in lines]


class Event(NamedTuple):
    """One VEVENT: its start and end are a day (all-day) or an instant in UTC."""

    summary: str
    start: date | datetime
    end: date | datetime
    stamp: datetime
    uid: str
    sequence: int
    #: Its tags, as stored (made printable as they are written).
    categories: Sequence[str] = ()
    #: Its description's lines.
    description: Sequence[str] = ()
    tentative: bool = False
    transparent: bool = False
    url: str | None = None

    def lines(self) -> list[str]:
        """Its content lines, in icalendar's order: SUMMARY, DTSTART, DTEND, DTSTAMP,
        UID, SEQUENCE, then the others by name."""
        lines = [
            "BEGIN:VEVENT",
            _fold(f"SUMMARY:{_text(self.summary)}"),
            _when("DTSTART", self.start),
            _when("DTEND", self.end),
            _when("DTSTAMP", self.stamp),
            _fold(f"UID:{_text(self.uid)}"),
            f"SEQUENCE:{self.sequence}",
        ]
        if self.categories:
            lines.append(_categories(tuple(self.categories)))
        if self.description:
            # Each line escaped alone: a long text with line breaks is not searched and
            # copied six times over (the same bytes as escaping the joined text).
            lines.append(_fold("DESCRIPTION:" + "\\n".join(map(_text, self.description))))
        # Both always said: a calendar's default for a timed event is busy and confirmed,
        # which is right, but a reader should not have to know that.
        lines.append("STATUS:TENTATIVE" if self.tentative else "STATUS:CONFIRMED")
        lines.append("TRANSP:TRANSPARENT" if self.transparent else "TRANSP:OPAQUE")
        if self.url:
            lines.append(_fold(f"URL:{self.url}"))
        lines.append("END:VEVENT")
        return lines


def _when(name: str, value: date | datetime) -> str:
    if isinstance(value, datetime):  # always UTC here
        # (%-formatting: twice as fast as an f-string of six formatted fields)
        return "%s:%04d%02d%02dT%02d%02d%02dZ" % (  # noqa: UP031
            name,
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            value.second,
        )
    return f"{name};VALUE=DATE:{value.isoformat().replace('-', '')}"


_ESCAPED = re.compile(r"[\\;,\r\n]")


@functools.lru_cache(maxsize=4096)
def _categories(tags: tuple[str, ...]) -> str:
    # A show's tags are the same line in each of its releases' events.
    return _fold(f"CATEGORIES:{','.join(_text(printable(tag)) for tag in tags)}")


def _text(value: str) -> str:
    """A TEXT value, escaped as RFC 5545 (and icalendar) writes it."""
    if not _ESCAPED.search(value):  # most values: one search, not six replaces
        return value
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> str:
    """A content line folded as icalendar folds it: under 75 octets a line, never
    between a backslash (or caret) and what it escapes."""
    if line.isascii():  # a character an octet: lines of 74, cut by slicing
        if len(line) <= 74:
            return line
        lines, start = [], 0
        while len(line) - start > 74:
            end = start + 74
            if line[end - 1] in "\\^" and end - 1 > start:
                end -= 1
            lines.append(line[start:end])
            start = end
        lines.append(line[start:])
        return "\r\n ".join(lines)
    lines = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if current and size + width >= 75:
            carried = current.pop() if len(current) > 1 and current[-1] in "\\^" else None
            lines.append("".join(current))
            current = [carried] if carried else []
            size = len(carried.encode("utf-8")) if carried else 0
        current.append(char)
        size += width
    lines.append("".join(current))
    return "\r\n ".join(lines)


WINDOW_MODES = ("as-start", "as-span", "none")
"""How `--windows` puts a window (a span of days, not one day) on a calendar: a one-day
marker on its first day (the default: a three-month event fills every day of a
calendar view for three months), the span itself, or not at all."""


def event_for(
    entry: CalendarEntry, fallback_stamp: datetime, windows: str = "as-start"
) -> Event | None:
    """The event of one release, or None when its window has no place on a calendar (or
    `windows` is "none" and it is a window)."""
    release, show = entry.release, entry.show
    own_earliest = release.earliest
    latest = release.latest
    earliest = entry.effective_earliest or own_earliest
    if earliest is not None and latest is not None and earliest > latest:
        earliest = own_earliest  # a conflict: show the window as reported
    if release.released_on is not None:
        earliest = latest = release.released_on
    if earliest is None or latest is None:
        return None
    title = printable(release.label(show.title))
    exact = earliest == latest
    start: date | datetime = earliest
    end: date | datetime = earliest + timedelta(days=1)
    tentative, transparent = False, True
    if exact and release.air_time and release.released_on is None:
        start = datetime.fromisoformat(release.air_time).astimezone(timezone.utc)
        end = start + timedelta(hours=1)
        summary, transparent = title, False
    elif exact:
        summary = title
    elif windows == "none":
        return None
    else:
        tentative = True
        phrase = _lasting_phrase(release.window.phrase)
        if windows == "as-span":
            end = latest + timedelta(days=1)
            phrase = phrase or f"{earliest} to {latest}"
            if not phrase.lower().startswith("expected"):
                phrase = f"expected {phrase}"
            summary = f"{title} ({phrase})"
        else:
            said = f"{phrase}, " if phrase else ""
            summary = f"{title} window opens ({said}until {latest})"
    # A URL stored before addresses were checked could carry a line break into the file.
    url = next((s.url for s in entry.sources if s.url and web_address(s.url)), None)
    return Event(
        summary,
        start,
        end,
        _stamp(entry, fallback_stamp),
        f"{release.id}@showtrack",
        entry.changes,
        show.tags,
        _description(entry),
        tentative,
        transparent,
        url,
    )


_YEAR = re.compile(r"\b\d{4}\b")


def _lasting_phrase(phrase: str | None) -> str | None:
    """The window's phrase if a calendar can keep saying it: one that names its year
    ("spring 2018"); None for one relative to the day it was said ("early next year",
    "in a few months" mean nothing a year on), whose days are said instead."""
    return printable(phrase) if phrase and _YEAR.search(phrase) else None


DEFAULT_RUNTIME = 60  # minutes, for an episode whose runtime is not known


def episode_event(view: EpisodeView, fallback_stamp: datetime) -> Event:
    """The event of a dated episode: timed (in UTC, its runtime long) when its instant is
    known, all-day otherwise; its UID is its id, its SEQUENCE how often its date moved."""
    episode = view.episode
    # A calendar's views are made from whole releases (tracker/calendars.calendar_episodes), whose
    # episodes carry their history; a listing's (without it) are not exported.
    moves = episode.history if isinstance(episode, Episode) else []
    stamp = fallback_stamp
    if moves:
        with contextlib.suppress(ValueError):
            stamp = datetime.fromisoformat(moves[-1].recorded_at)
    title = printable(view.title)
    if episode.title and view.count == 1:
        title += f": {printable(episode.title)}"
    start: date | datetime
    if episode.air_time and view.count == 1:
        start = datetime.fromisoformat(episode.air_time).astimezone(timezone.utc)
        end: date | datetime = start + timedelta(minutes=episode.runtime or DEFAULT_RUNTIME)
    else:
        day = episode.air_day
        assert day is not None  # only dated episodes are exported
        start, end = day, day + timedelta(days=1)
    lines = [f"On: {view.platform}"] if view.platform else []
    if episode.source:
        lines.append(f"Source: {episode.source}")
    return Event(
        title,
        start,
        end,
        stamp.astimezone(timezone.utc),
        f"{view.id}@showtrack",
        max(len(moves) - 1, 0),
        description=[printable(line) for line in lines],
        transparent=not isinstance(start, datetime),
    )


def to_ical(
    entries: Iterable[CalendarEntry],
    stamp: datetime,
    episodes: Iterable[EpisodeView] = (),
    windows: str = "as-start",
) -> bytes:
    """The iCalendar file of `entries` (and `episodes`); `stamp` dates events that have
    no history; `windows` says how a window is placed (WINDOW_MODES)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_text(PRODUCT_ID)}",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:showtrack",
    ]
    for entry in entries:
        event = event_for(entry, stamp, windows)
        if event is not None:
            lines += event.lines()
    for view in episodes:
        lines += episode_event(view, stamp).lines()
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")
