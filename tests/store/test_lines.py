"""store/lines.py and the store over it: records kept undecoded until asked for, found
by a byte search of the file, and written back byte for byte unless changed."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showtrack import store
from showtrack.errors import DatabaseError
from showtrack.models import Link, Release, Show, WindowRecord

from ..conftest import Runner


def _release(show: str, season: int, *, after: str | None = None, note: str = "") -> Release:
    return Release(
        id=f"{show}/s{season}",
        show_id=show,
        season=season,
        window=WindowRecord(phrase="2030", earliest="2030-01-01", latest="2030-12-31"),
        after=[Link(after)] if after else [],
        notes=note or None,
    )


def _write(path: Path, shows: list[Show], releases: list[Release]) -> None:
    data = store.empty_data()
    data["shows"] = {str(n): s.to_dict() for n, s in enumerate(shows, 1)}
    data["releases"] = {str(n): r.to_dict() for n, r in enumerate(releases, 1)}
    path.write_bytes(store.serialize(data))


def test_a_write_rewrites_only_the_line_of_what_it_changed(db: Path, cli: Runner) -> None:
    for title in ("Dark", "Jessica Jones", "The Defenders"):
        assert cli("add", title).code == 0
        assert cli("expect", title, "1", "2030").code == 0
        assert cli("expect", title, "2", "late 2031").code == 0
    before = db.read_text().splitlines()
    assert cli("expect", "Jessica Jones", "2", "spring 2031").code == 0
    after = db.read_text().splitlines()
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert len(changed) == 1
    assert '"id":"jessica-jones/s2"' in changed[0][1]
    assert "spring 2031" in changed[0][1]


def test_a_write_decodes_only_the_records_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.json"
    shows = [Show(id=f"show-{n}", title=f"Show {n}") for n in range(50)]
    _write(path, shows, [_release(s.id, k) for s in shows for k in (1, 2, 3)])
    with store.open_for_writing(path) as checked:
        pass  # a file showtrack did not write is checked whole, once
    assert checked.decodes == 50 + 150
    with store.open_for_writing(path) as st_:
        release = st_.release("show-7/s2")
        assert release is not None
        release.notes = "moved"
        st_.update([release])
        assert st_.show("show-7") is not None
    assert st_.decodes == 2  # the release and the show it read, no other
    assert store.load(path).release("show-7/s2").notes == "moved"  # type: ignore[union-attr]


def test_a_record_is_found_past_the_ones_that_wait_on_it(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    shows = [Show(id="a", title="A"), Show(id="b", title="B")]
    # b/s1 waits on a/s9, and comes first in the file: a byte search meets it first.
    _write(path, shows, [_release("b", 1, after="a/s9"), _release("a", 9)])
    loaded = store.load(path)
    found = loaded.release("a/s9")
    assert found is not None and found.show_id == "a"
    assert [r.id for r in loaded.releases_of("a")] == ["a/s9"]
    assert loaded.release("a/s") is None and loaded.release("a") is None


@pytest.mark.parametrize(
    "edit",
    [
        # The id written with an escape: a byte search cannot see it.
        lambda text: text.replace('"id":"b/s2"', '"id":"b\\/s2"'),
        lambda text: text.replace('"id":"b/s2"', '"id":"\\u0062/s2"'),
        # A record spread over lines, or with spaces: not as showtrack writes it.
        lambda text: text.replace('"id":"b/s2",', '\n      "id": "b/s2",\n'),
        lambda text: text.replace('{"after"', '{ "after"'),
    ],
)
def test_a_hand_edited_file_is_read_as_json_says(tmp_path: Path, edit: object) -> None:
    path = tmp_path / "db.json"
    _write(path, [Show(id="b", title="B")], [_release("b", 1), _release("b", 2)])
    assert callable(edit)
    path.write_text(edit(path.read_text()))
    json.loads(path.read_text())
    with store.open_for_writing(path) as loaded:
        found = loaded.release("b/s2")
        assert found is not None
        assert [r.id for r in loaded.releases_of("b")] == ["b/s1", "b/s2"]
        found.notes = "seen"
        loaded.update([found])
    again = store.load(path)
    assert [r.id for r in again.releases()] == ["b/s1", "b/s2"]
    assert again.release("b/s2").notes == "seen"  # type: ignore[union-attr]


NOTES = st.sampled_from(["", 'said "soon"', "a\\b", "b/s1", '"id":"b/s2"', "é"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plan=st.lists(
        st.tuples(st.sampled_from("abc"), st.integers(1, 4), st.one_of(st.none(), NOTES)),
        max_size=12,
    ),
    asked=st.lists(st.tuples(st.sampled_from("abcd"), st.integers(0, 5)), max_size=6),
    changes=st.lists(
        st.tuples(st.sampled_from(["update", "insert", "remove"]), st.sampled_from("abc"), NOTES),
        max_size=4,
    ),
)
def test_the_undecoded_store_answers_as_the_decoded_one(
    tmp_path_factory: pytest.TempPathFactory,
    plan: list[tuple[str, int, str | None]],
    asked: list[tuple[str, int]],
    changes: list[tuple[str, str, str]],
) -> None:
    path = tmp_path_factory.mktemp("db") / "db.json"
    releases = {}
    for show, season, note in plan:
        releases[f"{show}/s{season}"] = _release(
            show, season, note=note or "", after=note if note == "b/s1" else None
        )
    _write(path, [Show(id=s, title=s.upper()) for s in "abc"], list(releases.values()))
    lazy, whole = store.load(path), store.load(path, decoded=True)
    assert lazy.kept_as_lines and not whole.kept_as_lines
    for both in (lazy, whole):
        for kind, show, note in changes:
            present = both.releases_of(show)
            if kind == "update" and present:
                present[0].notes = note
                both.update([present[0]])
            elif kind == "remove" and present:
                both.remove([present[-1]])
            elif kind == "insert" and both.release(f"{show}/s9") is None:
                both.insert([_release(show, 9, note=note)])
    for show, season in asked:
        assert lazy.release(f"{show}/s{season}") == whole.release(f"{show}/s{season}")
        assert lazy.releases_of(show) == whole.releases_of(show)
        assert lazy.show(show) == whole.show(show)
    assert lazy.show_names() == whole.show_names()
    assert lazy.to_bytes() == whole.to_bytes()
    # Whether it splices the changed lines in or writes the file whole, a save writes
    # the file the decoded store would.
    lazy.meta["notified"] = {"a/s1": "x"}
    whole.meta["notified"] = {"a/s1": "x"}
    assert lazy.pending_bytes() == whole.to_bytes()
    msgspec.json.decode(lazy.to_bytes())


def test_a_record_that_is_not_an_object_is_refused_when_read(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    _write(path, [Show(id="b", title="B")], [_release("b", 1), _release("b", 2)])
    lines = path.read_text().split("\n")
    at = next(n for n, line in enumerate(lines) if '"id":"b/s1"' in line)
    lines[at] = '    "1": 5,'
    path.write_text("\n".join(lines))
    before = path.read_bytes()
    # Not the file a writer checked and left: checked whole, by a reader of another
    # record as by a write, it is refused (exit 4), and nothing is written.
    with pytest.raises(DatabaseError, match="releases record number 1 is damaged"):
        store.load(path).release("b/s2")
    with pytest.raises(DatabaseError, match="releases record number 1 is damaged"):  # noqa: SIM117
        with store.open_for_writing(path):
            pass
    assert path.read_bytes() == before


def test_an_export_passes_records_on_undecoded_and_equal_to_decoded_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from showtrack.tracker import transfer

    path = tmp_path / "db.json"
    shows = [Show(id=f"show-{n}", title=f"Shōw {n}", notes='"quoted"') for n in range(5)]
    _write(path, shows, [_release(s.id, k, note="é\\") for s in shows for k in (1, 2)])
    whole = transfer.export_json_bytes(store.load(path, decoded=True))
    with store.open_for_writing(path):
        pass  # now the file the last writer checked and left: not checked again
    lazy = store.load(path)
    assert transfer.export_json_bytes(lazy) == whole
    assert lazy.decodes == 0
    release = lazy.release("show-3/s2")
    assert release is not None
    release.notes = "changed"
    lazy.update([release])
    exported = transfer.export_document(lazy)
    assert [r["notes"] for r in exported["releases"]].count("changed") == 1


def test_a_save_writes_only_what_changed_and_serializes_nothing_it_need_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.json"
    _write(path, [Show(id="b", title="B")], [_release("b", 1), _release("b", 2)])
    serialized: list[int] = []
    real = store.serialize

    def counting(data: store.Data) -> bytes:
        serialized.append(1)
        return real(data)

    monkeypatch.setattr(store.database, "serialize", counting)
    with store.open_for_writing(path) as loaded:
        same = loaded.release("b/s2")
        assert same is not None
        loaded.update([same])  # replaced by itself
    assert not loaded.save() and serialized == []
    before = path.read_bytes()
    with store.open_for_writing(path) as loaded:
        loaded.meta["notified"] = {"b/s2": "x"}  # the meta alone changed
    # Written by splicing the meta's new line into the file as read: still no serialize.
    assert path.read_bytes() != before and serialized == []
    assert store.load(path).meta["notified"] == {"b/s2": "x"}
    with store.open_for_writing(path) as loaded:
        changed = loaded.release("b/s1")
        assert changed is not None
        changed.notes = "new"
        loaded.update([changed])
    assert store.load(path).release("b/s1").notes == "new"  # type: ignore[union-attr]
    after_update = path.read_bytes()
    with store.open_for_writing(path) as loaded:
        extra = _release("b", 3)
        loaded.insert([extra])
        loaded.remove([extra])  # added and dropped: the whole file compared
    assert path.read_bytes() == after_update
