"""No input ends in an internal error: command lines with arbitrary text, dates and
durations, and arbitrary JSON given to import (issue 15's fuzz, kept as tests)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..conftest import Runner

TEXT = st.one_of(
    st.text(max_size=24),
    st.sampled_from(
        [
            "9999-12-31",
            "0001-01-01",
            "2018",
            "7983y",
            "9999y",
            "1d",
            "nan",
            "-5",
            "Q5 2018",
            "in 999 years",
            "2018-W53",
            "",
            " ",
            "\x1b]0;x\x07",
            "=1+1",
            "a/s1",
            "../x",
        ]
    ),
)


def _command(kind: str, a: str, b: str) -> list[str]:
    return {
        "expect": ["expect", "A", "2", a, "--after", "a/s1", "--lag", b or "1d"],
        "expect-remind": ["expect", "A", "3", a, "--remind", b or "1d", "--url", b],
        "released": ["released", "A", "1", a],
        "window": ["window", a, "--as-of", b or "2017-01-01"],
        "upcoming": ["upcoming", "--within", a or "1d", "--status", b or "open", "-o", "json"],
        "until": ["upcoming", "--until", a, "-o", "csv"],
        "calendar": ["calendar", a],
        "history": ["history", a, b],
        "rename": ["rename", a or "A", b],
        "edit": ["edit", "A", "--network", a, "--tag", b],
        "today": ["--today", a, "timeline"],
        "check": ["check", "--within", a or "1d"],
    }[kind]


@settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(
        [
            "expect",
            "expect-remind",
            "released",
            "window",
            "upcoming",
            "until",
            "calendar",
            "history",
            "rename",
            "edit",
            "today",
            "check",
        ]
    ),
    TEXT,
    TEXT,
)
def test_no_command_line_is_an_internal_error(cli: Runner, kind: str, a: str, b: str) -> None:
    if cli("list", "-o", "json").out.strip() in ("", "[]"):
        cli("add", "A")
        cli("expect", "A", "1", "2017")
    result = cli(*_command(kind, a, b))
    assert result.code in (0, 1, 2, 3, 4), result.err
    assert "internal error" not in result.err
    # and whatever was accepted leaves every view working
    for view in (["upcoming", "-o", "json"], ["check"], ["countdown"], ["timeline"]):
        after = cli(*view)
        assert after.code in (0, 1), (view, after.err)


JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)),
    max_leaves=10,
)
RELEASE_KEYS = st.sampled_from(
    [
        "show",
        "season",
        "id",
        "window",
        "history",
        "after",
        "sources",
        "stage",
        "release_date",
        "air_time",
        "remind",
        "name",
        "network",
        "platform",
    ]
)
RECORDS = st.lists(st.dictionaries(RELEASE_KEYS, JSON, max_size=6), max_size=3)


@settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(RECORDS, JSON, st.fixed_dictionaries({"releases": RECORDS, "shows": JSON})))
def test_no_import_is_an_internal_error(cli: Runner, payload: Any) -> None:
    result = cli("import", "-", stdin=json.dumps(payload))
    assert result.code in (0, 2, 3), result.err
    assert "internal error" not in result.err
    assert cli("upcoming", "-o", "json").code in (0, 1)
