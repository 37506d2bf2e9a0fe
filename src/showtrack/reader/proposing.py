"""Time expressions into proposals: finding them with the article's day and region,
keeping only those the tracker can use, and writing the proposal a statement makes."""

from __future__ import annotations

from datetime import date, timedelta

from showtrack.errors import WindowError
from showtrack.models import Proposal, WindowRecord
from showtrack.reader import clauses
from showtrack.reader.layout import Unit
from showtrack.reader.seasons import SeasonMention, mask_numbers
from showtrack.reader.titles import Mention
from showtrack.windows.phrases import FoundWindow, find_windows, parse_window
from showtrack.windows.window import Window

#: How far a day a page does not give is moved to see whether a window depends on it.
_ANOTHER_DAY = timedelta(days=800)


class Proposer:
    """The day and region an article is read against, and whether that day is the
    article's own (`dated`) or only today."""

    def __init__(self, as_of: date, region: str | None, dated: bool) -> None:
        self.as_of = as_of
        self.region = region
        self.dated = dated
        self._found: dict[str, list[FoundWindow]] = {}

    def windows(self, text: str) -> list[FoundWindow]:
        """Every time expression in `text`, read against the article's day and region
        (once for each text: a line is looked at as a heading, a row and a sentence)."""
        if text not in self._found:
            self._found[text] = find_windows(text, self.as_of, self.region)
        return self._found[text]

    def usable(self, window: Window, phrase: str) -> Window | None:
        """The window, if it says something the tracker can use: not already past on
        the article's day, and, when the article's day is not known, not read against
        a day the article never gave ("this fall" of a page without a date)."""
        if window.earliest is None and window.latest is None:
            return None
        if not self.dated:
            try:
                later = parse_window(phrase, self.as_of + _ANOTHER_DAY, self.region)
            except WindowError:
                return None
            if (later.earliest, later.latest) != (window.earliest, window.latest):
                return None
            return window
        if window.latest is not None and window.latest < self.as_of:
            return None
        return window

    def make(
        self,
        unit: Unit,
        show: str,
        season: int | None,
        window: Window,
        span: tuple[int, int],
        confidence: str,
        *,
        kind: str = "release",
        region: str | None = None,
    ) -> Proposal:
        """The proposal of a statement in `unit`: its phrase is `unit.text[span]`."""
        start, end = span
        return Proposal(
            show=show,
            season=season,
            kind=kind,
            phrase=clauses.phrase_of(unit.text[start:end]),
            window=WindowRecord.of(window),
            sentence=unit.text,
            offset=unit.start,
            phrase_offset=start,
            confidence=confidence,
            region=region if region is not None else self.region,
        )


def masked(text: str, shows: list[Mention], seasons: list[SeasonMention]) -> str:
    """The text with titles and season numbers blanked out, offsets kept: "Sunday Night
    Football" names no Sunday, "season 2 premieres January 17" no 2 January."""
    for show in shows:
        text = text[: show.start] + "x" * (show.end - show.start) + text[show.end :]
    return mask_numbers(text, seasons)
