"""Hypothesis strategies shared by the window tests."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

DAYS = st.dates(date(1995, 1, 1), date(2085, 12, 31))
REGIONS = st.sampled_from([None, "US", "AU"])


@st.composite
def windows(draw: st.DrawFn) -> tuple[date | None, date | None]:
    earliest = draw(st.one_of(st.none(), DAYS))
    latest = draw(st.one_of(st.none(), DAYS))
    if earliest and latest and latest < earliest:
        earliest, latest = latest, earliest
    return earliest, latest
