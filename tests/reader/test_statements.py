"""The statement reader on our own articles in the style of TV news (tests/reader/
articles/, written for these tests), each with the proposals a careful reader finds,
and on the seed article of spec/read.md where ../shared/seed/ is present."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from showtrack.models import KnownShow, Proposal
from showtrack.reader.article import load_article
from showtrack.reader.statements import read_statements, revise, sentences

ARTICLES = Path(__file__).parent / "articles"
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed"
TODAY = date(2026, 11, 24)

Found = tuple[str, int | None, str, str | None, str | None]


def _read(name: str, as_of: date, known: tuple[KnownShow, ...] = ()) -> list[Proposal]:
    article = load_article(str(ARTICLES / name), TODAY)
    return read_statements(article.text, article.title, as_of, None, known)


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


CASES: list[tuple[str, date, list[Found]]] = [
    (
        # A round-up: italics for titles, "the drama" and "its" for the show before,
        # two shows sharing one window, a ratings line and a party to pass over.
        "roundup.md",
        date(2023, 10, 2),
        [
            ("Harbor Lights", 3, "release", "2025-01-01", None),
            ("The Long Quiet", 2, "release", "2024-03-01", "2024-05-31"),
            ("Copper Crown", None, "release", "2024-09-01", "2024-12-31"),
            ("Night Ferry", None, "release", "2024-09-01", "2024-12-31"),
        ],
    ),
    (
        # A renewal: the headline names the show and season, "the series" refers back,
        # production gets its own kind, a past "summer" is no release.
        "renewal.txt",
        date(2024, 9, 15),
        [
            ("Ember Road", 4, "release", "2025-01-01", "2025-06-30"),
            ("Ember Road", 4, "filming", "2025-01-01", "2025-01-31"),
        ],
    ),
    (
        # A delay, as HTML: the plan given up ("once slated for this fall") is not
        # proposed, nor the first season's past premiere, a birthday or a convention.
        "delay.html",
        date(2024, 5, 20),
        [("Starfall Station", 2, "release", "2025-01-01", "2025-04-30")],
    ),
    (
        # A production that waits on another show's season.
        "waits.txt",
        date(2024, 6, 1),
        [
            ("Tidewater", None, "filming", None, None),
            ("Tidewater", None, "release", "2026-01-01", None),
        ],
    ),
    # Ratings: many dates, none a release.
    ("ratings.txt", date(2024, 10, 29), []),
    (
        # Pronouns across paragraphs; the day the news broke is not a release; "two
        # years after the second" is a time from another event.
        "pronouns.txt",
        date(2024, 9, 11),
        [
            ("Glass Orchard", 3, "release", "2024-10-04", "2024-10-04"),
            ("Glass Orchard", 4, "release", "2026-01-01", "2026-12-31"),
        ],
    ),
]


@pytest.mark.parametrize(("name", "as_of", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_article_gives_what_a_careful_reader_finds(
    name: str, as_of: date, expected: list[Found]
) -> None:
    assert _summary(_read(name, as_of)) == expected


def test_a_wait_names_the_release_waited_on_and_its_phrase() -> None:
    (wait, _) = _read("waits.txt", date(2024, 6, 1))
    assert (wait.after_show, wait.after_season) == ("Harbor Lights", 3)
    assert wait.phrase == 'will not begin until the third season of "Harbor Lights" is finished'
    # No window of its own: open at both ends (the scorer and scripts read window.earliest)
    assert wait.window is not None
    assert (wait.window.earliest, wait.window.latest, wait.window.edtf) == (None, None, "..")


def test_confidence_is_low_only_when_the_show_or_season_was_carried_over() -> None:
    found = _read("roundup.md", date(2023, 10, 2))
    assert [p.confidence for p in found] == ["low", "high", "high", "high"]


def test_a_region_named_after_the_window_is_kept() -> None:
    found = _read("roundup.md", date(2023, 10, 2))
    assert [p.region for p in found] == [None, "GB", None, None]


def test_the_new_season_of_a_tracked_show_is_its_next_season() -> None:
    text = "Glass Orchard returns soon. The new season arrives in March 2025."
    known = (KnownShow(("Glass Orchard",), 3),)
    (found,) = read_statements(text, None, date(2024, 9, 1), None, known)
    assert (found.show, found.season, found.window and found.window.earliest) == (
        "Glass Orchard",
        3,
        "2025-03-01",
    )


def test_a_tracked_show_is_found_by_name_without_quotes() -> None:
    text = "Fans rejoice: Iron Fist and The Defenders arrive in 2017."
    known = (KnownShow(("Iron Fist",), 1), KnownShow(("Marvel's The Defenders",), 1))
    found = read_statements(text, None, date(2017, 1, 10), None, known)
    assert [p.show for p in found] == ["Iron Fist", "The Defenders"]


def test_a_character_with_the_actor_in_brackets_is_not_the_show() -> None:
    text = "Luke Cage (Mike Colter) will be seen this year in The Defenders."
    known = (KnownShow(("Luke Cage",), 2), KnownShow(("The Defenders",), 1))
    found = read_statements(text, None, date(2017, 1, 10), None, known)
    assert [p.show for p in found] == ["The Defenders"]


def test_sentences_are_not_cut_at_abbreviations_and_keep_their_closing_quote() -> None:
    text = 'It airs Sept. 25 in the U.S. on the network. Mr. Coker said "it is done." Then more.'
    assert [s.text for s in sentences(text)] == [
        "It airs Sept. 25 in the U.S. on the network.",
        'Mr. Coker said "it is done."',
        "Then more.",
    ]


def test_sentence_offsets_point_into_the_text() -> None:
    text = "First line here.\n\nSecond one. Third one!"
    assert all(text[s.start : s.start + len(s.text)] == s.text for s in sentences(text))


def test_a_revised_proposal_reads_the_new_phrase_and_season() -> None:
    (found, *_) = _read("roundup.md", date(2023, 10, 2))
    changed = revise(found, "early 2025", "4", date(2023, 10, 2), None)
    assert (changed.season, changed.window and changed.window.latest) == (4, "2025-04-30")
    with pytest.raises(Exception, match="not a number"):
        revise(found, found.phrase, "fourth", date(2023, 10, 2), None)


def _seed() -> Path:
    files = sorted(SEED.glob("*.txt")) if SEED.is_dir() else []
    if not files:
        pytest.skip("the seed article (../shared/seed/) is not beside the project")
    return files[0]


def test_the_seed_article_gives_what_spec_read_md_lists() -> None:
    article = load_article(str(_seed()), TODAY)
    found = read_statements(article.text, article.title, date(2017, 1, 10))
    assert _summary(found) == [
        ("Jessica Jones", 2, "release", "2018-01-01", None),
        ("Jessica Jones", 2, "filming", None, None),
        ("Jessica Jones", 2, "release", "2018-03-01", "2018-05-31"),
        ("The Defenders", None, "release", "2017-01-01", "2017-12-31"),
    ]
    assert found[0].phrase == "does not return before 2018"
    assert (found[1].after_show, found[1].after_season) == ("The Defenders", 1)
    assert found[2].region == "US"
    # The photo caption's party (January 10, 2016) is not proposed.
    assert all("Golden Globe" not in p.sentence for p in found)


SENTENCES: list[tuple[str, list[Found]]] = [
    # A season's number is not a day: "season 2 premieres January 17" is January 17.
    (
        "Severance season 2 premieres January 17, 2025 on the streamer.",
        [("Severance", 2, "release", "2025-01-17", "2025-01-17")],
    ),
    (
        "The Bear returns for season 3 on June 27, the network announced Monday.",
        [("The Bear", 3, "release", "2025-06-27", "2025-06-27")],
    ),
    # A company's possessive is not part of the title; "will be back" names a show.
    (
        "HBO's House of the Dragon will be back for a third season in summer 2026.",
        [("House of the Dragon", 3, "release", "2026-06-01", "2026-08-31")],
    ),
    (
        "Season 5 of Stranger Things arrives on Netflix in 2025.",
        [("Stranger Things", 5, "release", "2025-01-01", "2025-12-31")],
    ),
    # Filming and release in one sentence, each its own kind.
    (
        "Production on the fifth season of Slow Horses wraps in March, and it is expected"
        " to air in late 2025.",
        [
            ("Slow Horses", 5, "filming", "2025-03-01", "2025-03-31"),
            ("Slow Horses", 5, "release", "2025-09-01", "2025-12-31"),
        ],
    ),
    # A country named after the window: its seasons are that hemisphere's.
    (
        '"Bluey" season 4 arrives in spring 2025 in Australia.',
        [("Bluey", 4, "release", "2025-09-01", "2025-11-30")],
    ),
    # A birthday, a past season, the day the news broke: nothing.
    ("Andor star Diego Luna turns 45 on December 29, 2024.", []),
    ("The first season of Severance debuted in February 2022.", []),
    # A day already past is history, whatever the verb's tense.
    ("Harbor Lights season 2 lands on March 3, 2023.", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[s[0][:40] for s in SENTENCES])
def test_each_sentence_gives_its_statements(text: str, expected: list[Found]) -> None:
    assert _summary(read_statements(text, None, date(2024, 7, 1))) == expected
