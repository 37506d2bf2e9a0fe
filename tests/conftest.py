"""Shared fixtures: a temporary database, a fixed today, and two ways to run the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from showtrack.cli import main

TODAY = "2017-07-01"


@dataclass
class Result:
    """What a CLI run left behind."""

    code: int
    out: str
    err: str


Runner = Callable[..., Result]


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database path in a temporary folder, with SHOWTRACK_* set for in-process runs."""
    path = tmp_path / "data" / "showtrack.json"
    path.parent.mkdir()
    monkeypatch.setenv("SHOWTRACK_DB", str(path))
    monkeypatch.setenv("SHOWTRACK_TODAY", TODAY)
    monkeypatch.setenv("TZ", "America/New_York")
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("SHOWTRACK_DEBUG", raising=False)
    return path


@pytest.fixture
def cli(db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Runner:
    """Run showtrack in this process (fast); returns exit code, stdout and stderr."""

    def run(*args: str, stdin: str | None = None) -> Result:
        capsys.readouterr()
        if stdin is not None:
            import io

            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def process_env(db: Path) -> dict[str, str]:
    """The environment a showtrack process runs with in the tests: a bare one, with the
    test database, the fixed today and a zone."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "SHOWTRACK_DB": str(db),
        "SHOWTRACK_TODAY": TODAY,
        "TZ": "America/New_York",
    }


def run_process(
    db: Path,
    *args: str,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    timeout: float = 60,
    cwd: Path | None = None,
) -> Result:
    """Run showtrack as a real process, the way cron or a shell does."""
    base = process_env(db)
    done = subprocess.run(
        [sys.executable, "-m", "showtrack", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**base, **(env or {})},
        timeout=timeout,
        check=False,
        cwd=cwd,
    )
    return Result(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def proc(db: Path) -> Runner:
    """Run showtrack as a separate process against the test database."""

    def run(*args: str, **kwargs: object) -> Result:
        return run_process(db, *args, **kwargs)  # type: ignore[arg-type]

    return run


def khal_binary() -> str | None:
    """khal on the PATH, else the one `make bench` installs beside the project; None when
    neither is there (the tests that import into khal are then skipped)."""
    import shutil

    local = Path(__file__).resolve().parent.parent / ".venv-khal" / "bin" / "khal"
    return shutil.which("khal") or (str(local) if local.exists() else None)


def khal_runner(folder: Path, zone: str | None = None) -> Callable[..., str]:
    """`khal` on a fresh calendar `tv` in `folder` (ISO dates and 24-hour times, in
    `zone` when given); returns a function that runs it and gives its output."""
    khal = khal_binary()
    assert khal is not None
    calendar = folder / "calendar"
    calendar.mkdir()
    config = folder / "khal.conf"
    zones = f"local_timezone = {zone}\ndefault_timezone = {zone}\n" if zone else ""
    config.write_text(
        f"[calendars]\n[[tv]]\npath = {calendar}\ntype = calendar\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        f"{zones}[sqlite]\npath = {folder / 'khal.db'}\n"
    )
    env = {**os.environ, "TZ": zone} if zone else None

    def run(*args: str) -> str:
        done = subprocess.run(
            [khal, "-c", str(config), *args], capture_output=True, text=True, timeout=60, env=env
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    return run


def _interruptible() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Terminal:
    """A pty that a process runs in as its terminal, read all along in a thread: a
    terminal nobody reads fills, and a process writing to it blocks, Ctrl-C or not."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        import threading

        self.main, replica = os.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "showtrack", *args],
            stdin=replica,
            stdout=replica,
            stderr=replica,
            env=env,
            close_fds=True,
            # Ctrl-C as a terminal gives it, however the tests were started: a suite run
            # in the background (`make test &`) ignores SIGINT, and so would its children.
            preexec_fn=_interruptible,
        )
        os.close(replica)
        self._chunks: list[bytes] = []
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                data = os.read(self.main, 65536)
            except OSError:  # the other end closed
                return
            if not data:
                return
            self._chunks.append(data)

    @property
    def screen(self) -> bytes:
        """Everything the process wrote so far."""
        return b"".join(self._chunks)

    def wait_for(self, text: bytes, seconds: float = 60) -> None:
        """Wait until the process has written `text`; fail saying what it wrote instead."""
        import time

        deadline = time.monotonic() + seconds
        while text not in self.screen and time.monotonic() < deadline:
            time.sleep(0.05)
        assert text in self.screen, self.screen

    def type(self, keys: bytes) -> None:
        """Keys typed at the terminal."""
        os.write(self.main, keys)

    def close(self, timeout: float) -> int:
        """Wait for the process to end; its exit code."""
        code = self.process.wait(timeout=timeout)
        self._reader.join(timeout=5)
        os.close(self.main)
        return code
