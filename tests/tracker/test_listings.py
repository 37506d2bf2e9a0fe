"""The read model as a library: releases as known on a day, constraints resolved,
listings filtered and ordered."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from showtrack.models import HistoryEntry, Release, ReleaseView, Show, Source, WindowRecord
from showtrack.store import Listing, Store
from showtrack.store.records import ReleaseRecord
from showtrack.tracker import due, history, listings
from showtrack.windows.durations import parse_duration

DAYS = st.dates(date(2015, 1, 1), date(2022, 12, 31))


def _window(earliest: date | None, latest: date | None) -> WindowRecord:
    return WindowRecord(
        phrase="generated",
        earliest=None if earliest is None else earliest.isoformat(),
        latest=None if latest is None else latest.isoformat(),
    )


@st.composite
def windows(draw: st.DrawFn) -> WindowRecord:
    earliest = draw(st.one_of(st.none(), DAYS))
    latest = draw(st.one_of(st.none(), DAYS))
    if earliest and latest and latest < earliest:
        earliest, latest = latest, earliest
    return _window(earliest, latest)


@st.composite
def releases_with_history(draw: st.DrawFn) -> Release:
    """A release with reports on several days (in the order they were typed) and maybe
    a release date."""
    reports = draw(st.lists(st.tuples(st.one_of(st.none(), DAYS), windows()), max_size=5))
    history = [
        HistoryEntry(
            recorded_at=f"2023-01-01T00:00:{i:02d}+00:00",
            as_of=None if d is None else d.isoformat(),
            window=w,
        )
        for i, (d, w) in enumerate(reports)
    ]
    released = draw(st.one_of(st.none(), DAYS))
    window = history[-1].window if history else draw(windows())
    return Release(
        id="show/s1",
        show_id="show",
        season=1,
        window=window,
        release_date=None if released is None else released.isoformat(),
        stage="released" if released else "announced",
        history=history,
    )


@settings(max_examples=300, deadline=None)
@given(releases_with_history(), DAYS, DAYS)
def test_known_on_is_monotone_in_the_day(release: Release, a: date, b: date) -> None:
    first, second = sorted((a, b))
    before, after = history.known_on(release, first), history.known_on(release, second)
    # Once something was known about a release, it stays known.
    if before is not None:
        assert after is not None
    # Once out, it stays out, on the same day.
    if before is not None and before.release_date is not None:
        assert after is not None and after.release_date == before.release_date
    # A release date is never known before it happens.
    for known, day in ((before, first), (after, second)):
        if known is not None and known.release_date is not None:
            assert known.release_date <= day.isoformat()
    # Each state shown was reported by then: the stored one, or one of its history.
    for known, day in ((before, first), (after, second)):
        if known is not None and known.window != release.window:
            reported = [h.window for h in release.history if h.as_of and h.as_of <= day.isoformat()]
            assert known.window in reported


@settings(max_examples=100, deadline=None)
@given(releases_with_history())
def test_known_on_the_last_report_day_is_the_release_as_stored(release: Release) -> None:
    days = [h.as_of for h in release.history if h.as_of]
    if release.release_date:
        days.append(release.release_date)
    last = date.fromisoformat(max(days)) if days else date(2023, 1, 1)
    assert history.known_on(release, last + timedelta(days=1)) == release


def _listing(docs: list[dict[str, Any]]) -> Listing:
    shows = [Show("show", "Show")]
    records = [msgspec.json.decode(msgspec.json.encode(doc), type=ReleaseRecord) for doc in docs]
    return Listing(shows=shows, releases=records, meta={})


@st.composite
def waiting_releases(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Releases each of which may wait on earlier ones (so never in a cycle), with lags
    and release dates."""
    docs: list[dict[str, Any]] = []
    for n in range(draw(st.integers(1, 6))):
        window = draw(windows())
        waits_on = sorted(draw(st.sets(st.integers(0, n - 1), max_size=n))) if n else []
        after = [
            {"release": f"show/s{k}", "lag": draw(st.sampled_from([None, "2w", "3mo", "1y"]))}
            for k in waits_on
        ]
        released = draw(st.one_of(st.none(), DAYS)) if draw(st.booleans()) else None
        docs.append(
            {
                "id": f"show/s{n}",
                "show_id": "show",
                "season": n,
                "window": msgspec.to_builtins(window),
                "after": after,
                "release_date": None if released is None else released.isoformat(),
            }
        )
    return docs


@settings(max_examples=300, deadline=None)
@given(waiting_releases(), DAYS)
def test_effective_earliest_is_never_before_own_earliest_nor_what_it_waits_on(
    docs: list[dict[str, Any]], today: date
) -> None:
    views = {v.release.id: v for v in listings.all_views(_listing(docs), today)}
    for doc in docs:
        view = views[doc["id"]]
        own = view.release.earliest
        if own is None:
            # A constraint narrows a window; it does not make one out of TBA.
            assert view.effective_earliest is None
            continue
        assert view.effective_earliest is not None and view.effective_earliest >= own
        for link in doc["after"]:
            other = views[link["release"]]
            base = other.release.released_on or other.effective_earliest
            if base is not None:
                lag = parse_duration(link["lag"]) if link["lag"] else parse_duration("0d")
                assert view.effective_earliest >= lag.after(base) + timedelta(days=1)


@settings(max_examples=100, deadline=None)
@given(waiting_releases(), DAYS, st.booleans())
def test_a_store_and_the_fast_read_give_the_same_rows(
    docs: list[dict[str, Any]], today: date, timed: bool
) -> None:
    """A release read whole (a Store, for a command that writes) and one read the fast
    way (a Listing, its sources undecoded) print the same rows, and iterating the rows
    (`-o json`) gives what indexing them (a table) does: conflicts, releases, waits and
    exact instants included."""
    for doc in docs:
        doc["sources"] = [{"name": "Variety", "url": None, "as_of": "2015-01-01"}]
        if timed and doc["window"].get("earliest"):
            doc["air_time"] = f"{doc['window']['earliest']}T21:00:00-05:00"
    data: dict[str, Any] = {
        "shows": {"1": {"id": "show", "title": "Show"}},
        "releases": {str(n): doc for n, doc in enumerate(docs, 1)},
    }
    whole = Store(Path("unused.json"), data, None, writable=False)
    fast = listings.all_views(_listing(docs), today)
    iterated = [view.to_row() for view in fast]
    assert iterated == [fast[n].to_row() for n in range(len(fast))]
    assert iterated == [view.to_row() for view in fast[:]]
    assert iterated == [view.to_row() for view in listings.all_views(whole, today)]
    assert iterated[0].sources == [Source("Variety", None, "2015-01-01")]


def test_upcoming_orders_soonest_first_and_tba_last() -> None:
    docs = [
        {"id": "show/s1", "show_id": "show", "season": 1, "window": {}},
        {
            "id": "show/s2",
            "show_id": "show",
            "season": 2,
            "window": msgspec.to_builtins(_window(date(2018, 3, 1), date(2018, 5, 31))),
        },
        {
            "id": "show/s3",
            "show_id": "show",
            "season": 3,
            "window": msgspec.to_builtins(_window(date(2018, 1, 1), None)),
        },
    ]
    views = listings.upcoming(_listing(docs), date(2017, 7, 1), listings.UpcomingFilter())
    assert [v.release.id for v in views] == ["show/s3", "show/s2", "show/s1"]
    assert [v.status for v in views] == ["upcoming", "upcoming", "unknown"]


def test_views_are_made_only_for_the_rows_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [
        {
            "id": f"show/s{n}",
            "show_id": "show",
            "season": n,
            "window": msgspec.to_builtins(_window(date(2018, 1, n), date(2018, 1, n))),
        }
        for n in range(1, 31)
    ]
    made: list[str] = []
    original = listings._view

    def counting(row: listings.Row, today: date, now: listings.Clock | None) -> ReleaseView:
        made.append(row.record.id)
        return original(row, today, now)

    monkeypatch.setattr(listings, "_view", counting)
    views = listings.upcoming(_listing(docs), date(2017, 7, 1), listings.UpcomingFilter())
    assert len(views) == 30 and made == []
    page = views[:3]
    assert [v.countdown for v in page] == ["in 184 days", "in 185 days", "in 186 days"]
    assert made == ["show/s1", "show/s2", "show/s3"]


def test_due_uses_each_releases_own_lead_time() -> None:
    soon = msgspec.to_builtins(_window(date(2017, 7, 20), date(2017, 7, 20)))
    docs = [
        {"id": "show/s1", "show_id": "show", "season": 1, "window": soon},
        {"id": "show/s2", "show_id": "show", "season": 2, "window": soon, "remind": "3w"},
    ]
    views = due.due(_listing(docs), date(2017, 7, 1), None)
    assert [v.release.id for v in views] == ["show/s2"]
