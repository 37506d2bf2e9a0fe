"""The shows an article names, and where.

A title is found by what marks it (quotes, italics), by being a tracked show's name, or
by its place: a capitalised name where only a title stands ("X season 3", "the second
season of X", "renewed X", "X will return", "the drama X", "the premiere of X"). What
is found anywhere in the article is then found everywhere in it (a `Catalogue`), so that
"Discovery" later in the text is the "Star Trek: Discovery" named before. People
("showrunner Jane Doe", "Jane Doe said"), networks and publications are not shows.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from showtrack.reader import vocabulary as words
from showtrack.text import bare_title, fold
from showtrack.windows.vocabulary import MONTHS, SEASON_NAMES, WEEKDAYS_IN_FULL

_SMALL = "|".join(sorted(words.TITLE_SMALL_WORDS))
_CAP = (
    r"(?:(?:Mr|Mrs|Ms|Dr|St|Jr)\.|[A-Z0-9][\w'’&!+.-]*[\w'’&!+-]|[A-Z0-9]\.?|[A-Z]\.(?:[A-Z]\.)+)"
)
_GAP = r"[ \t]+"
# At most ten capitalised words with two small words between any two: no title is
# longer, and a bound keeps a long run of capitals (a list, a shouted line) linear.
_RUN = rf"{_CAP}(?:{_GAP}(?:(?:{_SMALL}|&|and){_GAP}){{0,2}}{_CAP}){{0,9}}"
_NUMBER = "|".join([r"\d{1,3}", *words.NUMBER_WORDS])
_ORDINAL = "|".join([r"\d{1,3}(?:st|nd|rd|th)", *words.ORDINAL_WORDS, *words.NAMED_SEASONS])
_NEXT = "|".join(words.NEXT_SEASON_WORDS)
_NOUN = "|".join(words.SEASON_NOUNS)
_DESCRIPTOR = "|".join(sorted(words.DESCRIPTORS, key=len, reverse=True))
_RELEASE_VERB = (
    r"(?:return|premiere|debut|air|launch|arrive|come back|be back|back|release|hit|land"
    r"|drop|stream|bow|hit screens)(?:s|ed|d|ing)?"
)
_AUX = (
    r"(?:(?:will|would|should|could|is|are|was|were|has|have)\s+(?:(?:also|finally|officially"
    r"|now|not|then|likely|reportedly|soon|never|only|eventually)\s+)*(?:be\s+|been\s+)?"
    r"|(?:is|are|was|were)\s+(?:(?:also|finally|now|reportedly)\s+)?(?:set|expected|slated|due"
    r"|scheduled|going|poised|confirmed|tipped)\s+to\s+(?:(?:also|finally)\s+)?"
    r"|won[’']t\s+(?:be\s+)?|will\s+not\s+(?:be\s+)?|does\s+not\s+|doesn[’']t\s+|to\s+)?"
)
_ASIDE = r"\s+\([^()]{0,80}\)"  # "X (for which CBC has the rights) takes the slot"
# Places only a title stands in: a capitalised name there is taken to be one. Each
# pattern names the title `t`; case-sensitive, so that "season" words may be either.
_CUED = tuple(
    re.compile(pattern)
    for pattern in (
        rf"(?P<t>{_RUN})(?:'s|’s|'|’)?\s+\(?(?i:season|series)\s+(?i:{_NUMBER})\b",
        rf"(?P<t>{_RUN})\s+\(?S\d{{1,2}}\b",
        rf"(?P<t>{_RUN})(?:'s|’s|'|’)\s+(?:[\w-]+\s+){{0,3}}?(?i:{_ORDINAL}|{_NEXT})"
        rf"(?:\s+and\s+(?i:final|last))?\s+(?i:{_NOUN})\b",
        rf"(?P<t>{_RUN})\s+(?i:{_ORDINAL})\s+[Ss]eason\b",
        rf"\b(?i:{_ORDINAL}|{_NEXT})(?:\s+and\s+(?:final|last))?\s+(?i:{_NOUN})\s+of\s+"
        rf"(?:the\s+)?(?:(?:[a-z][\w-]*\s+){{0,3}}(?:{_DESCRIPTOR})\s+)?(?P<t>{_RUN})",
        rf"\b(?i:season|series|part)\s+(?i:{_NUMBER})\s+of\s+(?P<t>{_RUN})",
        rf"\b(?:renew(?:s|ed|ing)?|picks?\s+up|picked\s+up|returns|bring(?:s|ing)?|revives?"
        rf"|revived|order(?:s|ed)?|cancels?|cancell?ed|axed|begins\s+(?:its\s+)?(?:new\s+)?"
        rf"(?:[\w-]+\s+)?(?:{_DESCRIPTOR}))\s+(?P<t>{_RUN})",
        rf"(?P<t>{_RUN})\s+(?:(?:has|have|had|was|were|got|is|gets|also)\s+)?(?:been\s+"
        r"|officially\s+|also\s+|now\s+|just\s+)*(?:renewed|picked up|cancell?ed|axed"
        r"|greenlit|ordered)\b",
        rf"(?P<t>{_RUN})(?:,\s+(?:meanwhile|however|too|also|though|in turn),|{_ASIDE})?\s+{_AUX}"
        rf"{_RELEASE_VERB}\b",
        rf"(?P<t>{_RUN})\s+(?:is|are|will be)\s+(?:not\s+|also\s+|finally\s+)?(?:coming|skipping"
        r"|sitting out)\b",
        rf"(?P<t>{_RUN})\s+(?:has|have|gets|get|got|sets|set|lands|landed|scores|scored)\s+"
        rf"(?:its|their|a|an|the)\s+(?:[\w-]+\s+){{0,2}}(?:premiere|debut|launch|return|"
        rf"release|premiere date|release date|air date)\b",
        rf"(?P<t>{_RUN})(?:{_ASIDE})?\s+(?:kicks off|takes (?:over )?the (?:time )?slot"
        r"|takes over|fills? the|begins|starts|is coming back|comes back|will be back|is back"
        r"|are back)\b",
        rf"(?<![A-Z][a-z])\b(?:{_DESCRIPTOR}),?\s+(?:[“\"‘'*_]+)?(?P<t>{_RUN})",
        rf"(?P<t>{_RUN}),\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}(?:{_DESCRIPTOR})\b",
        rf"\b(?:premiere|return|debut|launch|finale|arrival|revival|reboot)\s+of\s+"
        rf"(?:[a-z][\w-]*\s+){{0,2}}?(?:the\s+)?(?:[a-z][\w-]*\s+)?(?:{_DESCRIPTOR}\s+)?"
        rf"(?P<t>{_RUN})",
        rf"\bepisodes\s+of\s+(?:the\s+)?(?P<t>{_RUN})",
        rf"(?P<t>{_RUN})\s+(?:fans|fandom|viewers|watchers)\b(?!\s+(?:of|who)\b)",
    )
)
_FRANCHISE = re.compile(rf"(?P<a>{_RUN}):[ \t]+(?P<b>{_RUN})")
_MARKED = re.compile(
    r"“(?P<a>[^”\n]{1,80})”"
    r"|\"(?P<b>[^\"\n]{1,80})\""
    r"|(?<![\w’])‘(?P<c>[^’\n]{1,80})’(?!\w)"
    r"|(?<![\w'])'(?P<d>[^'\n]{1,80})'(?!\w)"
    r"|(?<![\w*])\*{1,2}(?P<e>[^*\n]{1,80}?)\*{1,2}(?![\w*])"
    r"|(?<![\w])_(?P<f>[^_\n]{1,80})_(?!\w)"
)
_ACTOR = re.compile(r"\s*\(\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)+\s*\)")
_PERSON_NAME = r"[A-Z][a-zà-ÿ'’.-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w'’.-]+){1,2}"
_PERSON_BEFORE = re.compile(
    rf"\b(?i:{'|'.join(sorted(words.PERSON_BEFORE))})\s+(?P<p>{_PERSON_NAME})"
)
_PERSON_AFTER = re.compile(
    rf"(?P<p>{_PERSON_NAME}|[A-Z][a-z]+),?\s+(?:{'|'.join(sorted(words.PERSON_AFTER))})\b"
)
_PERSON_ROLE = re.compile(
    rf"(?P<p>{_PERSON_NAME})\s+(?:as\s+[A-Z]|\((?:pictured|left|right|centre|center)\))"
)


class Mention(NamedTuple):
    """A show named in a text: its name (as the article names it in full), where, and
    whether it is marked as a title (quotes, italics) or is a tracked show's name."""

    name: str
    start: int
    end: int
    marked: bool


def is_title_case(text: str) -> bool:
    """Whether a line capitalises its words as headlines do ("You Have A Long Wait For
    Night Harbor"): then a capitalised word says nothing of a title."""
    long = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) >= 4]
    if len(long) < 3:
        return False
    capitals = sum(1 for w in long if w[0].isupper())
    return capitals >= 0.8 * len(long)


def _looks_like_title(name: str) -> bool:
    """Whether quoted or emphasised words read as a title, not as a quotation."""
    parts = name.split()
    if not 1 <= len(parts) <= 9 or not (name[0].isupper() or name[0].isdigit()):
        return False
    if re.search(r"[.!?,;]$", name) and not re.search(r"(?:[A-Z]\.){2,}$", name):
        return False
    return all(
        p[0].isupper() or p[0].isdigit() or p.lower() in words.TITLE_SMALL_WORDS or p in "&:–-"
        for p in parts
    )


def marked_titles(text: str) -> list[Mention]:
    """The titles a text marks with quotes or emphasis ("“Chuck,”" is Chuck)."""
    return list(_marked_titles(text))


@functools.lru_cache(maxsize=2048)
def _marked_titles(text: str) -> tuple[Mention, ...]:
    """marked_titles, once for each text: a line is looked at as a heading, a row and a
    sentence."""
    found: list[Mention] = []
    for m in _MARKED.finditer(text):
        group = next(g for g in "abcdef" if m[g] is not None)
        raw = m[group]
        name = re.sub(r"(?:'s|’s)$", "", raw.strip().rstrip(".,!?;:").strip())
        if not name or not _looks_like_title(name):
            continue
        if _only_a_time(name):
            continue  # a quoted time ("‘Sometime in 2024’") is no title
        start = m.start(group) + raw.index(name[0])
        found.append(Mention(name, start, start + len(name), True))
    return tuple(found)


_TIME_FILLER = frozenset(
    [
        "sometime",
        "some",
        "time",
        "in",
        "the",
        "at",
        "of",
        "on",
        "around",
        "by",
        "early",
        "late",
        "mid",
    ]
)


def _only_a_time(name: str) -> bool:
    """Whether quoted words only say when ("Sometime in 2024"), unlike a title that holds
    a time word ("Dateline Saturday Night Mystery")."""
    from showtrack.windows.phrases import find_windows

    rest = name
    for found in find_windows(name, _ANY_DAY):
        rest = rest.replace(found.phrase, " ")
    if rest == name:
        return False
    return all(w.lower() in _TIME_FILLER for w in re.findall(r"[\w']+", rest))


def persons(text: str) -> set[str]:
    """The names an article gives people ("showrunner Jane Doe", "Jane Doe said"), and
    their last names, which the article then uses alone."""
    found: set[str] = set()
    lowered = set(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]+", text))
    for pattern in (_PERSON_BEFORE, _PERSON_AFTER, _PERSON_ROLE):
        for m in pattern.finditer(text):
            name = m["p"].rstrip(".,")
            if fold(name) in words.NETWORKS or fold(name.split()[0]) in words.NOT_TITLE_WORDS:
                continue
            found.add(fold(name))
            last = name.split()[-1]
            if " " in name and last.lower() not in lowered:
                found.add(fold(last))
    return found


_SEASON_WORD = re.compile(r"(?i:season|series|seasons|part|episode|chapter|volume|s\d{1,2})$")
_UNIT_WORD = re.compile(r"(?i:\d+[-–]?(?:hour|part|episode|minute|night)s?|\d+(?:st|nd|rd|th)?)$")


def _clean(
    run: str,
    people: set[str],
    lowered: frozenset[str] | set[str] = frozenset(),
    *,
    leading: bool = True,
) -> tuple[int, str] | None:
    """The title in a capitalised run, and where it starts in it: past the sentence's
    first words and a network's or a person's possessive ("But Netflix's Nightfall" is
    Nightfall, "Halfire Entertainment's Alias Grace" is Alias Grace), before a season
    ("Humans for Season 3" is Humans), without trailing small words or a possessive.
    `lowered` are the words the article also writes in lower case: one of them opening
    a run is a sentence's first word, not a title's ("Filming for Sherlock")."""
    parts = [p for p in re.finditer(r"\S+", run)]
    for k, part in enumerate(parts[1:], 1):
        if _SEASON_WORD.fullmatch(part[0].rstrip(".,:;")):
            parts = parts[:k]
            break
    while parts and _UNIT_WORD.fullmatch(parts[-1][0].rstrip(".,:;")):
        parts.pop()
    while parts and leading:
        word = parts[0][0].rstrip(".,:;")
        key = fold(word)
        time_word = key in _TIME_WORDS
        if (key in _LEADING and not time_word) or (
            time_word and (len(parts) == 1 or not parts[1][0][0].isupper())
        ):
            parts.pop(0)
            continue
        if len(parts) > 2 and key in lowered and parts[1][0].lower() in words.TITLE_SMALL_WORDS:
            parts = parts[2:]  # "Filming for Sherlock": a sentence's first word
            continue
        if len(parts) > 2 and parts[1][0] == "of" and _UNIT_WORD.fullmatch(word):
            parts = parts[2:]  # "Season 2 of Squid Game": what is left of "Season 2 of"
            continue
        if len(parts) > 1 and re.fullmatch(r"[\w.]+-[a-z][\w-]*", word):
            parts.pop(0)  # "Emmy-winning Night Harbor", "Vela-produced X": a modifier
            continue
        break
    parts = _past_owner(parts, people)
    while parts and (
        parts[-1][0].lower() in words.TITLE_SMALL_WORDS or parts[-1][0] in ("&", "and")
    ):
        parts.pop()
    if not parts:
        return None
    start, end = parts[0].start(), parts[-1].end()
    name = re.sub(r"(?:'s|’s|'|’)$", "", run[start:end])
    if not re.search(r"(?:[A-Z]\.){2,}$|\b[A-Z]\.$", name):
        name = name.rstrip(".")
    name = name.rstrip(",:;!?")
    return (start, name) if name else None


def _past_owner(parts: list[re.Match[str]], people: set[str]) -> list[re.Match[str]]:
    """The words after an owner's possessive: a network's or a person's always, any
    one-word owner's when two words or more follow ("Shaftesbury's Frankie Drake
    Mysteries"), but not a title's own ("Grey's Anatomy")."""
    for k in range(min(3, len(parts) - 1)):
        word = parts[k][0]
        if not re.search(r"(?:'s|’s|s'|s’)$", word):
            continue
        owner = fold(" ".join(p[0] for p in parts[: k + 1]))
        owner = re.sub(r"(?:'s|’s|'|’)$", "", owner)
        rest = len(parts) - k - 1
        if owner in words.NETWORKS or owner in people or k >= 1 or rest >= 2:
            return parts[k + 1 :]
        break
    return parts


_TIME_WORDS = frozenset((*MONTHS, *SEASON_NAMES, *WEEKDAYS_IN_FULL))
_LEADING = (words.NOT_TITLE_WORDS | words.HEADLINE_WORDS | words.NETWORKS) - {"the", "a", "an"}


def _acceptable(name: str, people: set[str]) -> bool:
    """Whether a name found by its place can be a show's: not a person, a network, a
    place, a word of time, or a number alone."""
    key = fold(name)
    if key in people or key in words.NETWORKS or bare_title(key) in words.NETWORKS:
        return False
    if key in words.PLACES or key.rstrip(".") in words.PLACES:
        return False
    if not re.search(r"[^\W\d]{2}", name) or len(name.split()) > 8 or "_" in name:
        return False
    return not all(fold(w).strip(".,'’") in words.NOT_TITLE_WORDS for w in name.split())


_HEAD = re.compile(rf"(?P<h>{_RUN}):[ \t]+$")


_TAIL = re.compile(rf":[ \t]+(?P<t>{_RUN})")


def _with_tail(text: str, start: int, name: str) -> tuple[str, int]:
    """A title with what follows its colon ("Star Trek: Lower Decks"), when the part
    before the colon is two words or more and no label; and where it ends."""
    end = start + len(name)
    m = _TAIL.match(text, end)
    if m is None or len(name.split()) < 2 or name.isupper() or name.endswith(("'s", "’s")):
        return name, end
    tail = re.sub(r"(?:'s|’s)$", "", m["t"])
    if fold(tail.split()[0]) in _LEADING:
        return name, end
    return f"{name}: {tail}", m.start("t") + len(tail)


def _with_head(text: str, start: int, name: str) -> tuple[int, str]:
    """A title with the franchise or series name before its colon ("Top of the Lake:
    China Girl"), when that is two words or more and not a label in capitals."""
    m = _HEAD.search(text, max(0, start - 60), start)
    if m is None or m.end() != start:
        return start, name
    head = m["h"]
    if len(head.split()) < 2 or head.isupper() or words.LABEL_LINE.match(f"{head}: x"):
        return start, name
    cleaned = re.sub(r"^(?:the|a|an)\s+(?=[a-z])", "", head)
    if fold(cleaned.split()[0]) in _LEADING:
        return start, name
    return m.start("h"), f"{head}: {name}"


def _split_pair(start: int, name: str) -> list[tuple[int, str]]:
    """Two titles of two words or more joined by "and" ("Field Notes and Quiet Hours");
    one-word sides stay one title ("Home and Away", "Brothers and Sisters")."""
    left, sep, right = name.partition(" and ")
    if sep and len(left.split()) >= 2 and len(right.split()) >= 2 and right[0].isupper():
        return [(start, left), (start + len(left) + len(sep), right)]
    return [(start, name)]


def cued_titles(
    text: str,
    people: set[str] = frozenset(),  # type: ignore[assignment]
    lowered: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[Mention]:
    """The capitalised names a text puts where only a title stands ("renewed X")."""
    found: list[Mention] = []
    for pattern in _CUED:
        for m in pattern.finditer(text):
            if re.search(r"(?:'s|’s)$", m["t"]) and re.match(r"\s+[a-z]", text[m.end("t") :]):
                continue  # "Rose Matafeo's alternative rom-com": an owner, not a title
            cleaned = _clean(m["t"], people, lowered)
            if cleaned is None:
                continue
            offset, name = cleaned
            start = m.start("t") + offset
            start, name = _with_head(text, start, name)
            name, _ = _with_tail(text, start, name)
            for at, part in _split_pair(start, name):
                if _acceptable(part, people):
                    found.append(Mention(part, at, at + len(part), False))
    return found


_ANY_DAY = __import__("datetime").date(2020, 1, 1)


class Catalogue:
    """The shows one article names: tracked shows, titles it marks, names in a title's
    place, and the headings of its sections; found again wherever the article names
    them, by the article's full name for them."""

    def __init__(self, known: Iterable[str], people: set[str], lowered: set[str]) -> None:
        self.people = people
        self.lowered = lowered
        self.names: dict[str, str] = {}  # folded name -> the name as the article gives it
        self.marked: set[str] = set()  # folded names of tracked shows and marked titles
        self._aliases: dict[str, str] = {}
        self._franchised: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None
        for name in known:
            self.add(name, marked=True)

    def add(self, name: str, *, marked: bool = False) -> None:
        """Learn a title (a tracked show's name or one the article gives)."""
        key = fold(name)
        if not key or key in self.people:
            return
        if key not in self.names or (marked and key not in self.marked):
            self.names[key] = name
        if marked:
            self.marked.add(key)
        self._pattern = None

    def knows(self, name: str) -> bool:
        """Whether `name` is one of the article's names, or a short form of one."""
        key = fold(name)
        if key in self.names:
            return True
        self._compile()
        return key in self._aliases

    def remove(self, key: str) -> None:
        """Forget a name (by its folded key)."""
        self.names.pop(key, None)
        self.marked.discard(key)
        self._pattern = None

    def canonical(self, name: str) -> str:
        """The article's full name for `name` ("Discovery" -> "Star Trek: Discovery")."""
        key = fold(name)
        self._compile()
        if key in self._franchised:
            return self._franchised[key]  # "Discovery" of "Star Trek: Discovery"
        if key in self.names:
            return self.names[key]
        full = self._aliases.get(key, name)
        return name if fold(bare_title(full)) == key else full

    def _compile(self) -> re.Pattern[str] | None:
        if self._pattern is not None or not self.names:
            return self._pattern
        fulls: dict[str, set[str]] = {}
        surface: dict[str, str] = {}
        for short, full in _short_names(list(self.names.values())):
            key = fold(short)
            if key not in self.names:
                fulls.setdefault(key, set()).add(full)
                surface.setdefault(key, short)
        self._aliases = {k: next(iter(v)) for k, v in fulls.items() if len(v) == 1}
        self._franchised = {
            fold(short): full
            for short, full in _short_names(list(self.names.values()))
            if ": " in full and fold(short) == fold(full.partition(": ")[2])
        }
        variants = {*self.names.values(), *(surface[k] for k in self._aliases)}
        ordered = sorted((v for v in variants if len(v) >= 2), key=len, reverse=True)
        body = "|".join(_loose(v) for v in ordered)
        self._pattern = re.compile(rf"(?<![\w'’])(?:{body})(?![\w])", re.IGNORECASE)
        return self._pattern

    def find(self, text: str, sentence_start: int = 0) -> list[Mention]:
        """Where `text` names a show of the catalogue: capitalised (or in capitals), and a
        one-word name not as the sentence's first word unless marked or tracked."""
        pattern = self._compile()
        if pattern is None:
            return []
        found = []
        for m in pattern.finditer(text):
            word = m[0]
            if not (word[0].isupper() or word[0].isdigit()):
                continue
            key = fold(word)
            name = self.names.get(key) or self._aliases.get(key, word)
            marked = fold(name) in self.marked
            if fold(bare_title(name)) == key:
                name = word  # "The Defenders" as the article writes it, not "Marvel's ..."
            if (
                " " not in word
                and not marked
                and m.start() <= sentence_start
                and not word.isupper()
                and word.lower() in self.lowered
            ):
                continue  # "House is..." may be the word, not the show
            found.append(Mention(name, m.start(), m.end(), marked))
        return found


def _loose(name: str) -> str:
    """A name as a pattern that also matches "and" for "&" and either apostrophe."""
    escaped = re.escape(name)
    escaped = escaped.replace(r"\&", "(?:&|and)").replace("and", "(?:and|&)")
    return re.sub(r"['’]", "['’]", escaped)


def _short_names(names: Sequence[str]) -> list[tuple[str, str]]:
    """Short names for long ones: a title without its "The" or owner ("Defenders"), and
    the part after a franchise's colon when the article names two shows of it
    ("Discovery" for "Star Trek: Discovery")."""
    heads: dict[str, list[str]] = {}
    shorts: list[tuple[str, str]] = []
    for name in names:
        head, colon, _ = name.partition(": ")
        if colon:
            heads.setdefault(fold(head), []).append(name)
        bare = bare_title(name)
        if len(bare) >= 4 and bare != name:
            shorts.append((bare, name))
    for members in heads.values():
        if len(set(members)) >= 2:
            shorts += [(m.partition(": ")[2], m) for m in members if len(m.partition(": ")[2]) >= 4]
    return shorts


def franchise_titles(text: str) -> list[Mention]:
    """Titles with a franchise's colon ("Star Trek: Picard"), not at a line's start
    (where "Status: Active" is a label)."""
    found = []
    for m in _FRANCHISE.finditer(text):
        head = m["a"]
        if len(head.split()) < 2 or head.isupper() or fold(head.split()[0]) in _LEADING:
            continue
        tail = _clean(m["b"], set(), leading=False)
        if tail is None:
            continue
        name = f"{head}: {tail[1]}"
        found.append(Mention(name, m.start(), m.start("b") + tail[0] + len(tail[1]), False))
    return found


def without_actor(text: str, mention: Mention) -> bool:
    """Whether a name is a character's, followed by the actor who plays it in brackets
    ("Luke Cage (Mike Colter)")."""
    return bool(_ACTOR.match(text, mention.end + (1 if mention.marked else 0)))


def clean_title(run: str, people: set[str]) -> str | None:
    """The title a listing line starts with ("This Is Us", "9-1-1 season 7"): the run
    less a season and trailing small words, or None when it is no show's name (a
    network, a person, a place, a word of time)."""
    cleaned = _clean(run, people, frozenset(), leading=False)
    if cleaned is None:
        return None
    name = cleaned[1]
    if re.fullmatch(r"\d+(?:-\d+)+", name):
        return name  # "9-1-1"
    return name if _acceptable(name, people) else None
