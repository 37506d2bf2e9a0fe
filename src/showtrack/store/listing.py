"""The fast read of a listing: typed decoding that skips what a listing does not need
(history, sources, episodes), and what every read of the database offers (Readable)."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import msgspec

from showtrack.errors import DatabaseError
from showtrack.models import (
    Release,
    ReleaseFields,
    Show,
    ShowName,
    first_release_problem,
    show_problem,
)
from showtrack.store.database import left_checked, load
from showtrack.store.document import (
    SCHEMA_VERSION,
    bad_document_id,
    refuse,
    refuse_release,
)
from showtrack.store.files import (
    file_stamp,
    read_bytes,
    real_path,
)
from showtrack.store.records import ReleaseRecord


class _ListingDocument(msgspec.Struct):
    meta: dict[str, dict[str, Any]] = msgspec.field(default_factory=dict)
    shows: dict[str, Show] = msgspec.field(default_factory=dict)
    releases: dict[str, ReleaseRecord] = msgspec.field(default_factory=dict)


class Readable(Protocol):
    """What reading a database offers every command: a Store opened for a command, or
    the fast read of a listing (Listing). Its releases are ReleaseFields, whose sources,
    history and episodes are read through their methods, whichever the shape."""

    @property
    def meta(self) -> dict[str, Any]: ...

    def shows(self) -> list[Show]: ...

    def show_names(self) -> Sequence[ShowName | Show]: ...

    def show(self, show_id: str) -> Show | None: ...

    def releases(self) -> Sequence[ReleaseFields]: ...

    def releases_of(self, show_id: str) -> list[Release]: ...

    def release(self, release_id: str) -> Release | None: ...


class Listing:
    """The database as read-only commands see it, read the fast way: shows, and releases
    whose sources, history and episodes are decoded only when a command asks for them
    (a `history` of one release of 100,000 decodes one history)."""

    def __init__(
        self, shows: list[Show], releases: list[ReleaseRecord], meta: dict[str, Any]
    ) -> None:
        self._shows = shows
        self._releases = releases
        self._meta = meta
        self._ids: dict[str, ReleaseRecord] | None = None

    @property
    def meta(self) -> dict[str, Any]:
        """The database's settings and memory (`meta`)."""
        return self._meta

    def shows(self) -> list[Show]:
        """Every show, in the order they were added."""
        return self._shows

    def show_names(self) -> list[Show]:
        """Every show (read whole already)."""
        return self._shows

    def show(self, show_id: str) -> Show | None:
        """The show with this id, or None."""
        return next((s for s in self._shows if s.id == show_id), None)

    def releases(self) -> list[ReleaseRecord]:
        """Every release, in the order they were added, as the fast read keeps it."""
        return self._releases

    def releases_of(self, show_id: str) -> list[Release]:
        """The releases of one show, whole."""
        return [r.to_release() for r in self._releases if r.show_id == show_id]

    def release(self, release_id: str) -> Release | None:
        """The release with this id, whole, or None."""
        if self._ids is None:
            self._ids = {record.id: record for record in self._releases}
        record = self._ids.get(release_id)
        return None if record is None else record.to_release()


def read_listing(path: Path) -> Listing:
    """Read the database for a listing, fast: typed decoding skips what a listing does not
    need (history, sources) instead of building it. Anything this path cannot read as
    expected, including a file from an older schema, goes through `load`, which migrates
    or refuses it with the same messages as every other command."""
    real = real_path(path)
    before = file_stamp(real)
    try:
        raw = read_bytes(real)
    except DatabaseError:
        raw = None  # `load` says why, with the message every command gives
    document = None
    if raw:
        with contextlib.suppress(msgspec.MsgspecError, ValueError, RecursionError):
            document = msgspec.json.decode(raw, type=_ListingDocument)
    meta = document.meta.get("1") if document is not None else None
    if document is None or not meta or meta.get("schema") != SCHEMA_VERSION:
        store = load(path, decoded=True)
        normal = store.normalized()
        try:
            document = msgspec.json.decode(msgspec.json.encode(normal), type=_ListingDocument)
        except msgspec.ValidationError as exc:
            raise refuse(real, f"this is not a showtrack database ({exc})") from None
    bad_id = bad_document_id((document.shows, document.releases))
    if bad_id is not None:
        raise refuse(real, f"document id {bad_id[:40]!r} is not a number")
    releases = list(document.releases.values())
    problem = first_release_problem(releases)
    if problem is not None:
        raise refuse_release(real, *problem)
    shows = list(document.shows.values())
    for show in shows:
        why = show_problem(show)
        if why is not None:
            raise refuse(real, f"show {show.id!r} is damaged: {why}")
    if not left_checked(real, before):
        for record in releases:  # what a listing keeps undecoded, checked as `load` does
            record.decoded_sources()
            record.decoded_history()
            record.decoded_episodes()
    return Listing(
        shows=shows,
        releases=releases,
        meta=document.meta.get("1") or {},
    )
