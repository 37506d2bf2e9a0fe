"""The lines of an article that are not prose: a schedule's day headings and the rows
under them, table rows, "Label: value" lines, a heading that lists a show and a day, and
a list after a window ("Sooner (March/April/May): House, Lost, Smallville")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from showtrack.models import Proposal
from showtrack.reader import clauses
from showtrack.reader import vocabulary as words
from showtrack.reader.clauses import words_of
from showtrack.reader.layout import Unit
from showtrack.reader.memory import Memory
from showtrack.reader.names import ArticleNames
from showtrack.reader.proposing import Proposer, masked
from showtrack.reader.seasons import season_mentions
from showtrack.reader.titles import marked_titles
from showtrack.text import fold
from showtrack.windows.phrases import FoundWindow
from showtrack.windows.window import Window

_ROW_TIME = re.compile(
    r"^\s*(?:[•*·-]\s*)?(?:\d{1,2}(?::\d\d)?(?:\s*-\s*\d{1,2}(?::\d\d)?)?\s*"
    r"(?:[ap]\.?m\.?)?(?:\s*(?:ET|PT|CT))?\s*[-–—:]?\s*)?",
    re.I,
)
_LIST = re.compile(r"^(?:[•*·-]\s*)?(?P<label>[^:]{1,70}):\s+(?P<items>.+)$")
_ITEM = re.compile(r"[^,]+?(?=,\s*|\s+and\s+|\.?$)")
_ITEM_PREFIX = re.compile(r"^(?:and\s+|or\s+|all\s+(?:the\s+)?|the\s+whole\s+)", re.I)
_SHORT_ROW = 70  # a line under a day heading this short is a row without a time
_NOT_A_TITLE = frozenset(["tba", "tbd", "tbc", "title"])


class _Schedule(NamedTuple):
    """The day a schedule's heading gives, and whether the line before says its rows
    are premieres."""

    day: Window
    premieres: bool


class Listings:
    """Reads the listing lines of one article."""

    def __init__(
        self, units: Sequence[Unit], names: ArticleNames, memory: Memory, proposer: Proposer
    ) -> None:
        self.units = units
        self.names = names
        self.memory = memory
        self.proposer = proposer
        self.schedule: _Schedule | None = None

    # ------------------------------------------------------------------ schedules

    def day_heading(self, index: int) -> bool:
        """Whether the heading at `index` names a day and only that ("MONDAY, SEPT. 23"):
        then the rows after it are that day's."""
        text = self.units[index].text
        if len(text) > 40:
            return False
        found = self.proposer.windows(text)
        if len(found) != 1 or not found[0].window.is_exact:
            return False
        rest = text[: found[0].start] + text[found[0].end :]
        if re.search(r"[A-Za-z0-9]", rest) or clauses.is_bare_weekday(found[0].phrase):
            return False
        if found[0].window.earliest == self.proposer.as_of or re.search(r"\d{4}", text):
            return False  # the article's own date: a dateline
        day = self.proposer.usable(found[0].window, found[0].phrase)
        if day is None:
            return False
        going_on = self.schedule is not None and self.schedule.premieres
        self.schedule = _Schedule(day, going_on or self._premieres_ahead(index))
        return True

    def _premieres_ahead(self, index: int) -> bool:
        """Whether the line just before a schedule says its rows are premieres ("Below
        is the premiere week schedule")."""
        before = self.units[index - 1].text if index > 0 else ""
        return bool(words_of(before) & words.PREMIERE_CONTEXT - {"new"})

    def schedule_row(self, unit: Unit) -> list[Proposal] | None:
        """A row under a day heading: "10 p.m. - The Voice", "“Heroes” returns (NBC)",
        "“Billions”: The drama returns for Season 5." Its day is the heading's. None
        when no schedule is going on or the unit is no row."""
        if self.schedule is None:
            return None
        text = unit.text
        timed = _ROW_TIME.match(text)
        body = text[timed.end() :] if timed else text
        marked = marked_titles(body)
        if marked and marked[0].start <= 1:
            name: str | None = self.names.canonical(marked[0].name)
        elif (timed and timed.end() > 0) or len(text) <= _SHORT_ROW:
            name = self.names.listing_title(body)
        else:
            return None
        if name is None:
            return None  # no title opens it: not a row ("Two spring series, A and B, ...")
        said = words_of(text.replace(name, " "))
        if (said | words_of(name)) & words.NOT_SERIES or fold(name) in self.names.people:
            return []  # a special, a film, a documentary; a person
        if said & words.OTHER_WORDS and not said & {"premiere", "premieres", "returns"}:
            return []
        release = said & (words.RELEASE_WORDS - words.WEAK_RELEASE_WORDS)
        if not (self.schedule.premieres or release or said & {"new", "docuseries"}):
            return []
        season = _season_of_row(text, said)
        self.memory.named(name, season, unit.paragraph)
        day = self.schedule.day
        return [self.proposer.make(unit, name, season, day, (0, len(text)), "high")]

    # ------------------------------------------------------------------ other listings

    def table_row(self, unit: Unit) -> list[Proposal] | None:
        """A table row: a title cell ("The Bachelor season 28") and a date cell. None
        when the row has one cell (then it is read as a sentence)."""
        cells = unit.text.split(" | ")
        if len(cells) < 2:
            return None
        title_cell = next((c for c in cells if not self.names.finds_window(c)), None)
        name = self.names.listing_title(title_cell) if title_cell else None
        if title_cell is None or name is None or fold(name) in _NOT_A_TITLE:
            return []
        seasons = season_mentions(title_cell)
        season = seasons[0].number if seasons else None
        for cell in cells:
            if cell is title_cell:
                continue
            for found in self.proposer.windows(cell):
                window = self.proposer.usable(found.window, found.phrase)
                if window is None:
                    break
                at = unit.text.index(cell) + found.start
                span = (at, at + len(found.phrase))
                return [self.proposer.make(unit, name, season, window, span, "high")]
        return []

    def label(self, unit: Unit) -> list[Proposal]:
        """ "Premiere: April 13, 2018", "When can I watch it? July 20": the day of the show
        the section, the text lately, or the headline is about."""
        topic = self.memory.section or self.memory.recent(unit) or self.memory.headline
        m = words.LABEL_LINE.match(unit.text)
        if topic is None or m is None:
            return []
        value_at = m.start("value")
        text = masked(unit.text, self.names.mentions(unit.text), [])
        found = self.proposer.windows(text[value_at:])
        if not found or clauses.is_bare_weekday(found[0].phrase):
            return []
        first = found[0]
        window = self.proposer.usable(first.window, first.phrase)
        if window is None:
            return []
        start = value_at + first.start
        season = self.memory.season_of(topic.name, topic.season)
        span = (start, start + len(first.phrase))
        return [self.proposer.make(unit, topic.name, season, window, span, "low")]

    def verbless(self, text: str) -> bool:
        """Whether a heading only names (a show, a season, a day, a network): once those
        are set aside, no word in lower case is left but small ones."""
        rest = masked(text, self.names.mentions(text), season_mentions(text))
        for found in self.proposer.windows(rest):
            rest = rest[: found.start] + " " * (found.end - found.start) + rest[found.end :]
        rest = re.sub(r"\b(?i:season|series)\s+\w+", " ", rest)
        lowered = [w for w in re.findall(r"\b[a-z][a-z'’-]+", rest) if w.strip("x")]
        return not [w for w in lowered if w not in words.TITLE_SMALL_WORDS]

    def listing(self, unit: Unit, name: str, season: int | None) -> list[Proposal]:
        """A heading that names a show and a day ("Gen V Season 2 (17 September)",
        "House of the Dragon season 2: 'Sometime in 2024'")."""
        text = masked(unit.text, self.names.mentions(unit.text), season_mentions(unit.text))
        for found in self.proposer.windows(text):
            if clauses.is_bare_weekday(found.phrase):
                continue
            window = self.proposer.usable(found.window, found.phrase)
            if window is not None:
                span = (found.start, found.end)
                return [self.proposer.make(unit, name, season, window, span, "high")]
        return []

    def list_line(self, unit: Unit) -> list[Proposal] | None:
        """ "Sooner (March/April/May): House, Grey's Anatomy, The Office": the window
        before the colon is each listed show's, unless an item gives its own ("Returning
        in January: Copper Valley (Jan. 4), Field Notes (Jan. 11)"). None when the unit
        is no such list."""
        m = _LIST.match(unit.text)
        if m is None:
            return None
        label = m["label"]
        found = [f for f in self.proposer.windows(label) if f.window.earliest and f.window.latest]
        items = [i for i in _ITEM.finditer(m["items"]) if re.search(r"\w", i[0])]
        if len(found) != 1 or len(items) < 2 or words_of(label) & words.NOT_RELEASE:
            return None
        listed: list[tuple[str, int, FoundWindow]] = []
        for item in items:
            at = m.start("items") + item.start()
            text = _ITEM_PREFIX.sub("", item[0].strip()).strip().rstrip(".;")
            own = re.search(r"\s*\(([^)]*)\)$", text)
            item_window = found[0]
            if own:
                dated = self.proposer.windows(own[1])
                if dated:
                    at += unit.text[at:].index(own[1]) - dated[0].start
                    item_window = dated[0]
                text = text[: own.start()]
            name = re.sub(r"(?:'s|’s)$", "", text.strip())
            if not name or not (name[0].isupper() or name[0].isdigit()) or len(name.split()) > 6:
                return None
            if item_window is found[0]:
                at = m.start("label")
            listed.append((self.names.canonical(name), at, item_window))
        proposals = []
        for name, at, item_window in listed:
            window = self.proposer.usable(item_window.window, item_window.phrase)
            if window is not None:
                start = at + item_window.start
                span = (start, start + len(item_window.phrase))
                proposals.append(self.proposer.make(unit, name, None, window, span, "high"))
        return proposals


def _season_of_row(text: str, said: set[str]) -> int | None:
    """The season a row names; the first for a new series ("(series premiere)")."""
    numbered = [s.number for s in season_mentions(text) if s.number]
    if numbered:
        return numbered[0]
    if said & {"new", "docuseries"} and not said & {"returns", "return"}:
        return 1
    if re.search(r"\bseries premiere\b", text, re.IGNORECASE):
        return 1
    return None
