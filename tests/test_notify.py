"""Notifications and the config file (spec/notify.md), delivered through Apprise's
json:// to webhooks on 127.0.0.1 that the tests start: one that takes the message, one
that answers 500, one that never answers, and a port nobody listens on. Nothing is sent
off the machine; each test reads what arrived."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from .conftest import Runner

TODAY = "2017-07-01"


class Hook:
    """A webhook on 127.0.0.1: what it answers, and every message it got."""

    def __init__(self) -> None:
        self.status = 200
        self.delay = 0.0
        self.got: list[dict[str, Any]] = []
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.hook = self  # type: ignore[attr-defined]
        server.daemon_threads = True
        self.server = server
        self.port = server.server_address[1]
        threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True).start()

    def url(self, secret: str = "s3cr3t-token") -> str:
        return f"json://127.0.0.1:{self.port}/hook/{secret}"


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        hook: Hook = self.server.hook  # type: ignore[attr-defined]
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(hook.delay)
        if hook.status == 200:
            hook.got.append(json.loads(body))
        try:
            self.send_response(hook.status)
            self.send_header("Content-Length", "0")
            self.end_headers()
        except OSError:
            pass

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def hook() -> Iterator[Hook]:
    made = Hook()
    yield made
    made.server.shutdown()
    made.server.server_close()


@pytest.fixture
def due(cli: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Runner:
    """A release due on TODAY, and a config file of our own (none yet)."""
    monkeypatch.setenv("SHOWTRACK_CONFIG", str(tmp_path / "showtrack.toml"))
    monkeypatch.setenv("SHOWTRACK_HTTP_TIMEOUT", "1")
    assert cli("--today", TODAY, "add", "Night Harbor").code == 0
    assert cli("--today", TODAY, "expect", "Night Harbor", "3", "2017-07-03").code == 0
    return cli


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_check_notify_sends_the_lines_it_prints(due: Runner, hook: Hook) -> None:
    done = due("--today", TODAY, "check", "--notify", hook.url())
    assert done.code == 0, done.err
    assert done.out == "2017-07-03  Night Harbor S3  in 2 days\n"
    assert [(m["title"], m["message"]) for m in hook.got] == [
        ("showtrack: 1 due", done.out.strip())
    ]


def test_nothing_due_sends_nothing(cli: Runner, hook: Hook) -> None:
    assert cli("--today", TODAY, "add", "Quiet Show").code == 0
    done = cli("--today", TODAY, "check", "--notify", hook.url())
    assert done.code == 1 and done.out == "" and hook.got == []


def test_once_with_send_delivers_once_and_again_after_a_failure(
    due: Runner, hook: Hook, tmp_path: Path
) -> None:
    config = tmp_path / "showtrack.toml"
    config.write_text(f'notify = ["{hook.url()}"]\n')
    config.chmod(0o600)
    hook.status = 500
    failed = due("--today", TODAY, "check", "--once", "--send")
    assert failed.code == 5
    assert failed.out == "2017-07-03  Night Harbor S3  in 2 days\n"  # printed all the same
    assert f"not delivered to json://12…:{hook.port}/ho…/s3…: it answered 500" in failed.err
    assert "s3cr3t" not in failed.err + failed.out
    hook.status = 200
    again = due("--today", TODAY, "check", "--once", "--send")
    assert again.code == 0 and again.out == failed.out
    assert len(hook.got) == 1
    quiet = due("--today", TODAY, "check", "--once", "--send")
    assert quiet.code == 1 and quiet.out == "" and len(hook.got) == 1


@pytest.mark.parametrize("kind", ["silent", "refused"])
def test_a_target_that_does_not_answer_is_exit_5_within_the_timeout(
    due: Runner, hook: Hook, kind: str
) -> None:
    if kind == "silent":
        hook.delay = 5.0
        url = hook.url()
    else:
        url = f"json://127.0.0.1:{_closed_port()}/hook"
    start = time.monotonic()
    done = due("--today", TODAY, "check", "--once", "--notify", url)
    assert time.monotonic() - start < 4.5
    assert done.code == 5 and "not delivered to json://" in done.err
    assert done.out.startswith("2017-07-03  Night Harbor S3")
    # Not remembered as reported: the next run says it again.
    assert due("--today", TODAY, "check", "--once").out == done.out


def test_notify_test_says_for_each_target_whether_it_was_delivered(due: Runner, hook: Hook) -> None:
    bad = f"json://127.0.0.1:{_closed_port()}/hook/other-secret"
    done = due("notify", "test", hook.url(), bad, "nosuchscheme://x")
    assert done.code == 5
    assert f"delivered: json://12…:{hook.port}/ho…/s3…" in done.out
    assert "/ho…/ot…: it could not be reached" in done.out
    assert "not delivered: nosuchscheme://…: not a notification URL Apprise knows" in done.out
    assert "secret" not in done.out + done.err
    assert [m["title"] for m in hook.got] == ["showtrack: test"]


def test_notify_list_and_config_show_mask_the_secrets(
    due: Runner, hook: Hook, tmp_path: Path
) -> None:
    config = tmp_path / "showtrack.toml"
    config.write_text(f'notify = ["{hook.url()}"]\nwithin = "10d"\nregion = "GB"\n')
    config.chmod(0o600)
    listed = due("notify", "list", "-o", "json")
    target = f"json://12…:{hook.port}/ho…/s3…"
    assert json.loads(listed.out) == [{"target": target, "from": "file"}]
    shown = {r["setting"]: r for r in json.loads(due("config", "show", "-o", "json").out)}
    assert shown["within"] == {"setting": "within", "value": "10d", "from": "file"}
    assert shown["region"]["value"] == "GB" and shown["notify"]["from"] == "file"
    assert "s3cr3t" not in json.dumps(shown)
    assert due("config", "path").out.strip() == str(config)


def test_a_config_readable_by_others_is_said_once(due: Runner, hook: Hook, tmp_path: Path) -> None:
    config = tmp_path / "showtrack.toml"
    config.write_text(f'notify = ["{hook.url()}"]\n')
    config.chmod(0o644)
    done = due("--today", TODAY, "check", "--send")
    assert done.code == 0
    assert done.err.count("other users can read it") == 1 and "chmod 600" in done.err


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('notfy = ["ntfy://x"]\n', "line 1: unknown key 'notfy'"),
        ('region = "GB"\nwithin = "10x"\n', "line 2: "),
        ("within = 10\n", "line 1: within is text"),
        ('notify = "not a url"\n', "line 1: notify holds"),
        ('region = "Narnia"\n', "line 1: region 'Narnia' is not a country code"),
        ("notify = [\n", "is not valid TOML"),
    ],
    ids=["unknown-key", "bad-duration", "wrong-type", "not-a-url", "bad-region", "broken-toml"],
)
def test_a_wrong_config_file_is_exit_2_naming_the_key_and_line(
    due: Runner, tmp_path: Path, text: str, said: str
) -> None:
    config = tmp_path / "showtrack.toml"
    config.write_text(text)
    done = due("--today", TODAY, "check")
    assert done.code == 2 and said in done.err, done.err
    assert str(config) in done.err.splitlines()[0]


def test_settings_come_from_options_then_environment_then_file(
    due: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "showtrack.toml").write_text('within = "1d"\nregion = "AU"\n')
    assert due("--today", TODAY, "check").code == 1  # 2 days away: not within 1d
    monkeypatch.setenv("SHOWTRACK_WITHIN", "3d")
    assert due("--today", TODAY, "check").code == 0
    assert due("--today", TODAY, "check", "--within", "1d").code == 1
    read = json.loads(due("--today", TODAY, "window", "spring 2018", "-o", "json").out)
    assert read["region"] == "AU" and read["earliest"] == "2018-09-01"  # southern spring
    shown = {r["setting"]: r for r in json.loads(due("config", "show", "-o", "json").out)}
    assert shown["within"]["from"] == "environment"


def test_send_with_no_target_configured_is_exit_2(due: Runner) -> None:
    done = due("--today", TODAY, "check", "--send")
    assert done.code == 2 and "no notification targets are configured" in done.err
    assert due("notify", "test").code == 2


def test_check_without_sending_does_not_load_apprise(due: Runner, db: Path) -> None:
    from .cli.test_check import _modules_loaded_by

    modules = _modules_loaded_by(db, "check", "--once")
    assert "apprise" not in modules


def test_the_config_folder_is_where_platformdirs_says(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_config_path

    from showtrack.config import config_path

    monkeypatch.delenv("SHOWTRACK_CONFIG", raising=False)
    for xdg in ("", "/tmp/elsewhere"):
        monkeypatch.setenv("XDG_CONFIG_HOME", xdg)
        expected = user_config_path("showtrack", appauthor=False) / "showtrack.toml"
        assert config_path() == expected
