"""Reading release windows out of text, as spec/windows.md defines them.

`parse_window` reads one phrase ("does not return before 2018"); `find_windows`
finds every time expression in a longer text, with where it stands, for the article
reader. Both work the same way:

1. the text is normalised into tokens (tokens.py: quotes, dashes, "won't", ordinals,
   filler words, clauses);
2. runs of tokens are read by rules.RULES, a table of forms (a day, a month, a season,
   a quarter, a week, a count, a holiday, EDTF ...);
3. two forms joined by "to", "or", "between ... and" make a range or a hull;
4. bound words around the expression ("not before", "at the earliest", "by") open or
   close it.

The words themselves are data, in vocabulary.py. Only commands that read a phrase import
this module; listings never do.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from showtrack.errors import WindowError
from showtrack.windows.readers import Context, Span
from showtrack.windows.regions import is_southern, normalize_region, region_zone
from showtrack.windows.rules import atom
from showtrack.windows.times import TIME_RE, extract_time, zone_after
from showtrack.windows.tokens import KNOWN_WORDS, Token, suggest, tokenize
from showtrack.windows.vocabulary import (
    BOUND_TAIL_WORDS,
    EXPLAINED_BY,
    FIXED_HOLIDAYS,
    HALVES,
    HULL_WORDS,
    JOINERS_AFTER,
    MONTH_PARTS,
    MONTHS,
    MOVING_HOLIDAYS,
    NEGATION_BREAKS,
    NEGATIONS,
    NUMBER_WORDS,
    ORDINALS,
    PREFIX_BOUNDS,
    RANGE_WORDS,
    RESCHEDULE_VERBS,
    SEASON_NAMES,
    SET_ASIDE,
    SUFFIX_BOUNDS,
    UNKNOWN_MARKERS,
    UNKNOWN_TEXT,
    VAGUE_COUNTS,
    WEEKDAYS,
    YEAR_PARTS,
)
from showtrack.windows.window import EXAMPLES, Window, make_window

#: How a phrase that waits on another release begins ("after season 1 of Andor").
WAITING_WORDS = frozenset({"after", "once", "when", "following", "until"})
AFTER_HINT = (
    "a release that waits on another is given with --after, e.g. "
    'expect "The Boys" 1 TBA --after andor/s1 (or a window and --after)'
)

if TYPE_CHECKING:
    pass

MAX_PHRASE = 500
_MAX_SPAN_TOKENS = 9


# --------------------------------------------------------------------------- ranges and hulls

_YEARISH = re.compile(r"\d{4}|'\d\d|\d{4}[-/]\d{2,4}|year")


def _compound(tokens: Sequence[str], ctx: Context) -> Span | None:
    """An atom, or atoms joined as a range ("March to May 2018") or a hull ("X or Y", "X, Y
    or Z", "the end of this year or the start of the next")."""
    whole = atom(" ".join(tokens), ctx)
    if whole is not None:
        return whole
    lead = tokens[0]
    body = list(tokens[1:]) if lead in JOINERS_AFTER else list(tokens)
    allowed = JOINERS_AFTER.get(lead, RANGE_WORDS | HULL_WORDS)
    for k in range(1, len(body) - 1):
        joiner = body[k]
        if joiner not in allowed:
            continue
        right = _right_part(body[:k], body[k + 1 :], ctx)
        if right is None and joiner in HULL_WORDS and lead not in JOINERS_AFTER:
            right = _compound(body[k + 1 :], ctx)  # a hull of three: "March/April/May"
            if right is not None and right.kind != "hull":
                right = None
        if right is None or right.earliest is None or right.latest is None:
            continue
        left = _left_part(body[:k], body[k + 1 :], ctx)
        if joiner in HULL_WORDS and lead not in JOINERS_AFTER:
            parts = [(body[:k], left)] if left is not None else _listed(body[:k], ctx)
            if parts and all(p.earliest and p.latest for _, p in parts):
                return _hull([*parts, (body[k + 1 :], right)], ctx)
            continue
        if left is None or left.earliest is None or left.latest is None:
            continue
        if joiner in HULL_WORDS:
            return Span(min(left.earliest, right.earliest), max(left.latest, right.latest), "hull")
        if right.latest < left.earliest:
            raise WindowError(
                f"{' '.join(tokens)!r} ends before it starts",
                "put the earlier part first, e.g. 'March to May 2018'",
            )
        return Span(left.earliest, right.latest, "range")
    return None


def _refuse_unplaced_numbers(words: Sequence[str], start: int, end: int, phrase: str) -> None:
    """Refuse, never guess: a number beside the expression that is not part of it ("Q100
    2018", "March 99999999999999999999", "week 99999999999 of 2018"), or a word the
    vocabulary does not know between the expression and a number ("Tuesday, Jxne 12"),
    may change what the phrase says; reading around it would widen or move the window
    without a word."""

    def numeric(index: int) -> bool:
        return 0 <= index < len(words) and any(c.isdigit() for c in words[index])

    # A bound's own words after the expression ("spring 2018 at the earliest") are part
    # of the phrase: what follows them is its neighbour.
    while end < len(words) and words[end] in BOUND_TAIL_WORDS and not numeric(end):
        end += 1

    for side, step in ((start - 1, -1), (end, 1)):
        if not 0 <= side < len(words):
            continue
        word = words[side]
        if numeric(side):
            unplaced = word
        elif word.isalpha() and word not in KNOWN_WORDS and numeric(side + step):
            unplaced = (
                f"{word} {words[side + step]}" if step > 0 else f"{words[side + step]} {word}"
            )
        else:
            continue
        raise WindowError(
            f"{phrase!r}: {unplaced!r} cannot be read as part of the date",
            "check the spelling and the numbers; " + EXAMPLES,
        )


def _right_part(left: Sequence[str], right: Sequence[str], ctx: Context) -> Span | None:
    """The last part of a range or hull; "the start of the next" after "this year" is the
    start of next year, the unit said once."""
    found = atom(" ".join(right), ctx)
    if found is None and right[-1:] == ["next"]:
        for unit in ("year", "month", "week"):
            if unit in left:
                return atom(" ".join([*right, unit]), ctx)
    return found


def _listed(words: Sequence[str], ctx: Context) -> list[tuple[Sequence[str], Span]]:
    """Spans named one after another ("spring summer", what "spring, summer or fall" is
    once its commas are dropped), each the longest that reads, with its words; none if a
    word is left over."""
    parts: list[tuple[Sequence[str], Span]] = []
    i = 0
    while i < len(words):
        for j in range(len(words), i, -1):
            span = atom(" ".join(words[i:j]), ctx)
            if span is not None:
                parts.append((words[i:j], span))
                i = j
                break
        else:
            return []
    return parts if len(parts) > 1 else []


def _hull(parts: Sequence[tuple[Sequence[str], Span]], ctx: Context) -> Span:
    """The hull of spans named in order. When the last names no year, a part that would
    come before the part named before it is read again as of that part's start
    ("spring, summer or early fall" in June: next year's spring, then that summer and
    that fall)."""
    spans: list[Span] = []
    yearless = not any(_YEARISH.fullmatch(tok) for tok in parts[-1][0])
    for words, span in parts:
        previous = spans[-1].earliest if spans else None
        if yearless and previous and span.earliest and span.earliest < previous:
            span = atom(" ".join(words), Context(previous, ctx.southern)) or span
        spans.append(span)
    earliest = min(p.earliest for p in spans if p.earliest is not None)
    latest = max(p.latest for p in spans if p.latest is not None)
    return Span(earliest, latest, "hull")


def _left_part(left: Sequence[str], right: Sequence[str], ctx: Context) -> Span | None:
    """The first part of a range, borrowing the year or month it leaves out from the last."""
    if not any(_YEARISH.fullmatch(tok) for tok in left):
        for cut in range(1, len(right)):
            completed = atom(" ".join([*left, *right[cut:]]), ctx)
            if completed is not None:
                return completed
    return atom(" ".join(left), ctx)


# --------------------------------------------------------------------------- finding


def _read_run(tokens: Sequence[str], ctx: Context) -> Span | None:
    """A run of tokens read as one expression; a run that cannot be a date is none."""
    try:
        return _compound(tokens, ctx)
    except (WindowError, ValueError, OverflowError):  # no real date, or off the calendar
        return None


def _find(tokens: Sequence[str], ctx: Context) -> tuple[int, int, Span] | None:
    """The longest run of tokens that reads as a time expression (then one with a year,
    then the rightmost); refuses a sentence with two different expressions in it."""
    n = len(tokens)
    for length in range(min(n, _MAX_SPAN_TOKENS), 0, -1):
        found = [
            (i, i + length, span)
            for i in range(n - length + 1)
            if (span := _compound(tokens[i : i + length], ctx)) is not None
        ]
        if found:
            found.sort(
                key=lambda f: (any(_YEARISH.fullmatch(t) for t in tokens[f[0] : f[1]]), f[0])
            )
            return found[-1]
    return None


def _other_expression(tokens: Sequence[str], ctx: Context) -> str | None:
    for i in range(len(tokens)):
        for j in range(min(len(tokens), i + _MAX_SPAN_TOKENS), i, -1):
            try:
                if _compound(tokens[i:j], ctx) is not None:
                    return " ".join(tokens[i:j])
            except WindowError:
                return " ".join(tokens[i:j])
    return None


_ABSENCE_REACH = 6  # words between "will not be part of" and the span it is absent from
_EARLIEST_REACH = 8  # words between "the earliest ... is" and the span it opens


def _negated(before: Sequence[Token], clause: int, reach: int | None = None) -> bool:
    """Whether a negation governs what follows `before`: one in the same clause (a "No,"
    that answers a question does not), with no "but" between, within `reach` words."""
    words = [t.text for t in before if t.clause == clause]
    for word in reversed(words if reach is None else words[-reach:]):
        if word in NEGATION_BREAKS:
            return False
        if word in NEGATIONS:
            return True
    return False


def _bound(prefix: Sequence[Token], suffix: Sequence[Token]) -> tuple[str | None, bool, int, int]:
    """The bound word before or after the expression, whether it is negated, and how many
    prefix and suffix tokens it used."""
    before = tuple(t.text for t in prefix)
    after = tuple(t.text for t in suffix)
    for words, bound in PREFIX_BOUNDS:
        n = len(words)
        if before[-n:] == words:
            negated = _negated(prefix[:-n], prefix[-n].clause)
            if (
                bound == "until"
                and not negated
                and before[-n - 1 : -n]
                and (before[-n - 1] in RESCHEDULE_VERBS)
            ):
                return None, False, 0, 0  # "delayed until 2019" names the new plan
            return bound, negated, n, 0
    for words, bound in SUFFIX_BOUNDS:
        if after[: len(words)] == words:
            return bound, False, 0, len(words)
    if before[-1:] in (("is",), ("be",), ("was",)) and "earliest" in before[-_EARLIEST_REACH:]:
        # "the very earliest the new season could land is late spring": from then on
        start = len(before) - 1 - before[::-1].index("earliest")
        return "from", False, len(before) - start, 0
    return None, False, 0, 0


def _apply_bound(
    span: Span, bound: str | None, negated: bool, ctx: Context, text: str
) -> tuple[date | None, date | None]:
    if bound is None:
        return span.earliest, span.latest
    if span.earliest is None or span.latest is None:
        raise WindowError(
            f"{text!r}: an open window cannot take a bound word",
            "give the bound a date, e.g. 'not before 2018'",
        )
    day_after = span.latest + timedelta(days=1)
    if bound in ("not-in", "until-after"):  # "not part of the 2021 lineup", "until after"
        return day_after, None
    if bound == "later":  # "later this year": from as_of, or the span's start if later
        return max(ctx.as_of, span.earliest), span.latest
    if bound == "by-end":
        return ctx.as_of, span.latest
    if bound == "before":
        if negated:
            return span.earliest, None
        if span.kind == "end":  # "before the end of 2018" means by then
            return ctx.as_of, span.latest
        return ctx.as_of, span.earliest - timedelta(days=1)
    if bound == "after":
        return (ctx.as_of, span.latest) if negated else (day_after, None)
    if bound == "by":
        return (day_after, None) if negated else (ctx.as_of, span.latest)
    if bound == "from-day" and span.earliest == span.latest:
        return span.earliest, span.latest
    return span.earliest, None  # from, until, at the earliest, at least


def _longest_at(words: Sequence[str], i: int, ctx: Context) -> tuple[int, Span] | None:
    """The end of the longest run of words from `i` that reads as a time expression, and
    how it reads; None when no run from there does."""
    if not _may_start(words[i]):
        return None
    for j in range(min(len(words), i + _MAX_SPAN_TOKENS), i, -1):
        span = _read_run(words[i:j], ctx)
        if span is not None:
            return j, span
    return None


#: The words a time expression can start with, besides numbers: finding expressions in a
#: long text tries no run that starts with another word (most words of an article).
_STARTS = frozenset(
    word.split()[0]
    for word in (
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
        "this",
        "next",
        "last",
        "week",
        "midseason",
        "today",
        "tonight",
        "tomorrow",
        "new",
        "within",
        "coming",
        "year",
        "tvseason",
    )
)


def _may_start(word: str) -> bool:
    """Whether a time expression may start with this word (see _STARTS)."""
    return word in _STARTS or any(c.isdigit() for c in word) or word.startswith((".", "/"))


def _expressions(words: Sequence[str], ctx: Context) -> list[tuple[int, int, Span]]:
    """Every time expression among `words`, leftmost and longest first."""
    found = []
    i = 0
    while i < len(words):
        longest = _longest_at(words, i, ctx)
        if longest is None:
            i += 1
            continue
        found.append((i, *longest))
        i = longest[0]
    return found


def _one_of_two(words: Sequence[str], ctx: Context) -> tuple[int, int, Span] | None:
    """Of two expressions, the one the sentence keeps: the first when the second is set
    aside ("2022, not 2021", "2020 as opposed to late 2019") or only explains it ("its
    third quarter, which covers July to September", when both agree); the second after
    "not X but"; None when the sentence really names two times."""
    found = _expressions(words, ctx)
    if len(found) != 2:
        return None
    (a_start, a_end, a), (b_start, _, b) = found
    between = tuple(words[a_end:b_start])
    if between in SET_ASIDE:
        return found[0]
    if between == ("but",) and "not" in words[max(0, a_start - 2) : a_start]:
        return found[1]
    if between in EXPLAINED_BY and (a.earliest, a.latest) == (b.earliest, b.latest):
        return found[0]
    return None


def _read_tokens(tokens: list[Token], ctx: Context, phrase: str) -> tuple[date | None, date | None]:
    words = [t.text for t in tokens]
    if " ".join(words).strip(" .!") in UNKNOWN_TEXT:
        return None, None
    found = _find(words, ctx)
    if found is None:
        if any(t in UNKNOWN_MARKERS for t in words) or "announced" in words:
            return None, None
        for i in range(len(words)):
            if suggestion := suggest(words, i):
                raise WindowError(
                    f"{phrase!r}: {words[i]!r} is not a time word",
                    f"did you mean {suggestion!r}? " + EXAMPLES,
                )
        if words and words[0] in WAITING_WORDS:
            raise WindowError(f"{phrase!r} names no date, only what it waits on", AFTER_HINT)
        raise WindowError(f"{phrase!r} names no date, month, season or year", EXAMPLES)
    start, end, span = found
    for neighbour in (start - 1, end):
        if 0 <= neighbour < len(words) and (suggestion := suggest(words, neighbour)):
            raise WindowError(
                f"{phrase!r}: {words[neighbour]!r} is not a time word",
                f"did you mean {suggestion!r}?",
            )
    _refuse_unplaced_numbers(words, start, end, phrase)
    bound, negated, used, _ = _bound(tokens[:start], tokens[end:])
    other = _other_expression(words[: start - used], ctx) or _other_expression(
        [t for t in words[end:] if t not in BOUND_TAIL_WORDS], ctx
    )
    if other is not None:
        kept = _one_of_two(words, ctx)
        if kept is None:
            raise WindowError(
                f"{phrase!r} names two times: {other!r} and {' '.join(words[start:end])!r}",
                "give just the one that says when the release comes",
            )
        start, end, span = kept
        bound, negated, used, _ = _bound(tokens[:start], tokens[end:])
    if bound is None and _negated(tokens[:start], tokens[start].clause, _ABSENCE_REACH):
        bound = "not-in"
    return _apply_bound(span, bound, negated, ctx, phrase)


# --------------------------------------------------------------------------- entry points


def parse_window(
    phrase: str,
    as_of: date,
    region: str | None = None,
    *,
    default_zone: tzinfo | None = None,
) -> Window:
    """Read a release-window phrase as spec/windows.md defines it.

    `as_of` is the day the phrase was reported; `region` an ISO country code
    (it picks the hemisphere for seasons and the zone for a bare time of day);
    `default_zone` is the user's zone for a time with neither zone nor region.
    Raises WindowError (exit 3) when the phrase cannot be read, naming the part
    that failed and phrases that would work.
    """
    if len(phrase) > MAX_PHRASE:
        raise WindowError(
            f"the phrase is longer than {MAX_PHRASE} characters",
            "give just the part that says when",
        )
    if not phrase.strip():
        raise WindowError(
            "an empty phrase is not a window", "say TBA when nothing is known yet; " + EXAMPLES
        )
    region = normalize_region(region)
    ctx = Context(as_of, is_southern(region))
    try:
        text, clock, zone = extract_time(phrase)
        earliest, latest = _read_tokens(tokenize(text), ctx, phrase)
    except WindowError as exc:
        if exc.message.startswith(("'", '"')):
            raise
        raise WindowError(f"{phrase!r}: {exc.message}", exc.hint) from None
    except (ValueError, OverflowError):  # dates beyond what the calendar holds
        raise WindowError(
            f"{phrase!r} is outside the calendar showtrack can use", EXAMPLES
        ) from None
    window = make_window(phrase.strip(), earliest, latest, region)
    if clock is None:
        return window
    if not window.is_exact or earliest is None:
        raise WindowError(
            f"{phrase!r}: a time of day needs a single day",
            "e.g. 'March 8, 2018 at 9pm ET', or drop the time",
        )
    from zoneinfo import ZoneInfo

    zone = zone or region_zone(region)
    air = datetime.combine(earliest, clock, tzinfo=zone or default_zone or ZoneInfo("UTC"))
    return window._replace(air_time=air)


def explain(
    phrase: str, as_of: date, region: str | None, today: date, now: datetime, zone: tzinfo
) -> dict[str, str | None]:
    """How a phrase reads (`showtrack window`): the spec's keys `phrase`, `as_of`,
    `region`, `earliest`, `latest`, `edtf`, `status`, `countdown`, and `air_time` when
    the phrase names a time of day."""
    from showtrack.windows.window import countdown_text, iso, status_on

    w = parse_window(phrase, as_of, region, default_zone=zone)
    fields = {
        "phrase": w.phrase,
        "as_of": as_of.isoformat(),
        "region": normalize_region(region),
        "earliest": iso(w.earliest),
        "latest": iso(w.latest),
        "edtf": w.edtf,
        "status": status_on(w.earliest, w.latest, today),
        "countdown": countdown_text(w.earliest, w.latest, today, None, w.air_time, now),
    }
    if w.air_time is not None:
        fields["air_time"] = w.air_time.isoformat()
    return fields


class FoundWindow(NamedTuple):
    """A time expression found in a text: where it stands (`text[start:end]`, bound words
    and a time of day included) and how it reads."""

    start: int
    end: int
    phrase: str
    window: Window


_PREFIX_REACH = 6  # tokens before an expression that may hold its bound word or negation
#: Words that are a part of a span ("beginning of March") or a bound ("beginning March 3").
_PART_OR_BOUND = frozenset({"beginning", "start", "starting"})
_TIME_AFTER = re.compile(r"[\s,]*(?=(?:at\s+)?\d|noon|midnight)", re.IGNORECASE)


def find_windows(
    text: str, as_of: date, region: str | None = None, *, default_zone: tzinfo | None = None
) -> list[FoundWindow]:
    """Every time expression in `text`, in order, each read as `parse_window` reads it
    alone: leftmost and longest first, with the bound words and negation just before it
    ("does not return before 2018") or after it ("2018 at the earliest"), and a time of
    day that follows a day. Runs that read as no real date are passed over."""
    region = normalize_region(region)
    ctx = Context(as_of, is_southern(region))
    tokens = tokenize(text, track=True)
    words = [t.text for t in tokens]
    found: list[FoundWindow] = []
    i = floor = 0
    while i < len(tokens):
        longest = _longest_at(words, i, ctx)
        if longest is None:
            i += 1
            continue
        if words[i] in _PART_OR_BOUND:
            following = _longest_at(words, i + 1, ctx)
            if following is not None and following[0] > longest[0]:
                i += 1  # "beginning March 3, 2026" is from March 3, not early March
                continue
        end = longest[0]
        lo = max(floor, i - _PREFIX_REACH)
        _, negated, used, tail = _bound(tokens[lo:i], tokens[end:])
        first = i - used
        if negated:
            first = next(k for k in range(lo, i) if words[k] in NEGATIONS)
        elif used == 0 and _negated(tokens[lo:i], tokens[i].clause, _ABSENCE_REACH):
            # "won't air any new episodes in 2019": the negation belongs to the phrase
            first = max(k for k in range(lo, i) if words[k] in NEGATIONS)
        last = end + tail
        start_char, end_char = tokens[first].start, tokens[last - 1].end
        while start_char > 0 and (text[start_char - 1].isalnum() or text[start_char - 1] in "'’"):
            start_char -= 1  # a phrase never starts inside a word ("won't" is not "t")
        gap = _TIME_AFTER.match(text, end_char)
        if gap and (clock := TIME_RE.match(text, gap.end())):
            _, end_char = zone_after(text, clock.end())
        phrase = text[start_char:end_char]
        try:
            window = parse_window(phrase, as_of, region, default_zone=default_zone)
        except WindowError:
            i += 1
            continue
        found.append(FoundWindow(start_char, end_char, phrase, window))
        while last < len(tokens) and tokens[last].start < end_char:
            last += 1  # past the time of day read with it ("at 9:30/8:30 central")
        i = floor = last
    return found
