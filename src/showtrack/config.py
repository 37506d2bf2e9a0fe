"""The settings a user keeps (spec/notify.md): read from the command line, then the
environment, then `showtrack.toml` in the user's config folder, then the defaults, in
this one place, so that every command agrees; each with where it came from, for
`config show`.

```toml
notify = ["ntfy://showtrack-alerts", "mailto://me:app-password@example.org"]
within = "10d"            # check's default lead time
region = "GB"             # the default --region of expect, read and window
```

The file is read with the standard library's TOML reader (its backport, tomli, before
Python 3.11). An unknown key or a bad value is a usage error naming the key and its line;
a missing file is no error. The file holds secrets (notification URLs): one readable by
other users is said once a run, as ssh says of a key.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path
from typing import Any, NamedTuple

from showtrack.errors import UsageError

CONFIG_ENV = "SHOWTRACK_CONFIG"
FILE_NAME = "showtrack.toml"
#: The environment variable of each setting, and its key in the file.
ENVIRONMENT = {
    "notify": "SHOWTRACK_NOTIFY",
    "within": "SHOWTRACK_WITHIN",
    "region": "SHOWTRACK_REGION",
}
KEYS = tuple(ENVIRONMENT)


class Setting(NamedTuple):
    """A setting's value and where it came from: option, environment, file or default."""

    value: Any
    origin: str


class Config(NamedTuple):
    """The settings of the config file and the environment (options are applied by the
    command that has them: `Config.pick`)."""

    path: Path
    settings: dict[str, Setting]

    def pick(self, key: str, given: Any = None) -> Any:
        """The value of `key`: the option's when one was given, else this config's."""
        if given not in (None, [], ()):
            return given
        return self.settings[key].value

    def origin(self, key: str, given: Any = None) -> str:
        """Where the value `pick` gives came from."""
        return "option" if given not in (None, [], ()) else self.settings[key].origin


def config_path() -> Path:
    """Where the config file is: $SHOWTRACK_CONFIG, else showtrack.toml in the user's
    config folder (~/.config/showtrack/ on Linux)."""
    given = os.environ.get(CONFIG_ENV)
    if given:
        return Path(given).expanduser()
    if sys.platform.startswith("linux"):
        # What platformdirs answers on Linux, without its import (about 5 ms, on every
        # `check` from cron: bench/RESULTS.md).
        home = os.environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
        return Path(home) / "showtrack" / FILE_NAME
    from platformdirs import user_config_path

    return user_config_path("showtrack", appauthor=False) / FILE_NAME


def load_config() -> Config:
    """The settings of the environment and the config file."""
    path = config_path()
    from_file = _read_file(path)
    settings: dict[str, Setting] = {}
    for key in KEYS:
        env = os.environ.get(ENVIRONMENT[key], "").strip()
        if env:
            where = f"environment variable {ENVIRONMENT[key]}"
            value = env.split() if key == "notify" else env
            settings[key] = Setting(_checked(key, value, where), "environment")
        elif key in from_file:
            settings[key] = Setting(from_file[key], "file")
        else:
            settings[key] = Setting([] if key == "notify" else None, "default")
    return Config(path, settings)


def _read_file(path: Path) -> dict[str, Any]:
    """The checked settings of the file; none when there is no file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - the backport, for Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    text = raw.decode("utf-8", "replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(
            f"{path} is not valid TOML: {exc}", "see `showtrack config show`"
        ) from None
    found = {}
    for key, value in data.items():
        where = f"{path} line {_line_of(text, key)}"
        if key not in KEYS:
            raise UsageError(f"{where}: unknown key {key!r}", f"the keys are: {', '.join(KEYS)}")
        found[key] = _checked(key, value, where)
    if found.get("notify"):
        _warn_if_others_can_read(path)
    return found


def _line_of(text: str, key: str) -> int:
    """The line the key is set on (tomllib does not say)."""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", re.MULTILINE)
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def _checked(key: str, value: Any, where: str) -> Any:
    """The value, checked as the option it stands for would be; a usage error naming
    `where` (the file's line, or the environment variable) otherwise."""
    if key == "notify":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise UsageError(
                f"{where}: notify is a list of notification URLs",
                'e.g. notify = ["ntfy://my-topic"]',
            )
        bad = [v for v in value if not re.match(r"^[a-z][a-z0-9+.-]*://\S", v.strip())]
        if bad:
            from showtrack.text import printable

            raise UsageError(
                f"{where}: notify holds {printable(mask(bad[0]))!r}, which is no URL",
                "Apprise URLs look like ntfy://topic, mailto://user:pass@host, json://host/path",
            )
        return [v.strip() for v in value]
    if not isinstance(value, str):
        raise UsageError(f"{where}: {key} is text", f'e.g. {key} = "{_EXAMPLES[key]}"')
    try:
        if key == "within":
            from showtrack.windows.durations import parse_duration

            parse_duration(value)
            return value
        from showtrack.windows.regions import normalize_region

        return normalize_region(value)
    except UsageError as exc:
        raise UsageError(f"{where}: {exc.message}", exc.hint) from None


_EXAMPLES = {"within": "10d", "region": "GB"}
_warned: set[Path] = set()


def _warn_if_others_can_read(path: Path) -> None:
    """Say once a run that a file of secrets is readable by other users."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if mode & (stat.S_IRGRP | stat.S_IROTH) and path not in _warned:
        _warned.add(path)
        sys.stderr.write(
            f"showtrack: {path} holds notification URLs and other users can read it"
            f" (mode {stat.S_IMODE(mode):04o}); chmod 600 it\n"
        )


def mask(url: str) -> str:
    """A notification URL with its secrets hidden: the user, password, host and every
    path segment cut to their first two characters (a port is kept), the query left
    out, as `tgram://12…/34…` or `json://12…:8080/ho…`."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return _masked_part(url)
    rest = rest.split("?")[0].split("#")[0]
    netloc, _, path = rest.partition("/")
    creds, at, host = netloc.rpartition("@")
    name, colon, port = host.partition(":")
    shown = ":".join(_masked_part(c) for c in creds.split(":")) + "@" if at else ""
    shown += _masked_part(name) if name else ""
    shown += f":{port}" if colon and port.isdigit() else ""
    segments = [_masked_part(p) for p in path.split("/") if p]
    return f"{scheme}://" + "/".join([shown, *segments] if shown else segments)


def _masked_part(part: str) -> str:
    return part[:2] + "…" if len(part) > 2 else "…"


def rows(config: Config) -> list[dict[str, Any]]:
    """The settings as `config show` prints them, secrets masked, with where each came
    from."""
    shown = []
    for key in KEYS:
        value, origin = config.settings[key]
        if key == "notify":
            value = " ".join(mask(url) for url in value) or None
        shown.append({"setting": key, "value": value, "from": origin})
    return shown
