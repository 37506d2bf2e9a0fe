"""The eight families of errors spec/read.md lists, seen in real news: each on an
article of our own (tests/reader/articles/, written for these tests in the style of TV
news, with the same traps), read as a careful reader would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from showtrack.models import Proposal
from showtrack.reader.article import load_article
from showtrack.reader.statements import read_statements

ARTICLES = Path(__file__).parent / "articles"
TODAY = date(2026, 11, 24)

Found = tuple[str, int | None, str, str | None, str | None]


def _read(name: str, as_of: date | None) -> list[Proposal]:
    """The article's proposals; `as_of` None is a page without a date."""
    article = load_article(str(ARTICLES / name), TODAY)
    day = as_of or TODAY
    return read_statements(article.text, article.title, day, None, (), dated=as_of is not None)


def _summary(proposals: list[Proposal]) -> list[Found]:
    return [
        (
            p.show,
            p.season,
            p.kind,
            p.window.earliest if p.window else None,
            p.window.latest if p.window else None,
        )
        for p in proposals
    ]


def test_show_names_are_titles_not_headline_words_modifiers_or_people() -> None:
    """Family 1: a title-case headline is not a title from its first word; "Emmy-winning"
    and "Morrow's" are not part of the title; "Agents of R.A.V.E.N." and "Mr. Mercy" keep
    their dots; the producer and the network are not shows."""
    found = _read("names.txt", date(2025, 6, 10))
    assert _summary(found) == [
        ("Night Harbor", 3, "release", "2027-01-01", None),
        ("Agents of R.A.V.E.N.", None, "release", "2026-03-12", "2026-03-12"),
        ("Mr. Mercy", None, "release", "2026-09-01", "2026-12-31"),
    ]
    assert found[0].phrase == "will not return before 2027"


def test_a_schedule_gives_each_row_its_day_heading_and_a_list_shares_its_window() -> None:
    """Family 2: each row under a day heading has that day; an encore and a special are
    not premieres; "(series premiere)" is a first season; two series named together
    share one window."""
    assert _summary(_read("schedule.txt", date(2025, 12, 1))) == [
        ("Copper Valley", None, "release", "2026-01-04", "2026-01-04"),
        ("The Lantern Room", 1, "release", "2026-01-04", "2026-01-04"),
        ("The Glass Orchard", None, "release", "2026-01-06", "2026-01-06"),
        ("Field Notes", None, "release", "2026-05-01", "2026-08-31"),
        ("Quiet Hours", None, "release", "2026-05-01", "2026-08-31"),
    ]


def test_a_list_after_a_window_shares_it_unless_an_item_gives_its_own() -> None:
    """Family 2: "Returning in January: A (Jan. 4), B (Jan. 6)"; a show the reader does not
    know ("Night Ferry wraps its run") is not taken for the one before; "the show's" after
    "Harbor Lights fans" is Harbor Lights."""
    assert _summary(_read("lists.txt", date(2025, 12, 20))) == [
        ("Copper Valley", None, "release", "2026-01-04", "2026-01-04"),
        ("The Glass Orchard", None, "release", "2026-01-06", "2026-01-06"),
        ("Field Notes", None, "release", "2026-01-11", "2026-01-11"),
        ("Quiet Hours", None, "release", "2026-01-18", "2026-01-18"),
        ("Harbor Lights", 4, "release", "2026-09-01", "2026-12-31"),
    ]


def test_the_season_is_the_clauses_else_the_articles_and_an_aside_does_not_take_over() -> None:
    """Family 3: "Sophomore Run" is season 2 and "the show's Season 2 premiere, which is set
    for" is too, though the headline names season 3; "a fourth season, which is expected"
    is season 4; the aside about the second season, which wrapped, proposes nothing."""
    assert _summary(_read("seasons.txt", date(2025, 6, 20))) == [
        ("Glass Orchard", 2, "release", "2026-03-01", "2026-03-31"),
        ("Glass Orchard", 2, "release", "2026-03-06", "2026-03-06"),
        ("Glass Orchard", 3, "filming", "2026-01-01", "2026-01-31"),
        ("Glass Orchard", 3, "release", "2027-01-01", "2027-12-31"),
        ("Ember Road", 4, "release", "2027-01-01", "2027-04-30"),
    ]


def test_times_that_are_not_release_windows_are_passed_over() -> None:
    """Family 4: a rating, a past premiere, a birthday, a convention, a time slot, a film's
    opening, the day an interview was given and a question are no release windows;
    filming is its own kind."""
    assert _summary(_read("not-releases.txt", date(2025, 6, 1))) == [
        ("Tidewater", 3, "filming", "2026-02-01", "2026-02-28"),
        ("Tidewater", 3, "release", "2025-06-01", "2025-12-25"),
    ]


def test_bounds_and_negations_open_the_window() -> None:
    """Family 5: "No X season 3 until at least 2027", "skipping 2026 entirely" and "not
    coming in September" are open windows from the day after."""
    found = _read("bounds.txt", date(2025, 6, 1))
    assert _summary(found) == [
        ("Night Harbor", 3, "release", "2027-01-01", None),
        ("Copper Valley", None, "release", "2027-01-01", None),
        ("The Lantern Room", None, "release", "2025-10-01", None),
    ]
    assert [p.phrase for p in found] == [
        "until at least 2027",  # the headline's, which has no verb of release
        "skipping 2026",
        "is not coming in September",
    ]


def test_a_page_without_a_date_gives_only_windows_that_need_none() -> None:
    """Family 6: "next summer" needs the article's day, which the page does not give."""
    assert _summary(_read("undated.txt", None)) == [
        ("Field Notes", 2, "release", "2026-06-01", "2026-06-30"),
    ]


def test_one_statement_is_one_proposal_and_a_phrase_is_never_cut_in_a_word() -> None:
    """Family 7: "October 27, just in time for Halloween" is October 27; "won't" is the
    phrase's first word, not "t"."""
    found = _read("one-statement.txt", date(2025, 6, 1))
    assert _summary(found) == [
        ("Glass Orchard", 2, "release", "2025-10-27", "2025-10-27"),
        ("Glass Orchard", 2, "release", "2026-01-01", None),
    ]
    assert found[1].phrase == "won't premiere until 2026"
    assert found[1].region == "CA"


def test_schedule_wording_gives_the_day() -> None:
    """Family 8: "returns for its fourth season on", "has its winter premiere on", "a
    Sunday launch on", "beginning March 3" (March 3, not early March)."""
    found = _read("schedule-wording.txt", date(2025, 6, 1))
    assert _summary(found) == [
        ("Copper Valley", 4, "release", "2025-11-14", "2025-11-14"),
        ("Night Ferry", None, "release", "2026-01-14", "2026-01-14"),
        ("Field Notes", None, "release", "2025-12-30", "2025-12-30"),
        ("Quiet Hours", None, "release", "2026-03-03", "2026-03-03"),
    ]
    assert found[3].phrase == "beginning March 3, 2026"


def test_a_title_the_article_knows_is_found_inside_a_longer_capitalised_run() -> None:
    """Family 1: "Acclaimed Night Harbor" is the Night Harbor of the headline."""
    text = (
        "You Have A Long Wait For Night Harbor Season 3\n\nAcclaimed Night Harbor returns in 2027."
    )
    found = read_statements(text, None, date(2025, 3, 1))
    assert [(p.show, p.season) for p in found] == [("Night Harbor", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A show the reader does not know opens the sentence: "its" is not the last show.
        (
            "Ember Road returns in May. Night Ferry stars hint its premiere is June 9.",
            ["Ember Road"],
        ),
        # A question is no statement.
        ("Ember Road returns in May. Could it return in June instead?", ["Ember Road"]),
        # Rows of a schedule that no line before calls premieres are only listings.
        ("Tonight's listings\n\nMONDAY, JUNE 1\n\n7:00pm Home Ground\n", []),
    ],
)
def test_the_reader_says_nothing_rather_than_guess(text: str, expected: list[str]) -> None:
    found = read_statements(text, None, date(2025, 3, 1))
    assert [p.show for p in found] == expected
