"""A release as the fast read keeps it (store/records.py): its sources, history and
episodes decoded only when asked, and read through the same methods as a Release's."""

from __future__ import annotations

import msgspec
import pytest

from showtrack.errors import DatabaseError
from showtrack.models import (
    Episode,
    EpisodeFields,
    EpisodeMove,
    Release,
)
from showtrack.store.records import ReleaseRecord

from ..test_models import RELEASE


def test_a_listing_record_decodes_history_only_when_asked() -> None:
    raw = msgspec.json.encode(RELEASE.to_dict())
    record = msgspec.json.decode(raw, type=ReleaseRecord)
    assert record.to_release() == Release.from_dict(RELEASE.to_dict())
    assert record.to_release(with_history=False).history == []


def test_listed_episodes_are_the_stored_ones_without_their_history() -> None:
    moved = EpisodeMove(recorded_at="2020-01-01T00:00:00+00:00", air_date="2020-01-14")
    episodes = [
        Episode(number=1, title="One", air_date="2020-01-14", runtime=42, history=[moved]),
        Episode(number=None, type="special", tvmaze_id=7),
    ]
    line = msgspec.json.encode({"id": "x/s1", "show_id": "x", "episodes": episodes})
    record = msgspec.json.decode(line, type=ReleaseRecord)
    assert record.decoded_episodes() == episodes
    listed = record.listed_episodes()
    assert [type(e) for e in listed] == [EpisodeFields, EpisodeFields]
    assert [msgspec.structs.asdict(e) for e in listed] == [
        {k: v for k, v in msgspec.structs.asdict(e).items() if k != "history"} for e in episodes
    ]


def test_a_record_is_read_through_the_same_methods_as_a_release() -> None:
    """The tracker never asks which shape it holds: each method gives the same."""
    record = msgspec.json.decode(msgspec.json.encode(RELEASE.to_dict()), type=ReleaseRecord)
    whole = Release.from_dict(RELEASE.to_dict())
    assert record.decoded_sources() == whole.decoded_sources() == RELEASE.sources
    assert record.decoded_history() == whole.decoded_history() == RELEASE.history
    assert [m.as_of for m in record.decoded_marks()] == ["2017-01-10"]
    assert record.last_reported() == whole.last_reported() == "2017-01-10"
    assert record.listed_episodes() == whole.listed_episodes() == []
    assert whole.to_release() is whole


def test_a_damaged_part_is_refused_when_it_is_first_read() -> None:
    line = msgspec.json.encode({"id": "x/s1", "show_id": "x", "sources": [{"name": 3}]})
    record = msgspec.json.decode(line, type=ReleaseRecord)
    with pytest.raises(DatabaseError, match="the database's release 'x/s1' is damaged"):
        record.decoded_sources()


def test_a_null_part_reads_as_none_and_a_wrong_type_as_damage() -> None:
    line = b'{"id": "x/s1", "show_id": "x", "sources": null, "history": null, "episodes": null}'
    record = msgspec.json.decode(line, type=ReleaseRecord)
    assert record.decoded_sources() == []
    assert record.decoded_history() == []
    assert record.decoded_episodes() == [] and record.listed_episodes() == []
    wrong = msgspec.json.decode(b'{"id": "x/s1", "show_id": "x", "sources": 7}', type=ReleaseRecord)
    with pytest.raises(DatabaseError, match="the database's release 'x/s1' is damaged"):
        wrong.decoded_sources()
