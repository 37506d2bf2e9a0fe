"""search, link, unlink, add --link and sync, end to end against the TVmaze stand-in."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from showtrack import store

from ..conftest import Runner, run_process
from .conftest import Answer, Tvmaze, fixture

JJ = 1370


def _hit(score: float, recorded: str, **show: Any) -> dict[str, Any]:
    base = {k: v for k, v in fixture(recorded).items() if k != "_embedded"}
    return {"score": score, "show": {**base, **show}}


SEARCH_JJ = [
    _hit(21.5, "jessica_jones_2017"),
    _hit(6.2, "jessica_jones_2017", id=40001, name="Jessica Jones: Behind the Scenes"),
]


@pytest.fixture
def linked(cli: Runner, tvmaze: Tvmaze) -> Runner:
    """Jessica Jones tracked with a window from the news, and linked to TVmaze."""
    tvmaze.answer("/search/shows", Answer(body=SEARCH_JJ))
    cli("--today", "2017-01-10", "add", "Jessica Jones", "--network", "Netflix")
    cli("--today", "2017-01-10", "expect", "Jessica Jones", "2", "spring 2018", "--source", "IBT")
    result = cli("link", "Jessica Jones")
    assert result.code == 0, result.err
    return cli


def test_search_lists_tvmazes_candidates(cli: Runner, tvmaze: Tvmaze) -> None:
    tvmaze.answer("/search/shows", Answer(body=SEARCH_JJ))
    table = cli("search", "jessica jones", "-o", "table")
    assert table.code == 0 and "Marvel's Jessica Jones" in table.out and "1370" in table.out
    assert "data from TVmaze" in table.out
    rows = json.loads(cli("search", "jessica jones", "-o", "json").out)
    assert rows[0] == {
        "tvmaze_id": 1370,
        "name": "Marvel's Jessica Jones",
        "premiered": "2015-11-20",
        "network": "Netflix",
        "country": "US",
        "status": "Running",
        "url": "http://www.tvmaze.com/shows/1370/marvels-jessica-jones",
    }
    assert "q=jessica+jones" in tvmaze.requests[0]


def test_search_lists_the_ten_best_of_however_many_a_server_sends(
    cli: Runner, tvmaze: Tvmaze
) -> None:
    many = [_hit(float(n % 997), "jessica_jones_2017", id=n + 1) for n in range(5_000)]
    tvmaze.answer("/search/shows", Answer(body=many))
    rows = json.loads(cli("search", "jessica jones", "-o", "json").out)
    # The five best scores (996) are those of n = 996, 1993, 2990, 3987 and 4984.
    assert len(rows) == 10 and rows[0]["tvmaze_id"] in {996 + 997 * k + 1 for k in range(5)}


def test_an_empty_search_is_refused_before_asking(cli: Runner, tvmaze: Tvmaze) -> None:
    assert cli("search", "  ").code == 2
    assert tvmaze.requests == []


def test_search_with_no_match_exits_1(cli: Runner, tvmaze: Tvmaze) -> None:
    tvmaze.answer("/search/shows", Answer(body=[]))
    result = cli("search", "no such show", "-o", "table")
    assert result.code == 1 and "no show called" in result.err


def test_link_by_title_copes_with_tvmazes_names(linked: Runner, db: Path) -> None:
    show = store.load(db).show("jessica-jones")
    assert show is not None and show.tvmaze is not None
    assert (show.tvmaze.id, show.tvmaze.imdb, show.tvmaze.updated) == (JJ, "tt2357547", None)


def test_link_prints_what_it_linked(cli: Runner, tvmaze: Tvmaze) -> None:
    tvmaze.answer("/search/shows", Answer(body=SEARCH_JJ))
    cli("add", "Jessica Jones")
    result = cli("link", "jessica")
    assert result.out.strip() == (
        "linked Jessica Jones to TVmaze 1370: Marvel's Jessica Jones (2015, Netflix)"
    )


def test_link_by_imdb_follows_tvmazes_redirect(cli: Runner, tvmaze: Tvmaze) -> None:
    tvmaze.answer("/lookup/shows", Answer(301, b"", {"Location": "/shows/1370"}))
    tvmaze.show(JJ, "jessica_jones_2017")
    cli("add", "JJ")
    result = cli("link", "JJ", "--imdb", "tt2357547")
    assert result.code == 0, result.err
    assert "TVmaze 1370" in result.out and tvmaze.asked("/shows/1370") == 1


def test_an_unclear_best_match_is_refused_with_the_candidates(
    cli: Runner, tvmaze: Tvmaze, db: Path
) -> None:
    tvmaze.answer(
        "/search/shows",
        Answer(
            body=[
                _hit(9.0, "the_flash_2020"),
                _hit(8.7, "the_flash_2020", id=2015, premiered="1990-09-20", name="The Flash"),
            ]
        ),
    )
    cli("add", "The Flash")
    before = db.read_bytes()
    result = cli("link", "The Flash")
    assert result.code == 3
    assert "13: The Flash (2014, The CW)" in result.err and "2015: The Flash (1990" in result.err
    assert "--tvmaze ID" in result.err
    assert db.read_bytes() == before


def test_a_title_tvmaze_does_not_know_is_exit_3(cli: Runner, tvmaze: Tvmaze) -> None:
    tvmaze.answer("/search/shows", Answer(body=[]))
    cli("add", "Nothing Like It")
    assert cli("link", "Nothing Like It").code == 3


def test_add_with_link_adds_nothing_when_the_link_is_unclear(cli: Runner, tvmaze: Tvmaze) -> None:
    tvmaze.answer("/search/shows", Answer(body=[]))
    assert cli("add", "Nothing Like It", "--link").code == 3
    assert cli("list", "-o", "json").out.strip() == "[]"
    tvmaze.answer("/search/shows", Answer(body=SEARCH_JJ))
    result = cli("add", "Jessica Jones", "--link")
    assert result.code == 0 and "linked to TVmaze 1370" in result.out


def test_sync_keeps_the_news_window_until_tvmaze_has_a_date(linked: Runner, tvmaze: Tvmaze) -> None:
    tvmaze.show(JJ, "jessica_jones_2017")
    first = linked("--today", "2017-03-26", "sync")
    assert first.code == 0, first.err
    assert "S1 released 2015-11-20" in first.out
    rows = {
        r["id"]: r
        for r in json.loads(linked("--today", "2017-03-26", "upcoming", "--all", "-o", "json").out)
    }
    assert rows["jessica-jones/s1"]["status"] == "released"
    assert rows["jessica-jones/s2"]["window"]["phrase"] == "spring 2018"  # TVmaze: no date
    # A year later TVmaze has the date: the window closes into it, with the story kept.
    tvmaze.show(JJ, "jessica_jones_2018")
    second = linked("--today", "2018-01-20", "sync")
    assert "S2 dated 2018-03-08 (was 2018-03-01 – 2018-05-31)" in second.out
    history = json.loads(
        linked("--today", "2018-01-20", "history", "jessica", "2", "-o", "json").out
    )
    assert [(h["window"]["phrase"], h["source"]) for h in history] == [
        ("spring 2018", "IBT"),
        ("2018-03-08", "TVmaze"),
    ]
    assert history[-1]["url"] == "http://www.tvmaze.com/shows/1370/marvels-jessica-jones"
    assert history[-1]["as_of"] == "2018-01-20"


def test_a_date_that_contradicts_the_users_window_is_recorded(
    linked: Runner, tvmaze: Tvmaze
) -> None:
    linked("--today", "2017-01-10", "expect", "Jessica Jones", "2", "2019")
    tvmaze.show(JJ, "jessica_jones_2018")
    linked("--today", "2018-01-20", "sync")
    history = json.loads(
        linked("--today", "2018-01-20", "history", "jessica", "2", "-o", "json").out
    )
    assert [h["window"]["earliest"] for h in history] == ["2018-03-01", "2019-01-01", "2018-03-08"]


def test_a_show_that_ends_is_marked_ended(linked: Runner, tvmaze: Tvmaze) -> None:
    tvmaze.show(JJ, "jessica_jones_2018", status="Ended")
    result = linked("--today", "2018-01-20", "sync")
    assert "ended" in result.out
    (show,) = json.loads(linked("list", "-o", "json").out)
    assert show["status"] == "ended"


def test_list_gives_linked_and_unlinked_shows_the_same_columns(cli: Runner, tvmaze: Tvmaze) -> None:
    tvmaze.answer("/search/shows", Answer(body=SEARCH_JJ))
    cli("add", "Zed")  # first: the header comes from the first row
    cli("add", "Jessica Jones", "--link")
    header, first, second = cli("list", "-o", "tsv").out.splitlines()
    columns = header.split("\t")
    assert "tvmaze_id" in columns and "tvmaze_url" in columns
    assert len(first.split("\t")) == len(second.split("\t")) == len(columns)
    by_title = {row.split("\t")[columns.index("title")]: row.split("\t") for row in (first, second)}
    assert by_title["Jessica Jones"][columns.index("tvmaze_id")] == "1370"
    assert by_title["Zed"][columns.index("tvmaze_id")] == "-"


def test_info_credits_tvmaze(linked: Runner) -> None:
    out = linked("info", "Jessica Jones").out
    assert "data from TVmaze: http://www.tvmaze.com/shows/1370/marvels-jessica-jones" in out


def test_dry_run_shows_the_changes_and_writes_nothing(
    linked: Runner, tvmaze: Tvmaze, db: Path
) -> None:
    tvmaze.show(JJ, "jessica_jones_2017")
    before = db.read_bytes()
    result = linked("--today", "2017-03-26", "sync", "--dry-run", "-o", "json")
    assert result.code == 0
    assert {
        "show_id": "jessica-jones",
        "show": "Jessica Jones",
        "release": "jessica-jones/s1",
        "change": "S1 released 2015-11-20 (was new)",
    } in json.loads(result.out)["tvmaze"]["changes"]
    assert "would record" in result.err
    assert db.read_bytes() == before


def test_a_second_sync_with_no_news_asks_once_and_writes_nothing(
    linked: Runner, tvmaze: Tvmaze, db: Path
) -> None:
    tvmaze.show(JJ, "jessica_jones_2017")
    tvmaze.answer("/updates/shows", Answer(body={"1370": 1489944882, "13": 1578000000}))
    linked("--today", "2017-03-26", "sync")
    before = db.stat()
    tvmaze.requests.clear()
    again = linked("--today", "2017-03-26", "sync")
    assert again.code == 0 and again.out == ""
    assert tvmaze.requests == ["/updates/shows?since=day"]
    after = db.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)
    # TVmaze changed it: fetched again.
    tvmaze.answer("/updates/shows", Answer(body={"1370": 1515000000}))
    tvmaze.show(JJ, "jessica_jones_2018")
    assert "S2 dated" in linked("--today", "2017-03-27", "sync").out
    assert tvmaze.asked("/shows/1370") == 1


def test_429_then_200_is_waited_for(linked: Runner, tvmaze: Tvmaze) -> None:
    tvmaze.answer(
        f"/shows/{JJ}",
        Answer(429, {"status": 429}, {"Retry-After": "0"}),
        Answer(body=fixture("jessica_jones_2017")),
    )
    result = linked("--today", "2017-03-26", "sync")
    assert result.code == 0, result.err
    assert tvmaze.asked(f"/shows/{JJ}") == 2


@pytest.mark.parametrize(
    ("answer", "env", "message"),
    [
        (
            Answer(503, {"status": 503}, {"Retry-After": "0"}),
            {},
            "503 Service Unavailable (still busy",
        ),
        (
            Answer(body=fixture("jessica_jones_2017"), delay=1.5),
            {"SHOWTRACK_HTTP_TIMEOUT": "0.3"},
            "did not answer within 0.3 s",
        ),
        (
            Answer(200, b"<html><body>Maintenance</body></html>", {"Content-Type": "text/html"}),
            {},
            "not JSON",
        ),
        (Answer(500, {"status": 500}), {}, "answered 500"),
    ],
    ids=["503-past-retries", "timeout", "html", "500"],
)
def test_a_failure_is_exit_5_naming_the_show_and_changes_nothing(
    linked: Runner,
    tvmaze: Tvmaze,
    db: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer: Answer,
    env: dict[str, str],
    message: str,
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    tvmaze.answer(f"/shows/{JJ}", answer)
    before = db.read_bytes()
    result = linked("--today", "2017-03-26", "sync")
    assert result.code == 5
    named = ("showtrack: fetching Jessica Jones: ", "showtrack: skipped: fetching Jessica Jones: ")
    assert any(line.startswith(named) for line in result.err.splitlines()), result.err
    assert message in result.err
    assert db.read_bytes() == before


def test_503_is_retried_a_bounded_number_of_times(linked: Runner, tvmaze: Tvmaze) -> None:
    tvmaze.answer(f"/shows/{JJ}", Answer(503, {}, {"Retry-After": "0"}))
    assert linked("--today", "2017-03-26", "sync").code == 5
    assert tvmaze.asked(f"/shows/{JJ}") == 4


def test_a_refused_connection_is_exit_5(linked: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("SHOWTRACK_TVMAZE_URL", f"http://127.0.0.1:{port}")
    result = linked("--today", "2017-03-26", "sync")
    assert result.code == 5 and "cannot reach http://127.0.0.1" in result.err
    # Nothing reached TVmaze: no summary counting requests, nothing on stdout.
    assert "linked shows fetched" not in result.err and result.out == ""
    as_json = linked("--today", "2017-03-26", "sync", "-o", "json")
    assert as_json.code == 5 and as_json.out == ""
    assert as_json.err.startswith("showtrack: ") and "cannot reach" in as_json.err


def test_shows_fetched_before_a_failure_are_still_recorded(linked: Runner, tvmaze: Tvmaze) -> None:
    tvmaze.answer(
        "/search/shows",
        Answer(body=[_hit(30.0, "the_flash_2020"), _hit(2.0, "big_bang_theory_2017")]),
    )
    linked("add", "The Flash", "--link")
    tvmaze.show(JJ, "jessica_jones_2017")
    tvmaze.answer("/shows/13", Answer(500, {}))
    result = linked("--today", "2017-03-26", "sync")
    assert result.code == 5
    assert "1 of 2 linked shows fetched (2 requests to TVmaze)" in result.err
    assert "S1 released 2015-11-20" in result.out


def test_the_lock_is_not_held_while_tvmaze_is_asked(
    linked: Runner, tvmaze: Tvmaze, db: Path
) -> None:
    tvmaze.answer(f"/shows/{JJ}", Answer(body=fixture("jessica_jones_2017"), delay=2.0))
    env = {"SHOWTRACK_TVMAZE_URL": tvmaze.url, "SHOWTRACK_TODAY": "2017-03-26"}
    syncing = subprocess.Popen(
        [sys.executable, "-m", "showtrack", "sync"],
        env={**os.environ, **env, "SHOWTRACK_DB": str(db)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(0.8)  # the sync is waiting on TVmaze now
    meanwhile = run_process(
        db, "expect", "Jessica Jones", "3", "2019", env={"SHOWTRACK_LOCK_TIMEOUT": "0.5"}
    )
    assert meanwhile.code == 0, meanwhile.err
    _, err = syncing.communicate(timeout=30)
    assert syncing.returncode == 0, err
    ids = {r.id for r in store.load(db).releases()}
    assert {"jessica-jones/s1", "jessica-jones/s3"} <= ids  # neither write lost the other


def test_a_sync_killed_midway_leaves_the_database_as_it_was(
    linked: Runner, tvmaze: Tvmaze, db: Path
) -> None:
    tvmaze.answer(f"/shows/{JJ}", Answer(body=fixture("jessica_jones_2017"), delay=5.0))
    before = db.read_bytes()
    syncing = subprocess.Popen(
        [sys.executable, "-m", "showtrack", "sync"],
        env={**os.environ, "SHOWTRACK_DB": str(db), "SHOWTRACK_TVMAZE_URL": tvmaze.url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.0)
    syncing.send_signal(signal.SIGKILL)
    syncing.wait(timeout=10)
    assert db.read_bytes() == before
    store.load(db)  # and it reads


def test_unlink_forgets_the_link_and_keeps_the_history(
    linked: Runner, tvmaze: Tvmaze, db: Path
) -> None:
    tvmaze.show(JJ, "jessica_jones_2017")
    linked("--today", "2017-03-26", "sync")
    assert linked("unlink", "Jessica Jones").code == 0
    show = store.load(db).show("jessica-jones")
    assert show is not None and show.tvmaze is None
    assert len(linked("history", "jessica", "1", "-o", "json").out) > 10
    assert linked("sync", "Jessica Jones").code == 2  # not linked any more


def test_sync_with_nothing_linked_says_so_and_succeeds(cli: Runner) -> None:
    cli("add", "Not Linked")
    result = cli("sync")
    assert result.code == 0 and "nothing to sync: link a show to TVmaze" in result.err
    assert cli("sync", "--quiet").err == ""
