"""Which show or release a user means."""

from __future__ import annotations

from pathlib import Path

import pytest

from showtrack import store
from showtrack.errors import AmbiguousNameError, NotFoundError, UsageError
from showtrack.models import Release, Show
from showtrack.tracker.names import find_release_by_ref, resolve_release, resolve_show

SHOWS = [
    Show("jessica-jones", "Jessica Jones", aliases=["Marvel's Jessica Jones"]),
    Show("pokemon", "Pokémon"),
    Show("the-defenders", "The Defenders"),
    Show("luke-cage", "Luke Cage"),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("jessica-jones", "jessica-jones"),
        ("JESSICA JONES", "jessica-jones"),
        ("marvel's jessica jones", "jessica-jones"),
        ("pokemon", "pokemon"),
        ("POKÉMON", "pokemon"),
        ("defend", "the-defenders"),
    ],
)
def test_a_show_by_id_title_alias_part_case_and_accent_blind(name: str, expected: str) -> None:
    assert resolve_show(SHOWS, name).id == expected


def test_an_ambiguous_name_lists_the_candidates() -> None:
    with pytest.raises(
        AmbiguousNameError, match=r"Jessica Cage \(jessica-cage\), Luke Cage \(luke-cage\)"
    ):
        resolve_show([*SHOWS, Show("jessica-cage", "Jessica Cage")], "cage")


def test_an_unknown_name_suggests_close_ones() -> None:
    with pytest.raises(NotFoundError) as raised:
        resolve_show(SHOWS, "Luke Cagee")
    assert raised.value.hint is not None and "luke cage" in raised.value.hint


def test_an_empty_name_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        resolve_show(SHOWS, "  ")


@pytest.fixture
def opened(tmp_path: Path) -> store.Store:
    st = store.load(tmp_path / "db.json", writable=True)
    st.insert([*SHOWS, Release(id="the-defenders/s1", show_id="the-defenders", season=1)])
    return st


@pytest.mark.parametrize(
    ("show", "season"),
    [
        ("The Defenders", "1"),
        ("defenders", "S1"),
        ("the-defenders/s1", None),
        ("Defenders S1", None),
    ],
)
def test_a_release_by_show_and_season_or_id(
    opened: store.Store, show: str, season: str | None
) -> None:
    assert resolve_release(opened, show, season)[1].id == "the-defenders/s1"


def test_an_unknown_season_lists_the_shows_releases(opened: store.Store) -> None:
    with pytest.raises(NotFoundError) as raised:
        resolve_release(opened, "The Defenders", "2")
    assert raised.value.hint is not None and "the-defenders/s1" in raised.value.hint


def test_a_release_from_one_string(opened: store.Store) -> None:
    assert find_release_by_ref(opened, "The Defenders S1").id == "the-defenders/s1"
    assert find_release_by_ref(opened, "the-defenders/s1").id == "the-defenders/s1"
