"""The inbox as a library (tracker/news.py): accepting, dismissing and reviewing the
proposals a sync of the news queued."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from showtrack import store
from showtrack.errors import NotFoundError, UsageError
from showtrack.models import InboxItem, NewsSource
from showtrack.tracker import edits, news, proposals

from .test_proposals import TODAY, ZONE, _proposal


def _queued(st: store.Store, phrase: str, number: int = 1, as_of: str = "2017-06-20") -> InboxItem:
    """A proposal about Jessica Jones's next season, queued as a sync queues it, from an
    article of `as_of`."""
    (view,) = proposals.resolve(st, [_proposal("Jessica Jones", None, phrase)], TODAY)
    source = NewsSource("A headline", None, as_of, "feed")
    item = InboxItem(
        f"n{number}",
        number,
        TODAY.isoformat(),
        view.proposal,
        view.release,
        source,
        view.show_id,
        season=view.season,
    )
    st.insert([item])
    return item


def test_a_queued_proposal_is_accepted_as_the_season_it_was_queued_for(tmp_path: Path) -> None:
    """An inbox item for "the new season" when that was season 2 is recorded as season
    2, even when season 2's window has passed by the day it is accepted."""
    with store.open_for_writing(tmp_path / "db.json") as st:
        edits.add_show(st, "Jessica Jones")
        edits.expect(st, "jessica", "2", "2018", edits.ExpectOptions(), TODAY, ZONE)
        item = _queued(st, "spring 2018", as_of="2017-08-01")  # newer news than the window
        assert (item.release, item.season) == ("jessica-jones/s2", 2)
        later = date(2019, 1, 1)  # season 2's window is past: "the new season" is now 3
        assert proposals.known_shows(st, later)[0].next_season == 3
        (done,) = news.accept(st, [], True, later, ZONE)
        assert (done.release, done.season, done.status) == ("jessica-jones/s2", 2, "recorded")
        assert st.release("jessica-jones/s3") is None
        season_two = st.release("jessica-jones/s2")
        assert season_two is not None and season_two.window.phrase == "spring 2018"


def test_accept_and_dismiss_take_ids_or_all_and_refuse_both_or_neither(tmp_path: Path) -> None:
    with store.open_for_writing(tmp_path / "db.json") as st:
        edits.add_show(st, "Jessica Jones")
        _queued(st, "spring 2018", 1)
        _queued(st, "summer 2018", 2)
        with pytest.raises(UsageError, match="give inbox ids, or --all"):
            news.dismiss(st, ["n1"], True)
        with pytest.raises(NotFoundError, match="no proposal 'n9' waits in the inbox"):
            news.accept(st, ["n9"], False, TODAY, ZONE)
        assert [i.id for i in news.dismiss(st, ["2"], False)] == ["n2"]
        assert [i.id for i in news.waiting(st)] == ["n1"]
        assert [v.status for v in news.accept(st, [], True, TODAY, ZONE)] == ["recorded"]
        assert news.waiting(st) == []
        assert [i.state for i in st.inbox()] == ["accepted", "dismissed"]


def test_a_review_edit_reads_the_season_again(tmp_path: Path) -> None:
    with store.open_for_writing(tmp_path / "db.json") as st:
        edits.add_show(st, "Jessica Jones")
        item = _queued(st, "spring 2018")
        assert (item.release, item.season) == ("jessica-jones/s1", 1)
        edited = news.revised(item, _proposal("Jessica Jones", 3, "2019"))
        assert (edited.release, edited.season, edited.proposal.phrase) == (
            "jessica-jones/s3",
            3,
            "2019",
        )
        done = news.decide(st, [edited], [], TODAY, ZONE)
        assert [(v.release, v.status) for v in done.accepted] == [("jessica-jones/s3", "recorded")]
        season_three = st.release("jessica-jones/s3")
        assert season_three is not None and season_three.window.phrase == "2019"


def test_a_review_records_only_what_still_waits(tmp_path: Path) -> None:
    """Another command may accept or dismiss while a review is asking."""
    with store.open_for_writing(tmp_path / "db.json") as st:
        edits.add_show(st, "Jessica Jones")
        first, second = _queued(st, "spring 2018", 1), _queued(st, "summer 2018", 2)
        news.dismiss(st, ["n1"], False)
        done = news.decide(st, [first], [second], TODAY, ZONE)
        assert (done.accepted, [i.id for i in done.dismissed]) == ([], ["n2"])
        assert st.release("jessica-jones/s1") is None
