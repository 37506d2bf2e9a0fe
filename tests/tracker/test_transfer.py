"""Export, import and apply_batch as a library."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from showtrack import store
from showtrack.errors import UsageError
from showtrack.models import STAGES, Link, Release, Show
from showtrack.tracker import transfer

TODAY = date(2017, 7, 1)
DAYS = st.dates(date(2000, 1, 1), date(2040, 12, 31)).map(date.isoformat)
TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=12
).filter(str.strip)


@st.composite
def windows(draw: st.DrawFn) -> dict[str, Any]:
    earliest, latest = draw(st.one_of(st.none(), DAYS)), draw(st.one_of(st.none(), DAYS))
    if earliest and latest and latest < earliest:
        earliest, latest = latest, earliest
    # A window without bounds was read from a TBA phrase; import reads such a phrase again.
    phrase = draw(TEXT) if earliest or latest else draw(st.sampled_from(["TBA", "tbc", "?"]))
    return {"phrase": phrase, "earliest": earliest, "latest": latest}


@st.composite
def exports(draw: st.DrawFn) -> dict[str, Any]:
    """An export document: shows with odd titles, releases with windows, sources,
    history and links to earlier releases."""
    titles = draw(st.lists(TEXT, min_size=1, max_size=4, unique_by=lambda t: t.casefold()))
    shows = [
        {
            "id": f"show-{n}",
            "title": title,
            "aliases": draw(st.lists(TEXT, max_size=2)),
            "network": draw(st.one_of(st.none(), TEXT)),
            "tags": draw(st.lists(TEXT, max_size=2)),
            "status": draw(st.sampled_from([None, "renewed", "ended"])),
            "notes": draw(st.one_of(st.none(), TEXT)),
        }
        for n, title in enumerate(titles)
    ]
    releases: list[dict[str, Any]] = []
    for n in range(draw(st.integers(0, 6))):
        show = draw(st.sampled_from(shows))
        earlier = [r["id"] for r in releases]
        history = [
            {
                "recorded_at": f"2017-0{k + 1}-01T00:00:00+00:00",
                "as_of": draw(st.one_of(st.none(), DAYS)),
                "window": draw(windows()),
                "stage": draw(st.sampled_from([None, *STAGES])),
                "source": draw(st.one_of(st.none(), TEXT)),
                "url": None,
                "note": None,
            }
            for k in range(draw(st.integers(0, 3)))
        ]
        releases.append(
            {
                "id": f"{show['id']}/s{n}",
                "show_id": show["id"],
                "season": n,
                "window": draw(windows()),
                "stage": draw(st.sampled_from([None, *STAGES])),
                "region": draw(st.sampled_from([None, "US", "AU"])),
                "notes": draw(st.one_of(st.none(), TEXT)),
                "remind": draw(st.sampled_from([None, "7d", "2w"])),
                "sources": [{"name": draw(TEXT), "url": None, "as_of": draw(DAYS)}],
                "after": [
                    {"release": rid, "lag": draw(st.sampled_from([None, "3mo"]))}
                    for rid in draw(st.lists(st.sampled_from(earlier), unique=True, max_size=2))
                ]
                if earlier
                else [],
                "history": history,
            }
        )
    return {"showtrack_export": 1, "shows": shows, "releases": releases}


def _import_then_export(document: dict[str, Any], folder: Path) -> dict[str, Any]:
    path = folder / f"{len(list(folder.iterdir()))}.json"
    with store.open_for_writing(path) as st_:
        transfer.import_records(st_, document, TODAY)
    return transfer.export_document(store.load(path))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exports())
def test_export_then_import_is_the_identity(document: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        first = _import_then_export(document, Path(tmp))
        second = _import_then_export(first, Path(tmp))
    assert second == first
    # and what went in is what came out, field for field
    assert [s["title"] for s in first["shows"]] == [s["title"] for s in document["shows"]]
    for given_, kept in zip(document["releases"], first["releases"], strict=True):
        for key in ("id", "season", "stage", "region", "notes", "remind", "sources", "after"):
            assert kept[key] == given_[key], key
        assert {k: kept["window"][k] for k in ("earliest", "latest")} == {
            k: given_["window"][k] for k in ("earliest", "latest")
        }
        assert [h["window"]["earliest"] for h in kept["history"]] == [
            h["window"]["earliest"] for h in given_["history"]
        ]


def _release(rid: str, *after: str) -> Release:
    return Release(id=rid, show_id="show", season=None, after=[Link(a) for a in after])


@pytest.fixture
def opened(tmp_path: Path) -> store.Store:
    return store.load(tmp_path / "db.json", writable=True)


def test_apply_batch_counts_what_it_added(opened: store.Store) -> None:
    result = transfer.apply_batch(opened, [Show("show", "Show")], [_release("show/a")])
    assert result == transfer.BatchResult(1, 1, 0)
    again = transfer.apply_batch(opened, [Show("show", "Show")], [_release("show/a")])
    assert again == transfer.BatchResult(0, 0, 0)  # the same record again is no change
    noted = _release("show/a")
    noted.notes = "now with a note"
    assert transfer.apply_batch(opened, [], [noted]) == transfer.BatchResult(0, 0, 1)
    assert [r.id for r in opened.releases()] == ["show/a"]


@pytest.mark.parametrize(
    ("releases", "message"),
    [
        ([_release("show/a"), _release("show/a")], "show/a appears twice"),
        ([_release("show/a", "show/nowhere")], "unknown release 'show/nowhere'"),
        ([_release("show/a", "show/b"), _release("show/b", "show/a")], "wait on each other"),
    ],
)
def test_apply_batch_refuses_and_changes_nothing(
    opened: store.Store, releases: list[Release], message: str
) -> None:
    before = opened.to_bytes()
    with pytest.raises(UsageError, match=message):
        transfer.apply_batch(opened, [Show("show", "Show")], releases, what="sync")
    assert opened.to_bytes() == before


def test_a_refusal_names_the_source_of_the_batch(opened: store.Store) -> None:
    with pytest.raises(UsageError, match=r"^sync refused, nothing changed"):
        transfer.apply_batch(opened, [], [_release("show/a"), _release("show/a")], what="sync")


def test_a_release_of_the_wrong_shape_is_named(opened: store.Store) -> None:
    bad = {"id": "x/s1", "window": {"phrase": "2018"}, "sources": [{"name": 5}]}
    with pytest.raises(UsageError, match=r"record 1 \(x/s1\).*name"):
        transfer.import_records(opened, [bad], TODAY)


def test_the_json_export_is_what_json_dumps_writes(tmp_path: Path) -> None:
    """msgspec writes it; the bytes are those of json.dumps(indent=2, ensure_ascii=False),
    which earlier exports were made with (and which diff tools have seen)."""
    import json

    from showtrack import store
    from showtrack.models import Release, Show
    from showtrack.text import json_safe
    from showtrack.tracker.transfer import export_json

    path = tmp_path / "db.json"
    with store.open_for_writing(path) as st:
        st.insert([Show("shogun", "Shōgun \u202e\x1b[31m", notes="«ünïcode» 🎬")])
        st.insert([Release(id="shogun/s2", show_id="shogun", season=2, notes="a\tb\nc")])
    text = export_json(store.load(path))
    dumped = json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    # ...but for what acts on a terminal, written as \u escapes as every JSON output is.
    assert text == json_safe(dumped) + "\n"
    assert "Shōgun" in text and "🎬" in text
    assert "\u202e" not in text and "\\u202e" in text and "\x1b" not in text
