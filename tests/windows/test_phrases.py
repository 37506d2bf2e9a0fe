"""spec/windows.md, row for row, plus variants and properties of the phrase reader."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from showtrack.errors import ShowtrackError, UsageError, WindowError
from showtrack.windows.phrases import find_windows, parse_window
from showtrack.windows.rules import RULES, Rule, matching_rules
from showtrack.windows.spans import half_span, quarter_span, season_span
from showtrack.windows.vocabulary import SEASON_CODES
from showtrack.windows.window import countdown_text, to_edtf
from tests.windows.strategies import DAYS, REGIONS, windows

AS_OF = date(2017, 7, 1)  # a Saturday
D = date.fromisoformat


def bounds(phrase: str, as_of: date = AS_OF, region: str | None = None) -> tuple[str, str]:
    w = parse_window(phrase, as_of, region)
    return (
        w.earliest.isoformat() if w.earliest else "open",
        w.latest.isoformat() if w.latest else "open",
    )


# --- Points and spans: the spec's rows, then our variants of each -----------------------

POINTS_AND_SPANS = [
    ("2018-03-08", "2018-03-08", "2018-03-08"),
    ("March 8, 2018", "2018-03-08", "2018-03-08"),
    ("8 March 2018", "2018-03-08", "2018-03-08"),
    ("Thursday, March 8, 2018", "2018-03-08", "2018-03-08"),
    ("Mar. 8 2018", "2018-03-08", "2018-03-08"),
    ("March 2018", "2018-03-01", "2018-03-31"),
    ("2018-03", "2018-03-01", "2018-03-31"),
    ("Mar 2018", "2018-03-01", "2018-03-31"),
    ("March '18", "2018-03-01", "2018-03-31"),
    ("early March 2018", "2018-03-01", "2018-03-10"),
    ("mid-March 2018", "2018-03-11", "2018-03-20"),
    ("late March 2018", "2018-03-21", "2018-03-31"),
    ("spring 2018", "2018-03-01", "2018-05-31"),
    ("summer 2018", "2018-06-01", "2018-08-31"),
    ("fall 2018", "2018-09-01", "2018-11-30"),
    ("autumn 2018", "2018-09-01", "2018-11-30"),
    ("winter 2018", "2017-12-01", "2018-02-28"),
    ("winter 2018-19", "2018-12-01", "2019-02-28"),
    ("winter 2018/19", "2018-12-01", "2019-02-28"),
    ("winter 2018/2019", "2018-12-01", "2019-02-28"),
    ("Q1 2018", "2018-01-01", "2018-03-31"),
    ("Q4 2018", "2018-10-01", "2018-12-31"),
    ("first quarter of 2018", "2018-01-01", "2018-03-31"),
    ("2018 Q3", "2018-07-01", "2018-09-30"),
    ("H1 2018", "2018-01-01", "2018-06-30"),
    ("first half of 2018", "2018-01-01", "2018-06-30"),
    ("H2 2018", "2018-07-01", "2018-12-31"),
    ("second half of 2018", "2018-07-01", "2018-12-31"),
    ("early 2018", "2018-01-01", "2018-04-30"),
    ("mid-2018", "2018-05-01", "2018-08-31"),
    ("late 2018", "2018-09-01", "2018-12-31"),
    ("2018", "2018-01-01", "2018-12-31"),
    ("the 2018-19 season", "2018-09-01", "2019-05-31"),
    ("2018–19 TV season", "2018-09-01", "2019-05-31"),
    # no year: the next such day on or after as_of (2017-07-01)
    ("March 8", "2018-03-08", "2018-03-08"),
    ("Sunday June 16", "2018-06-16", "2018-06-16"),
    ("Tuesday, Sept. 25", "2017-09-25", "2017-09-25"),
    ("May 18th", "2018-05-18", "2018-05-18"),
    ("March", "2018-03-01", "2018-03-31"),
    ("this March", "2018-03-01", "2018-03-31"),
    ("July", "2017-07-01", "2017-07-31"),  # not yet ended on as_of
    ("12/14", "2017-12-14", "2017-12-14"),
    ("16.12", "2017-12-16", "2017-12-16"),
    ("the spring of 2018", "2018-03-01", "2018-05-31"),
    ("January of 2019", "2019-01-01", "2019-01-31"),
    ("early summer 2018", "2018-06-01", "2018-06-30"),
    ("mid-summer 2018", "2018-07-01", "2018-07-31"),
    ("late summer 2018", "2018-08-01", "2018-08-31"),
    ("end of 2020", "2020-12-01", "2020-12-31"),
    ("the end of the year", "2017-12-01", "2017-12-31"),
    ("beginning of 2020", "2020-01-01", "2020-01-31"),
    ("start of the year", "2017-01-01", "2017-01-31"),
    ("the fourth quarter of the year", "2017-10-01", "2017-12-31"),
    ("second half of the year", "2017-07-01", "2017-12-31"),
    ("midseason 2019", "2019-01-01", "2019-05-31"),
    ("mid-season in 2019", "2019-01-01", "2019-05-31"),
    ("midseason", "2018-01-01", "2018-05-31"),
    ("2018-2019 season", "2018-09-01", "2019-05-31"),
    ("'19", "2019-01-01", "2019-12-31"),
    ("\u201919", "2019-01-01", "2019-12-31"),
]

VARIANTS = [
    # other years, capitals, curly quotes, words around the expression
    ("MARCH 8, 2021", "2021-03-08", "2021-03-08"),
    ("it premieres on Wednesday, March 10, 2021 on Netflix", "2021-03-10", "2021-03-10"),
    ("Spring 2025", "2025-03-01", "2025-05-31"),
    (
        "Jessica Jones season 2 is expected to return in spring 2018 in the US",
        "2018-03-01",
        "2018-05-31",
    ),
    ("slated for a late-2019 release", "2019-09-01", "2019-12-31"),
    ("at some point in the second half of 2022", "2022-07-01", "2022-12-31"),
    ("The show\u2019s return is set for \u201cfall 2024\u201d", "2024-09-01", "2024-11-30"),
    ("Sept. 25th, 2018", "2018-09-25", "2018-09-25"),
    ("25 Sept 2018", "2018-09-25", "2018-09-25"),
    ("winter 2020\u201321", "2020-12-01", "2021-02-28"),
    ("q2 2030", "2030-04-01", "2030-06-30"),
    ("Q3", "2017-07-01", "2017-09-30"),
    ("14/12/2018", "2018-12-14", "2018-12-14"),
    ("12/14/2018", "2018-12-14", "2018-12-14"),
    ("5/5/2018", "2018-05-05", "2018-05-05"),
    ("early next month", "2017-08-01", "2017-08-10"),
    ("the show may return in 2018", "2018-01-01", "2018-12-31"),
    ("in May", "2018-05-01", "2018-05-31"),
    ("February 29", "2020-02-29", "2020-02-29"),
]


@pytest.mark.parametrize(("phrase", "earliest", "latest"), POINTS_AND_SPANS + VARIANTS)
def test_points_and_spans(phrase: str, earliest: str, latest: str) -> None:
    assert bounds(phrase) == (earliest, latest)


@pytest.mark.parametrize(
    ("phrase", "region", "earliest", "latest"),
    [
        ("spring 2018", "AU", "2018-09-01", "2018-11-30"),
        ("summer 2018", "AU", "2017-12-01", "2018-02-28"),
        ("autumn 2018", "NZ", "2018-03-01", "2018-05-31"),
        ("winter 2018", "ZA", "2018-06-01", "2018-08-31"),
        ("summer 2018-19", "BR", "2018-12-01", "2019-02-28"),
        ("spring 2018", "Australia", "2018-09-01", "2018-11-30"),
        ("spring 2018", "UK", "2018-03-01", "2018-05-31"),
        ("spring 2018", "USA", "2018-03-01", "2018-05-31"),
        ("this summer", "AU", "2017-12-01", "2018-02-28"),
    ],
)
def test_seasons_follow_the_region(phrase: str, region: str, earliest: str, latest: str) -> None:
    assert bounds(phrase, region=region) == (earliest, latest)


# --- Open and relative windows ------------------------------------------------------------

OPEN_AND_RELATIVE: list[tuple[str, str | None, str | None]] = [
    ("not before 2018", "2018-01-01", "open"),
    ("not until 2018", "2018-01-01", "open"),
    ("won't return until 2018", "2018-01-01", "open"),
    ("will have to wait until 2018", "2018-01-01", "open"),
    ("no earlier than 2018", "2018-01-01", "open"),
    ("2018 at the earliest", "2018-01-01", "open"),
    ("from 2018", "2018-01-01", "open"),
    ("from February 19", "2018-02-19", "2018-02-19"),
    ("from 8am Friday 21 August", "2017-08-21", "2017-08-21"),
    ("after 2018", "2019-01-01", "open"),
    ("sometime after March 2018", "2018-04-01", "open"),
    ("before 2018", "2017-07-01", "2017-12-31"),
    ("by 2018", "2017-07-01", "2018-12-31"),
    ("by the end of 2018", "2017-07-01", "2018-12-31"),
    ("no later than 2018", "2017-07-01", "2018-12-31"),
    ("before the end of 2018", "2017-07-01", "2018-12-31"),
    ("this year", "2017-01-01", "2017-12-31"),
    ("next year", "2018-01-01", "2018-12-31"),
    ("later this year", "2017-07-01", "2017-12-31"),
    ("early next year", "2018-01-01", "2018-04-30"),
    ("late next year", "2018-09-01", "2018-12-31"),
    ("mid next year", "2018-05-01", "2018-08-31"),
    ("this spring", "2018-03-01", "2018-05-31"),
    ("this summer", "2017-06-01", "2017-08-31"),  # in progress on as_of
    ("this winter", "2017-12-01", "2018-02-28"),
    ("in the fall", "2017-09-01", "2017-11-30"),
    ("next spring", "2018-03-01", "2018-05-31"),
    ("next summer", "2018-06-01", "2018-08-31"),  # this one has started already
    ("next fall", "2017-09-01", "2017-11-30"),
    ("later this fall", "2017-09-01", "2017-11-30"),
    ("later this summer", "2017-07-01", "2017-08-31"),
    ("later this month", "2017-07-01", "2017-07-31"),
    ("this month", "2017-07-01", "2017-07-31"),
    ("next month", "2017-08-01", "2017-08-31"),
    ("early next month", "2017-08-01", "2017-08-10"),
    ("today", "2017-07-01", "2017-07-01"),
    ("tomorrow", "2017-07-02", "2017-07-02"),
    ("this Friday", "2017-07-07", "2017-07-07"),
    ("on Friday", "2017-07-07", "2017-07-07"),
    ("Friday", "2017-07-07", "2017-07-07"),
    ("Saturday", "2017-07-01", "2017-07-01"),
    ("this week", "2017-06-26", "2017-07-02"),
    ("next week", "2017-07-03", "2017-07-09"),
    ("in the new year", "2018-01-01", "2018-12-31"),
    ("Christmas Eve", "2017-12-24", "2017-12-24"),
    ("Christmas", "2017-12-25", "2017-12-25"),
    ("New Year's Eve", "2017-12-31", "2017-12-31"),
    ("New Year\u2019s Day", "2018-01-01", "2018-01-01"),
    ("Halloween", "2017-10-31", "2017-10-31"),
    ("Valentine's Day", "2018-02-14", "2018-02-14"),
    ("Thanksgiving", "2017-11-23", "2017-11-23"),
    ("Thanksgiving 2018", "2018-11-22", "2018-11-22"),
    ("Easter", "2018-04-01", "2018-04-01"),
    ("Easter 2019", "2019-04-21", "2019-04-21"),
    ("Christmas 2018", "2018-12-25", "2018-12-25"),
    ("the holidays", "2017-11-23", "2018-01-01"),
    ("the holiday season", "2017-11-23", "2018-01-01"),
    ("until at least spring 2018", "2018-03-01", "open"),
    ("2019 at the absolute earliest", "2019-01-01", "open"),
    ("between March and May 2018", "2018-03-01", "2018-05-31"),
    ("March\u2013May 2018", "2018-03-01", "2018-05-31"),
    ("March to May 2018", "2018-03-01", "2018-05-31"),
    ("from March to May 2018", "2018-03-01", "2018-05-31"),
    ("late 2017 or early 2018", "2017-09-01", "2018-04-30"),
    ("spring or summer 2018", "2018-03-01", "2018-08-31"),
    ("either spring or summer 2018", "2018-03-01", "2018-08-31"),
    ("spring and/or summer 2018", "2018-03-01", "2018-08-31"),
    ("spring/summer 2018", "2018-03-01", "2018-08-31"),
    ("early-to-mid 2019", "2019-01-01", "2019-08-31"),
    ("mid-to-late 2021", "2021-05-01", "2021-12-31"),
    ("early to mid-November", "2017-11-01", "2017-11-20"),
    ("TBA", "open", "open"),
    ("TBD", "open", "open"),
    ("TBC", "open", "open"),
    ("to be announced", "open", "open"),
    ("to be confirmed", "open", "open"),
    ("not set yet", "open", "open"),
    ("yet to be announced", "open", "open"),
    ("unknown", "open", "open"),
    ("?", "open", "open"),
]

OPEN_VARIANTS: list[tuple[str, str | None, str | None]] = [
    ("Jessica Jones season 2 does not return before 2018", "2018-01-01", "open"),
    ("The show will NOT return before 2019, the network says", "2019-01-01", "open"),
    ("Season 3 won\u2019t premiere until 2020", "2020-01-01", "open"),
    ("fans will have to wait until spring 2019", "2019-03-01", "open"),
    ("2019 or later", "2019-01-01", "open"),
    ("not after 2018", "2017-07-01", "2018-12-31"),
    ("by March 2018", "2017-07-01", "2018-03-31"),
    ("March 8 to 10, 2018", None, None),  # not a form we read: refused, not guessed
    ("8 to 10 March 2018", "2018-03-08", "2018-03-10"),
    ("May or June 2018", "2018-05-01", "2018-06-30"),
    ("late 2017/early 2018", "2017-09-01", "2018-04-30"),
]


@pytest.mark.parametrize(("phrase", "earliest", "latest"), OPEN_AND_RELATIVE + OPEN_VARIANTS)
def test_open_and_relative(phrase: str, earliest: str | None, latest: str | None) -> None:
    if earliest is None:
        with pytest.raises(WindowError):
            parse_window(phrase, AS_OF)
    else:
        assert bounds(phrase) == (earliest, latest)


def test_this_winter_in_november_is_the_coming_one() -> None:
    assert bounds("this winter", date(2017, 11, 15)) == ("2017-12-01", "2018-02-28")


def test_midseason_without_a_year_is_the_next_not_ended() -> None:
    assert bounds("midseason", date(2018, 3, 1)) == ("2018-01-01", "2018-05-31")


# --- Errors -----------------------------------------------------------------------------

ERRORS = [
    ("03/08/2018", "ambiguous"),
    ("8/3/18", "ambiguous"),
    ("8/3", "ambiguous"),
    ("May to March 2018", "ends before it starts"),
    ("February 30, 2018", "not a real date"),
    ("2018-02-30", "not a real date"),
    ("Thursday, March 9, 2018", "is a Friday"),
    ("sprung 2018", "did you mean 'spring 2018'"),
    ("Marhc 2018", "did you mean 'march 2018'"),
    ("sometime soon", "names no date"),
    ("filming starts after The Defenders is done", "names no date"),
    ("The Defenders arrives this year, Jessica Jones in 2018", "names two times"),
    ("spring 2018 at 9pm", "needs a single day"),
    ("spring 2018-19", "spans New Year"),
    ("the 2018-20 season", "two years in a row"),
    ("x" * 600, "longer than"),
    ("", "empty phrase"),
    ("   ", "empty phrase"),
]


@pytest.mark.parametrize(("phrase", "message"), ERRORS)
def test_errors_name_the_problem_and_suggest(phrase: str, message: str) -> None:
    with pytest.raises(WindowError) as caught:
        parse_window(phrase, AS_OF)
    assert message in str(caught.value)
    assert caught.value.exit_code == 3


def test_unreadable_phrase_suggests_phrases_that_work() -> None:
    with pytest.raises(WindowError) as caught:
        parse_window("whenever they feel like it", AS_OF)
    assert "spring 2018" in str(caught.value.hint)


def test_unknown_region_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        parse_window("spring 2018", AS_OF, "Atlantis")


# --- EDTF ---------------------------------------------------------------------------------

EDTF = [
    ("2018-03-08", "2018-03-08"),
    ("2018-03", "2018-03"),
    ("2018", "2018"),
    ("spring 2018", "2018-21"),
    ("summer 2018", "2018-22"),
    ("autumn 2018", "2018-23"),
    ("winter 2018", "2018-24"),
    ("winter 2018-19", "2019-24"),
    ("Q1 2018", "2018-33"),
    ("Q4 2018", "2018-36"),
    ("H1 2018", "2018-40"),
    ("H2 2018", "2018-41"),
    ("not before 2018", "2018-01-01/.."),
    ("TBA", ".."),
    ("early 2018", "2018-01-01/2018-04-30"),
]


@pytest.mark.parametrize(("phrase", "edtf"), EDTF)
def test_edtf_names(phrase: str, edtf: str) -> None:
    assert parse_window(phrase, AS_OF).edtf == edtf


@pytest.mark.parametrize(
    ("edtf", "earliest", "latest"),
    [
        ("2018-21", "2018-03-01", "2018-05-31"),
        ("2018-24", "2017-12-01", "2018-02-28"),
        ("2018-33", "2018-01-01", "2018-03-31"),
        ("2018-41", "2018-07-01", "2018-12-31"),
        ("2018-03-01/2018-05-31", "2018-03-01", "2018-05-31"),
        ("2018/..", "2018-01-01", "open"),
        ("../2018-12-31", "open", "2018-12-31"),
        ("..", "open", "open"),
        ("2018-03/2018-05", "2018-03-01", "2018-05-31"),
    ],
)
def test_edtf_input(edtf: str, earliest: str, latest: str) -> None:
    assert bounds(edtf) == (earliest, latest)


# --- Time of day --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "region", "instant"),
    [
        ("2018-03-08 00:01 America/Los_Angeles", None, "2018-03-08T00:01:00-08:00"),
        ("March 8, 2018 at 9pm ET", None, "2018-03-08T21:00:00-05:00"),
        ("March 8, 2018 8:30 p.m. PT", None, "2018-03-08T20:30:00-08:00"),
        ("June 16, 2018 at 9pm ET/PT", None, "2018-06-16T21:00:00-04:00"),  # EDT in June
        ("Sunday June 16 at 8am", "US", "2018-06-16T08:00:00-04:00"),
        ("Sunday June 16 at 8am", "GB", "2018-06-16T08:00:00+01:00"),
        ("2018-03-08 noon", None, "2018-03-08T12:00:00+00:00"),
    ],
)
def test_time_of_day(phrase: str, region: str | None, instant: str) -> None:
    w = parse_window(phrase, AS_OF, region, default_zone=ZoneInfo("UTC"))
    assert w.air_time is not None
    assert w.air_time.isoformat() == instant
    assert w.is_exact  # the window stays the day


def test_time_without_zone_or_region_is_in_the_users_zone() -> None:
    w = parse_window("2018-03-08 21:00", AS_OF, default_zone=ZoneInfo("Europe/Berlin"))
    assert w.air_time is not None and w.air_time.utcoffset() == timedelta(hours=1)


def test_countdown_to_an_instant_honours_daylight_saving() -> None:
    # US clocks go forward on 2018-03-11: 24 calendar hours from the 10th at 21:00 ET
    # to the 11th at 21:00 ET are only 23 real hours.
    air = parse_window("March 11, 2018 at 9pm ET", AS_OF).air_time
    assert air is not None
    now = datetime(2018, 3, 10, 21, 0, tzinfo=ZoneInfo("America/New_York"))
    assert countdown_text(air.date(), air.date(), now.date(), None, air, now) == "in 23 h 00 min"


# --- Properties -----------------------------------------------------------------------------

YEARS = st.integers(1990, 2090)
WORDS = st.sampled_from(
    [
        "spring",
        "summer",
        "fall",
        "winter",
        "early",
        "mid",
        "late",
        "March",
        "Sept.",
        "Q3",
        "H2",
        "not",
        "before",
        "after",
        "until",
        "by",
        "from",
        "or",
        "to",
        "between",
        "and",
        "this",
        "next",
        "later",
        "year",
        "month",
        "at the earliest",
        "season",
        "the",
        "in",
        "2018",
        "'19",
        "8",
        "31",
        "12/14",
        "-",
        "/",
        "Friday",
        "Christmas",
        "TBA",
        "midseason",
    ]
)
PHRASES = st.lists(st.one_of(WORDS, YEARS.map(str)), min_size=1, max_size=6).map(" ".join)


MONTH_NAMES = ["January", "March", "May", "June", "Sept.", "October", "December"]
SEASONS = ["spring", "summer", "fall", "winter"]
FUTURE_YEARS = st.integers(2018, 2060)  # after AS_OF, so that "by" and "before" have room


@st.composite
def readable_phrases(draw: st.DrawFn) -> str:
    """A phrase built from the spec's grammar, which must always read."""
    year = draw(FUTURE_YEARS)
    part = draw(st.sampled_from(["", "early ", "mid ", "late "]))
    atoms = [
        f"{part}{draw(st.sampled_from(SEASONS))} {year}",
        f"{part}{draw(st.sampled_from(MONTH_NAMES))} {year}",
        f"Q{draw(st.integers(1, 4))} {year}",
        f"the second half of {year}",
        f"{draw(st.sampled_from(MONTH_NAMES))} {draw(st.integers(1, 28))}, {year}",
        f"{year}",
    ]
    atom = draw(st.sampled_from(atoms))
    form = draw(st.sampled_from(["atom", "bound", "hull", "range"]))
    if form == "bound":
        bound = draw(st.sampled_from(["not before {}", "after {}", "by {}", "{} at the earliest"]))
        return bound.format(atom)
    if form == "hull":
        return f"{atom} or {draw(st.sampled_from(atoms))}"
    if form == "range":
        return f"{year} to {year + draw(st.integers(0, 3))}"
    return atom


@settings(max_examples=400, deadline=None)
@given(readable_phrases(), REGIONS)
def test_every_readable_phrase_reads_with_earliest_before_latest(
    phrase: str, region: str | None
) -> None:
    w = parse_window(phrase, AS_OF, region)
    assert w.earliest is not None or w.latest is not None
    if w.earliest is not None and w.latest is not None:
        assert w.earliest <= w.latest


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), DAYS)
@example("0000", date(2000, 1, 1))  # year 0 is off the calendar
@example("in 9999 years", date(2017, 7, 1))
def test_any_text_parses_or_raises_our_own_error(text: str, as_of: date) -> None:
    # Any other exception escapes and fails the test; finding never raises at all.
    with contextlib.suppress(ShowtrackError):
        parse_window(text, as_of)
    find_windows(text, as_of)


@settings(max_examples=400, deadline=None)
@given(windows(), REGIONS)
def test_edtf_output_parses_back_to_the_same_window(
    window: tuple[date | None, date | None], region: str | None
) -> None:
    earliest, latest = window
    edtf = to_edtf(earliest, latest, region)
    back = parse_window(edtf, date(2000, 1, 1), region)
    assert (back.earliest, back.latest) == (earliest, latest)
    assert back.edtf == edtf


@settings(max_examples=300, deadline=None)
@given(st.integers(1995, 2085), st.booleans(), st.data())
def test_every_season_quarter_and_half_gets_its_edtf_name(
    year: int, southern: bool, data: st.DataObject
) -> None:
    season = data.draw(st.sampled_from(list(SEASON_CODES)))
    quarter = data.draw(st.integers(1, 4))
    half = data.draw(st.integers(1, 2))
    region = "AU" if southern else "US"
    assert to_edtf(*season_span(season, year, southern), region) == (
        f"{year:04d}-{SEASON_CODES[season]}"
    )
    assert to_edtf(*quarter_span(quarter, year)) == f"{year:04d}-{32 + quarter}"
    assert to_edtf(*half_span(half, year)) == f"{year:04d}-{39 + half}"


@settings(max_examples=200, deadline=None)
@given(PHRASES, DAYS, REGIONS)
def test_edtf_of_parsed_phrases_round_trips(phrase: str, as_of: date, region: str | None) -> None:
    try:
        w = parse_window(phrase, as_of, region)
    except ShowtrackError:
        return
    back = parse_window(w.edtf, as_of, region)
    assert (back.earliest, back.latest) == (w.earliest, w.latest)


def test_window_to_dict_has_the_spec_keys() -> None:
    w = parse_window("spring 2018", AS_OF)
    assert w.to_dict() == {
        "phrase": "spring 2018",
        "earliest": "2018-03-01",
        "latest": "2018-05-31",
        "edtf": "2018-21",
    }


def test_air_time_is_aware() -> None:
    w = parse_window("2018-03-08 21:00", AS_OF, default_zone=timezone.utc)
    assert w.air_time is not None and w.air_time.tzinfo is not None


# --- The rules table -------------------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_each_rule_reads_its_examples_and_no_other_rule_does(rule: Rule) -> None:
    for text in rule.examples:
        assert matching_rules(text) == [rule], text


ATOMS = [phrase.lower() for phrase, _, _ in POINTS_AND_SPANS]


@pytest.mark.parametrize("atom", ATOMS)
def test_no_two_rules_read_one_phrase(atom: str) -> None:
    assert len(matching_rules(atom.replace(",", "").replace(".", ""))) <= 1


# --- Finding windows in a text ----------------------------------------------------------------

ARTICLE = (
    "Marvel's Jessica Jones does not return before 2018, Netflix said on Thursday. "
    "The Defenders arrives this year, and Luke Cage follows in spring 2018 in the US. "
    "The premiere is on March 8, 2018 at 9pm ET."
)


def test_find_windows_gives_every_expression_with_where_it_stands() -> None:
    found = find_windows(ARTICLE, AS_OF)
    assert [ARTICLE[f.start : f.end] for f in found] == [f.phrase for f in found]
    assert [f.phrase for f in found] == [
        "not return before 2018",
        "Thursday",
        "this year",
        "spring 2018",
        "March 8, 2018 at 9pm ET",
    ]
    bounds = [(w.earliest, w.latest) for w in (f.window for f in found)]
    assert bounds[0] == (D("2018-01-01"), None)
    assert bounds[2] == (D("2017-01-01"), D("2017-12-31"))
    assert bounds[3] == (D("2018-03-01"), D("2018-05-31"))
    air = found[4].window.air_time
    assert air is not None and air.isoformat() == "2018-03-08T21:00:00-05:00"


@pytest.mark.parametrize(
    "phrase",
    ["late 2017 or early 2018", "2018 at the earliest", "between March and May 2018", "Q3 2018"],
)
def test_a_phrase_found_in_a_sentence_reads_as_it_does_alone(phrase: str) -> None:
    text = f"The streamer confirmed on its blog that the show is due {phrase}, for now."
    (found,) = find_windows(text, AS_OF)
    assert found.phrase == phrase
    assert found.window == parse_window(phrase, AS_OF)


def test_find_windows_keeps_offsets_through_curly_quotes_and_contractions() -> None:
    text = "It won\u2019t be back until \u201cearly 2019\u201d \u2014 at the earliest."
    (found,) = find_windows(text, AS_OF)
    assert text[found.start : found.end] == found.phrase
    assert found.window.earliest == D("2019-01-01")


def test_find_windows_passes_over_text_with_no_time_in_it() -> None:
    assert find_windows("The cast returns, and the showrunner is staying on.", AS_OF) == []


# --- Rows new in the spec: weeks, counts, rescheduling, set-aside, holidays --------------

NEW_ROWS = [
    # ISO weeks, and weeks of a month
    ("week 12 of 2018", "2018-03-19", "2018-03-25"),
    ("2018-W12", "2018-03-19", "2018-03-25"),
    ("Week 1 of 2021", "2021-01-04", "2021-01-10"),
    ("2020-W53", "2020-12-28", "2021-01-03"),
    ("the first week of April 2018", "2018-04-01", "2018-04-07"),
    ("the second week of April 2018", "2018-04-08", "2018-04-14"),
    ("the third week of April 2018", "2018-04-15", "2018-04-21"),
    ("the last week of April 2018", "2018-04-24", "2018-04-30"),
    ("The Last Week of February 2020", "2020-02-23", "2020-02-29"),
    # months and halves of a year
    ("the first two months of 2019", "2019-01-01", "2019-02-28"),
    ("the last three months of the year", "2017-10-01", "2017-12-31"),
    ("the first 6 months of 2020", "2020-01-01", "2020-06-30"),
    ("the latter half of 2019", "2019-07-01", "2019-12-31"),
    ("the later half of 2019", "2019-07-01", "2019-12-31"),
    # EDTF uncertain and approximate
    ("2018?", "2018-01-01", "2018-12-31"),
    ("2018~", "2018-01-01", "2018-12-31"),
    ("2018-03?", "2018-03-01", "2018-03-31"),
    ("2019-21~", "2019-03-01", "2019-05-31"),
    # rescheduling names the new window; open only with "at least" or a negation
    ("delayed until 2019", "2019-01-01", "2019-12-31"),
    ("The show has been postponed to spring 2019", "2019-03-01", "2019-05-31"),
    ("pushed back to 2019", "2019-01-01", "2019-12-31"),
    ("pushed back until fall 2018", "2018-09-01", "2018-11-30"),
    ("moved to March 2019", "2019-03-01", "2019-03-31"),
    ("rescheduled for fall 2018", "2018-09-01", "2018-11-30"),
    ("delayed until at least 2019", "2019-01-01", "open"),
    ("won\u2019t return until 2018", "2018-01-01", "open"),
    # counts from as_of (2017-07-01)
    ("in two weeks", "2017-07-15", "2017-07-15"),
    ("in 3 months", "2017-10-01", "2017-10-01"),
    ("in ten days", "2017-07-11", "2017-07-11"),
    ("within a month", "2017-07-01", "2017-08-01"),
    ("in the next 6 weeks", "2017-07-01", "2017-08-12"),
    ("in the coming months", "2017-07-01", "2017-10-01"),
    ("in the coming weeks", "2017-07-01", "2017-08-26"),
    ("in the next few months", "2017-07-01", "2017-10-01"),
    ("in a couple of weeks", "2017-07-01", "2017-07-15"),
    # one expression kept, the other set aside
    ("in 2022, not 2021", "2022-01-01", "2022-12-31"),
    ("in 2020 as opposed to late 2019", "2020-01-01", "2020-12-31"),
    ("next year and not this one", "2018-01-01", "2018-12-31"),
    ("2019 rather than 2018", "2019-01-01", "2019-12-31"),
    ("not in 2018 but in 2019", "2019-01-01", "2019-12-31"),
    # holidays
    ("Boxing Day", "2017-12-26", "2017-12-26"),
    ("Independence Day 2018", "2018-07-04", "2018-07-04"),
    ("the Fourth of July", "2017-07-04", "2017-07-04"),
    ("Memorial Day", "2018-05-28", "2018-05-28"),
    ("Labor Day 2019", "2019-09-02", "2019-09-02"),
    ("St. Patrick\u2019s Day", "2018-03-17", "2018-03-17"),
    # a negation reaches only within its clause
    ("No, it returns before 2018", "2017-07-01", "2017-12-31"),
    ("not a comedy, premieres in May", "2018-05-01", "2018-05-31"),
    ("does not return before 2018.", "2018-01-01", "open"),
]


@pytest.mark.parametrize(("phrase", "earliest", "latest"), NEW_ROWS)
def test_new_spec_rows(phrase: str, earliest: str, latest: str) -> None:
    assert bounds(phrase) == (earliest, latest)


FAMILIES = [
    # two seasons joined by a slash, the year after the second
    ("an early spring/late summer debut in 2019", "2019-03-01", "2019-08-31"),
    # a span followed by a clause that explains it
    ("in its third quarter, which covers July to September", "2017-07-01", "2017-09-30"),
    # sides and parts of a year
    ("the back end of 2020", "2020-09-01", "2020-12-31"),
    ("the front half of 2021", "2021-01-01", "2021-06-30"),
    # a bound word far from its negation
    ("won't be streaming on the service until some point in 2022", "2022-01-01", "open"),
    # absence from a schedule or a year
    ("will not be part of the 2021 lineup", "2022-01-01", "open"),
    ("It won't air in 2019", "2020-01-01", "open"),
    # pairs of holidays
    ("between Thanksgiving and Christmas", "2017-11-23", "2017-12-25"),
    ("between Thanksgiving and Christmas 2019", "2019-11-28", "2019-12-25"),
    # one day with two clock times for two zones
    ("Friday, Feb. 2 at 9/8 central", "2018-02-02", "2018-02-02"),
    # trailing nouns
    ("an early May premiere date", "2018-05-01", "2018-05-10"),
    ("a fall 2019 launch window", "2019-09-01", "2019-11-30"),
]


@pytest.mark.parametrize(("phrase", "earliest", "latest"), FAMILIES)
def test_forms_seen_in_real_text(phrase: str, earliest: str, latest: str) -> None:
    assert bounds(phrase) == (earliest, latest)


def test_eastern_over_central_is_one_evening_instant() -> None:
    air = parse_window("Friday, Feb. 2 at 9/8c", AS_OF).air_time
    assert air is not None and air.isoformat() == "2018-02-02T21:00:00-05:00"
    with pytest.raises(WindowError, match="8 Central is not 10 Eastern"):
        parse_window("Feb. 2 at 10/8 central", AS_OF)


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("Q5 2018", "there is no quarter 5"),
        ("H3 2018", "there is no half 3"),
        ("the 13th month of 2018", "there is no month 13"),
        ("week 60", "there is no week 60"),
        ("week 54 of 2018", "there is no week 54"),
        ("2018-W53", "2018 has no week 53"),
        ("the first 14 months of 2019", "there is no month 14"),
    ],
)
def test_what_cannot_be_placed_is_refused_not_widened(phrase: str, message: str) -> None:
    with pytest.raises(WindowError, match=message) as raised:
        parse_window(phrase, AS_OF)
    assert raised.value.message.startswith(repr(phrase))


FILLER_WORDS = st.lists(
    st.sampled_from(["The", "streaming", "service", "said", "that", "the", "show", "is", "now"]),
    min_size=1,
    max_size=5,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(FILLER_WORDS, readable_phrases(), st.sampled_from([".", "", ", for now."]))
def test_a_phrase_inside_a_sentence_reads_as_the_phrase_alone(
    lead: str, phrase: str, tail: str
) -> None:
    alone = parse_window(phrase, AS_OF)
    inside = parse_window(f"{lead} {phrase}{tail}", AS_OF)
    assert (inside.earliest, inside.latest) == (alone.earliest, alone.latest)


def _curly(text: str) -> str:
    return text.replace("'", "\u2019")


def _in_a_sentence(text: str) -> str:
    return f"Sources told Deadline the series {text}."


def _in_quotes(text: str) -> str:
    return f"\u201c{text}\u201d"


VARIANT_FORMS: dict[str, Callable[[str], str]] = {
    "capitals": str.upper,
    "curly quotes": _curly,
    "in a sentence": _in_a_sentence,
    "in quotes": _in_quotes,
}


@pytest.mark.parametrize("form", VARIANT_FORMS)
@pytest.mark.parametrize(("phrase", "earliest", "latest"), NEW_ROWS + FAMILIES)
def test_new_rows_read_the_same_in_other_dress(
    phrase: str, earliest: str, latest: str, form: str
) -> None:
    assert bounds(VARIANT_FORMS[form](phrase)) == (earliest, latest)


# --- The forms of real news the reader misread before (issue 34), a family at a time ------

NEWS_AS_OF = date(2026, 6, 10)  # a Wednesday in June: this spring is over, summer is on

NEWS_FORMS = [
    # 1. hulls of two or three parts: from the earliest part's start to the latest's end
    ("late 2027 or possibly early 2028", "2027-09-01", "2028-04-30"),
    ("toward the end of this year or the start of the next", "2026-12-01", "2027-01-31"),
    ("in spring, summer or even early fall", "2027-03-01", "2027-09-30"),
    ("a spring/early summer launch in 2027", "2027-03-01", "2027-06-30"),
    ("sometime between the months of May or June 2027", "2027-05-01", "2027-06-30"),
    ("March, April or May 2027", "2027-03-01", "2027-05-31"),
    # 2. earliest bounds in other words: the start, open
    ("March 2027 is the earliest date", "2027-03-01", "open"),
    ("the very earliest the new season could land is late spring", "2027-05-01", "open"),
    ("will land only in 2027, the earliest", "2027-01-01", "open"),
    ("not before the spring, if not the summer", "2027-03-01", "open"),
    # 3. "until after": the day after, open
    ("will not air until after Thanksgiving", "2026-11-27", "open"),
    # 4. TV seasons: September to May; midseason is January to May
    ("joining the 2026-27 broadcast season at midseason", "2027-01-01", "2027-05-31"),
    ("moved to next TV season", "2026-09-01", "2027-05-31"),
    ("the next broadcast season", "2026-09-01", "2027-05-31"),
    # 5. parts of a year in other words
    ("the early stretch of 2027", "2027-01-01", "2027-04-30"),
    ("the closing months of 2027", "2027-09-01", "2027-12-31"),
    ("the tail end of 2027", "2027-12-01", "2027-12-31"),
    ("the back half of the year", "2026-07-01", "2026-12-31"),
    # 6. two holidays
    ("over Christmas and New Year", "2026-12-25", "2027-01-01"),
    # 7. two time zones: the day
    ("Tuesday, Feb. 6 at 9:30/8:30 central", "2027-02-06", "2027-02-06"),
    # 9. after a negation, "until the early part of" is that part's start
    ("not until the early part of 2027", "2027-01-01", "open"),
]


@pytest.mark.parametrize(("phrase", "earliest", "latest"), NEWS_FORMS)
def test_the_forms_of_real_news(phrase: str, earliest: str, latest: str) -> None:
    assert bounds(phrase, NEWS_AS_OF) == (earliest, latest)


def test_next_tv_season_in_the_autumn_is_the_one_after() -> None:
    """In November the 2026-27 season is on: the next is 2027-28."""
    assert bounds("next TV season", date(2026, 11, 1)) == ("2027-09-01", "2028-05-31")


def test_two_zones_give_the_time_of_the_first() -> None:
    air = parse_window("Tuesday, Feb. 6 at 9:30/8:30 central", NEWS_AS_OF).air_time
    assert air is not None and air.isoformat() == "2027-02-06T21:30:00-05:00"


def test_a_time_of_day_in_a_sentence_is_not_read_again_as_a_date() -> None:
    found = find_windows("It returns Feb. 6 at 9:30/8:30 central, then moves in March.", AS_OF)
    assert [f.phrase for f in found] == ["Feb. 6 at 9:30/8:30 central", "March"]


@pytest.mark.parametrize(
    ("phrase", "unplaced"),
    [
        ("Tuesday, Jxne 12", "jxne"),  # a typo with no close time word
        ("Q100 2018", "q100"),
        ("Q99999999999999999999 2018", "q99999999999999999999"),
        ("week 99999999999 of 2018", "99999999999"),
        ("March 99999999999999999999", "99999999999999999999"),
        ("Jnue 12, 2027", "12"),
    ],
)
def test_a_number_that_cannot_be_placed_is_refused(phrase: str, unplaced: str) -> None:
    with pytest.raises(WindowError) as raised:
        parse_window(phrase, NEWS_AS_OF)
    assert unplaced in raised.value.message.lower() and raised.value.hint


@st.composite
def _with_an_unknown_word_by_a_number(draw: st.DrawFn) -> str:
    """A phrase in which a word the vocabulary does not know stands next to a number that
    is no part of what reads: a misspelt month ("Tuesday, Jxne 12", "Jxne 12, 2027"), a
    word between a date and a number ("spring 2018 blorp 12")."""
    unknown = draw(st.text("bcdfghjklmnpqrstvwxz", min_size=3, max_size=8))
    day = draw(st.integers(1, 28))
    weekday = draw(st.sampled_from(["Monday", "Tuesday", "Friday", "Sunday"]))
    year = draw(FUTURE_YEARS)
    forms = [
        f"{weekday}, {unknown} {day}",
        f"{unknown} {day}, {year}",
        f"{draw(readable_phrases())} {unknown} {day}",
        f"{weekday} {unknown} {day} at 9pm",
    ]
    return draw(st.sampled_from(forms))


@settings(max_examples=300, deadline=None)
@given(_with_an_unknown_word_by_a_number())
def test_a_word_the_vocabulary_does_not_know_next_to_a_number_is_never_read(text: str) -> None:
    """Refuse, never guess: such a phrase is an error, never a window read around the
    word and the number (spec/windows.md)."""
    with pytest.raises(WindowError):
        parse_window(text, AS_OF)


@pytest.mark.parametrize(
    "phrase", ["after season 1 of Andor", "once filming wraps", "when The Defenders is done"]
)
def test_a_phrase_that_waits_on_another_release_points_to_after(phrase: str) -> None:
    with pytest.raises(WindowError) as caught:
        parse_window(phrase, date(2017, 7, 1))
    assert caught.value.message == f"{phrase!r} names no date, only what it waits on"
    assert caught.value.hint is not None and "--after andor/s1" in caught.value.hint
