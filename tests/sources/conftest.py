"""A stand-in for TVmaze on 127.0.0.1: each test says what each path answers (in order,
the last answer repeating), and the server records every request. No test reaches the
internet. Built on the standard library's ThreadingHTTPServer, which lets a handler
sleep past the client's timeout, redirect, or answer garbage, with no new dependency."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
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
        answers = stand_in.routes.get(urlsplit(self.path).path)
        if not answers:
            answer = Answer(404, {"name": "Not Found", "status": 404})
        else:
            answer = answers.pop(0) if len(answers) > 1 else answers[0]
        time.sleep(answer.delay)
        body = answer.body if isinstance(answer.body, bytes) else json.dumps(answer.body).encode()
        try:
            self.send_response(answer.status)
            for key, value in answer.headers.items():
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
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("SHOWTRACK_TVMAZE_URL", stand_in.url)
    try:
        yield stand_in
    finally:
        server.shutdown()
        server.server_close()
