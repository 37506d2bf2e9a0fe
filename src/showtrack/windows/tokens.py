"""Text into tokens for the phrase reader: normalised (quotes, dashes, "won't",
ordinals, punctuation), "may" marked where it is not the month, filler words dropped;
each token knows which characters of the original text it stands for."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from showtrack.windows.vocabulary import (
    BOUND_TAIL_WORDS,
    FILLER,
    FIXED_HOLIDAYS,
    HALVES,
    HULL_WORDS,
    JOINERS_AFTER,
    MAY_CONTEXT,
    MONTH_PARTS,
    MONTHS,
    MOVING_HOLIDAYS,
    NEGATIONS,
    NUMBER_WORDS,
    ORDINALS,
    OTHER_TIME_WORDS,
    PREFIX_BOUNDS,
    QUOTES,
    RANGE_WORDS,
    RESCHEDULE_VERBS,
    SEASON_NAMES,
    SET_ASIDE,
    SUFFIX_BOUNDS,
    VAGUE_COUNTS,
    WEEKDAYS,
    WEEKDAYS_IN_FULL,
    YEAR_PARTS,
)

#: How text is normalised before it is split into tokens, in order.
CLAUSE_BREAK = "\u00a6"  # a broken bar: no text the reader is given uses it as a word

_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        ('"', " "),
        # EDTF's uncertain and approximate marks: "2018?" is the window of 2018.
        (r"(?<=\d)[?~%](?=[\s,;.]|$)", ""),
        ("and/or", " or "),
        # Parts of a year or a month in other words: "the early part of 2027" is early
        # 2027, "the closing months of 2027" late 2027, "the tail end of" the end.
        (r"\b(?:early|opening|first) (?:part|stretch|portion|weeks|months)\b", "early"),
        (
            r"\b(?:closing|final|last|later|latter|late) (?:part|stretch|portion|weeks|months)\b",
            "late",
        ),
        (r"\bmiddle (?:part|stretch|portion|weeks|months)\b", "mid"),
        (r"\btail end\b", "end"),
        (r"\bthe months? of\b", " "),
        # "over Christmas and New Year": New Year's Day, not the whole next year
        (
            r"\b(christmas(?: day)?|holidays) (and|or|to|through|until) (?:the )?new year\b(?!'s)",
            r"\1 \2 new year's day",
        ),
        # TV seasons: "the 2026-27 broadcast season", "next TV season" (September to May)
        (r"\b(?:tv|broadcast|television|network) season\b", "tvseason"),
        # "later in the year" is "later this year": the year of the phrase is as_of's
        (r"(?<=\b(?:later|early) )in the(?= year\b)|(?<=\blate )in the(?= year\b)", "this"),
        ("&", " and "),
        (r"\bwon't\b", "will not"),
        (r"\bcan't\b", "can not"),
        (r"n't\b", " not"),
        (r"(\d)(?:st|nd|rd|th)\b", r"\1"),
        (r"\b(early|mid|late)-to-", r"\1 to "),
        (r"\bmid[- ]?season\b", "midseason"),
        (r"\b(?:at )?some ?(?:point|time)\b", " "),
        (r"\b(\d{4})-w(\d{1,2})\b", r"week \2 \1"),
        (r"\b(early|mid|late)-", r"\1 "),
        (r"(?<=[a-z])\.", " "),
        (r"(?<=\d)\.(?!\d)", " "),
        # A clause ends here: what a negation reaches stops (see Token.clause).
        (r"[,;:!?]", f" {CLAUSE_BREAK} "),
        (r"[()\[\]{}]", " "),
        (r"(?<=[a-z])-(?=[a-z0-9'])|(?<=[0-9])-(?=[a-z])", " - "),
        (r"(?<=[a-z])/(?=[a-z0-9'])|(?<=[0-9])/(?=[a-z])", " / "),
    )
)
_WORD = re.compile(r"\S+")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(QUOTES).lower()


def _rewrite(
    pattern: re.Pattern[str], replacement: str, text: str, origin: list[int]
) -> tuple[str, list[int]]:
    """re.sub, also carrying for each character of the result where it came from."""
    matches = list(pattern.finditer(text))
    if not matches:  # the common case: nothing to copy
        return text, origin
    parts: list[str] = []
    where: list[int] = []
    last = 0
    for m in matches:
        parts.append(text[last : m.start()])
        where.extend(origin[last : m.start()])
        new = m.expand(replacement) if "\\" in replacement else replacement
        source = origin[m.start() : m.end()]
        parts.append(new)
        where.extend(source[min(k, len(source) - 1)] for k in range(len(new)))
        last = m.end()
    parts.append(text[last:])
    where.extend(origin[last:])
    return "".join(parts), where


class Token(NamedTuple):
    """A word of a normalised text, the characters of the original it stands for, and
    which clause of the text it is in (clauses end at , ; : ! ?)."""

    text: str
    start: int
    end: int
    clause: int = 0


def _normalized_words(text: str, track: bool) -> list[Token]:
    folded = _fold(text)
    if not track:
        for pattern, replacement in _REWRITES:
            folded = pattern.sub(replacement, folded)
        return [Token(word, 0, 0) for word in folded.split()]
    # Where each folded character came from; an ASCII character folds to one character.
    origin = [i for i, char in enumerate(text) for _ in (char if char.isascii() else _fold(char))]
    if len(origin) != len(folded):  # normalisation joined characters: offsets approximate
        origin = [min(i, len(text) - 1) for i in range(len(folded))]
    for pattern, replacement in _REWRITES:
        folded, origin = _rewrite(pattern, replacement, folded, origin)
    return [Token(m[0], origin[m.start()], origin[m.end() - 1] + 1) for m in _WORD.finditer(folded)]


def _clauses(words: list[Token]) -> list[Token]:
    """The words without the clause breaks, each knowing which clause it is in."""
    kept: list[Token] = []
    clause = 0
    for token in words:
        if token.text == CLAUSE_BREAK:
            clause += 1
        else:
            kept.append(token._replace(clause=clause))
    return kept


def tokenize(text: str, *, track: bool = False) -> list[Token]:
    """The words of `text` that can say when: normalised, "may" marked where it is not
    the month ("the show may return"), filler words dropped. With `track`, each token
    carries the span of `text` it came from (else 0, 0: parse_window needs only words)."""
    raw = _clauses(_normalized_words(text, track))
    tokens: list[Token] = []
    for i, token in enumerate(raw):
        word = token.text
        if word == "may":
            after = raw[i + 1].text if i + 1 < len(raw) else ""
            before = raw[i - 1].text if i else ""
            if not (
                re.match(r"\d|'\d", after)
                or before in MAY_CONTEXT
                or after in RANGE_WORDS | HULL_WORDS
                or len(raw) == 1
            ):
                token = token._replace(text="may~")
        if token.text not in FILLER:
            tokens.append(token)
    return tokens


# --------------------------------------------------------------------------- known words

_VOCABULARY = sorted({*MONTHS, *WEEKDAYS_IN_FULL, *OTHER_TIME_WORDS})
#: Every word a phrase may hold beside a number without refusal (phrases._refuse_unplaced_numbers).
KNOWN_WORDS = frozenset(
    word
    for name in (
        *MONTHS,
        *WEEKDAYS,
        *SEASON_NAMES,
        *FIXED_HOLIDAYS,
        *MOVING_HOLIDAYS,
        *YEAR_PARTS,
        *MONTH_PARTS,
        *ORDINALS,
        *HALVES,
        *NUMBER_WORDS,
        *VAGUE_COUNTS,
        *JOINERS_AFTER,
        *OTHER_TIME_WORDS,
        *FILLER,
        *NEGATIONS,
        *RANGE_WORDS,
        *HULL_WORDS,
        *BOUND_TAIL_WORDS,
        *RESCHEDULE_VERBS,
        *(w for words, _ in PREFIX_BOUNDS for w in words),
        *(w for words, _ in SUFFIX_BOUNDS for w in words),
        *(w for words in SET_ASIDE for w in words),
        *(f"{unit}s" for unit in ("day", "week", "month", "year", "season", "part")),
        "day",
        "q",
        "h",
        "tvseason",
        "and",
        "is",
        "will",
        "return",
        "returns",
        "air",
        "airs",
        "episodes",
        "new",
        "with",
    )
    for word in name.split()
)


def suggest(tokens: Sequence[str], index: int) -> str | None:
    """A did-you-mean for a misspelt time word at `index`, e.g. 'sprung' -> 'spring'."""
    close = _close_time_word(tokens[index])
    if close is None:
        return None
    return " ".join([*tokens[:index], close, *tokens[index + 1 :]])


@functools.lru_cache(maxsize=4096)
def _close_time_word(word: str) -> str | None:
    """The time word a word is a misspelling of, if any (an article asks about the same
    words again and again: each is compared with the vocabulary once)."""
    if len(word) < 4 or not word.isalpha() or word in _VOCABULARY:
        return None
    import difflib

    close = difflib.get_close_matches(word, _VOCABULARY, n=1, cutoff=0.75)
    return close[0] if close else None
