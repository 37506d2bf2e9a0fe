"""An article's text into proposals (spec/read.md): the statements it makes about when a
release of a show comes.

The article is first cut into units (layout.py): sentences, headings, schedule and
table rows, "Label: value" lines. The shows it names are gathered (names.py), so that
each unit knows every show it names. Then each unit is read in order. Every time
expression in it is found by `windows.find_windows` and kept only when its clause says
a release comes then (a word of release near it, in the present or future) or filming
does (clauses.py); passed over are events, ratings, birthdays, finales, time slots, what
already aired, plans given up. The show it is about is the one its clause names before
it (with those listed with it), the one a "which" clause hangs on, the sentence's
subject when the clause goes on from it, else the show "it", "the series" or "Season 2"
refers to: the show the text was lately about, the section's heading, the headline's. A
schedule's day heading gives its day to the rows under it; a list after a window
("Sooner (March/April): A, B, C") shares it.

Precision comes before recall: a unit that does not say clearly which show a window is
about gives no proposal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

import msgspec

from showtrack.errors import UsageError, WindowError
from showtrack.models import KnownShow, Proposal, WindowRecord
from showtrack.reader import clauses
from showtrack.reader import vocabulary as words
from showtrack.reader.clauses import words_of
from showtrack.reader.layout import Unit, units
from showtrack.reader.layout import sentences as sentences  # re-exported for tests
from showtrack.reader.names import ArticleNames
from showtrack.reader.seasons import SeasonMention, mask_numbers, season_mentions
from showtrack.reader.titles import Mention, marked_titles
from showtrack.text import fold
from showtrack.windows.phrases import FoundWindow, find_windows, parse_window
from showtrack.windows.regions import normalize_region
from showtrack.windows.window import Window, make_window

_REFERENCE = clauses.REFERENCE
_PLURAL = re.compile(
    rf"^(?:[\"“‘'(]*)(?:{'|'.join(re.escape(r) for r in words.PLURAL_REFERENCES)})\b",
    re.IGNORECASE,
)
_WAIT = re.compile(
    r"(?:\b(?:does|do|did|will|would|can|could)\s*(?:not|n't)\s+\w+\s+|\bwon't\s+\w+\s+)?"
    r"\b(?:until|till|after|once)\b",
    re.IGNORECASE,
)
_DONE = re.compile(
    r"\b(?:is|are|has been|have been|gets|get)?\s*(?:" + "|".join(words.DONE_WORDS) + r")\b"
    r"(?P<with>\s+with\b)?",
    re.IGNORECASE,
)
_CLOSING = re.compile(r"[.,!?]*[”\"’']")
_RELATIVE = re.compile(rf"\s+(?:{'|'.join(words.RELATIVE_WORDS)})\b", re.I)
_FORMER = re.compile(rf"\b(?:{'|'.join(words.FORMER_WORDS)})\s+(?:\w+\s+){{0,3}}$", re.I)
_NEAR_DAY = re.compile(r"to(?:day|night|morrow)", re.I)
_COUNT = re.compile(
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|couple)"
    r"(?:\s+more)?\s+(?:days?|weeks?|months?|years?)",
    re.I,
)
_HALF_OF = re.compile(r"\s+of\s+(?:the\s+|its\s+|this\s+|that\s+)?(?:season|series|[A-Z])")
_REPORTED = re.compile(
    rf"\b(?:{'|'.join(sorted(words.REPORTING_WORDS))})\s+(?:\w+\s+){{0,4}}$", re.IGNORECASE
)
_ASKED = re.compile(
    r"\b(?:asked|ask|asking|wonder\w*|question\w*)\s+(?:\w+\s+){0,2}?(?:whether|if)\b[^.;:]*$",
    re.IGNORECASE,
)
_SKIPPED = re.compile(
    r"\b(?:skip(?:s|ped|ping)?|sit(?:s|ting)?\s+out|miss(?:es|ed|ing)?)\s+(?:the\s+)?"
    r"(?:(?:whole|entire)\s+(?:of\s+)?|all\s+of\s+)?$",
    re.IGNORECASE,
)
_AUXILIARY = re.compile(r"\b(?:does|do|did|will|would|should|is|are|can|could)\s+$", re.I)
_ROW_TIME = re.compile(
    r"^\s*(?:[•*·-]\s*)?(?:\d{1,2}(?::\d\d)?(?:\s*-\s*\d{1,2}(?::\d\d)?)?\s*"
    r"(?:[ap]\.?m\.?)?(?:\s*(?:ET|PT|CT))?\s*[-–—:]?\s*)?",
    re.I,
)
_LIST = re.compile(r"^(?:[•*·-]\s*)?(?P<label>[^:]{1,70}):\s+(?P<items>.+)$")
_ITEM_PREFIX = re.compile(r"^(?:and\s+|or\s+|all\s+(?:the\s+)?|the\s+whole\s+)", re.I)
_RECENT_PARAGRAPHS = 2  # how far back "it" reaches for the show the text was about
_SHORT_ROW = 70  # a line under a day heading this short is a row without a time


class Topic(NamedTuple):
    """A show the text is about, the season it is about, and where it was last named."""

    name: str
    season: int | None
    paragraph: int


class _Wait(NamedTuple):
    start: int
    end: int
    show: Mention
    season: int | None


class _Found(NamedTuple):
    """A window found in a sentence, with the clause around it."""

    window: FoundWindow
    left: int
    right: int


class _Schedule(NamedTuple):
    """The day a schedule's heading gives, and whether the text before says its rows are
    premieres."""

    day: Window
    premieres: bool


class Reader:
    """Reads one article: the names it uses, its layout, and what it has been about."""

    def __init__(
        self,
        text: str,
        title: str | None,
        as_of: date,
        region: str | None,
        known: Sequence[KnownShow],
        dated: bool,
    ) -> None:
        self.as_of = as_of
        self.region = normalize_region(region)
        self.dated = dated
        self.known = known
        self.units = units(text)
        if title and not (self.units and title.strip() in self.units[0].text):
            self.units.insert(0, Unit(title.strip(), -1, "heading", -1, -1))
        self.names = ArticleNames(self.units, [n for k in known for n in k.names], as_of)
        self.current: Topic | None = None
        self.section: Topic | None = None
        self.seasons: dict[str, int] = {}
        self.schedule: _Schedule | None = None
        self._bound: dict[int, SeasonMention] = {}  # the sentence being read: its seasons
        self.last_named: list[str] = []
        self.article_seasons: dict[str, set[int]] = {}  # what the article says is coming
        self.new_shows: set[str] = set()  # shows the article calls new
        self.headline = self._headline_topic()

    def _headline_topic(self) -> Topic | None:
        """The show the headline is about, when it names one and only one."""
        if not self.units or self.units[0].kind not in ("heading", "sentence"):
            return None
        first = self.units[0]
        named = {m.name for m in self.names.mentions(first.text)}
        if len(named) == 1:
            name = named.pop()
        elif not named and first.kind == "heading":
            heading = self.names.heading_title(0, whole=True)
            if heading is None:
                return None
            name = heading[0]
        else:
            return None
        numbered = [s for s in season_mentions(first.text) if s.number]
        season = numbered[0].number if len(numbered) == 1 else None
        if season:
            self.seasons.setdefault(fold(name), season)
        return Topic(name, season, -1)

    # ------------------------------------------------------------------ reading

    def proposals(self) -> list[Proposal]:
        """Every statement of the article, in order. A statement that names no season
        takes the one season the article gives its show elsewhere ("The Masked Singer
        will return in 2020" ... "a second season of The Masked Singer"), or the first
        when the article calls the show new."""
        found: list[Proposal] = []
        for index, unit in enumerate(self.units):
            found.extend(self._read_unit(index, unit))
        return [self._article_season(p) for p in found]

    def _article_season(self, proposal: Proposal) -> Proposal:
        if proposal.season is not None:
            return proposal
        key = fold(proposal.show)
        given = self.article_seasons.get(key, set())
        if len(given) == 1:
            season = next(iter(given))
        elif not given and key in self.new_shows:
            season = 1
        else:
            return proposal
        return msgspec.structs.replace(proposal, season=season, confidence="low")

    def _read_unit(self, index: int, unit: Unit) -> list[Proposal]:
        if unit.kind == "header":
            return []
        if unit.kind == "heading":
            day = self._day_heading(unit.text)
            if day is not None:
                going_on = self.schedule is not None and self.schedule.premieres
                self.schedule = _Schedule(day, going_on or self._premieres_ahead(index))
                return []
        if self.schedule is not None and unit.kind in ("heading", "sentence", "row", "caption"):
            row = self._schedule_row(unit)
            if row is not None:
                return row
        if unit.kind == "heading":
            heading = self.names.heading_title(index) if index > 0 else None
            if heading is not None:
                return self._section(unit, *heading)
            if index == 0 and self._verbless(unit.text) and self.headline is not None:
                return self._listing(unit, self.headline.name, self.headline.season)
        if unit.kind == "row":
            return self._table_row(unit)
        if unit.kind == "label":
            return self._label(unit)
        listed = self._list_line(unit)
        if listed is not None:
            return listed
        return self._sentence(unit)

    def _section(self, unit: Unit, name: str, season: int | None) -> list[Proposal]:
        """A heading that names a show: what follows is about it, until the next one."""
        self.section = Topic(name, season, unit.paragraph)
        self.current = self.section
        if season:
            self.seasons[fold(name)] = season
        if self._verbless(unit.text):
            return self._listing(unit, name, season)
        return self._sentence(unit)

    def _verbless(self, text: str) -> bool:
        """Whether a heading only names (a show, a season, a day, a network): once those
        are set aside, no word in lower case is left but small ones."""
        shows = self.names.mentions(text)
        rest = self._masked(text, shows, season_mentions(text))
        for found in find_windows(rest, self.as_of, self.region):
            rest = rest[: found.start] + " " * (found.end - found.start) + rest[found.end :]
        rest = re.sub(r"\b(?i:season|series)\s+\w+", " ", rest)
        lowered = [w for w in re.findall(r"\b[a-z][a-z'’-]+", rest) if w.strip("x")]
        return not [w for w in lowered if w not in words.TITLE_SMALL_WORDS]

    def _day_heading(self, text: str) -> Window | None:
        """The day a line names when it names only that ("MONDAY, SEPT. 23")."""
        if len(text) > 40:
            return None
        found = find_windows(text, self.as_of, self.region)
        if len(found) != 1 or not found[0].window.is_exact:
            return None
        rest = text[: found[0].start] + text[found[0].end :]
        if re.search(r"[A-Za-z0-9]", rest) or clauses.is_bare_weekday(found[0].phrase):
            return None
        if found[0].window.earliest == self.as_of or re.search(r"\d{4}", text):
            return None  # the article's own date: a dateline
        return self._usable(found[0].window, found[0].phrase)

    def _premieres_ahead(self, index: int) -> bool:
        """Whether the line just before a schedule says its rows are premieres ("Below
        is the premiere week schedule")."""
        before = self.units[index - 1].text if index > 0 else ""
        return bool(words_of(before) & words.PREMIERE_CONTEXT - {"new"})

    # ------------------------------------------------------------------ layouts

    def _schedule_row(self, unit: Unit) -> list[Proposal] | None:
        """A row under a day heading: "10 p.m. - The Voice", "“Heroes” returns (NBC)",
        "“Billions”: The drama returns for Season 5." Its day is the heading's. None
        when the unit is no row."""
        assert self.schedule is not None
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
        if (said | words_of(name)) & words.NOT_SERIES:
            return []  # a special, a film, a documentary
        if fold(name) in self.names.people:
            return []
        if said & words.OTHER_WORDS and not said & {"premiere", "premieres", "returns"}:
            return []
        release = said & (words.RELEASE_WORDS - words.WEAK_RELEASE_WORDS)
        if not (self.schedule.premieres or release or said & {"new", "docuseries"}):
            return []
        seasons = season_mentions(text)
        season = seasons[0].number if seasons else None
        if season is None and said & {"new", "docuseries"} and not said & {"returns", "return"}:
            season = 1
        if season is None and re.search(r"\bseries premiere\b", text, re.IGNORECASE):
            season = 1
        self.current = Topic(name, season, unit.paragraph)
        window = self.schedule.day
        return [self._proposal(unit, name, season, window, text, 0, len(text), "high")]

    def _table_row(self, unit: Unit) -> list[Proposal]:
        """A table row: a title cell ("The Bachelor season 28") and a date cell."""
        cells = unit.text.split(" | ")
        if len(cells) < 2:
            return self._sentence(unit)
        title_cell = next((c for c in cells if not self.names.finds_window(c)), None)
        name = self.names.listing_title(title_cell) if title_cell else None
        if title_cell is None or name is None or fold(name) in ("tba", "tbd", "tbc", "title"):
            return []
        seasons = season_mentions(title_cell)
        season = seasons[0].number if seasons else None
        for cell in cells:
            if cell is title_cell:
                continue
            for found in find_windows(cell, self.as_of, self.region):
                window = self._usable(found.window, found.phrase)
                if window is None:
                    break
                at = unit.text.index(cell) + found.start
                end = at + len(found.phrase)
                return [self._proposal(unit, name, season, window, unit.text, at, end, "high")]
        return []

    def _label(self, unit: Unit) -> list[Proposal]:
        """ "Premiere: April 13, 2018", "When can I watch it? July 20": the day of the show
        the section, the text lately, or the headline is about."""
        topic = self.section or self._recent(unit) or self.headline
        m = words.LABEL_LINE.match(unit.text)
        if topic is None or m is None:
            return []
        value_at = m.start("value")
        masked = self._masked(unit.text, self.names.mentions(unit.text), [])
        found = find_windows(masked[value_at:], self.as_of, self.region)
        if not found or clauses.is_bare_weekday(found[0].phrase):
            return []
        first = found[0]
        window = self._usable(first.window, first.phrase)
        if window is None:
            return []
        start = value_at + first.start
        season = self.seasons.get(fold(topic.name), topic.season)
        end = start + len(first.phrase)
        return [self._proposal(unit, topic.name, season, window, unit.text, start, end, "low")]

    def _listing(self, unit: Unit, name: str, season: int | None) -> list[Proposal]:
        """A heading that names a show and a day ("Gen V Season 2 (17 September)",
        "House of the Dragon season 2: 'Sometime in 2024'")."""
        text = unit.text
        masked = self._masked(text, self.names.mentions(text), season_mentions(text))
        for found in find_windows(masked, self.as_of, self.region):
            if clauses.is_bare_weekday(found.phrase):
                continue
            window = self._usable(found.window, found.phrase)
            if window is not None:
                start, end = found.start, found.end
                return [self._proposal(unit, name, season, window, text, start, end, "high")]
        return []

    def _list_line(self, unit: Unit) -> list[Proposal] | None:
        """ "Sooner (March/April/May): House, Grey's Anatomy, The Office": the window
        before the colon is each listed show's, unless an item gives its own ("Returning
        in January: Copper Valley (Jan. 4), Field Notes (Jan. 11)"). None when the unit
        is no such list."""
        m = _LIST.match(unit.text)
        if m is None:
            return None
        label = m["label"]
        found = [
            f
            for f in find_windows(label, self.as_of, self.region)
            if f.window.earliest and f.window.latest
        ]
        items = list(re.finditer(r"[^,]+?(?=,\s*|\s+and\s+|\.?$)", m["items"]))
        items = [i for i in items if re.search(r"\w", i[0]) and i[0].strip() != "and"]
        if len(found) != 1 or len(items) < 2 or words_of(label) & words.NOT_RELEASE:
            return None
        listed: list[tuple[str, int, FoundWindow]] = []
        for item in items:
            at = m.start("items") + item.start()
            text = _ITEM_PREFIX.sub("", item[0].strip()).strip().rstrip(".;")
            own = re.search(r"\s*\(([^)]*)\)$", text)
            item_window = found[0]
            if own:
                dated = find_windows(own[1], self.as_of, self.region)
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
            window = self._usable(item_window.window, item_window.phrase)
            if window is not None:
                start = at + item_window.start
                end = start + len(item_window.phrase)
                proposals.append(
                    self._proposal(unit, name, None, window, unit.text, start, end, "high")
                )
        return proposals

    # ------------------------------------------------------------------ a sentence

    def _sentence(self, unit: Unit) -> list[Proposal]:
        """The proposals of one sentence; remembers what the text is about."""
        text = unit.text
        shows = self.names.mentions(text)
        seasons = season_mentions(text)
        waits = self._waits(text, shows, seasons)
        subjects = [m for m in shows if not any(w.start <= m.start < w.end for w in waits)]
        seasons = [s for s in seasons if not any(w.start <= s.start < w.end for w in waits)]
        bound = clauses.bind_seasons(subjects, seasons, text)
        self._bound = bound
        masked = clauses.without_brackets(self._masked(text, shows, seasons))
        proposals: list[Proposal] = []
        spans: list[tuple[int, int]] = []  # each proposal's clause
        previous = ""
        for found, left, right in self._windows(text, masked, shows, seasons, waits):
            kind = clauses.kind_of(text, found, left, right, previous)
            previous = text[left:right]
            window = self._usable(found.window, found.phrase) if kind else None
            if kind is None or window is None:
                continue
            region = self.region or clauses.region_after(text, found.end)
            if region != self.region:
                try:
                    window = parse_window(found.phrase, self.as_of, region)
                except WindowError:
                    continue
            start = found.start
            skipped = _SKIPPED.search(text, 0, start)
            if skipped and window.latest is not None:
                # "skipping 2026 entirely": not before the day after it
                start = skipped.start()
                phrase = text[start : found.end]
                window = make_window(phrase, window.latest + timedelta(days=1), None, region)
            aux = _AUXILIARY.search(text, 0, start)
            if aux and found.phrase.lower().startswith(("not", "n't")):
                start = aux.start()
            place = _Found(found, left, right)
            for show, season, carried in self._about(text, place, subjects, seasons, bound, unit):
                spans.append((left, right))
                proposals.append(
                    self._proposal(
                        unit,
                        show,
                        season,
                        window,
                        text,
                        start,
                        found.end,
                        "low" if carried else "high",
                        kind=kind,
                        region=region,
                    )
                )
        proposals = clauses.one_per_clause(text, proposals, spans)
        for wait in waits:
            proposals.extend(self._waiting(unit, wait, subjects, seasons, bound))
        self._remember(unit, subjects, seasons, bound, proposals)
        return clauses.narrowest(proposals)

    def _masked(self, text: str, shows: list[Mention], seasons: list[SeasonMention]) -> str:
        """The text with titles and season numbers blanked out, offsets kept: "Sunday
        Night Football" names no Sunday, "season 2 premieres January 17" no 2 January."""
        for show in shows:
            text = text[: show.start] + "x" * (show.end - show.start) + text[show.end :]
        return mask_numbers(text, seasons)

    def _windows(
        self,
        text: str,
        masked: str,
        shows: list[Mention],
        seasons: list[SeasonMention],
        waits: list[_Wait],
    ) -> list[_Found]:
        """The time expressions of a sentence that may say when a release comes, each
        with its clause."""
        found = find_windows(self._masked(text, shows, seasons), self.as_of, self.region)
        kept: list[_Found] = []
        for item in found:
            if any(w.start <= item.start < w.end for w in waits):
                continue  # the time of what it waits on
            phrase = item.phrase.strip()
            before = text[: item.start]
            if clauses.is_bare_weekday(phrase) and not re.search(r"\b(?:this|next)\s*$", before):
                continue  # a weekday alone is a time slot, or the day the news broke
            if _NEAR_DAY.fullmatch(phrase) and not clauses.released_right_before(before):
                continue  # "said today" is when the news broke
            if _COUNT.fullmatch(phrase) and not re.search(r"\b(?:in|within)\s*$", before):
                continue  # "17 months between two seasons" is no day
            if re.search(r"\b(?:first|second|latter|later)\s+half$", phrase, re.I) and (
                _HALF_OF.match(text, item.end)
            ):
                continue  # "the second half of season 4" is no half of a year
            if _RELATIVE.match(text, item.end) or _FORMER.search(text, 0, item.start):
                continue  # "two years after the second"; a plan given up ("once slated for")
            if item.window.latest is None and clauses.set_aside(text, item, found):
                continue  # "Don't expect it in '23, but sometime in '24"
            if _REPORTED.search(before):
                continue  # "he said in an interview this week": when the news was told
            if _ASKED.search(before) or re.search(r"\?[\"”’']*$", text[item.end :].split(". ")[0]):
                continue  # a question ("Could it return in 2026?"), not a statement
            left, right = clauses.clause_of(masked, item.start, item.end)
            kept.append(_Found(item, left, right))
        return kept

    # ------------------------------------------------------------------ whose window

    def _about(
        self,
        text: str,
        place: _Found,
        subjects: list[Mention],
        seasons: list[SeasonMention],
        bound: dict[int, SeasonMention],
        unit: Unit,
    ) -> list[tuple[str, int | None, bool]]:
        """The shows (with season, and whether either was carried over) a window is about."""
        found, left, right = place
        at = found.start
        chosen = self._subjects(text, at, left, subjects)
        if chosen:
            about = [self._with_season(m, at, subjects, seasons, bound, text) for m in chosen]
            if len(chosen) > 1 and any(clauses.first_season(text, m) for m in chosen):
                # "new midseason series - dramas A, B and C": each of them is new
                about = [(n, 1 if s is None else s, c) for n, s, c in about]
            return about
        plural = _PLURAL.match(text)
        if plural and self.last_named and plural.end() <= at:
            return [(name, self.seasons.get(fold(name)), True) for name in self.last_named]
        referred = bool(_REFERENCE.search(text[left:at])) or clauses.leading_reference(text[left:])
        own = [s for s in seasons if s not in bound.values() and left <= s.start < right]
        if not referred and clauses.opens_predicate(text, left):
            referred = clauses.leading_reference(text)
            own += [s for s in seasons if s not in bound.values() and s.start < left]
        if re.match(r"\s*(?:which|that)\b", text[left:]):
            own += [  # "a fourth season, which", "the show's Season 2 premiere, which"
                s
                for s in seasons
                if s.end <= left and re.fullmatch(r"(?:\s+[a-z]+){0,2}[,\s]*", text[s.end : left])
            ]
            referred = referred or bool(_REFERENCE.search(text[:left]))
        if self._unknown_subject(text[left:]) or self._unknown_subject(text):
            return []  # "Night Ferry has its winter premiere": a show the reader does not know
        earlier = {m.name for m in subjects if m.end <= left and not clauses.is_object(text, m)}
        if referred and len(earlier) == 1:
            # "Harbor Lights fans will have to wait: the show's fourth season ..."
            name = earlier.pop()
            if own:
                return [(name, self._season_number(name, own[0]), False)]
            return [(name, self.seasons.get(fold(name)), True)]
        if referred or own:
            topic = self._recent(unit) or self.section or self.headline
        elif not subjects:
            topic = self.section or self._only_show()  # a section's or article's own show
        else:
            topic = None
        if topic is None:
            return []
        if own:
            return [(topic.name, self._season_number(topic.name, own[0]), True)]
        return [(topic.name, self.seasons.get(fold(topic.name), topic.season), True)]

    def _subjects(self, text: str, at: int, left: int, subjects: list[Mention]) -> list[Mention]:
        """The titles a window's clause is about: the nearest one before it in the
        clause (with the titles listed with it), the one a "which" clause hangs on, the
        sentence's subject when the clause goes on from it, or the titles right after
        the window ("in another Netflix original, The Defenders")."""
        before = [m for m in subjects if left <= m.start < at and not clauses.is_object(text, m)]
        if before:
            return clauses.listed_before(text, before[-1], subjects)
        if re.match(r"\s*(?:which|who|that)\b", text[left:]):
            host = [m for m in subjects if m.end <= left and left - m.end <= 3]
            if host:
                return [host[-1]]
            season = [m for m in subjects if self._season_before(m, left)]
            if season:
                return [season[-1]]  # "renewed X for a fourth season, which is expected..."
        if _REFERENCE.search(text[left:at]) or clauses.leading_reference(text[left:]):
            return []
        opening = [m for m in subjects if m.start < left and not clauses.is_object(text, m)]
        if opening and clauses.opens_predicate(text, left):
            if clauses.leading_reference(text):
                return []
            if _all_listed(text, opening):
                return clauses.listed_before(text, opening[-1], subjects)
            return [opening[0]]
        after = [m for m in subjects if m.start >= at]
        if after and not opening:
            gap = text[at : after[0].start]
            if len(gap) < 60 and not re.search(
                r"\b(?:after|before|than|like|alongside|following|instead|until)\b", gap
            ):
                return clauses.listed_after(text, after[0], subjects)
        return []

    def _season_before(self, mention: Mention, left: int) -> bool:
        """Whether the season a title is bound to ends right before a "which" clause."""
        bound = self._bound.get(mention.start)
        return bound is not None and 0 <= left - bound.end <= 3

    def _with_season(
        self,
        mention: Mention,
        at: int,
        subjects: list[Mention],
        seasons: list[SeasonMention],
        bound: dict[int, SeasonMention],
        text: str,
    ) -> tuple[str, int | None, bool]:
        """A title's season: the one named beside it (or beside it elsewhere in the
        sentence), the one the sentence names when it names one show, "new series" as
        the first, else the one the text named for it before (carried over)."""
        own = bound.get(mention.start) or next(
            (bound[m.start] for m in subjects if m.name == mention.name and m.start in bound),
            None,
        )
        if own is None:
            unbound = [s for s in seasons if s not in bound.values()]
            between = [s for s in unbound if mention.end <= s.start < at]
            if len({m.name for m in subjects}) <= 1 and unbound:
                own = min(unbound, key=lambda s: abs(s.start - at))
            elif between and not [m for m in subjects if mention.end <= m.start < at]:
                own = between[-1]  # "X, which kicks off the second half of season 4 on ..."
        if own is not None:
            return mention.name, self._season_number(mention.name, own), False
        first = clauses.first_season(text, mention)
        if first:
            return mention.name, first, False
        remembered = self.seasons.get(fold(mention.name))
        return mention.name, remembered, remembered is not None

    def _season_number(self, show: str, mention: SeasonMention) -> int | None:
        if not mention.next:
            return mention.number
        key = fold(show)
        for known in self.known:
            if any(fold(n) == key for n in known.names):
                return known.next_season
        return None

    def _unknown_subject(self, text: str) -> bool:
        """Whether a clause opens with a capitalised name the reader does not know as a
        show, a person, a network or a word ("Night Ferry has its winter premiere",
        "Agents of R.A.V.E.N. fans"): a show it missed, which no "it" of the sentence
        may be taken for."""
        m = _SUBJECT.match(text)
        if m is None:
            return False
        run = m["run"]
        parts = run.split()
        first = fold(parts[0]).strip(".,")
        if first in words.NOT_TITLE_WORDS or first in words.NETWORKS or first in words.PLACES:
            return False
        if len(parts) < 2 and not re.search(r"[A-Z]\.[A-Z]", run):
            return m["next"] in words.SUBJECT_VERBS and fold(run) not in self.names.people
        known = self.names.catalogue.knows(run) or fold(run) in self.names.people
        return not known and fold(run) not in words.NETWORKS

    def _only_show(self) -> Topic | None:
        """The headline's show, when the article names no other."""
        names = self.names.catalogue.names
        if self.headline is None or len(names) != 1:
            return None
        return self.headline

    def _recent(self, unit: Unit) -> Topic | None:
        """The show the text was last about, if it was named lately."""
        topic = self.current
        if topic is None or unit.paragraph - topic.paragraph > _RECENT_PARAGRAPHS:
            return None
        return topic

    # ------------------------------------------------------------------ windows

    def _usable(self, window: Window, phrase: str) -> Window | None:
        """The window, if it says something the tracker can use: not already past on
        the article's day, and, when the article's day is not known, not read against
        a day the article never gave ("this fall" of a page without a date)."""
        if window.earliest is None and window.latest is None:
            return None
        if not self.dated:
            try:
                later = parse_window(phrase, self.as_of + timedelta(days=800), self.region)
            except WindowError:
                return None
            if (later.earliest, later.latest) != (window.earliest, window.latest):
                return None
            return window
        if window.latest is not None and window.latest < self.as_of:
            return None
        return window

    def _proposal(
        self,
        unit: Unit,
        show: str,
        season: int | None,
        window: Window,
        text: str,
        start: int,
        end: int,
        confidence: str,
        *,
        kind: str = "release",
        region: str | None = None,
    ) -> Proposal:
        return Proposal(
            show=show,
            season=season,
            kind=kind,
            phrase=clauses.phrase_of(text[start:end]),
            window=WindowRecord.of(window),
            sentence=text,
            offset=unit.start,
            phrase_offset=start,
            confidence=confidence,
            region=region if region is not None else self.region,
        )

    # ------------------------------------------------------------------ waits

    def _waits(self, text: str, shows: list[Mention], seasons: list[SeasonMention]) -> list[_Wait]:
        """ "until X is done", "once X wraps", "after X is finished": what is waited on."""
        found: list[_Wait] = []
        for m in _WAIT.finditer(text):
            end = clauses.clause_of(text, m.end(), m.end())[1]
            done = _DONE.search(text, m.end(), end)
            if done is None:
                continue
            span = (done.end(), end) if done["with"] else (m.end(), done.start())
            inside = [s for s in shows if span[0] <= s.start < span[1]]
            if not inside:
                continue
            target = inside[0]
            season = next(
                (s.number for s in seasons if span[0] <= s.start < span[1] and s.number),
                None,
            )
            if done["with"]:
                closing = _CLOSING.match(text, target.end) if target.marked else None
                last = closing.end() if closing else target.end
            else:
                last = done.end()
            found.append(_Wait(m.start(), last, target, season))
        return found

    def _waiting(
        self,
        unit: Unit,
        wait: _Wait,
        subjects: list[Mention],
        seasons: list[SeasonMention],
        bound: dict[int, SeasonMention],
    ) -> list[Proposal]:
        text = unit.text
        before = [m for m in subjects if m.end <= wait.start]
        unbound = [s for s in seasons if s.end <= wait.start and s not in bound.values()]
        topic = self._recent(unit) or self.headline
        if before:
            show, carried = before[-1].name, False
            own = bound.get(before[-1].start) or (unbound[-1] if unbound else None)
        elif topic is not None:
            show, carried = topic.name, True
            own = unbound[-1] if unbound else None
        else:
            return []
        season = self._season_number(show, own) if own else self.seasons.get(fold(show))
        carried = carried or (own is None and season is not None)
        head = words_of(text[: wait.start])
        return [
            Proposal(
                show=show,
                season=season,
                kind="filming" if head & words.FILMING_WORDS else "release",
                phrase=clauses.phrase_of(text[wait.start : wait.end]),
                # No window of its own: open at both ends, as TBA is ("..")
                window=WindowRecord(clauses.phrase_of(text[wait.start : wait.end]), edtf=".."),
                sentence=text,
                offset=unit.start,
                phrase_offset=wait.start,
                confidence="low" if carried else "high",
                after_show=wait.show.name,
                after_season=wait.season,
            )
        ]

    # ------------------------------------------------------------------ memory

    def _remember(
        self,
        unit: Unit,
        subjects: list[Mention],
        seasons: list[SeasonMention],
        bound: dict[int, SeasonMention],
        proposals: list[Proposal],
    ) -> None:
        """What the text is now about: the show it proposed for, else the first show it
        named in a subject's place; and the season it named for each show."""
        text = unit.text
        named = [m for m in subjects if not clauses.is_object(text, m)]
        if proposals:
            last = proposals[-1]
            self.current = Topic(last.show, last.season, unit.paragraph)
        elif named:
            first = named[0]
            self.current = Topic(first.name, self.seasons.get(fold(first.name)), unit.paragraph)
        elif self.current is not None and (_REFERENCE.search(text) or seasons):
            self.current = self.current._replace(paragraph=unit.paragraph)
        if subjects:
            self.last_named = list(dict.fromkeys(m.name for m in subjects))
        past = words_of(text) & (words.PAST_RELEASE | words.PAST_STATE_WORDS)
        for mention in subjects:
            own = bound.get(mention.start)
            number = self._season_number(mention.name, own) if own is not None else None
            if number and (not past or fold(mention.name) not in self.seasons):
                self.seasons[fold(mention.name)] = number
            if number and not past:
                self.article_seasons.setdefault(fold(mention.name), set()).add(number)
            if not past and clauses.first_season(text, mention):
                self.new_shows.add(fold(mention.name))
        unbound = [s for s in seasons if s not in bound.values()]
        names = {fold(m.name) for m in subjects}
        if self.current and unbound and len(names) <= 1 and not past:
            number = self._season_number(self.current.name, unbound[-1])
            if number:
                self.seasons[fold(self.current.name)] = number
                self.article_seasons.setdefault(fold(self.current.name), set()).add(number)


_SUBJECT = re.compile(
    r"[\s\"“‘']*(?:(?:while|whereas|and|but|as|although|though|so|meanwhile|then),?\s+)?"
    r"(?P<run>[A-Z0-9][\w'’&.-]*(?:\s+(?:(?:of|the|and|&|in|on|a|an)\s+)*"
    r"[A-Z0-9][\w'’&.-]*)*)\s+(?P<next>[a-z][\w'’-]*)"
)


def _all_listed(text: str, mentions: list[Mention]) -> bool:
    """Whether titles stand as one list ("A, B and C")."""
    return len(clauses.listed_before(text, mentions[-1], mentions)) == len(mentions)


def read_statements(
    text: str,
    title: str | None,
    as_of: date,
    region: str | None = None,
    known: Sequence[KnownShow] = (),
    *,
    dated: bool = True,
) -> list[Proposal]:
    """Every statement `text` makes about when a release comes, in order, once each
    (spec/read.md). `known` are the tracked shows, which are found by name; `title` (the
    headline) says which show the text is about until it names one. Without `dated`
    (the article's day is not known; `as_of` is only today), only windows that do not
    depend on that day are proposed."""
    reader = Reader(text, title, as_of, region, known, dated)
    proposals: list[Proposal] = []
    seen: set[tuple[str, int | None, str, str | None, str | None, str | None]] = set()
    for proposal in reader.proposals():
        window = proposal.window or WindowRecord()
        key = (
            fold(proposal.show),
            proposal.season,
            proposal.kind,
            window.earliest,
            window.latest,
            proposal.after_show,
        )
        if key not in seen:
            seen.add(key)
            proposals.append(proposal)
    return proposals


def revise(
    proposal: Proposal, phrase: str, season: str, as_of: date, region: str | None
) -> Proposal:
    """The proposal as a person corrected it at the review: another phrase (read as
    `expect` reads it) or season ("-" or nothing for none)."""
    text = season.strip().lower().removeprefix("season").removeprefix("s").strip()
    if text in ("", "-"):
        number = None
    elif text.isdigit() and 0 < int(text) < 100:
        number = int(text)
    else:
        raise UsageError(f"season {season!r} is not a number", "e.g. 2, or - for none")
    window = proposal.window
    if window is not None and phrase != proposal.phrase:
        read = parse_window(phrase, as_of, region or proposal.region)
        window = WindowRecord.of(read)
    return msgspec.structs.replace(
        proposal,
        phrase=phrase,
        season=number,
        window=window,
        phrase_offset=proposal.phrase_offset if phrase == proposal.phrase else -1,
        confidence="high",
    )
