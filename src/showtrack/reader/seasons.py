"""The seasons a sentence names: "season 2", "Season Two", "S2", "the second season",
"series three", "its 11th season", "sophomore season", and "the new season" (the next
season of the show, when the tracker knows which that is)."""

from __future__ import annotations

import re
from typing import NamedTuple

from showtrack.reader import vocabulary as words

_NUMBER = "|".join([r"\d{1,3}", *words.NUMBER_WORDS])
_ORDINAL = "|".join([r"\d{1,3}(?:st|nd|rd|th)", *words.ORDINAL_WORDS, *words.NAMED_SEASONS])
_NEXT = "|".join(words.NEXT_SEASON_WORDS)
_NOUN = "|".join(words.SEASON_NOUNS)
_SEASON = re.compile(
    rf"\b(?:season|series)\s+(?P<n>{_NUMBER})\b(?!\s*(?:and|&|-|–)\s*\d)(?![.,]\d)"
    rf"|\bS(?P<s>\d{{1,2}})(?:E\d{{1,3}})?\b"
    rf"|\b(?P<o>{_ORDINAL})(?:[\s-]+(?:and\s+(?:final|last)|[\w-]+-episode|exciting|"
    rf"full|new|hotly|anticipated|long-awaited|eagerly))*[\s-]+(?:{_NOUN})\b"
    rf"|\b(?P<x>{_NEXT})\s+(?:{_NOUN})\b",
    re.IGNORECASE,
)


class SeasonMention(NamedTuple):
    """A season named in a sentence: its number, or "the new season" (next)."""

    number: int | None
    start: int
    end: int
    next: bool


def season_mentions(text: str) -> list[SeasonMention]:
    """The seasons `text` names, in order."""
    found: list[SeasonMention] = []
    for m in _SEASON.finditer(text):
        if m["x"]:
            if m["x"].lower() == "last" or _is_tv_schedule(text, m.end()):
                continue  # "last season" is the one before; "next season" may be the TV year
            found.append(SeasonMention(None, m.start(), m.end(), True))
            continue
        token = (m["n"] or m["s"] or m["o"]).lower()
        number = (
            words.NUMBER_WORDS.get(token)
            or words.ORDINAL_WORDS.get(token)
            or words.NAMED_SEASONS.get(token)
        )
        if number is None:
            digits = re.sub(r"\D", "", token)
            number = int(digits) if digits else None
        if number is not None and 0 < number < 100:
            found.append(SeasonMention(number, m.start(), m.end(), False))
    return found


def _is_tv_schedule(text: str, end: int) -> bool:
    """ "the next TV season", "next broadcast season" are years of television."""
    return bool(re.match(r"\s+(?:of\s+)?(?:television|tv|broadcast|network)\b", text[end:], re.I))


def mask_numbers(text: str, seasons: list[SeasonMention]) -> str:
    """The text with the numbers of its seasons masked, so that "season 2 premieres
    January 17" is not read as 2 January; offsets stay as they were."""
    for season in seasons:
        masked = re.sub(r"\d", "#", text[season.start : season.end])
        text = text[: season.start] + masked + text[season.end :]
    return text
