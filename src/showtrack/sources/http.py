"""The one HTTP client: httpx with connect and read timeouts, a User-Agent, at most one
connection, a rate it stays under, bounded retries on 429 and 503 that honour
Retry-After, and every failure turned into one NetworkError (exit 5) naming what was
being fetched and what went wrong."""

from __future__ import annotations

import math
import os
import time
from collections import deque
from collections.abc import Callable, Mapping
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Any

import httpx
import msgspec

from showtrack import __version__
from showtrack.errors import NetworkError

TIMEOUT_ENV = "SHOWTRACK_HTTP_TIMEOUT"
DEFAULT_TIMEOUT = 10.0
CONNECT_TIMEOUT = 5.0
RETRIES = 3  # after the first try, on 429 and 503
LONGEST_WAIT = 30.0  # a Retry-After longer than this is not waited for
USER_AGENT = f"showtrack/{__version__}"
MAX_TEXT = 10_000_000  # bytes of an article page


def read_timeout() -> float:
    """Seconds to wait for an answer: $SHOWTRACK_HTTP_TIMEOUT (0.1 to 300), else 10."""
    try:
        value = float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if math.isfinite(value) and 0.1 <= value <= 300 else DEFAULT_TIMEOUT


def _retry_after(response: httpx.Response, attempt: int) -> float:
    """How long to wait before trying again: the server's Retry-After (seconds or a
    date), else 1, 2, 4 seconds."""
    header = response.headers.get("Retry-After", "").strip()
    if header.isdigit():
        return float(header)
    if header:
        try:
            when = parsedate_to_datetime(header)
            return max(0.0, when.timestamp() - time.time())
        except (TypeError, ValueError):
            pass
    return float(2**attempt)


class Fetcher:
    """A client for one command's requests to one service. Use it as a context manager;
    it closes its connection on exit."""

    def __init__(
        self,
        base_url: str,
        *,
        per_window: int = 20,
        window: float = 10.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.requests = 0
        self._sleep = sleep
        self._sent: deque[float] = deque()
        self._per_window, self._window = per_window, window
        self._client = httpx.Client(
            base_url=self.base_url,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            timeout=httpx.Timeout(read_timeout(), connect=min(CONNECT_TIMEOUT, read_timeout())),
            limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
            follow_redirects=True,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._client.close()

    def _pace(self) -> None:
        """Stay under `per_window` requests in any `window` seconds."""
        now = time.monotonic()
        while self._sent and now - self._sent[0] >= self._window:
            self._sent.popleft()
        if len(self._sent) >= self._per_window:
            self._sleep(self._window - (now - self._sent[0]))
            self._sent.popleft()
        self._sent.append(time.monotonic())

    def get_json(self, path: str, params: Mapping[str, str | list[str]] | None, what: str) -> Any:
        """The decoded JSON at `path`, or None when the service says there is no such
        thing (404). Any other failure is a NetworkError saying `what` was fetched."""
        return self._decoded(self._response(path, params, what), what)

    def get_text(self, path: str, what: str) -> tuple[str, str]:
        """The text at `path` and its media type (e.g. text/html). A 404 or any other
        failure is a NetworkError saying `what` was fetched; so is an answer over
        MAX_TEXT bytes, which no article reaches."""
        response = self._response(path, None, what, accept="text/html, text/plain;q=0.9")
        if response.status_code != 200:
            raise self._refusal(response, what)
        if len(response.content) > MAX_TEXT:
            raise NetworkError(
                f"{what}: the answer is over {MAX_TEXT // 1_000_000} MB, not an article",
                "save the article's page to a file and read that",
            )
        media = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        return response.text, media

    def _response(
        self,
        path: str,
        params: Mapping[str, str | list[str]] | None,
        what: str,
        accept: str | None = None,
    ) -> httpx.Response:
        """The answer at `path` after bounded retries on 429 and 503."""
        for attempt in range(RETRIES + 1):
            self._pace()
            self.requests += 1
            try:
                headers = {"Accept": accept} if accept else None
                response = self._client.get(path, params=params, headers=headers)
            except httpx.TimeoutException:
                raise NetworkError(
                    f"{what}: {self.base_url} did not answer within {read_timeout():g} s",
                    f"try again later, or raise {TIMEOUT_ENV}",
                ) from None
            except httpx.HTTPError as exc:
                raise NetworkError(
                    f"{what}: cannot reach {self.base_url} ({type(exc).__name__}: {exc})",
                    "check the connection, then try again",
                ) from None
            if response.status_code in (429, 503) and attempt < RETRIES:
                wait = _retry_after(response, attempt)
                if wait <= LONGEST_WAIT:
                    self._sleep(wait)
                    continue
            return response
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _decoded(self, response: httpx.Response, what: str) -> Any:
        if response.status_code == 404:
            return None
        if response.status_code != 200:
            raise self._refusal(response, what)
        try:
            return msgspec.json.decode(response.content)
        except msgspec.DecodeError:
            raise NetworkError(
                f"{what}: {self.base_url} answered something that is not JSON",
                "is SHOWTRACK_TVMAZE_URL a TVmaze API?",
            ) from None

    def _refusal(self, response: httpx.Response, what: str) -> NetworkError:
        busy = " (still busy after retrying)" if response.status_code in (429, 503) else ""
        return NetworkError(
            f"{what}: {self.base_url} answered {response.status_code} "
            f"{response.reason_phrase}{busy}",
            "try again later",
        )
