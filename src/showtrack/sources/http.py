"""The one HTTP client: httpx with a User-Agent, at most one connection, a rate it stays
under, bounded retries on 429 and 503 that honour Retry-After, and every answer bounded:
a deadline for the whole request (connecting, the headers and the body, however slowly
a server trickles them), a cap on the bytes of the body counted as they are decoded
(so that 1 MB of gzip cannot become 1 GB in memory), at most five redirects, http(s)
only. Every failure is one NetworkError (exit 5) naming what was being fetched and what
went wrong, never a traceback."""

from __future__ import annotations

import contextlib
import functools
import re
import signal
import ssl
import threading
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from email.utils import parsedate_to_datetime
from types import FrameType, TracebackType
from typing import Any

import httpx
import msgspec

from showtrack import __version__, clock
from showtrack.errors import NetworkError, UnreadableAnswerError
from showtrack.text import printable, shortened

TIMEOUT_ENV = "SHOWTRACK_HTTP_TIMEOUT"
DEFAULT_TIMEOUT = 10.0
CONNECT_TIMEOUT = 5.0
RETRIES = 3  # after the first try, on 429 and 503
LONGEST_WAIT = 30.0  # a Retry-After longer than this is not waited for
MAX_REDIRECTS = 5
USER_AGENT = f"showtrack/{__version__}"
MAX_TEXT = 10_000_000  # bytes of an article page or a feed, decoded
MAX_JSON = 32_000_000  # bytes of a JSON answer, decoded: TVmaze's largest is ~2 MB
_DEADLINE_FACTOR = 2.0  # one request ends within this many timeouts
_BUDGET_FACTOR = 3.0  # a fetch (tries, and waits a server asks for) ends within as many
_ENCODINGS = ("gzip", "deflate")  # what showtrack asks for, and decodes itself, bounded


def read_timeout() -> float:
    """Seconds to wait for an answer: $SHOWTRACK_HTTP_TIMEOUT (0.1 to 300), else 10;
    anything else is a usage error."""
    return clock.seconds_setting(TIMEOUT_ENV, DEFAULT_TIMEOUT, 0.1, 300.0)


class _Expired(Exception):
    """The deadline of a request passed."""


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt whatever the request waits on when `seconds` have passed: a server that
    sends one byte a second answers every read in time, so only a clock for the whole
    request ends it. The alarm works on the main thread (where commands run); elsewhere
    the body's reading still checks the clock between chunks."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class Answer:
    """An answer read whole, within the caps: status, reason, headers, decoded body, the
    address it came from after redirects, whether every redirect was permanent (301,
    308: the asker should remember the new address), and whether the body was cut at
    the cap."""

    def __init__(self, response: httpx.Response, body: bytes, cut: bool = False) -> None:
        self.status_code = response.status_code
        self.reason_phrase = response.reason_phrase
        self.headers = response.headers
        self.content = body
        self.url = str(response.url)
        self.moved = bool(response.history) and all(
            r.status_code in (301, 308) for r in response.history
        )
        self.cut = cut

    @property
    def media_type(self) -> str:
        """The media type of the body ("text/html"), without its parameters."""
        header: str = self.headers.get("Content-Type", "")
        return header.split(";")[0].strip().lower()

    @property
    def text(self) -> str:
        """The body as text, in its charset (else UTF-8), undecodable bytes replaced."""
        charset = re.search(r"charset=\"?([\w.:-]{1,40})", self.headers.get("Content-Type", ""))
        name = str(charset[1]) if charset else "utf-8"
        try:
            return self.content.decode(name, errors="replace")
        except LookupError:  # a charset Python does not know
            return self.content.decode("utf-8", errors="replace")


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """The certificate checks of every client, made once a process: loading the system's
    certificates costs about 30 ms, which a sync of ten feeds paid ten times
    (bench/FEEDS.md)."""
    return ssl.create_default_context()


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
        #: Requests the service answered (with any status): what a summary may count.
        self.answered = 0
        self._sleep = sleep
        self._sent: deque[float] = deque()
        self._per_window, self._window = per_window, window
        timeout = read_timeout()
        self._timeout = timeout
        try:
            self._client = httpx.Client(
                base_url=self.base_url,
                headers={
                    "User-Agent": USER_AGENT,
                    "Accept": "application/json",
                    "Accept-Encoding": ", ".join(_ENCODINGS),
                },
                timeout=httpx.Timeout(timeout, connect=min(CONNECT_TIMEOUT, timeout)),
                limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                verify=_tls_context(),
            )
        except (httpx.InvalidURL, ValueError) as exc:
            raise NetworkError(
                f"{printable(shortened(base_url))} is not an address showtrack can ask ({exc})",
                "check the address",
            ) from None

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
        answer = self._answer(path, params, what, None, MAX_JSON)
        if answer.status_code == 404:
            return None
        if answer.status_code != 200:
            raise self._refusal(answer, what)
        try:
            return msgspec.json.decode(answer.content)
        except (msgspec.DecodeError, RecursionError, ValueError):
            raise UnreadableAnswerError(
                f"{what}: {self.base_url} answered something that is not JSON",
                "is SHOWTRACK_TVMAZE_URL a TVmaze API?",
            ) from None

    def get_text(self, path: str, what: str, limit: int = MAX_TEXT) -> tuple[str, str]:
        """The text at `path` and its media type (e.g. text/html). A 404 or any other
        failure is a NetworkError saying `what` was fetched; so is an answer over
        `limit` bytes once decoded."""
        accept = "text/html, text/plain;q=0.9"
        answer = self._answer(path, None, what, accept, limit)
        if answer.status_code != 200:
            raise self._refusal(answer, what)
        return answer.text, answer.media_type

    def get(
        self,
        path: str,
        what: str,
        *,
        headers: Mapping[str, str] | None = None,
        accept: str | None = None,
        limit: int = MAX_TEXT,
        cut: bool = False,
    ) -> Answer:
        """The answer at `path` whatever its status (304, 410...: the caller decides),
        with these request headers; retried on 429 and 503 as every request is. With
        `cut`, a body past `limit` is cut there (Answer.cut) rather than refused."""
        return self._answer(path, None, what, accept, limit, headers=headers, cut=cut)

    def _answer(
        self,
        path: str,
        params: Mapping[str, str | list[str]] | None,
        what: str,
        accept: str | None,
        limit: int,
        *,
        headers: Mapping[str, str] | None = None,
        cut: bool = False,
    ) -> Answer:
        """The answer at `path` after bounded retries on 429 and 503, read within the
        deadline and the cap."""
        ends = time.monotonic() + _BUDGET_FACTOR * self._timeout  # all tries and waits
        answer = None
        for attempt in range(RETRIES + 1):
            self._pace()
            self.requests += 1
            deadline = min(time.monotonic() + _DEADLINE_FACTOR * self._timeout, ends)
            answer = self._once(path, params, what, accept, limit, deadline, headers, cut)
            self.answered += 1
            if answer.status_code not in (429, 503) or attempt == RETRIES:
                return answer
            wait = _wait(answer, attempt)
            if wait > LONGEST_WAIT or time.monotonic() + wait >= ends:
                return answer
            self._sleep(wait)
        assert answer is not None  # the loop runs at least once
        return answer

    def _once(
        self,
        path: str,
        params: Mapping[str, str | list[str]] | None,
        what: str,
        accept: str | None,
        limit: int,
        deadline: float,
        extra: Mapping[str, str] | None = None,
        cut: bool = False,
    ) -> Answer:
        """One request, its body read whole within the deadline and the cap."""
        headers = {**({"Accept": accept} if accept else {}), **(extra or {})}
        try:
            with (
                _deadline(deadline - time.monotonic()),
                self._client.stream("GET", path, params=params, headers=headers) as response,
            ):
                try:
                    return Answer(response, _read_body(response, limit, deadline))
                except _TooLarge as large:
                    if not cut:
                        raise
                    return Answer(response, large.body, cut=True)
        except (
            httpx.HTTPError,
            httpx.InvalidURL,
            _Expired,
            _TooLarge,
            ValueError,
            OverflowError,  # a redirect to a port the socket cannot take
            OSError,
            zlib.error,
        ) as exc:
            raise self._failure(exc, what, limit) from None

    def _failure(self, exc: Exception, what: str, limit: int) -> NetworkError:
        """What went wrong with a request, said as exit 5 with what to do about it."""
        if isinstance(exc, httpx.TimeoutException):
            return NetworkError(
                f"{what}: {self.base_url} did not answer within {self._timeout:g} s",
                f"try again later, or raise {TIMEOUT_ENV}",
            )
        if isinstance(exc, _Expired):
            return NetworkError(
                f"{what}: {self.base_url} did not answer in full within "
                f"{_DEADLINE_FACTOR * self._timeout:g} s",
                f"try again later, or raise {TIMEOUT_ENV}",
            )
        if isinstance(exc, _TooLarge):
            return NetworkError(
                f"{what}: the answer is over {limit // 1_000_000} MB, not what was asked for",
                "if it is an article, save its page to a file and read that",
            )
        if isinstance(exc, httpx.TooManyRedirects):
            return NetworkError(
                f"{what}: {self.base_url} redirected more than {MAX_REDIRECTS} times",
                "check the address",
            )
        detail = printable(shortened(str(exc) or type(exc).__name__, 120))
        if isinstance(exc, (httpx.ConnectError, httpx.NetworkError)):
            return NetworkError(
                f"{what}: cannot reach {self.base_url} ({detail})",
                "check the connection, then try again",
            )
        return NetworkError(
            f"{what}: cannot read an answer from {self.base_url} ({detail})",
            "check the address and the connection, then try again",
        )

    def _refusal(self, answer: Answer, what: str) -> NetworkError:
        reason = printable(shortened(answer.reason_phrase, 60))
        message = f"{what}: {self.base_url} answered {answer.status_code} {reason}".rstrip()
        if answer.status_code in (429, 503):
            wait = _wait(answer, 0)
            if wait > LONGEST_WAIT:
                message += f" and asked to wait {wait:.0f} s, longer than showtrack waits"
            else:
                message += f" (still busy after {RETRIES + 1} tries)"
        return NetworkError(message, "try again later")


class _TooLarge(Exception):
    """A body grew past its cap; `body` is what was read, cut at the cap."""

    def __init__(self, body: bytes = b"") -> None:
        super().__init__()
        self.body = body


def _wait(answer: Answer, attempt: int) -> float:
    """How long an answer of 429 or 503 asks to wait (Retry-After), else 1, 2, 4 s."""
    header = answer.headers.get("Retry-After", "").strip()
    if re.fullmatch(r"[0-9]{1,9}", header):
        return float(header)
    if header:
        try:
            when = parsedate_to_datetime(header)
            return max(0.0, when.timestamp() - time.time())
        except (TypeError, ValueError, OverflowError, IndexError):
            pass
    return float(2**attempt)


def _read_body(response: httpx.Response, limit: int, deadline: float) -> bytes:
    """The body, decoded as its Content-Encoding says, at most `limit` bytes once
    decoded, read before `deadline`."""
    encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
    if encoding in ("gzip", "x-gzip"):
        inflater: Any = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        inflater = zlib.decompressobj(zlib.MAX_WBITS)
    elif encoding in ("identity", ""):
        inflater = None
    else:
        raise ValueError(f"an encoding showtrack did not ask for: {encoding[:20]}")
    parts: list[bytes] = []
    size = 0
    for chunk in response.iter_raw():
        if time.monotonic() > deadline:
            raise _Expired
        while chunk:
            if inflater is None:
                piece, chunk = chunk, b""
            else:
                piece = inflater.decompress(chunk, limit - size + 1)
                chunk = inflater.unconsumed_tail
            size += len(piece)
            parts.append(piece)
            if size > limit:
                raise _TooLarge(b"".join(parts)[:limit])
    if inflater is not None:
        parts.append(inflater.flush())
        size += len(parts[-1])
        if size > limit:
            raise _TooLarge(b"".join(parts)[:limit])
    return b"".join(parts)
