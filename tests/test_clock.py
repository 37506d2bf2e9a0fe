"""The one place that decides today and now."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from showtrack import clock
from showtrack.errors import UsageError


def test_today_honours_the_override_then_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOWTRACK_TODAY", "2017-07-01")
    assert clock.today() == date(2017, 7, 1)
    assert clock.today("2018-03-08") == date(2018, 3, 8)


def test_a_bad_today_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOWTRACK_TODAY", "whenever it suits")
    with pytest.raises(UsageError, match="SHOWTRACK_TODAY"):
        clock.today()


def test_now_is_aware_and_on_the_pretended_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOWTRACK_TODAY", "2017-07-01")
    monkeypatch.setenv("TZ", "America/New_York")
    now = clock.now()
    assert now.date() == date(2017, 7, 1)
    assert now.tzinfo is not None and now.utcoffset() is not None


def test_the_users_zone_comes_from_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")
    assert str(clock.local_zone()) == "Europe/Berlin"
    monkeypatch.setenv("TZ", "Nowhere/Atlantis")
    assert clock.local_zone() is timezone.utc


@pytest.mark.parametrize("name", sorted(clock.UTC_NAMES))
def test_a_name_of_utc_is_utc_without_the_zone_database(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    from zoneinfo import ZoneInfo

    monkeypatch.setenv("TZ", name)
    assert clock.local_zone() is timezone.utc
    # The same zone as the database's at every instant, named alike (%Z is shown).
    real = ZoneInfo(name)
    for year in (1900, 1970, 2026, 2090):
        for month in (1, 7):
            instant = datetime(year, month, 1, 12, tzinfo=timezone.utc)
            assert instant.astimezone(real).utcoffset() == timedelta(0)
            assert f"{instant.astimezone(real):%Z %z}" == f"{instant:%Z %z}"


def test_history_stamps_are_utc_to_the_second() -> None:
    stamp = clock.utc_stamp()
    assert stamp.endswith("+00:00") and "." not in stamp


def test_today_may_be_words_for_a_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHOWTRACK_TODAY", raising=False)
    real = clock.today()
    assert clock.today("tomorrow") == date.fromordinal(real.toordinal() + 1)
    assert clock.today("yesterday") == date.fromordinal(real.toordinal() - 1)


def test_an_empty_today_is_refused_and_an_empty_environment_is_unset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(UsageError, match="--today is empty"):
        clock.today("  ")
    monkeypatch.setenv("SHOWTRACK_TODAY", "")
    assert clock.today() == clock.today(None)
