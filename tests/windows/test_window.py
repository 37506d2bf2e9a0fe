"""Where a window stands on a day, and its countdown text (spec/windows.md)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings

from showtrack.windows.window import compact_dates, countdown_text, status_on
from tests.windows.strategies import DAYS, windows

AS_OF = date(2017, 7, 1)  # a Saturday
D = date.fromisoformat


# --- Status and countdown -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("earliest", "latest", "today", "released", "status", "text"),
    [
        ("2018-03-08", "2018-03-08", "2018-02-24", None, "upcoming", "in 12 days"),
        ("2018-03-08", "2018-03-08", "2018-03-07", None, "upcoming", "tomorrow"),
        ("2018-03-08", "2018-03-08", "2018-03-08", None, "open", "today"),
        ("2018-03-01", "2018-05-31", "2018-02-20", None, "upcoming", "in 9–100 days"),
        ("2018-03-01", "2018-05-31", "2017-11-25", None, "upcoming", "in 3–6 months"),
        ("2018-03-01", "2018-05-31", "2018-05-11", None, "open", "window open, closes in 20 days"),
        ("2018-03-01", "2018-05-31", "2018-05-31", None, "open", "window open, closes today"),
        ("2018-03-01", "2018-05-31", "2018-06-15", None, "overdue", "overdue by 15 days"),
        ("2018-03-01", "2018-05-31", "2018-07-30", None, "overdue", "overdue by 60 days"),
        ("2018-03-01", "2018-05-31", "2018-11-30", None, "overdue", "overdue by 6 months"),
        ("2008-03-01", "2008-05-31", "2017-03-01", None, "overdue", "overdue by 9 years"),
        ("2018-03-01", "2018-05-31", "2018-06-15", "2018-03-08", "released", "released 2018-03-08"),
        ("2018-01-01", None, "2017-12-01", None, "upcoming", "in 31+ days"),
        ("2018-01-01", None, "2018-02-01", None, "open", "window open"),
        (None, None, "2018-02-01", None, "unknown", "TBA"),
    ],
)
def test_status_and_countdown(
    earliest: str | None,
    latest: str | None,
    today: str,
    released: str | None,
    status: str,
    text: str,
) -> None:
    e, lt = (D(earliest) if earliest else None), (D(latest) if latest else None)
    r = D(released) if released else None
    assert status_on(e, lt, D(today), r) == status
    assert countdown_text(e, lt, D(today), r) == text


ORDER = {"unknown": 0, "upcoming": 0, "open": 1, "overdue": 2, "released": 3}


@settings(max_examples=400, deadline=None)
@given(windows(), DAYS, DAYS)
def test_status_never_moves_backwards(
    window: tuple[date | None, date | None], a: date, b: date
) -> None:
    first, second = sorted((a, b))
    earliest, latest = window
    before = status_on(earliest, latest, first)
    after = status_on(earliest, latest, second)
    if before == "unknown":
        assert after == "unknown"
    else:
        assert ORDER[before] <= ORDER[after]


@pytest.mark.parametrize(
    ("earliest", "latest", "shown"),
    [
        ("2018-03-08", "2018-03-08", "2018-03-08"),
        ("2017-01-01", "2017-12-31", "2017"),
        ("2017-06-01", "2017-06-30", "Jun 2017"),
        ("2018-03-01", "2018-05-31", "Mar–May 2018"),
        ("2017-09-01", "2018-04-30", "Sep 2017–Apr 2018"),
        ("2018-03-08", "2018-03-20", "2018-03-08–03-20"),
        ("2017-12-20", "2018-01-10", "2017-12-20–2018-01-10"),
        ("2019-01-01", None, "2019-01-01 →"),
        (None, None, "TBA"),
    ],
)
def test_a_narrow_column_names_whole_months_and_keeps_one_dash_style(
    earliest: str | None, latest: str | None, shown: str
) -> None:
    assert compact_dates(earliest, latest) == shown
    assert len(shown) <= 21
