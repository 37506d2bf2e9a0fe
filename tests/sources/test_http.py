"""The one HTTP client: headers, pacing, Retry-After."""

from __future__ import annotations

import pytest

from showtrack.errors import UsageError
from showtrack.sources.http import USER_AGENT, Fetcher, read_timeout

from .conftest import Answer, Tvmaze


def test_it_says_who_it_is_and_asks_for_json(tvmaze: Tvmaze) -> None:
    tvmaze.answer("/x", Answer(body={"ok": True}))
    with Fetcher(tvmaze.url) as client:
        assert client.get_json("/x", None, "testing") == {"ok": True}
    (received,) = tvmaze.headers
    assert received["User-Agent"] == USER_AGENT and USER_AGENT.startswith("showtrack/")
    assert received["Accept"] == "application/json"
    assert received["Accept-Encoding"] == "gzip, deflate"


def test_404_is_none_not_an_error(tvmaze: Tvmaze) -> None:
    with Fetcher(tvmaze.url) as client:
        assert client.get_json("/nowhere", None, "testing") is None


def test_retry_after_is_honoured(tvmaze: Tvmaze) -> None:
    tvmaze.answer("/busy", Answer(429, {}, {"Retry-After": "3"}), Answer(body=[1]))
    waits: list[float] = []
    with Fetcher(tvmaze.url, sleep=waits.append) as client:
        assert client.get_json("/busy", None, "testing") == [1]
    assert waits == [3.0]


def test_it_stays_under_the_rate(tvmaze: Tvmaze) -> None:
    tvmaze.answer("/x", Answer(body=[]))
    waits: list[float] = []
    with Fetcher(tvmaze.url, per_window=2, window=60.0, sleep=waits.append) as client:
        for _ in range(3):
            client.get_json("/x", None, "testing")
    assert len(waits) == 1 and 59 < waits[0] <= 60


@pytest.mark.parametrize(("value", "seconds"), [("2.5", 2.5), ("", 10.0), ("300", 300.0)])
def test_the_timeout_setting_is_read_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str, seconds: float
) -> None:
    monkeypatch.setenv("SHOWTRACK_HTTP_TIMEOUT", value)
    assert read_timeout() == seconds


@pytest.mark.parametrize("value", ["x", "nan", "-5", "inf", "0", "301"])
def test_a_timeout_setting_that_is_no_number_of_seconds_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("SHOWTRACK_HTTP_TIMEOUT", value)
    with pytest.raises(UsageError) as refused:
        read_timeout()
    assert refused.value.exit_code == 2 and "SHOWTRACK_HTTP_TIMEOUT" in refused.value.message
