"""What an article has been about so far, as it is read: the show it was last about, the
section it is in, the headline's show, the season it named for each show, the shows it
named in the last sentence and the shows it calls new. "It", "the series" and "Season 2"
are read against this memory."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import msgspec

from showtrack.models import KnownShow, Proposal
from showtrack.reader import clauses
from showtrack.reader import vocabulary as words
from showtrack.reader.clauses import words_of
from showtrack.reader.layout import Unit
from showtrack.reader.seasons import SeasonMention
from showtrack.reader.titles import Mention
from showtrack.text import fold

RECENT_PARAGRAPHS = 2  # how far back "it" reaches for the show the text was about


class Topic(NamedTuple):
    """A show the text is about, the season it is about, and where it was last named."""

    name: str
    season: int | None
    paragraph: int


class Memory:
    """What the article has been about, sentence after sentence."""

    def __init__(self, known: Sequence[KnownShow], named_shows: int) -> None:
        self.known = known
        self.named_shows = named_shows  # how many shows the article names
        self.current: Topic | None = None  # the show the text was last about
        self.section: Topic | None = None  # the show of the section's heading
        self.headline: Topic | None = None  # the headline's show
        self.seasons: dict[str, int] = {}  # the season last named for each show
        self.article_seasons: dict[str, set[int]] = {}  # what is coming, by show
        self.new_shows: set[str] = set()  # shows the article calls new
        self.last_named: list[str] = []  # the shows the last sentence named

    def season_number(self, show: str, mention: SeasonMention) -> int | None:
        """A season's number; "the new season" of a tracked show is its next one."""
        if not mention.next:
            return mention.number
        key = fold(show)
        for known in self.known:
            if any(fold(n) == key for n in known.names):
                return known.next_season
        return None

    def season_of(self, show: str, default: int | None = None) -> int | None:
        """The season the text last named for a show."""
        return self.seasons.get(fold(show), default)

    def recent(self, unit: Unit) -> Topic | None:
        """The show the text was last about, if it was named lately."""
        topic = self.current
        if topic is None or unit.paragraph - topic.paragraph > RECENT_PARAGRAPHS:
            return None
        return topic

    def referred(self, unit: Unit) -> Topic | None:
        """The show "it" or "the series" stands for: the one the text was lately
        about, else the section's, else the headline's."""
        return self.recent(unit) or self.section or self.headline

    def only_show(self) -> Topic | None:
        """The headline's show, when the article names no other."""
        return self.headline if self.named_shows == 1 else None

    def open_section(self, name: str, season: int | None, paragraph: int) -> None:
        """A heading names the show of what follows."""
        self.section = Topic(name, season, paragraph)
        self.current = self.section
        if season:
            self.seasons[fold(name)] = season

    def named(self, name: str, season: int | None, paragraph: int) -> None:
        """A row or a line was about a show."""
        self.current = Topic(name, season, paragraph)

    def remember(
        self,
        unit: Unit,
        subjects: list[Mention],
        seasons: list[SeasonMention],
        bound: dict[int, SeasonMention],
        proposals: list[Proposal],
    ) -> None:
        """What the text is now about: the show it proposed for, else the first show it
        named in a subject's place; and the season it named for each show, unless it
        spoke of the past."""
        text = unit.text
        named = [m for m in subjects if not clauses.is_object(text, m)]
        if proposals:
            last = proposals[-1]
            self.current = Topic(last.show, last.season, unit.paragraph)
        elif named:
            first = named[0]
            self.current = Topic(first.name, self.season_of(first.name), unit.paragraph)
        elif self.current is not None and (clauses.REFERENCE.search(text) or seasons):
            self.current = self.current._replace(paragraph=unit.paragraph)
        if subjects:
            self.last_named = list(dict.fromkeys(m.name for m in subjects))
        past = words_of(text) & (words.PAST_RELEASE | words.PAST_STATE_WORDS)
        for mention in subjects:
            own = bound.get(mention.start)
            number = self.season_number(mention.name, own) if own is not None else None
            if number:
                self._learn(mention.name, number, past=bool(past))
            if not past and clauses.first_season(text, mention):
                self.new_shows.add(fold(mention.name))
        unbound = [s for s in seasons if s not in bound.values()]
        names = {fold(m.name) for m in subjects}
        if self.current and unbound and len(names) <= 1 and not past:
            number = self.season_number(self.current.name, unbound[-1])
            if number:
                self._learn(self.current.name, number, past=False)

    def _learn(self, show: str, season: int, *, past: bool) -> None:
        key = fold(show)
        if not past or key not in self.seasons:
            self.seasons[key] = season
        if not past:
            self.article_seasons.setdefault(key, set()).add(season)

    def article_season(self, proposal: Proposal) -> Proposal:
        """A proposal that names no season, with the one season the article gives its
        show elsewhere ("The Masked Singer will return in 2020" ... "a second season of
        The Masked Singer"), or the first when the article calls the show new."""
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
