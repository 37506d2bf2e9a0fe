"""Hostile servers on 127.0.0.1: whatever a server does, a fetch ends within its deadline,
in bounded memory, as exit 5 with a line saying what happened, never a traceback."""

from __future__ import annotations

import gzip
import socket
import time
import zlib
from pathlib import Path
from typing import Any

import pytest

from showtrack.errors import NetworkError
from showtrack.sources import http
from showtrack.sources import tvmaze as tvmaze_source
from showtrack.sources.http import Fetcher
from tests.conftest import Runner

from .conftest import Answer, RawServer, Tvmaze, fixture

TIMEOUT = 0.4  # seconds: SHOWTRACK_HTTP_TIMEOUT in these tests


@pytest.fixture(autouse=True)
def _short_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHOWTRACK_HTTP_TIMEOUT", str(TIMEOUT))


def _fetch_json(url: str) -> float:
    """Fetch /x from `url`; the seconds it took before it failed (it must fail)."""
    start = time.monotonic()
    with Fetcher(url, sleep=lambda _: None) as client, pytest.raises(NetworkError) as failed:
        client.get_json("/x", None, "testing")
    assert failed.value.exit_code == 5
    return time.monotonic() - start


def _headers(length: int | None = None, extra: str = "") -> bytes:
    size = f"Content-Length: {length}\r\n" if length is not None else ""
    head = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
    return f"{head}{size}{extra}\r\n".encode()


def test_a_body_trickled_a_byte_at_a_time_ends_within_the_deadline(
    raw_server: RawServer,
) -> None:
    def trickle(conn: socket.socket) -> None:
        conn.sendall(_headers(10_000))
        for _ in range(10_000):
            conn.sendall(b" ")
            time.sleep(TIMEOUT / 4)  # each read answers in time; the whole never does

    raw_server.talk = trickle
    assert _fetch_json(raw_server.url) < 3 * TIMEOUT


def test_headers_trickled_a_byte_at_a_time_end_within_the_deadline(
    raw_server: RawServer,
) -> None:
    def trickle(conn: socket.socket) -> None:
        for byte in _headers(2) * 1000:
            conn.sendall(bytes([byte]))
            time.sleep(TIMEOUT / 4)

    raw_server.talk = trickle
    assert _fetch_json(raw_server.url) < 3 * TIMEOUT


def test_an_endless_body_stops_at_the_cap(
    raw_server: RawServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(http, "MAX_JSON", 2_000_000)

    def endless(conn: socket.socket) -> None:
        conn.sendall(_headers(extra="Transfer-Encoding: chunked\r\n"))
        chunk = b"a" * 65536
        while True:
            conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))

    raw_server.talk = endless
    with Fetcher(raw_server.url) as client, pytest.raises(NetworkError, match="over 2 MB"):
        client.get_json("/x", None, "testing")


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_compression_bomb_is_not_inflated_past_the_cap(
    raw_server: RawServer, encoding: str
) -> None:
    """256 MiB of zeros packs into about 256 KB; it is counted as it inflates, and
    refused at 32 MB, not held whole. (A bomb of 1 GiB is refused the same way, and
    takes seconds to pack.)"""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31 if encoding == "gzip" else 15)
    zeros = bytes(1 << 20)
    bomb = b"".join(packer.compress(zeros) for _ in range(256)) + packer.flush()
    assert len(bomb) < 300_000

    def inflate(conn: socket.socket) -> None:
        conn.sendall(_headers(len(bomb), f"Content-Encoding: {encoding}\r\n") + bomb)

    raw_server.talk = inflate
    start = time.monotonic()
    with Fetcher(raw_server.url) as client, pytest.raises(NetworkError, match="over 32 MB"):
        client.get_json("/x", None, "testing")
    assert time.monotonic() - start < 3 * TIMEOUT


def test_a_gzipped_answer_within_the_cap_is_read(raw_server: RawServer) -> None:
    body = gzip.compress(b'{"ok": true}')

    def gzipped(conn: socket.socket) -> None:
        conn.sendall(_headers(len(body), "Content-Encoding: gzip\r\n") + body)

    raw_server.talk = gzipped
    with Fetcher(raw_server.url) as client:
        assert client.get_json("/x", None, "testing") == {"ok": True}


@pytest.mark.parametrize(
    "answer",
    [
        b"HTTP/1.1 200 OK\r\nthis line has no colon\r\n\r\n{}",
        b"NOT HTTP AT ALL\r\n\r\n",
        b"HTTP/1.1 999999999999999999999 Whatever\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n{}",
        b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: 2\r\n\r\n{}",
        b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\nnope",
        b"HTTP/1.1 301 Moved\r\nLocation: http://127.0.0.1:99999999999999999999/\r\n\r\n",
        b"HTTP/1.1 301 Moved\r\nLocation: ftp://127.0.0.1/x\r\n\r\n",
        b"HTTP/1.1 301 Moved\r\nLocation: http://[::1/x\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 200001\r\n\r\n" + b"[" * 200_000 + b"1",
    ],
    ids=[
        "header without colon",
        "no status line",
        "status out of range",
        "negative length",
        "an encoding not asked for",
        "broken gzip",
        "redirect to a port out of range",
        "redirect to ftp",
        "redirect to a broken address",
        "JSON 200,000 deep",
    ],
)
def test_a_malformed_answer_is_exit_5(raw_server: RawServer, answer: bytes) -> None:
    raw_server.talk = lambda conn: conn.sendall(answer)
    assert _fetch_json(raw_server.url) < 3 * TIMEOUT


def test_redirects_stop_after_five(raw_server: RawServer) -> None:
    raw_server.talk = lambda conn: conn.sendall(
        b"HTTP/1.1 302 Found\r\nLocation: /again\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    )
    with Fetcher(raw_server.url) as client, pytest.raises(NetworkError, match="more than 5"):
        client.get_json("/x", None, "testing")
    assert raw_server.connections <= 7


@pytest.mark.parametrize(
    "retry_after", ["²", "Fri, 31 Dec 99999 23:59:59 GMT", "-1", "1e9", "99999999999999999999"]
)
def test_an_unreadable_retry_after_is_as_if_not_given(tvmaze: Tvmaze, retry_after: str) -> None:
    tvmaze.answer("/busy", Answer(429, {}, {"Retry-After": retry_after}), Answer(body=[1]))
    waits: list[float] = []
    with Fetcher(tvmaze.url, sleep=waits.append) as client:
        assert client.get_json("/busy", None, "testing") == [1]
    assert waits == [1.0]  # the first back-off, as with no Retry-After


def test_a_429_asking_for_too_long_a_wait_says_so_after_one_request(tvmaze: Tvmaze) -> None:
    tvmaze.answer("/busy", Answer(429, {}, {"Retry-After": "3600"}))
    with Fetcher(tvmaze.url) as client, pytest.raises(NetworkError) as failed:
        client.get_json("/busy", None, "testing")
    assert "asked to wait 3600 s" in failed.value.message and "after" not in failed.value.message
    assert tvmaze.asked("/busy") == 1


def test_a_busy_server_is_tried_four_times_and_said_so(tvmaze: Tvmaze) -> None:
    tvmaze.answer("/busy", Answer(503, {}, {"Retry-After": "0"}))
    with Fetcher(tvmaze.url, sleep=lambda _: None) as client, pytest.raises(NetworkError) as failed:
        client.get_json("/busy", None, "testing")
    assert "still busy after 4 tries" in failed.value.message
    assert tvmaze.asked("/busy") == 4


def test_read_of_a_compression_bomb_page_is_exit_5_and_changes_nothing(
    raw_server: RawServer, cli: Runner
) -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join(packer.compress(bytes(1 << 20)) for _ in range(64)) + packer.flush()

    def inflate(conn: socket.socket) -> None:
        head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
        conn.sendall(f"{head}Content-Length: {len(bomb)}\r\n\r\n".encode() + bomb)

    raw_server.talk = inflate
    done = cli("read", f"{raw_server.url}/story")
    assert done.code == 5 and "over 5 MB" in done.err and "Traceback" not in done.err


# ----------------------------------------------------------------------------- TVmaze's values
def _jessica_jones(**season2: object) -> Any:
    body = fixture("jessica_jones_2018")
    body["_embedded"]["seasons"][1].update(season2)
    return body


@pytest.fixture
def linked_jj(cli: Runner, tvmaze: Tvmaze) -> Runner:
    """Jessica Jones tracked and linked to TVmaze id 1370."""
    hit = {k: v for k, v in fixture("jessica_jones_2017").items() if k != "_embedded"}
    tvmaze.answer("/search/shows", Answer(body=[{"score": 30.0, "show": hit}]))
    assert cli("add", "Jessica Jones", "--link").code == 0
    return cli


def test_a_sync_of_impossible_values_stores_none_of_them(linked_jj: Runner, tvmaze: Tvmaze) -> None:
    body = _jessica_jones(premiereDate="9999-12-31", number=2)
    episodes = body["_embedded"]["episodes"]
    for episode in episodes:
        if episode["season"] == 2:
            episode.update(
                airdate="2016-02-30", airtime="21:00", airstamp="9999-12-31T23:00:00-12:00"
            )
    body["webChannel"]["country"]["timezone"] = "Not/AZone"
    body["name"] = "\x1b]52;c;AAAA\x07Jessica Jones"
    tvmaze.answer("/shows/1370", Answer(body=body))
    done = linked_jj("--today", "2018-01-10", "sync")
    assert done.code == 0, done.err
    # Every command that reads what the sync stored still works.
    for command in (
        ["list"],
        ["calendar"],
        ["episodes", "Jessica Jones"],
        ["info", "Jessica Jones"],
        ["timeline"],
        ["export"],
        ["list", "-o", "json"],
        ["upcoming"],
    ):
        shown = linked_jj("--today", "2018-01-10", *command)
        assert shown.code in (0, 1), (command, shown.err)
        assert "Traceback" not in shown.err and "\x1b" not in shown.out, command


@pytest.mark.parametrize(
    "body",
    [
        b'{"id": ' + b"9" * 5000 + b"}",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"id": 1370, "name": "Jessica Jones", "_embedded": {"seasons": 7}}',
    ],
    ids=["5000-digits", "nested-100000-deep", "wrong-shape"],
)
def test_a_show_tvmaze_cannot_have_sent_is_exit_5_and_changes_nothing(
    linked_jj: Runner, tvmaze: Tvmaze, db: Path, body: bytes
) -> None:
    tvmaze.answer("/shows/1370", Answer(body=body))
    before = db.read_bytes()
    done = linked_jj("--today", "2018-01-10", "sync")
    assert done.code == 5 and "skipped: fetching Jessica Jones: " in done.err, done.err
    assert "Traceback" not in done.err and db.read_bytes() == before


def test_an_unreadable_show_is_skipped_and_the_others_recorded(
    linked_jj: Runner, tvmaze: Tvmaze
) -> None:
    hit = {k: v for k, v in fixture("the_flash_2020").items() if k != "_embedded"}
    tvmaze.answer("/search/shows", Answer(body=[{"score": 30.0, "show": hit}]))
    assert linked_jj("add", "The Flash", "--link").code == 0
    tvmaze.answer("/shows/1370", Answer(body={"id": 1370, "_embedded": {"seasons": 7}}))
    tvmaze.show(13, "the_flash_2020")
    done = linked_jj("--today", "2020-01-12", "sync")
    assert done.code == 5
    assert "skipped: fetching Jessica Jones: TVmaze answered in a shape" in done.err
    assert "showtrack: 1 show skipped: unreadable answer" in done.err.splitlines()[-2]
    assert "S6 released 2019-10-08" in done.out
    assert linked_jj("--today", "2020-01-12", "info", "The Flash").out.count("2019-10-08") >= 1


def test_updates_that_name_no_show_are_left_out(tvmaze: Tvmaze) -> None:
    tvmaze.answer(
        "/updates/shows",
        Answer(body={"abc": 5, "1370": 1_500_000_000, "9" * 50: 1, "7": "soon", "8": -1}),
    )
    with Fetcher(tvmaze.url, sleep=lambda _: None) as client:
        assert tvmaze_source.updates(client, "day") == {1370: 1_500_000_000}
