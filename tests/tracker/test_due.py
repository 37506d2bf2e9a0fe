"""What `check` reports, as a library: due releases and episodes, and with --once what
was not said before, remembered in the database's meta."""

from __future__ import annotations

from datetime import date, timezone

from showtrack import store
from showtrack.tracker import due, edits

TODAY = date(2017, 7, 1)


def _expect(st: store.Store, show: str, season: str, phrase: str) -> None:
    edits.expect(st, show, season, phrase, edits.ExpectOptions(), TODAY, timezone.utc)


def _once(st: store.Store, *, remembered: bool = True) -> list[str]:
    found = due.not_said_before(st, TODAY, None, None, episodes=True, remembered=remembered)
    return [v.title for v in found.views]


def test_once_remembers_each_window_and_a_new_window_is_news(opened: store.Store) -> None:
    _expect(opened, "defenders", "1", "this year")
    _expect(opened, "jessica", "2", "spring 2018")  # not due: months away
    assert _once(opened) == ["The Defenders S1"]
    assert _once(opened) == []
    assert opened.meta["notified"] == {"the-defenders/s1": "2017-01-01|2017-12-31|"}
    _expect(opened, "defenders", "1", "2017-07-04")
    assert _once(opened) == ["The Defenders S1"]


def test_what_is_to_be_sent_first_is_remembered_only_when_told(opened: store.Store) -> None:
    _expect(opened, "defenders", "1", "2017-07-04")
    found = due.not_said_before(opened, TODAY, None, None, episodes=False, remembered=False)
    assert [v.title for v in found.views] == ["The Defenders S1"]
    assert "notified" not in opened.meta  # the delivery has not taken it yet
    due.remember(opened, found)
    assert _once(opened) == []


def test_due_now_says_everything_due_every_time(opened: store.Store) -> None:
    _expect(opened, "defenders", "1", "2017-07-04")
    for _ in range(2):
        found = due.due_now(opened, TODAY, None, None, episodes=True)
        assert ([v.title for v in found.views], found.episodes, found.arrived) == (
            ["The Defenders S1"],
            [],
            (),
        )
    assert "notified" not in opened.meta


def test_the_lines_of_check_are_by_day_then_the_news(opened: store.Store) -> None:
    from showtrack.tracker.news import blank_item

    _expect(opened, "jessica", "2", "2017-07-05 at 21:00 ET")
    _expect(opened, "defenders", "1", "2017-07-03")
    found = due.due_now(opened, TODAY, None, None, episodes=False)
    arrived = [blank_item(), blank_item()]
    lines = found._replace(arrived=arrived).lines()
    assert lines == [
        "2017-07-03  The Defenders S1  in 2 days  (Netflix)\n",
        "2017-07-06 01:00  Jessica Jones S2  in 5 days  (Netflix)\n",
        "2 new proposals from the news: showtrack inbox\n",
    ]
    assert [v.title for v in found.rows()] == ["The Defenders S1", "Jessica Jones S2"]
