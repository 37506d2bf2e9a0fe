"""Reading one sentence's parts: where the clause around a time expression begins and
ends, whether that clause speaks of a release, of filming or of neither, which title in
it is its subject, and which season goes with which title. Pure functions over text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from showtrack.errors import UsageError
from showtrack.models import Proposal
from showtrack.reader import vocabulary as words
from showtrack.reader.seasons import SeasonMention
from showtrack.reader.titles import Mention
from showtrack.windows.phrases import FoundWindow
from showtrack.windows.regions import normalize_region

_WORD = re.compile(r"[\w'’-]+")
_CLAUSE_BREAK = re.compile(
    r"[;()\[\]]|:\s|\s[—–]\s|—|,\s+(?=(?:and|but|while|whereas|although|though|which|who"
    r"|where|when|before|after|followed|with|as|will|is|are|was|has|have|had|would|can"
    r"|could|airing|running|so)\b)|\s(?=(?:while|whereas|before|followed by|but)\b)"
    r"|\s(?=and\s+(?:we|it|they|he|she|i|you)\b)"
)
_PREDICATE = re.compile(
    r"[\s,]*(?:and\s+|then\s+|but\s+)?(?:(?:will|would|could|should|is|are|was|has|have|had"
    r"|can|may|might|won[’']t|will\s+not|also|now|then|finally|officially)\b|\d|followed\s+by"
    r"\s+(?:part|the\s+(?:second|rest|final|back)|season|series|episodes)\b|(?:starting|"
    r"beginning|returning|premiering|airing|debuting)\b|(?:return|premiere|debut|air|launch"
    r"|arrive|drop|land|stream|come|begin|start|kick)s?\b)",
    re.IGNORECASE,
)
_REGION = re.compile(
    r"\s*,?\s*in\s+(?:the\s+)?(?P<r>U\.?S\.?A?|U\.?K\.?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b"
)
_TIME_OF_DAY = re.compile(
    r"[\s,]*(?:at\s+)?(?:\d{1,2}(?::\d\d)?(?:/\d{1,2}(?::\d\d)?)?\s*(?:[ap]\.?m\.?|c\b)?"
    r"(?:\s*(?:et|pt|ct|mt)(?:/pt)?\b\.?)?)?\s*$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"(?:on\s+|by\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)days?(?:\s+(?:night|nights))?",
    re.IGNORECASE,
)
_MOVE_TO = re.compile(
    r"\bmov(?:e|es|ed|ing)\s+(?:back\s+)?to\s+(?P<to>[\w&+ ]{2,30}?)\b(?:\s+on|,|$)"
)
#: How near a window a word of release or filming must stand to govern it (words).
_REACH_BEFORE = 9
_REACH_AFTER = 6


def words_of(text: str) -> set[str]:
    """The words of a text, in lower case, with straight apostrophes."""
    return {w.lower().replace("’", "'") for w in _WORD.findall(text)}


def _word_list(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def clause_of(masked: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause around [start, end) begins and ends, read on the sentence with
    its titles masked, so that a title's colon or brackets break nothing."""
    left = 0
    right = len(masked)
    for b in _CLAUSE_BREAK.finditer(masked):
        if b.end() <= start:
            left = max(left, b.end())
        elif b.start() >= end:
            right = min(right, b.start())
            break
    return left, right


def without_brackets(text: str) -> str:
    """The text with what stands in brackets blanked out, offsets kept."""
    return re.sub(r"\([^()]*\)", lambda m: " " * len(m[0]), text)


def opens_predicate(text: str, left: int) -> bool:
    """Whether a clause opens with its verb or a count, its subject left before it
    (", will premiere Nov. 24", ", 10 episodes starting Aug. 26")."""
    return bool(_PREDICATE.match(text, left))


#: A clause that goes on from the one before ("..., but sometime in '24", "..., followed by
#: Part Two on June 13"): what it is about and what it says carry over.
CONTINUED = re.compile(r"\s*(?:but|followed\s+by|and\s+then|then)\b", re.IGNORECASE)


def kind_of(text: str, found: FoundWindow, left: int, right: int, previous: str = "") -> str | None:
    """Whether a window's clause says a release comes then ("release"), filming happens
    then ("filming"), or neither (None): something past, an event, a rating, an episode,
    a finale, a move to another channel. `previous` is the clause before, which a clause
    opened by "but" goes on from ("Don't expect it in '23, but sometime in '24")."""
    clause_text = text[left:right]
    continued = bool(CONTINUED.match(clause_text))
    if continued:
        clause_text = previous + " " + clause_text
    clause = words_of(clause_text)
    before = _word_list(text[left : found.start])
    after = _word_list(text[found.end : right])
    near = set(before[-_REACH_BEFORE:]) | set(after[:_REACH_AFTER]) | words_of(found.phrase)
    if clause & words.NOT_RELEASE or _moved_to_channel(text[left:right]):
        return None
    strong = words.RELEASE_WORDS - words.WEAK_RELEASE_WORDS
    special = bool(near & words.NOT_SERIES & {"special", "specials"})
    if near & words.OTHER_WORDS and not (near & strong or special):
        return None
    future = clause & words.FUTURE_WORDS
    if clause & words.PAST_RELEASE and not future:
        return None
    if clause & words.PAST_STATE_WORDS and not future:
        return None
    purpose = re.search(r"\bfor\s+(?:the\s+)?$", text[left : found.start])
    if re.search(r"\bin\s+time\s+for\s+(?:the\s+)?$", text[left : found.start]):
        return None  # "October 27, just in time for Halloween": Halloween is no date of it
    if re.match(r"[\s\"“‘']*no\b", clause_text, re.IGNORECASE) and "until" in clause:
        return "release"  # "No Night Harbor season 3 until at least 2027"
    if set(before) & words.FILMING_WORDS and not purpose:
        return "filming"
    if near & words.FILMING_WORDS and not near & strong:
        return "filming"
    if clause & words.FILMING_WORDS and not near & strong and not purpose:
        return "filming" if near & words.WEAK_RELEASE_WORDS else None
    if near & (words.RELEASE_WORDS | words.MOVED_WORDS | words.SKIP_WORDS) or (
        purpose and clause & strong
    ):
        return "release"
    if continued and words_of(previous) & (words.RELEASE_WORDS | {"expect"}):
        return "release"
    return None


def _moved_to_channel(clause: str) -> bool:
    """ "will move to USA network on Jan. 7": a move to another channel, not a release."""
    m = _MOVE_TO.search(clause)
    return m is not None and m["to"].strip().lower().removesuffix(" network") in words.NETWORKS


def is_bare_weekday(phrase: str) -> bool:
    """A weekday with no date ("Friday at 9/8c", "Sundays"): a time slot."""
    m = _WEEKDAY.match(phrase.strip())
    return m is not None and bool(_TIME_OF_DAY.fullmatch(phrase.strip()[m.end() :]))


def is_object(text: str, mention: Mention) -> bool:
    """Whether a title stands where it is no subject: after "like", "than", "based on",
    in brackets ("(The Bridge)")."""
    before = text[: mention.start]
    if re.search(r"\(\s*[\"“‘']?$", before):
        return True
    return bool(
        re.search(
            r"\b(?:like|than|unlike|alongside|based on|star of|stars of|from|after|since|"
            r"replacement for|replace|replaces|replacing)\s+(?:the\s+)?[\"“‘']?$",
            before,
            re.IGNORECASE,
        )
    )


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*&|,?\s*or)\s*(?:(?:[a-z-]+\s+){0,2})?")


def listed_before(text: str, last: Mention, subjects: Sequence[Mention]) -> list[Mention]:
    """A title and those listed right before it ("A, B and C return")."""
    chosen = [last]
    for mention in reversed([m for m in subjects if m.end <= last.start]):
        gap = re.sub(r"[\"“”‘’'*_]", "", text[mention.end : chosen[0].start])
        if re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*&|,?\s*or)\s*", gap):
            chosen.insert(0, mention)
        else:
            break
    return chosen


def listed_after(text: str, first: Mention, subjects: Sequence[Mention]) -> list[Mention]:
    """A title and those listed right after it ("dramas A, B and C and comedies D")."""
    chosen = [first]
    for mention in [m for m in subjects if m.start >= first.end]:
        gap = re.sub(r"[\"“”‘’'*_]", "", text[chosen[-1].end : mention.start])
        if _LIST_GAP.fullmatch(gap) and ("," in gap or re.search(r"\b(?:and|or)\b|&", gap)):
            chosen.append(mention)
        else:
            break
    return chosen


#: The words that describe a show ("series", "drama"), longest first so that a regex
#: alternation tries "mini-series" before "series".
_NOUNS = "|".join(sorted(words.DESCRIPTORS, key=len, reverse=True))
#: "it", "the series", "the sci-fi drama's": words that stand for the show the text is about.
REFERENCE = re.compile(
    rf"\b(?:it|its|(?:the|this|that)\s+(?:[\w-]+\s+){{0,2}}?(?:{_NOUNS})(?:'s|’s|'|’)?)"
    rf"(?![\w-])",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"[\s\"“‘']*(?:(?:but|and|so|meanwhile|now|still|however|regardless|additionally),?\s+)?"
    rf"(?:{REFERENCE.pattern}|(?:the\s+)?(?:new|next|final|upcoming)\s+season|season\s+\w+"
    r"|series\s+\w+|this\s+season|the\s+\S+\s+season)",
    re.IGNORECASE,
)


def leading_reference(text: str) -> bool:
    """Whether a clause opens with "It", "The series", "Season 2", "The new season"."""
    return bool(_LEADING.match(text))


_NEW_BEFORE = re.compile(
    rf"\b(?:new|upcoming|brand-new|forthcoming|\w+-part)\b[^.;:()]{{0,40}}?\b(?:{_NOUNS}|shows"
    rf"|dramas|comedies)\b[^.;()]{{0,12}}$",
    re.IGNORECASE,
)
_NEW_AFTER = re.compile(
    r"[”\"’']?,?\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:miniseries|mini-series|limited series"
    r"|new series|new drama|new comedy)\b",
    re.IGNORECASE,
)


def first_season(text: str, mention: Mention) -> int | None:
    """Season 1, when the sentence calls the show new: "New drama Colony", "the upcoming
    spinoff, Star Trek: Strange New Worlds", "new midseason series - dramas A, B",
    "Alias Grace, the miniseries", "eight-part series Monday Night Live"."""
    before = text[max(0, mention.start - 70) : mention.start]
    if _NEW_BEFORE.search(before) or _NEW_AFTER.match(text, mention.end):
        return 1
    return None


def bind_seasons(
    shows: Sequence[Mention], seasons: Sequence[SeasonMention], text: str
) -> dict[int, SeasonMention]:
    """Each show's season: the season named right beside it ("X season 2", "the second
    season of X", "X's third season", "X (Season 3)", "X ... for its fourth season"),
    keyed by where the show is named."""
    bound: dict[int, SeasonMention] = {}
    for season in seasons:
        near = []
        for show in shows:
            if season.start >= show.end:
                gap = text[show.end : season.start]
                if len(gap) <= 14 or re.fullmatch(
                    r"[^.;:]{0,60}?\bfor\s+(?:a|an|its|the|their|his|her)?\s*", gap
                ):
                    near.append((len(gap), show))
            elif show.start >= season.end:
                gap = text[season.end : show.start]
                if len(gap) <= 24 and re.search(r"\bof\b", gap):
                    near.append((len(gap), show))
        if near:
            _, show = min(near, key=lambda pair: pair[0])
            bound.setdefault(show.start, season)
    return bound


def set_aside(text: str, item: FoundWindow, found: Sequence[FoundWindow]) -> bool:
    """Whether a negated window is set aside by a "but" and another window after it
    ("Don't expect it in '23, but I think sometime in '24")."""
    negated = re.match(r"(?:not|no|never|won[’']t|don[’']t|n[’']t)\b", item.phrase.strip(), re.I)
    if not negated and not re.search(
        r"n[’']t\b|\bnot\b", text[max(0, item.start - 30) : item.start]
    ):
        return False
    following = next((f for f in found if f.start > item.end), None)
    return following is not None and bool(re.search(r"\bbut\b", text[item.end : following.start]))


def released_right_before(before: str) -> bool:
    """Whether a release verb stands just before "tonight" ("returns tonight")."""
    tail = _word_list(before[-40:])[-3:]
    return bool(set(tail) & (words.RELEASE_WORDS - words.WEAK_RELEASE_WORDS))


def narrowest(proposals: Sequence[Proposal]) -> list[Proposal]:
    """One statement, one proposal: of the windows a sentence gives one show, those that
    hold another are dropped ("October 27, just in time for Halloween" is October 27)."""
    kept = []
    for p in proposals:
        w = p.window
        if w is None or w.earliest is None or w.latest is None:
            kept.append(p)
            continue
        inner = [
            q
            for q in proposals
            if q is not p
            and q.show == p.show
            and q.kind == p.kind
            and q.window is not None
            and q.window.earliest is not None
            and q.window.latest is not None
            and w.earliest <= q.window.earliest
            and q.window.latest <= w.latest
            and (q.window.earliest, q.window.latest) != (w.earliest, w.latest)
        ]
        if not inner:
            kept.append(p)
    return kept


def _width(proposal: Proposal) -> float:
    window = proposal.window
    if window is None or window.earliest_day is None or window.latest_day is None:
        return float("inf")
    return (window.latest_day - window.earliest_day).days


def one_per_clause(
    text: str, proposals: Sequence[Proposal], spans: Sequence[tuple[int, int]]
) -> list[Proposal]:
    """One statement, one proposal: of two windows one clause gives one show, the less
    precise is dropped ("Also this month, X begins its final season on Jan. 18" is Jan.
    18), unless the clause joins them ("airs in June and returns in September")."""
    kept = []
    for k, p in enumerate(proposals):
        rivals = [
            q
            for j, q in enumerate(proposals)
            if j != k
            and spans[j] == spans[k]
            and (q.show, q.kind) == (p.show, p.kind)
            and _width(q) < _width(p)
            and not re.search(
                r"\b(?:and|or|then|followed|before|after|until|till|to|through|but)\b",
                text[min(p.phrase_offset, q.phrase_offset) : max(p.phrase_offset, q.phrase_offset)],
            )
        ]
        if not rivals:
            kept.append(p)
    return kept


def phrase_of(text: str) -> str:
    """The words of a statement, as the text has them, less the sentence's full stop."""
    return re.sub(r"[.,!?]+(?=[”\"’']$)", "", text.strip()).rstrip(".,;:")


def region_after(text: str, end: int) -> str | None:
    """The country a window is for, when the text says so right after it ("in the US")."""
    m = _REGION.match(text, end)
    if m is None:
        return None
    try:
        return normalize_region(m["r"])
    except UsageError:
        return None
