"""A stand-in for TVmaze on 127.0.0.1: each test says what each path answers (in order,
the last answer repeating), and the server records every request. No test reaches the
internet. Built on the standard library's ThreadingHTTPServer, which lets a handler
sleep past the client's timeout, redirect, or answer garbage, with no new dependency."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> Any:
    """One of our fixture files (TVmaze's shapes, ids and dates; our own text)."""
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


class Answer(NamedTuple):
    status: int = 200
    body: Any = None  # JSON-encoded unless bytes
    headers: dict[str, str] = {}  # noqa: RUF012 - a NamedTuple default, never mutated
    delay: float = 0.0


class Tvmaze:
    """What the stand-in server answers, and what it was asked."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.routes: dict[str, list[Answer]] = {}
        self.requests: list[str] = []
        self.headers: list[dict[str, str]] = []  # each request's headers, as received

    def answer(self, path: str, *answers: Answer) -> None:
        self.routes[path] = list(answers)

    def show(self, tvmaze_id: int, name: str, **changes: Any) -> None:
        body = {**fixture(name), **changes}
        self.answer(f"/shows/{tvmaze_id}", Answer(body=body))

    def asked(self, path: str) -> int:
        return sum(1 for r in self.requests if urlsplit(r).path == path)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        stand_in = self.server.stand_in
        stand_in.requests.append(self.path)
        stand_in.headers.append(dict(self.headers.items()))
        # An answer for the path with its query ("/lookup/shows?thetvdb=1") first.
        answers = stand_in.routes.get(self.path) or stand_in.routes.get(urlsplit(self.path).path)
        if not answers:
            answer = Answer(404, {"name": "Not Found", "status": 404})
        else:
            answer = answers.pop(0) if len(answers) > 1 else answers[0]
        time.sleep(answer.delay)
        body = answer.body if isinstance(answer.body, bytes) else json.dumps(answer.body).encode()
        try:
            self.send_response(answer.status)
            for key, value in answer.headers.items():
                if key.lower() != "content-type":  # sent once, below
                    self.send_header(key, value)
            self.send_header("Content-Type", answer.headers.get("Content-Type", "application/json"))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test)
            pass

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    stand_in: Tvmaze


@pytest.fixture
def tvmaze(monkeypatch: pytest.MonkeyPatch) -> Iterator[Tvmaze]:
    """A TVmaze stand-in on 127.0.0.1, and SHOWTRACK_TVMAZE_URL pointing at it."""
    server = _Server(("127.0.0.1", 0), _Handler)
    stand_in = Tvmaze(f"http://127.0.0.1:{server.server_address[1]}")
    server.stand_in = stand_in
    # A short poll interval: shutdown() waits for the serving loop to look up.
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    monkeypatch.setenv("SHOWTRACK_TVMAZE_URL", stand_in.url)
    try:
        yield stand_in
    finally:
        server.shutdown()
        server.server_close()


Conversation = Callable[[socket.socket], None]


class RawServer:
    """A server on 127.0.0.1 that speaks raw bytes: each test gives the function that
    talks to a connection (to trickle, to lie about sizes, to inflate, to break HTTP)."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.talk: Conversation = lambda conn: None
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self.listener.settimeout(0.05)
        while not self._stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            self.connections += 1
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.settimeout(5)
                conn.recv(65536)  # the request: what is asked does not matter here
                self.talk(conn)
            except OSError:  # the client gave up: what these tests want of it
                pass

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.listener.close()


@pytest.fixture
def raw_server() -> Iterator[RawServer]:
    """A raw server on 127.0.0.1 (see RawServer)."""
    server = RawServer()
    try:
        yield server
    finally:
        server.close()
