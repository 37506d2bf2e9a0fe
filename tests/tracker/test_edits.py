"""Changing what is tracked, as a library: each function changes records in an open
store; nothing is written until the store is saved."""

from __future__ import annotations

from datetime import date, timezone
from typing import Any

import pytest

from showtrack import store
from showtrack.errors import NotFoundError, UsageError
from showtrack.models import Release
from showtrack.tracker import edits, listings

TODAY = date(2017, 7, 1)


def _expect(
    st: store.Store, show: str, season: str, phrase: str, **options: Any
) -> tuple[Release, bool, bool]:
    done = edits.expect(
        st, show, season, phrase, edits.ExpectOptions(**options), TODAY, timezone.utc
    )
    return done.release, done.created, done.changed


def test_expect_records_history_only_when_the_window_changes(opened: store.Store) -> None:
    release, created, changed = _expect(
        opened, "jessica", "2", "not before 2018", source="IBT", as_of=date(2017, 6, 1)
    )
    assert (created, changed) == (True, True)
    assert (release.window.earliest, release.window.latest) == ("2018-01-01", None)
    _, created, changed = _expect(opened, "jessica", "2", "not before 2018")
    assert (created, changed) == (False, False)
    release, _, changed = _expect(opened, "jessica", "2", "spring 2018")
    assert changed
    stored = opened.release("jessica-jones/s2")
    assert stored is not None
    assert [h.window.phrase for h in stored.history] == ["not before 2018", "spring 2018"]
    assert [s.name for s in stored.sources] == ["IBT"]


def test_expect_links_and_refuses_a_cycle(opened: store.Store) -> None:
    _expect(opened, "defenders", "1", "this year")
    _expect(opened, "jessica", "2", "2018", after="the-defenders/s1", lag="2mo")
    stored = opened.release("jessica-jones/s2")
    assert stored is not None and [(a.release, a.lag) for a in stored.after] == [
        ("the-defenders/s1", "2mo")
    ]
    with pytest.raises(UsageError, match="wait on each other"):
        _expect(opened, "defenders", "1", "this year", after="jessica-jones/s2")


def test_marking_a_release_released_makes_its_window_that_day(opened: store.Store) -> None:
    _expect(opened, "jessica", "2", "spring 2018")
    _, release = edits.mark_released(opened, "jessica", "2", date(2017, 6, 30), TODAY)
    assert release.release_date == "2017-06-30" and release.window.is_exact
    with pytest.raises(UsageError, match=r"2017-07-02 is after today \(2017-07-01\)"):
        edits.mark_released(opened, "jessica", "2", date(2017, 7, 2), TODAY)
    kept = opened.release("jessica-jones/s2")
    assert kept is not None and kept.release_date == "2017-06-30"  # the refusal changed nothing


def test_removal_is_planned_then_applied_to_what_is_still_there(opened: store.Store) -> None:
    _expect(opened, "jessica", "2", "spring 2018")
    plan = edits.plan_removal(opened, "Jessica Jones", None)
    assert plan.what == "Jessica Jones and its releases"
    assert edits.remove(opened, plan) == ["jessica-jones", "jessica-jones/s2"]
    assert opened.show("jessica-jones") is None and opened.release("jessica-jones/s2") is None
    with pytest.raises(NotFoundError):
        edits.remove(opened, plan)


def test_rename_keeps_the_id_and_the_old_title_as_an_alias(opened: store.Store) -> None:
    show = edits.rename_show(opened, "jessica", "Marvel's Jessica Jones")
    assert (show.id, show.aliases) == ("jessica-jones", ["Jessica Jones"])


def test_an_older_report_joins_the_history_and_the_newer_news_stays(opened: store.Store) -> None:
    _expect(opened, "jessica", "2", "late 2018 or early 2019", as_of=date(2017, 6, 1))
    release, _, changed = _expect(opened, "jessica", "2", "2018", as_of=date(2017, 1, 1))
    assert changed
    assert release.window.phrase == "late 2018 or early 2019"
    stored = opened.release("jessica-jones/s2")
    assert stored is not None and stored.window.phrase == "late 2018 or early 2019"
    assert [(h.as_of, h.window.phrase) for h in stored.history] == [
        ("2017-01-01", "2018"),
        ("2017-06-01", "late 2018 or early 2019"),
    ]
    # The same old report again is nothing new.
    assert _expect(opened, "jessica", "2", "2018", as_of=date(2017, 1, 1))[2] is False
    # And on a day between the two, the older report is what was known.
    views = {v.release.id: v for v in listings.all_views(opened, date(2017, 3, 1))}
    assert views["jessica-jones/s2"].release.window.phrase == "2018"


def test_an_alias_is_refused_when_another_show_answers_to_it(opened: store.Store) -> None:
    edits.edit_show(opened, "jessica", add_aliases=["JJ"])
    with pytest.raises(UsageError, match="already answers to 'jj'"):
        edits.edit_show(opened, "defenders", add_aliases=["jj"])
    with pytest.raises(UsageError, match="already answers to 'Jessica Jones'"):
        edits.add_show(opened, "Jessica Jones 2", aliases=["Jessica Jones"])
    shown, changed = edits.edit_show(opened, "jessica", add_aliases=["JJ", "Jess"])
    assert changed and shown.aliases == ["JJ", "Jess"]


def test_an_old_empty_tag_does_not_stop_an_edit(opened: store.Store) -> None:
    show = opened.show("jessica-jones")
    assert show is not None
    show.tags = [""]
    opened.update([show])
    edited, changed = edits.edit_show(opened, "jessica", add_tags=["marvel"], remove_tags=[""])
    assert changed and edited.tags == ["marvel"]
