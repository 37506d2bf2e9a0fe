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
from showtrack.reader.listings import Listings
from showtrack.reader.memory import Memory, Topic
from showtrack.reader.names import ArticleNames
from showtrack.reader.proposing import Proposer, masked
from showtrack.reader.seasons import SeasonMention, season_mentions
from showtrack.reader.titles import Mention
from showtrack.text import fold
from showtrack.windows.phrases import FoundWindow, parse_window
from showtrack.windows.regions import normalize_region
from showtrack.windows.window import make_window

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
        self.units = units(text)
        if title and not (self.units and title.strip() in self.units[0].text):
            self.units.insert(0, Unit(title.strip(), -1, "heading", -1, -1))
        self.proposer = Proposer(as_of, normalize_region(region), dated)
        self.names = ArticleNames(self.units, [n for k in known for n in k.names], self.proposer)
        self.memory = Memory(known, len(self.names.catalogue.names))
        self.memory.headline = self._headline_topic()
        self.listings = Listings(self.units, self.names, self.memory, self.proposer)
        self._bound: dict[int, SeasonMention] = {}  # the sentence being read: its seasons

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
            self.memory.seasons.setdefault(fold(name), season)
        return Topic(name, season, -1)

    # ------------------------------------------------------------------ reading

    def proposals(self) -> list[Proposal]:
        """Every statement of the article, in order; one that names no season takes the
        season the article gives its show elsewhere (Memory.article_season)."""
        found: list[Proposal] = []
        for index, unit in enumerate(self.units):
            found.extend(self._read_unit(index, unit))
        return [self.memory.article_season(p) for p in found]

    def _read_unit(self, index: int, unit: Unit) -> list[Proposal]:
        """A unit read as what it is: a table's header (nothing), a day heading (the
        start of a schedule), a row of the schedule going on, a section's heading, a
        table row, a label line, a list after a window, else a sentence."""
        listings = self.listings
        if unit.kind == "header" or (unit.kind == "heading" and listings.day_heading(index)):
            return []
        if unit.kind in ("heading", "sentence", "row", "caption"):
            row = listings.schedule_row(unit)
            if row is not None:
                return row
        if unit.kind == "heading":
            heading = self.names.heading_title(index) if index > 0 else None
            headline = self.memory.headline
            if heading is not None:
                self.memory.open_section(heading[0], heading[1], unit.paragraph)
                if listings.verbless(unit.text):
                    return listings.listing(unit, *heading)
            elif index == 0 and headline is not None and listings.verbless(unit.text):
                return listings.listing(unit, headline.name, headline.season)
        found = (
            listings.table_row(unit)
            if unit.kind == "row"
            else listings.label(unit)
            if unit.kind == "label"
            else listings.list_line(unit)
        )
        return self._sentence(unit) if found is None else found

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
        blanked = clauses.without_brackets(masked(text, shows, seasons))
        proposals: list[Proposal] = []
        spans: list[tuple[int, int]] = []  # each proposal's clause
        for found, left, right in self._windows(text, blanked, shows, seasons, waits):
            before = clauses.clause_of(blanked, max(0, left - 2), max(0, left - 2))[0]
            kind = clauses.kind_of(text, found, left, right, text[before:left])
            window = self.proposer.usable(found.window, found.phrase) if kind else None
            if kind is None or window is None:
                continue
            region = self.proposer.region or clauses.region_after(text, found.end)
            if region != self.proposer.region:
                try:
                    window = parse_window(found.phrase, self.proposer.as_of, region)
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
                    self.proposer.make(
                        unit,
                        show,
                        season,
                        window,
                        (start, found.end),
                        "low" if carried else "high",
                        kind=kind,
                        region=region,
                    )
                )
        proposals = clauses.one_per_clause(text, proposals, spans)
        for wait in waits:
            proposals.extend(self._waiting(unit, wait, subjects, seasons, bound))
        self.memory.remember(unit, subjects, seasons, bound, proposals)
        return clauses.narrowest(proposals)

    def _windows(
        self,
        text: str,
        blanked: str,
        shows: list[Mention],
        seasons: list[SeasonMention],
        waits: list[_Wait],
    ) -> list[_Found]:
        """The time expressions of a sentence that may say when a release comes, each
        with its clause."""
        found = self.proposer.windows(masked(text, shows, seasons))
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
            left, right = clauses.clause_of(blanked, item.start, item.end)
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
        last = self.memory.last_named
        if plural and last and plural.end() <= at:
            return [(name, self.memory.season_of(name), True) for name in last]
        referred = bool(_REFERENCE.search(text[left:at])) or clauses.leading_reference(text[left:])
        if not referred and clauses.CONTINUED.match(text[left:]):
            referred = bool(_REFERENCE.search(text[:left]))  # "expect it in '23, but ... '24"
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
                return [(name, self.memory.season_number(name, own[0]), False)]
            return [(name, self.memory.season_of(name), True)]
        if referred or own:
            topic = self.memory.referred(unit)
        elif not subjects:
            topic = self.memory.section or self.memory.only_show()  # the section's or article's
        else:
            topic = None
        if topic is None:
            return []
        if own:
            return [(topic.name, self.memory.season_number(topic.name, own[0]), True)]
        return [(topic.name, self.memory.season_of(topic.name, topic.season), True)]

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
            return mention.name, self.memory.season_number(mention.name, own), False
        first = clauses.first_season(text, mention)
        if first:
            return mention.name, first, False
        remembered = self.memory.season_of(mention.name)
        return mention.name, remembered, remembered is not None

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
        topic = self.memory.recent(unit) or self.memory.headline
        if before:
            show, carried = before[-1].name, False
            own = bound.get(before[-1].start) or (unbound[-1] if unbound else None)
        elif topic is not None:
            show, carried = topic.name, True
            own = unbound[-1] if unbound else None
        else:
            return []
        season = self.memory.season_number(show, own) if own else self.memory.season_of(show)
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
