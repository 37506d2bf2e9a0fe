"""An article's text into proposals (spec/read.md): the statements it makes about when a
release of a show comes.

The text is cut into sentences; every time expression in a sentence is found by
`windows.find_windows` and read as `expect` would read it. For each, the reader finds
the show it is about (a title in quotes or italics, a tracked show's name, a capitalised
name in a place only a title stands: "X season 3", "renewed X", "X returns"), the
season, whether it is about release or filming, and what it waits on ("until X is
done"). "The show", "the series", "it" and an unattached "season 2" refer to the show
the text was last about, which the headline sets first. Dates that are not release
dates (events, ratings, birthdays, films, what already aired) are passed over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

import msgspec

from showtrack.errors import UsageError
from showtrack.models import KnownShow, Proposal, WindowRecord
from showtrack.reader import vocabulary as words
from showtrack.text import bare_title, fold
from showtrack.windows.phrases import find_windows, parse_window
from showtrack.windows.regions import normalize_region

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "inc",
        "co",
        "corp",
        "ltd",
        "vs",
        "no",
        "vol",
        "ep",
        "prof",
        "gen",
        "sen",
        "rep",
        "gov",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]*_]*(?=\s+[\"“‘(\[*_]*[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]+[\"”’')\]*_]*$")
_MARKED = re.compile(
    r"“(?P<a>[^”\n]{1,80})”"
    r"|\"(?P<b>[^\"\n]{1,80})\""
    r"|(?<![\w’])‘(?P<c>[^’\n]{1,80})’(?!\w)"
    r"|(?<![\w'])'(?P<d>[^'\n]{1,80})'(?!\w)"
    r"|(?<![\w*])\*{1,2}(?P<e>[^*\n]{1,80}?)\*{1,2}(?![\w*])"
    r"|(?<![\w])_(?P<f>[^_\n]{1,80})_(?!\w)"
)
_ACTOR = re.compile(r"\s*\(\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+\s*\)")
_CAP = r"(?:[A-Z0-9][\w'’&!-]*)"
_SMALL = "|".join(sorted(words.TITLE_SMALL_WORDS))
_RUN = rf"{_CAP}(?:\s+(?:(?:{_SMALL}|&)\s+)*{_CAP})*"
_NUMBER = "|".join([r"\d{1,2}", *words.NUMBER_WORDS])
_ORDINAL = "|".join([r"\d{1,2}(?:st|nd|rd|th)", *words.ORDINAL_WORDS])
_NEXT = "|".join(words.NEXT_SEASON_WORDS)
_NOUN = "|".join(words.SEASON_NOUNS)
# Places only a title stands in: what a capitalised name there is taken to be.
_CUED = tuple(
    re.compile(pattern)
    for pattern in (
        rf"(?P<t>{_RUN})(?:'s|’s|'|’)?\s+(?:[Ss]eason|[Ss]eries)\s+(?:{_NUMBER})\b",
        rf"(?P<t>{_RUN})(?:'s|’s|'|’)\s+(?:{_ORDINAL}|{_NEXT})\s+(?:{_NOUN})\b",
        rf"\b(?:{_ORDINAL}|{_NEXT})\s+(?:{_NOUN})\s+of\s+(?P<t>{_RUN})",
        rf"\b[Ss]eason\s+(?:{_NUMBER})\s+of\s+(?P<t>{_RUN})",
        rf"\brenew(?:s|ed|ing)?\s+(?P<t>{_RUN})",
        rf"(?P<t>{_RUN})\s+(?:(?:has|have|was|were|got|is|gets)\s+)?(?:been\s+|officially\s+)*"
        r"(?:renewed|picked up)\b",
        rf"(?P<t>{_RUN})\s+(?:will\s+|is\s+(?:set|expected|slated|due)\s+to\s+|won't\s+|"
        r"will not\s+|does not\s+|doesn't\s+)?(?:return|premiere|debut|come back)s?\b",
        rf"(?P<t>{_RUN})\s+(?:will\s+be|is)\s+back\b",
    )
)
_SEASON = re.compile(
    rf"\b(?:season|series)\s+(?P<n>{_NUMBER})\b"
    rf"|\bS(?P<s>\d{{1,2}})(?:E\d{{1,3}})?\b"
    rf"|\b(?P<o>{_ORDINAL})\s+(?:and\s+(?:final|last)\s+)?(?:{_NOUN})\b"
    rf"|\b(?P<x>{_NEXT})\s+(?:{_NOUN})\b",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"\b(?:the\s+(?:show|series|drama|comedy|sitcom|thriller|programme|program)|its?)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[;:—–]|,\s+(?=(?:and|but|while|whereas|although|though|as|which|who)\b)"
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
_REGION = re.compile(
    r"\s*,?\s*in\s+(?:the\s+)?(?P<r>U\.?S\.?A?|U\.?K\.?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
)
_WORD = re.compile(r"[\w'’-]+")
_CLOSING = re.compile(r"[.,!?]*[”\"’']")
_CLOSING = re.compile(r"[.,!?]*[”\"’']")
_RELATIVE = re.compile(rf"\s+(?:{'|'.join(words.RELATIVE_WORDS)})\b", re.I)
_FORMER = re.compile(rf"\b(?:{'|'.join(words.FORMER_WORDS)})\s+(?:\w+\s+){{0,2}}$", re.I)
_WEEKDAY = re.compile(r"(?:on\s+|this\s+|last\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.I)
_AUXILIARY = re.compile(r"\b(?:does|do|did|will|would|should|is|are|can|could)\s+$", re.IGNORECASE)


class Sentence(NamedTuple):
    """A sentence of the text and where it starts."""

    text: str
    start: int


class Mention(NamedTuple):
    """A show named in a sentence: its name, where, and whether the article marked it
    as a title (quotes, italics)."""

    name: str
    start: int
    end: int
    marked: bool


class SeasonMention(NamedTuple):
    """A season named in a sentence: its number, or "the new season" (next)."""

    number: int | None
    start: int
    end: int
    next: bool


class _Wait(NamedTuple):
    start: int
    end: int
    show: Mention
    season: int | None


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, line by line, not cut at "Sept. 25", "Mr. Coker" or
    "U.S.", and with closing quotes kept with their sentence."""
    found: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for m in _SENTENCE_END.finditer(line):
            before = _WORD_BEFORE.search(line, 0, m.end())
            word = before[1] if before else ""
            if (
                word.lower().rstrip(".") in _ABBREVIATIONS
                or re.fullmatch(r"[A-Z]", word)
                or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", word)
            ):
                continue
            _add(found, line, start, m.end(), offset)
            start = m.end()
        _add(found, line, start, len(line), offset)
        offset += len(line) + 1
    return found


def _add(found: list[Sentence], line: str, start: int, end: int, offset: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if stripped:
        found.append(Sentence(stripped, offset + start + piece.index(stripped)))


def _is_title(name: str) -> bool:
    """Whether quoted or emphasised words read as a title, not as a quotation."""
    parts = name.split()
    if not 1 <= len(parts) <= 8 or not (name[0].isupper() or name[0].isdigit()):
        return False
    return all(p[0].isupper() or p[0].isdigit() or p in words.TITLE_SMALL_WORDS for p in parts)


def marked_titles(text: str) -> list[Mention]:
    """The titles a text marks with quotes or emphasis."""
    found: list[Mention] = []
    for m in _MARKED.finditer(text):
        group = next(g for g in "abcdef" if m[g] is not None)
        raw = m[group]
        name = raw.strip().rstrip(".,!?;:").strip()
        if name and _is_title(name):
            start = m.start(group) + raw.index(name[0])
            found.append(Mention(name, start, start + len(name), True))
    return found


def _cued(text: str) -> list[Mention]:
    """The capitalised names a text puts where only a title stands ("renewed X")."""
    found: list[Mention] = []
    for pattern in _CUED:
        for m in pattern.finditer(text):
            start = m.start("t") + _title_start(m["t"])
            name = text[start : m.end("t")]
            if re.search(r"[^\W\d]", name) and not all(
                w.lower() in words.NOT_TITLE_WORDS for w in name.split()
            ):
                found.append(Mention(name, start, m.end("t"), False))
    return found


_LEADING = (words.NOT_TITLE_WORDS | words.HEADLINE_WORDS) - {"the", "a", "an"}


def _title_start(run: str) -> int:
    """Where the title in a capitalised run starts, past the sentence's first words and
    a company's possessive ("But Netflix's Nightfall" is Nightfall)."""
    parts = list(re.finditer(r"\S+", run))
    while parts and (
        parts[0][0].lower() in _LEADING
        or (re.search(r"(?:'s|’s)$", parts[0][0]) and len(parts) > 1)
    ):
        parts.pop(0)
    return parts[0].start() if parts else len(run)


def _name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    variants: set[str] = set()
    for name in names:
        name = name.strip()
        variants.add(name)
        bare = bare_title(name)
        if len(bare) >= 4:
            variants.add(bare)
    ordered = sorted((v for v in variants if len(v) >= 2), key=len, reverse=True)
    if not ordered:
        return None
    body = "|".join(re.escape(v) for v in ordered)
    return re.compile(rf"(?<![\w'’])(?:{body})(?![\w])", re.IGNORECASE)


class Reader:
    """Reads one article: the names it may meet, and what it has been about so far."""

    def __init__(
        self,
        as_of: date,
        region: str | None,
        known: Sequence[KnownShow],
        article_titles: Iterable[str],
    ) -> None:
        self.as_of = as_of
        self.region = region
        self.known = known
        names = [n for show in known for n in show.names]
        self.names = _name_pattern([*names, *article_titles])
        self.current: str | None = None
        self.seasons: dict[str, int] = {}

    # ------------------------------------------------------------------ mentions

    def mentions(self, text: str) -> list[Mention]:
        """The shows a sentence names, in order; marked titles win where they overlap."""
        found = marked_titles(text)
        if self.names is not None:
            found += [
                Mention(m[0], m.start(), m.end(), False)
                for m in self.names.finditer(text)
                if m[0][0].isupper() or m[0][0].isdigit()
            ]
        found += _cued(text)
        kept: list[Mention] = []
        for mention in sorted(found, key=lambda m: (not m.marked, m.start - m.end)):
            if _ACTOR.match(text, mention.end + (1 if mention.marked else 0)):
                continue  # a character and the actor who plays it
            if all(mention.end <= k.start or mention.start >= k.end for k in kept):
                kept.append(mention)
        return sorted(kept, key=lambda m: m.start)

    def season_mentions(self, text: str) -> list[SeasonMention]:
        """The seasons a sentence names."""
        found: list[SeasonMention] = []
        for m in _SEASON.finditer(text):
            if m["x"]:
                found.append(SeasonMention(None, m.start(), m.end(), True))
                continue
            token = (m["n"] or m["s"] or m["o"]).lower()
            number = words.NUMBER_WORDS.get(token) or words.ORDINAL_WORDS.get(token)
            if number is None:
                number = int(re.sub(r"\D", "", token))
            if 0 < number < 100:
                found.append(SeasonMention(number, m.start(), m.end(), False))
        return found

    # ------------------------------------------------------------------ a sentence

    def read(self, sentence: Sentence) -> list[Proposal]:
        """The proposals of one sentence; remembers what the text is about."""
        text = sentence.text
        shows = self.mentions(text)
        seasons = self.season_mentions(text)
        waits = self._waits(text, shows, seasons)
        subjects = [m for m in shows if not any(w.start <= m.start < w.end for w in waits)]
        seasons = [s for s in seasons if not any(w.start <= s.start < w.end for w in waits)]
        bound = _bind(subjects, seasons)
        proposals: list[Proposal] = []
        for found in find_windows(_without_season_numbers(text, seasons), self.as_of, self.region):
            if any(w.start <= found.start < w.end for w in waits):
                continue  # the time of what it waits on
            window = found.window
            if window.latest is not None and window.latest < self.as_of:
                continue  # already past: history, not news
            left, right = _clause(text, found.start, found.end)
            lowered = _words_of(text[left:right])
            if lowered & words.NOT_RELEASE or lowered & words.PAST_RELEASE:
                continue
            if lowered & words.PAST_STATE_WORDS and not lowered & words.FUTURE_WORDS:
                continue  # "It was the hit of the summer"
            if _RELATIVE.match(text, found.end):
                continue  # "two years after the second": a time from another event
            if _FORMER.search(text, 0, found.start):
                continue  # a plan given up: "once slated for this fall"
            if _WEEKDAY.fullmatch(found.phrase) and lowered & words.REPORTING_WORDS:
                continue  # the day the news broke: "Apple confirmed on Tuesday"
            aux = _AUXILIARY.search(text, 0, found.start)
            start = aux.start() if aux and found.phrase.lower().startswith("not") else found.start
            region = self.region or _region_after(text, found.end)
            if region != self.region:
                window = parse_window(found.phrase, self.as_of, region)
            filming = bool(_words_of(text[left : found.start]) & words.FILMING_WORDS)
            for show, season, carried in self._about(text, found.start, subjects, seasons, bound):
                proposals.append(
                    Proposal(
                        show=show,
                        season=season,
                        kind="filming" if filming else "release",
                        phrase=text[start : found.end],
                        window=WindowRecord.of(window),
                        sentence=text,
                        offset=sentence.start,
                        phrase_offset=start,
                        confidence="low" if carried else "high",
                        region=region,
                    )
                )
        for wait in waits:
            proposals.extend(self._waiting(sentence, wait, subjects, seasons, bound))
        self._remember(subjects, seasons, bound)
        return proposals

    def _about(
        self,
        text: str,
        at: int,
        subjects: list[Mention],
        seasons: list[SeasonMention],
        bound: dict[int, SeasonMention],
    ) -> list[tuple[str, int | None, bool]]:
        """The shows (with season, and whether anything was carried over) that the time
        expression at `at` is about."""
        candidates = [m for m in subjects if m.marked] or subjects
        if candidates:
            chosen = candidates
        elif self.current and (
            _REFERENCE.search(text) or seasons or _words_of(text) & words.RELEASE_WORDS
        ):
            unbound = [s for s in seasons if s not in bound.values()]
            if unbound:
                return [(self.current, self._season_number(self.current, unbound[0]), True)]
            return [(self.current, self.seasons.get(fold(self.current)), True)]
        else:
            return []
        about: list[tuple[str, int | None, bool]] = []
        for mention in chosen:
            own = bound.get(mention.start)
            if own is None and len(chosen) == 1:
                unbound = [s for s in seasons if s not in bound.values()]
                own = min(unbound, key=lambda s: abs(s.start - at), default=None)
            season = self._season_number(mention.name, own) if own else None
            if own is None and fold(mention.name) in self.seasons:
                about.append((mention.name, self.seasons[fold(mention.name)], True))
            else:
                about.append((mention.name, season, False))
        return about

    def _season_number(self, show: str, mention: SeasonMention) -> int | None:
        if not mention.next:
            return mention.number
        key = fold(show)
        for known in self.known:
            if any(fold(n) == key for n in known.names):
                return known.next_season
        return None

    def _waits(self, text: str, shows: list[Mention], seasons: list[SeasonMention]) -> list[_Wait]:
        """ "until X is done", "once X wraps", "after X is finished": what is waited on."""
        found: list[_Wait] = []
        for m in _WAIT.finditer(text):
            end = min((b.start() for b in _CLAUSE_BREAK.finditer(text, m.end())), default=len(text))
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
        sentence: Sentence,
        wait: _Wait,
        subjects: list[Mention],
        seasons: list[SeasonMention],
        bound: dict[int, SeasonMention],
    ) -> list[Proposal]:
        text = sentence.text
        before = [m for m in subjects if m.end <= wait.start]
        unbound = [s for s in seasons if s.end <= wait.start and s not in bound.values()]
        if before:
            show, carried = before[-1].name, False
            own = bound.get(before[-1].start) or (unbound[-1] if unbound else None)
        elif self.current:
            show, carried = self.current, True
            own = unbound[-1] if unbound else None
        else:
            return []
        season = self._season_number(show, own) if own else self.seasons.get(fold(show))
        carried = carried or (own is None and season is not None)
        head = _words_of(text[: wait.start])
        return [
            Proposal(
                show=show,
                season=season,
                kind="filming" if head & words.FILMING_WORDS else "release",
                phrase=_phrase_of(text[wait.start : wait.end]),
                window=None,
                sentence=text,
                offset=sentence.start,
                phrase_offset=wait.start,
                confidence="low" if carried else "high",
                after_show=wait.show.name,
                after_season=wait.season,
            )
        ]

    def _remember(
        self, subjects: list[Mention], seasons: list[SeasonMention], bound: dict[int, SeasonMention]
    ) -> None:
        """What the text is now about: the last show it named (a marked title first), and
        the season it named for each show."""
        if subjects:
            marked = [m for m in subjects if m.marked]
            self.current = (marked or subjects)[-1].name
        for mention in subjects:
            own = bound.get(mention.start)
            if own is not None and (number := self._season_number(mention.name, own)):
                self.seasons[fold(mention.name)] = number
        unbound = [s for s in seasons if s not in bound.values()]
        named = {fold(m.name) for m in subjects}
        if self.current and unbound and len(named) <= 1:
            # A sentence about one show: its season is that show's ("X was renewed for
            # a fourth season"), as is an unattached one's of the show it is about.
            number = self._season_number(self.current, unbound[-1])
            if number:
                self.seasons[fold(self.current)] = number


def _bind(shows: list[Mention], seasons: list[SeasonMention]) -> dict[int, SeasonMention]:
    """Each show's season: the season named right beside it ("X season 2", "the second
    season of X", "X's third season"), keyed by where the show is named."""
    bound: dict[int, SeasonMention] = {}
    for season in seasons:
        distances = [
            (max(season.start - show.end, show.start - season.end), show) for show in shows
        ]
        near = [(d, s) for d, s in distances if d <= 12]
        if near:
            _, show = min(near, key=lambda pair: pair[0])
            bound.setdefault(show.start, season)
    return bound


def _without_season_numbers(text: str, seasons: list[SeasonMention]) -> str:
    """The text with the numbers of its seasons masked, so that "season 2 premieres
    January 17" is not read as 2 January; offsets stay as they were."""
    for season in seasons:
        masked = re.sub(r"\d", "#", text[season.start : season.end])
        text = text[: season.start] + masked + text[season.end :]
    return text


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause of `text` around [start, end) begins and ends."""
    breaks = list(_CLAUSE_BREAK.finditer(text))
    left = max((b.end() for b in breaks if b.end() <= start), default=0)
    right = min((b.start() for b in breaks if b.start() >= end), default=len(text))
    return left, right


def _phrase_of(text: str) -> str:
    """The words of a wait, as the text has them, less the sentence's full stop."""
    return re.sub(r"[.,!?]+(?=[”\"’']$)", "", text.strip()).rstrip(".")


def _words_of(text: str) -> set[str]:
    return {w.lower().replace("’", "'") for w in _WORD.findall(text)}


def _region_after(text: str, end: int) -> str | None:
    """The country a window is for, when the text says so right after it ("in the US")."""
    m = _REGION.match(text, end)
    if m is None:
        return None
    try:
        return normalize_region(m["r"])
    except UsageError:
        return None


def read_statements(
    text: str,
    title: str | None,
    as_of: date,
    region: str | None = None,
    known: Sequence[KnownShow] = (),
) -> list[Proposal]:
    """Every statement `text` makes about when a release comes, in order, once each
    (spec/read.md). `known` are the tracked shows, which are found by name; `title` (the
    headline) says which show the text is about until it names one."""
    parts = sentences(text)
    titles = [m.name for line in text.split("\n") for m in (*marked_titles(line), *_cued(line))]
    headline = Sentence(title, -1) if title else None
    if headline is not None:
        titles += [m.name for m in marked_titles(headline.text)]
    reader = Reader(as_of, normalize_region(region), known, titles)
    if headline is not None and not (parts and headline.text in parts[0].text):
        reader.read(headline)  # only to know what the text is about
    proposals: list[Proposal] = []
    seen: dict[tuple[str, int | None, str, str | None, str | None, str | None], int] = {}
    for sentence in parts:
        for proposal in reader.read(sentence):
            window = proposal.window or WindowRecord()
            key = (
                fold(proposal.show),
                proposal.season,
                proposal.kind,
                window.earliest,
                window.latest,
                proposal.after_show,
            )
            if key in seen:
                continue
            seen[key] = len(proposals)
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
