"""The fast read of a listing (store/listing.py): the same answers as the Store, from
the same file, through the same reading methods (store.Readable)."""

from __future__ import annotations

from datetime import date, timezone
from pathlib import Path

from showtrack import store
from showtrack.tracker import edits

TODAY = date(2017, 3, 1)


def _saved(path: Path) -> None:
    """A database with two shows, three releases, sources and a history."""
    with store.open_for_writing(path) as st:
        edits.add_show(st, "Jessica Jones", network="Netflix", aliases=["JJ"])
        edits.add_show(st, "The Defenders", network="Netflix")
        for show, season, phrase in (
            ("Jessica Jones", "2", "2018"),
            ("The Defenders", "1", "2017-08-18"),
        ):
            options = edits.ExpectOptions(source="Variety", as_of=date(2017, 1, 10))
            edits.expect(st, show, season, phrase, options, TODAY, timezone.utc)
        later = edits.ExpectOptions(source="IBT", as_of=date(2017, 2, 1))
        edits.expect(st, "Jessica Jones", "2", "spring 2018", later, TODAY, timezone.utc)
        edits.expect(st, "Jessica Jones", "3", "TBA", edits.ExpectOptions(), TODAY, timezone.utc)


def test_a_listing_answers_as_the_store_does(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    _saved(path)
    whole = store.load(path)
    fast = store.read_listing(path)
    readers: list[store.Readable] = [whole, fast]
    for db in readers:
        assert [s.id for s in db.shows()] == ["jessica-jones", "the-defenders"]
        assert [s.id for s in db.show_names()] == ["jessica-jones", "the-defenders"]
        assert db.show("the-defenders") == whole.show("the-defenders")
        assert db.show("nobody") is None
        assert db.release("nobody/s1") is None
        assert db.meta["schema"] == whole.meta["schema"]
    assert fast.release("jessica-jones/s2") == whole.release("jessica-jones/s2")
    assert fast.releases_of("jessica-jones") == whole.releases_of("jessica-jones")
    stored = {r.id: r for r in whole.releases()}
    reported = {
        "jessica-jones/s2": "2017-02-01",
        "the-defenders/s1": "2017-01-10",
        "jessica-jones/s3": "2017-03-01",  # no --as-of: the day it was recorded
    }
    assert [r.id for r in fast.releases()] == list(stored)
    for record in fast.releases():
        release = stored[record.id]
        assert record.decoded_sources() == release.decoded_sources()
        assert record.decoded_history() == release.decoded_history()
        assert record.last_reported() == release.last_reported() == reported.get(record.id)
        assert record.to_release() == release


def test_a_listing_decodes_one_history_for_one_release(tmp_path: Path) -> None:
    """`history` of one release of many decodes that release's history alone."""
    path = tmp_path / "db.json"
    _saved(path)
    fast = store.read_listing(path)
    asked = fast.release("jessica-jones/s2")
    assert asked is not None
    assert [h.source for h in asked.history] == ["Variety", "IBT"]
    assert [s.name for s in asked.sources] == ["Variety", "IBT"]
