"""Resolving proposals against the database and recording them, as a library."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from showtrack import store
from showtrack.models import Proposal, WindowRecord
from showtrack.tracker import edits, proposals
from showtrack.tracker.proposals import ArticleSource

TODAY = date(2017, 7, 1)
ZONE = ZoneInfo("America/New_York")
SOURCE = ArticleSource("A headline", "A headline", None, date(2017, 1, 10), "option")


def _proposal(show: str, season: int | None, phrase: str | None, **more: object) -> Proposal:
    window = None
    if phrase is not None:
        from showtrack.windows.phrases import parse_window

        window = WindowRecord.of(parse_window(phrase, SOURCE.as_of))
    fields = {
        "show": show,
        "season": season,
        "kind": "release",
        "phrase": phrase or "until X is done",
        "window": window,
        "sentence": "s",
        "offset": 0,
        "phrase_offset": 0,
        "confidence": "high",
        **more,
    }
    return Proposal(**fields)  # type: ignore[arg-type]


def _record(st: store.Store, found: list[Proposal], create: bool) -> list[str]:
    views = proposals.resolve(st, found, TODAY)
    done = proposals.record(st, views, SOURCE, create_shows=create, today=TODAY, local_zone=ZONE)
    return [view.status for view in done]


def test_next_season_is_the_first_not_out_else_the_one_after(tmp_path: Path) -> None:
    with store.open_for_writing(tmp_path / "db.json") as st:
        edits.add_show(st, "Marvel's Jessica Jones")
        edits.expect(st, "jessica", "1", "2015-11-20", edits.ExpectOptions(), TODAY, ZONE)
        edits.expect(st, "jessica", "2", "2018", edits.ExpectOptions(), TODAY, ZONE)
        # Season 1's day has passed; season 2's window has not.
        assert proposals.known_shows(st, TODAY)[0].next_season == 2
        assert proposals.known_shows(st, date(2019, 1, 1))[0].next_season == 3
        assert proposals.known_shows(st, date(2015, 1, 1))[0].next_season == 1


def test_a_tracked_show_is_matched_without_its_leading_possessive(tmp_path: Path) -> None:
    with store.open_for_writing(tmp_path / "db.json") as st:
        edits.add_show(st, "Marvel's The Defenders")
        (view,) = proposals.resolve(st, [_proposal("The Defenders", None, "this year")], TODAY)
        assert (view.show_id, view.release) == ("marvels-the-defenders", "marvels-the-defenders/s1")


def test_a_wait_is_recorded_on_the_release_once_both_exist(tmp_path: Path) -> None:
    found = [
        _proposal("Jessica Jones", 2, None, after_show="The Defenders", after_season=1),
        _proposal("Jessica Jones", 2, "spring 2018"),
        _proposal("The Defenders", None, "this year"),
    ]
    with store.open_for_writing(tmp_path / "db.json") as st:
        views = proposals.resolve(st, found, TODAY)
        assert [v.after for v in views] == ["the-defenders/s1", None, None]
        assert _record(st, found, create=True) == ["recorded"] * 3
        jones = st.release("jessica-jones/s2")
        assert jones is not None and [a.release for a in jones.after] == ["the-defenders/s1"]
        assert _record(st, found, create=True) == ["unchanged"] * 3


def test_filming_windows_and_untracked_shows_are_not_recorded(tmp_path: Path) -> None:
    found = [
        _proposal("Nightfall", 2, "spring 2018", kind="filming"),
        _proposal("Nightfall", 2, "2019"),
    ]
    with store.open_for_writing(tmp_path / "db.json") as st:
        assert _record(st, found, create=False) == [
            "skipped: a window of filming",
            "skipped: not tracked (--create-shows)",
        ]
        assert st.releases() == [] and st.shows() == []


def test_a_proposal_is_recorded_as_the_season_it_resolved_to(tmp_path: Path) -> None:
    """The season travels typed from `resolve` to `expect`; nothing splits the id."""
    with store.open_for_writing(tmp_path / "db.json") as st:
        edits.add_show(st, "Jessica Jones")
        edits.expect(st, "jessica", "1", "2015-11-20", edits.ExpectOptions(), TODAY, ZONE)
        (view,) = proposals.resolve(st, [_proposal("Jessica Jones", None, "2018")], TODAY)
        assert (view.release, view.season) == ("jessica-jones/s2", 2)
        done = proposals.record(
            st, [view], SOURCE, create_shows=False, today=TODAY, local_zone=ZONE
        )
        assert [v.status for v in done] == ["recorded"]
        season_two = st.release("jessica-jones/s2")
        assert season_two is not None and season_two.window.phrase == "2018"
