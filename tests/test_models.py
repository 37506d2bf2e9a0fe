"""The records: what they hold, and how they go to and from plain dicts."""

from __future__ import annotations

import msgspec
import pytest

from showtrack.errors import UsageError
from showtrack.models import (
    HistoryEntry,
    Link,
    Release,
    Show,
    Source,
    WindowRecord,
    check_choice,
    parse_season,
    release_slug,
)

RELEASE = Release(
    id="jessica-jones/s2",
    show_id="jessica-jones",
    season=2,
    window=WindowRecord("spring 2018", "2018-03-01", "2018-05-31", "2018-21"),
    after=[Link("the-defenders/s1", "6mo")],
    sources=[Source("IBT", "https://example.org/a", "2017-01-10")],
    history=[HistoryEntry("2017-01-10T00:00:00+00:00", "2017-01-10", WindowRecord("2018"))],
)


def test_a_release_goes_to_a_dict_and_back_unchanged() -> None:
    doc = RELEASE.to_dict()
    assert doc["window"] == {
        "phrase": "spring 2018",
        "earliest": "2018-03-01",
        "latest": "2018-05-31",
        "edtf": "2018-21",
    }
    assert doc["after"] == [{"release": "the-defenders/s1", "lag": "6mo"}]
    assert doc["known_since"] == "2017-01-10"
    # What is stored comes back as it was stored; the release itself was not changed by
    # being written (its known_since is worked out for the dict, not set on it).
    assert RELEASE.known_since is None
    assert Release.from_dict(doc) == msgspec.structs.replace(RELEASE, known_since="2017-01-10")
    assert Release.from_dict(doc).to_dict() == doc


def test_a_value_of_the_wrong_type_names_its_field() -> None:
    with pytest.raises(msgspec.ValidationError, match="season"):
        Release.from_dict({"id": "a/s1", "show_id": "a", "season": "two"})


def test_null_means_not_given() -> None:
    show = Show.from_dict({"title": "Shōgun", "aliases": None, "tags": None})
    assert (show.id, show.aliases, show.tags) == ("shogun", [], [])


@pytest.mark.parametrize(
    ("text", "season"), [("2", 2), ("S2", 2), ("s02", 2), ("season 2", 2), ("x", None)]
)
def test_seasons(text: str, season: int | None) -> None:
    assert parse_season(text) == season


def test_release_slugs() -> None:
    assert release_slug(2) == "s2"
    assert release_slug(None, "The Christmas Special") == "the-christmas-special"


def test_check_choice() -> None:
    assert check_choice("renewed", ("renewed",), "status") == "renewed"
    assert check_choice(None, ("renewed",), "status") is None
    with pytest.raises(UsageError, match="status 'x' is not one of: renewed"):
        check_choice("x", ("renewed",), "status")
