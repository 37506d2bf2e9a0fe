"""What a sync records, as a library (spec/sync.md): state is set through the tracker,
TVmaze's answers are the reports sources/tvmaze.py would make of them, and nothing
here touches the network (tests/sources/test_sync.py runs the command end to end
against a stand-in server)."""

from __future__ import annotations

from datetime import date, timezone
from pathlib import Path

import pytest

from showtrack import store
from showtrack.errors import UsageError
from showtrack.models import SeasonReport, ShowReport, TvmazeLink
from showtrack.tracker import edits, sync

TODAY = date(2018, 1, 10)
LINK = TvmazeLink(id=1370, url="https://www.tvmaze.com/shows/1370/jessica-jones")


@pytest.fixture
def opened(tmp_path: Path) -> store.Store:
    """Jessica Jones linked to TVmaze, season 2 expected in spring 2018 from the news;
    Daredevil not linked."""
    st = store.load(tmp_path / "db.json", writable=True)
    edits.add_show(st, "Jessica Jones", network="Netflix")
    edits.add_show(st, "Daredevil", network="Netflix")
    edits.link_show(st, "Jessica Jones", LINK)
    edits.expect(
        st,
        "Jessica Jones",
        "2",
        "spring 2018",
        edits.ExpectOptions(source="Deadline"),
        date(2017, 7, 1),
        timezone.utc,
    )
    return st


def _report(*seasons: SeasonReport, link: TvmazeLink = LINK, **show: str) -> ShowReport:
    return ShowReport(link=link, name="Jessica Jones", seasons=seasons, **show)


def test_only_linked_shows_are_synced_and_naming_an_unlinked_one_is_refused(
    opened: store.Store,
) -> None:
    assert [s.id for s in sync.linked(opened, [])] == ["jessica-jones"]
    daredevil = opened.show("daredevil")
    assert daredevil is not None
    with pytest.raises(UsageError, match="Daredevil is not linked to TVmaze"):
        sync.linked(opened, [daredevil])


@pytest.mark.parametrize(
    ("last", "span"),
    [
        (None, None),
        ("2018-01-10", "day"),
        ("2018-01-09", "day"),
        ("2018-01-04", "week"),
        ("2017-12-20", "month"),
        ("2017-11-01", None),
        ("2018-02-01", None),  # a sync "after" today (--today back in time): fetch all
        ("not a day", None),
    ],
)
def test_the_updates_asked_for_cover_everything_since_the_last_sync(
    opened: store.Store, last: str | None, span: str | None
) -> None:
    if last is not None:
        opened.meta[sync.CHECKED] = last
    assert sync.updates_since(opened, TODAY) == span


def test_a_premiere_date_replaces_the_news_window_with_one_history_entry(
    opened: store.Store,
) -> None:
    changes = sync.record(
        opened,
        [("jessica-jones", _report(SeasonReport(2, premiere="2018-03-08")))],
        TODAY,
        checked=True,
    )
    assert [c.to_dict() for c in changes] == [
        {
            "show_id": "jessica-jones",
            "show": "Jessica Jones",
            "release": "jessica-jones/s2",
            "change": "S2 dated 2018-03-08 (was 2018-03-01 – 2018-05-31)",
        }
    ]
    release = opened.release("jessica-jones/s2")
    assert release is not None
    assert (release.window.earliest, release.window.latest, release.stage) == (
        "2018-03-08",
        "2018-03-08",
        "dated",
    )
    assert [(h.window.phrase, h.source) for h in release.history] == [
        ("spring 2018", "Deadline"),
        ("2018-03-08", "TVmaze"),
    ]
    assert [s.name for s in release.sources] == ["Deadline", "TVmaze"]
    assert opened.meta[sync.CHECKED] == "2018-01-10"  # the next sync asks what changed since


def test_the_same_report_twice_records_nothing_the_second_time(opened: store.Store) -> None:
    report = [("jessica-jones", _report(SeasonReport(2, first_aired="2018-03-08")))]
    first = sync.record(opened, report, TODAY, checked=False)
    assert [c.what for c in first] == ["S2 released 2018-03-08 (was 2018-03-01 – 2018-05-31)"]
    release = opened.release("jessica-jones/s2")
    assert release is not None and release.release_date == "2018-03-08"
    assert sync.record(opened, report, TODAY, checked=False) == []
    again = opened.release("jessica-jones/s2")
    assert again is not None and len(again.history) == len(release.history) == 2
    assert sync.CHECKED not in opened.meta  # TVmaze's list of changes was not read


def test_a_season_without_a_date_keeps_the_news_window_or_is_created_tba(
    opened: store.Store,
) -> None:
    changes = sync.record(
        opened,
        [("jessica-jones", _report(SeasonReport(2), SeasonReport(3)))],
        TODAY,
        checked=False,
    )
    assert [(c.release, c.what) for c in changes] == [
        ("jessica-jones/s3", "S3 announced TBA (was new)")
    ]
    kept = opened.release("jessica-jones/s2")
    assert kept is not None and kept.window.phrase == "spring 2018"


def test_a_show_relinked_or_removed_while_tvmaze_was_asked_is_left_alone(
    opened: store.Store,
) -> None:
    other = TvmazeLink(id=9999)
    stale = [
        ("jessica-jones", _report(SeasonReport(2, premiere="2018-03-08"), link=other)),
        ("gone", _report(SeasonReport(1, premiere="2018-03-08"))),
    ]
    assert sync.record(opened, stale, TODAY, checked=False) == []
    release = opened.release("jessica-jones/s2")
    assert release is not None and release.window.phrase == "spring 2018"
    assert opened.show("gone") is None


def test_the_show_itself_takes_its_network_status_and_zone(opened: store.Store) -> None:
    report = _report(network="Netflix US", status="Ended", zone="America/New_York")
    changes = sync.record(opened, [("jessica-jones", report)], TODAY, checked=False)
    assert [(c.release, c.what) for c in changes] == [
        (None, "network Netflix US"),
        (None, "ended"),
    ]
    show = opened.show("jessica-jones")
    assert show is not None
    assert (show.network, show.status, show.zone) == ("Netflix US", "ended", "America/New_York")


def test_the_summary_line_counts_what_was_fetched_and_what_it_cost() -> None:
    change = sync.Change("jessica-jones", "Jessica Jones", "jessica-jones/s2", "S2 dated")
    assert sync.summary(3, 1, 2, [change], dry_run=False) == (
        "1 of 3 linked shows fetched (2 requests to TVmaze), 2 unchanged or not fetched; "
        "recorded 1 change"
    )
    assert sync.summary(1, 0, 1, [], dry_run=True).endswith("would record 0 changes")


def test_the_plan_names_what_a_sync_fetches(opened: store.Store) -> None:
    opened.meta[sync.CHECKED] = "2018-01-09"
    everything = sync.plan(opened, [], None, TODAY)
    assert [s.id for s in everything.shows] == ["jessica-jones"] and everything.since == "day"
    assert everything.checks_changes
    named = sync.plan(opened, ["jessica"], None, TODAY)
    assert (named.since, named.feeds, named.checks_changes) == (None, [], False)
    assert sync.plan(opened, [], "news", TODAY).shows == []
    with pytest.raises(UsageError, match="--only 'all' is not tvmaze or news"):
        sync.plan(opened, [], "all", TODAY)
    with pytest.raises(UsageError, match="shows are named for TVmaze only"):
        sync.plan(opened, ["jessica"], "news", TODAY)


@pytest.mark.parametrize(
    ("names", "complete", "checked"),
    [([], True, True), ([], False, False), (["jessica"], True, False)],
)
def test_only_a_complete_sync_of_every_show_moves_the_day_changes_are_asked_from(
    opened: store.Store, names: list[str], complete: bool, checked: bool
) -> None:
    plan = sync.plan(opened, names, None, TODAY)
    reports = [("jessica-jones", _report(SeasonReport(2, premiere="2018-03-08")))]
    synced = sync.record_all(opened, plan, reports, complete, [], TODAY, timezone.utc)
    assert [c.release for c in synced.changes] == ["jessica-jones/s2"]
    assert synced.news.queued == []
    assert (sync.CHECKED in opened.meta) is checked
