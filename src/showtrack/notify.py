"""Sending lines to the services a user names, through Apprise (spec/notify.md): one URL a
target (`ntfy://topic`, `mailto://...`, `json://host/path` for any webhook), each sent
to on its own so that each can be said delivered or not. showtrack writes no client of
its own for any service.

Apprise is imported only here, and only when something is sent: `check` without
`--notify` or `--send` never loads it. Its log, which names the URLs it sends to, is
kept from the terminal; what went wrong is said with the target's secrets masked.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, NamedTuple

from showtrack.config import mask


class Delivery(NamedTuple):
    """What became of one target: its URL masked, whether it took the message, and why
    not."""

    target: str
    delivered: bool
    why: str | None = None


def send(urls: Sequence[str], title: str, body: str, timeout: float) -> list[Delivery]:
    """Send the message to each URL, one at a time, each within `timeout` seconds to
    connect and as many to read the answer."""
    import apprise

    # Apprise logs through the standard logging module, naming the URLs it sends to: a
    # handler of its own keeps that from stderr, and the capture tells what failed.
    logging.getLogger("apprise").propagate = False
    done = []
    for url in urls:
        target = mask(url)
        plugin: Any = apprise.Apprise.instantiate(url, suppress_exceptions=True)
        if not plugin:
            done.append(Delivery(target, False, "not a notification URL Apprise knows"))
            continue
        plugin.socket_connect_timeout = timeout
        plugin.socket_read_timeout = timeout
        capture: Any = apprise.LogCapture
        with capture(level=logging.WARNING) as log:
            try:
                delivered = bool(plugin.notify(body=body, title=title))
            except Exception:  # a plugin's own failure: that target is not delivered
                delivered = False
            said = log.getvalue()
        done.append(Delivery(target, delivered, None if delivered else _why(said)))
    return done


def _why(log: str) -> str:
    """What went wrong, in words that name no URL (Apprise's log may hold secrets)."""
    text = log.lower()
    if "timed out" in text or "timeout" in text:
        return "it did not answer in time"
    if "refused" in text:
        return "the connection was refused"
    for code in ("400", "401", "403", "404", "429", "500", "502", "503", "504"):
        if f"error={code}" in text or f"{code} " in text:
            return f"it answered {code}"
    if "connection" in text:
        return "it could not be reached"
    return "it did not take the message"
