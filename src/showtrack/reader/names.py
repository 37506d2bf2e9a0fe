"""The names of the shows one article uses, gathered before it is read: titles it marks,
names in a title's place, franchise titles, the headings of its sections, the titles of
listing lines; then found in each unit by the article's full name for each.

A headline in title case ("HBO Announces The Newsroom Season 2") capitalises every
word, so its titles are matched against the running text ("The Newsroom"). A heading
names a section's show when it is marked, numbered, carries a season ("Last Chance U
(Season 3)") or is named again below it; a misspelt heading ("Starstuck") is the title
the article spells right elsewhere.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from showtrack.reader import vocabulary as words
from showtrack.reader.layout import Unit
from showtrack.reader.proposing import Proposer
from showtrack.reader.seasons import season_mentions
from showtrack.reader.titles import (
    Catalogue,
    Mention,
    clean_title,
    cued_titles,
    franchise_titles,
    is_title_case,
    marked_titles,
    persons,
    without_actor,
)
from showtrack.text import fold

_ROW_TITLE = re.compile(
    r"^(?P<t>[A-Z0-9][\w'’&!.+-]*(?::(?=\s+[A-Z0-9]))?(?:[ \t]+(?:[A-Z0-9][\w'’&!.+-]*"
    r"(?::(?=\s+[A-Z0-9]))?|(?:of|the|and|in|on|a|an|to|for|at|with|from|or|by|&|is)(?=\s))){0,12})"
)
_NUMBERED = re.compile(r"^\s*(?:#+\s*|\d{1,2}\s?[.)]\s*|[•*·-]\s*)")
_SEASON_TAIL = re.compile(r"\s*\((?i:season|series)[^)]*\)\s*$|\s+(?i:season|series)\s+\w+$")


class ArticleNames:
    """The shows an article names, and who its people are."""

    def __init__(self, units: Sequence[Unit], known: Sequence[str], proposer: Proposer) -> None:
        self.units = units
        self.proposer = proposer
        text = "\n".join(u.text for u in units)
        self.people = persons(text)
        self.lowered = set(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]+", text))
        self.catalogue = Catalogue(known, self.people, self.lowered)
        self._cued_in: dict[str, list[Mention]] = {}
        self._learn()

    def _cued(self, text: str) -> list[Mention]:
        """cued_titles of a text, found once (a unit is looked at more than once)."""
        if text not in self._cued_in:
            self._cued_in[text] = cued_titles(text, self.people, self.lowered)
        return self._cued_in[text]

    # ------------------------------------------------------------------ gathering

    def _learn(self) -> None:
        plain = [u for u in self.units if not is_title_case(u.text)]
        for unit in self.units:
            for mention in marked_titles(unit.text):
                self.catalogue.add(mention.name, marked=True)
        for unit in plain:
            for mention in self._cued(unit.text):
                self.catalogue.add(mention.name)
        self._learn_franchises()
        body = " ".join(u.text for u in plain)
        for unit in self.units:
            if unit not in plain:
                for mention in self._cued(unit.text):
                    name = self._headline_title(mention.name, body)
                    if name:
                        self.catalogue.add(name)
        for index, unit in enumerate(self.units):
            if unit.kind == "heading" and index > 0:
                heading = self.heading_title(index)
                if heading:
                    self.catalogue.add(heading[0])
        text = "\n".join(u.text for u in self.units)
        for key, name in list(self.catalogue.names.items()):
            if key in self.catalogue.marked:
                continue
            if self._two_names(name) or self._modified(name, text):
                self.catalogue.remove(key)

    def _modified(self, name: str, text: str) -> bool:
        """Whether a name is another the article names alone, with a word before it
        ("Acclaimed Night Harbor", where the headline says "Night Harbor")."""
        parts = name.split()
        if ":" in name or len(parts) < 3:
            return False
        tail = " ".join(parts[1:])
        if fold(tail) not in self.catalogue.names:
            return False
        return any(not text[:at].rstrip().endswith(parts[0]) for at in _word_at(tail, text))

    def _learn_franchises(self) -> None:
        """Titles of a franchise the article names two shows of ("Star Trek: Picard",
        "Star Trek: Discovery")."""
        franchises: dict[str, set[str]] = {}
        for unit in self.units:
            for mention in franchise_titles(unit.text):
                head = fold(mention.name.partition(":")[0])
                franchises.setdefault(head, set()).add(mention.name)
        for head, names in franchises.items():
            if len(names) > 1 and head not in self.catalogue.names:
                for name in sorted(names):
                    self.catalogue.add(name)

    def _headline_title(self, run: str, body: str) -> str | None:
        """The title in a title-case run: its longest tail the article also names in
        running text ("HBO Announces The Newsroom" is The Newsroom), else the run when
        it is short."""
        parts = run.split()
        for k in range(len(parts)):
            tail = " ".join(parts[k:])
            if fold(tail) in self.catalogue.names:
                return self.catalogue.names[fold(tail)]
            if len(tail) >= 3 and _word_at(tail, body):
                return tail
        return run if len(parts) <= 3 else None

    # ------------------------------------------------------------------ headings

    def heading_title(self, index: int, whole: bool = False) -> tuple[str, int | None] | None:
        """The show a heading line names as its section's subject, and the season it
        gives: a title marked or in a title's place ("Last Chance U (Season 3)",
        "1. 13 Reasons Why"), or a name the text after it names again (the paragraphs
        after it, or with `whole` all of the article)."""
        unit = self.units[index]
        text = _NUMBERED.sub("", unit.text).strip()
        numbered = text != unit.text.strip()
        if not text or words.LABEL_LINE.match(text):
            return None
        seasons = season_mentions(text)
        season = seasons[0].number if seasons else None
        marked = marked_titles(text)
        if marked and marked[0].start <= 2:
            return self.canonical(marked[0].name), season
        if re.search(r":\s", text) and not re.search(r":\s+[“\"‘']", text):
            return None
        if self.finds_window(text):
            delimited = re.match(
                rf"{_ROW_TITLE.pattern[1:]}(?:\s+(?i:season|series)\s+\w+)?\s*(?:\(|[-–—:]\s|$)",
                text,
            )
            bare = self.listing_title(text) if delimited else None
            return (bare, season) if bare else None
        core = _SEASON_TAIL.sub("", text).strip()
        if not core or len(core.split()) > 7 or not (core[0].isupper() or core[0].isdigit()):
            return None
        if not numbered and fold(core.split()[0]) in words.NOT_TITLE_WORDS - {"the", "a", "an"}:
            return None
        if fold(core) in words.NETWORKS or fold(core) in self.people:
            return None
        if fold(core) in self.catalogue.names:
            return self.catalogue.names[fold(core)], season
        if core != text or numbered:  # "Title (Season 3)", "2. Title"
            return core, season
        stop = None if whole else index + 4
        following = " ".join(u.text for u in self.units[index + 1 : stop] if u.kind != "heading")
        if _word_at(core, following):
            return core, season
        close = difflib.get_close_matches(fold(core), list(self.catalogue.names), 1, 0.85)
        if close and len(core) >= 6:
            return self.catalogue.names[close[0]], season  # a misspelt heading
        capitalised = all(
            w[0].isupper() or w[0].isdigit() or w in words.TITLE_SMALL_WORDS for w in core.split()
        )
        if (
            capitalised
            and core.split()[-1] not in words.TITLE_SMALL_WORDS
            and (self._standfirst(index))
        ):
            return core, season
        return None

    def _standfirst(self, index: int) -> bool:
        """Whether a heading is followed by a line in sentence case and then prose, as a
        magazine gives a title its standfirst ("The Wheel of Time" / "Going for another
        fantasy spin")."""
        after = self.units[index + 1 : index + 3]
        if len(after) < 2 or after[0].kind != "heading" or after[1].kind != "sentence":
            return False
        line = after[0].text
        lowered = re.search(r"\s[a-z]", line)
        return bool(lowered) and line[:1].isupper() and 2 <= len(line.split()) <= 8

    def listing_title(self, text: str) -> str | None:
        """The title at the start of a listing line ("Black Rabbit (18 September) -
        Netflix", "Gen V Season 2 (17 September)", "10 p.m. - Law & Order: SVU")."""
        m = _ROW_TITLE.match(text)
        if not m:
            return None
        run = re.split(r"\s+\(|\s+[-–—]\s", m["t"])[0].strip()
        name = clean_title(run, self.people)
        if not name or self.finds_window(name):
            return None
        return self.canonical(_proper(name))

    def finds_window(self, text: str) -> bool:
        """Whether a text holds a time expression."""
        return bool(self.proposer.windows(text))

    # ------------------------------------------------------------------ finding

    def mentions(self, text: str) -> list[Mention]:
        """The shows a unit names, in order, by the article's full name for each; marked
        titles win where names overlap, then longer ones."""
        found = marked_titles(text)
        found += self.catalogue.find(text, _first_word(text))
        if not is_title_case(text):
            found += self._cued(text)
        kept: list[Mention] = []
        found = [m for m in found if not self._two_names(m.name) and not _sport(m.name)]
        known = [m for m in found if m.marked or self.catalogue.knows(m.name)]
        found = [m for m in found if not _holds_known(m, known)]
        for mention in sorted(found, key=lambda m: (not m.marked, m.start - m.end)):
            if without_actor(text, mention) or fold(mention.name) in self.people:
                continue  # a character and the actor who plays it; a person
            if all(mention.end <= k.start or mention.start >= k.end for k in kept):
                kept.append(mention)
        return sorted((m._replace(name=self.canonical(m.name)) for m in kept), key=_start)

    def _two_names(self, name: str) -> bool:
        """Whether a name is two the article knows joined ("Iron Fist and The Defenders")."""
        parts = re.split(r"\s+(?:and|&)\s+", name)
        return len(parts) == 2 and all(self.catalogue.knows(p) for p in parts)

    def canonical(self, name: str) -> str:
        """The article's full name for a show ("Discovery" is "Star Trek: Discovery");
        a title with a colon whose first part the article names alone is that part
        ("Big Brother: Secrets" is Big Brother)."""
        name = self.catalogue.canonical(name)
        head, colon, _ = name.partition(": ")
        names = self.catalogue.names
        if colon and fold(head) in names and fold(name) not in self.catalogue.marked:
            return names[fold(head)]
        return name


def _sport(name: str) -> bool:
    """Whether a name is a game's broadcast ("Sunday Night Football"), not a series."""
    return bool({w.lower() for w in name.split()} & words.SPORTS)


def _word_at(words: str, text: str) -> list[int]:
    """Where `words` stand in `text` as whole words (not inside a longer word)."""
    found = []
    at = text.find(words)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(words) : at + len(words) + 1] or " "
        if not (before.isalnum() or before in "'’") and not after.isalnum():
            found.append(at)
        at = text.find(words, at + 1)
    return found


def _holds_known(mention: Mention, known: list[Mention]) -> bool:
    """Whether a name found by its place holds, at its end, a name the article knows
    ("Emmy-winning Night Harbor" holds Night Harbor): the known one is the title."""
    if mention.marked:
        return False
    return any(k.end == mention.end and k.start > mention.start and k is not mention for k in known)


def _start(mention: Mention) -> int:
    return mention.start


def _first_word(text: str) -> int:
    m = re.match(r"[\s\"“‘'(\[*_#•·-]*(?:\d{1,2}\s?[.)]\s*)?", text)
    return m.end() if m else 0


def _proper(name: str) -> str:
    """A title written in capitals ("BLUFF CITY LAW") in the case titles take."""
    if not name.isupper() or len(name) <= 4:
        return name
    small = words.TITLE_SMALL_WORDS
    parts = name.lower().split()
    return " ".join(p if (k and p in small) else p[:1].upper() + p[1:] for k, p in enumerate(parts))
