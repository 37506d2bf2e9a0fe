"""What the command tests share beyond tests/conftest.py: the seed article's shows as a
user types them (`marvel`), reading a command's JSON, and the TVmaze stand-in of
tests/sources for the episode tests that sync."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.sources.conftest import tvmaze  # noqa: F401  (a fixture, used by name)

from ..conftest import Result, Runner

SOURCE = "'Jessica Jones' season 2 update"


@pytest.fixture
def marvel(cli: Runner) -> Runner:
    """The seed article's shows, as a user would type them on 2017-07-01."""
    for args in (
        (
            "add",
            "Jessica Jones",
            "--network",
            "Netflix",
            "--tag",
            "marvel",
            "--alias",
            "Marvel's Jessica Jones",
            "--status",
            "renewed",
        ),
        ("add", "The Defenders", "--network", "Netflix", "--tag", "marvel"),
        ("add", "Luke Cage", "--network", "Netflix"),
        ("expect", "The Defenders", "1", "this year", "--source", SOURCE),
        (
            "expect",
            "Jessica Jones",
            "2",
            "TBA",
            "--stage",
            "renewed",
            "--as-of",
            "2016-01-17",
            "--source",
            "Netflix",
        ),
        ("expect", "Jessica Jones", "2", "does not return before 2018", "--source", SOURCE),
        (
            "expect",
            "jessica",
            "S2",
            "expected to return in spring 2018 in the US",
            "--region",
            "US",
            "--after",
            "the-defenders/s1",
            "--source",
            SOURCE,
        ),
        ("expect", "Luke Cage", "2", "TBA"),
    ):
        result = cli(*args)
        assert result.code == 0, (args, result.err)
    return cli


def json_of(result: Result) -> Any:
    """The JSON a command that succeeded printed."""
    assert result.code == 0, result.err
    return json.loads(result.out)
