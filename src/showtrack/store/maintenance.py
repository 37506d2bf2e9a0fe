"""The `db` commands: checking a database whole, and putting its backup back."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

import msgspec

from showtrack.clock import utc_stamp
from showtrack.errors import DatabaseError
from showtrack.models import (
    Release,
    Show,
    from_plain,
    show_problem,
    whole_release_problem,
)
from showtrack.store.database import Store, load
from showtrack.store.document import (
    bad_document_id,
    parse_document,
)
from showtrack.store.files import (
    WriteLock,
    atomic_write,
    backup_path,
    cannot_write,
    file_stamp,
    lock_timeout,
    read_bytes,
    real_path,
    unused_name,
)


def problems_of(path: Path) -> list[str]:
    """Problems found in the database beyond its shape: damaged records, references,
    dates outside the kept years, history out of order, a backup that is no backup."""
    from showtrack.models import history_order

    before = file_stamp(real_path(path))
    store = load(path, decoded=True, validated=False)  # every problem listed, not the first
    problems: list[str] = []
    backup = backup_path(store.path)
    with contextlib.suppress(OSError):
        if os.path.samefile(backup, store.path):
            problems.append(f"the backup {backup.name} is a link to the database: no backup")
    # An id of the wrong type (a list, an object) is a damaged record, said below.
    show_ids = {repr(doc.get("id")) for doc in store.documents("shows").values()}
    release_ids = {repr(doc.get("id")) for doc in store.documents("releases").values()}
    bad_id = bad_document_id(store.tables().values())
    if bad_id is not None:
        problems.append(f"document id {bad_id[:40]!r} is not a number")
    if len(show_ids) != len(store.documents("shows")):
        problems.append("two shows share an id")
    if len(release_ids) != len(store.documents("releases")):
        problems.append("two releases share an id")
    releases: list[Release] = []
    kinds: tuple[tuple[str, type[Show] | type[Release]], ...] = (
        ("shows", Show),
        ("releases", Release),
    )
    for table, kind in kinds:
        for doc in store.documents(table).values():
            try:
                record: Show | Release = from_plain(kind, doc)
            except (msgspec.ValidationError, TypeError, AttributeError) as exc:
                problems.append(f"{table} record {doc.get('id', '?')!r} is damaged: {exc}")
                continue
            if isinstance(record, Release):
                releases.append(record)
                why = whole_release_problem(record)
            else:
                why = show_problem(record)
            if why is not None:
                problems.append(f"{table} record {record.id!r} is damaged: {why}")
    for release in releases:
        rid = release.id
        if repr(release.show_id) not in show_ids:
            problems.append(f"release {rid} belongs to an unknown show {release.show_id!r}")
        problems += [
            f"release {rid} waits on an unknown release {link.release!r}"
            for link in release.after
            if repr(link.release) not in release_ids
        ]
        order = [history_order(h) for h in release.history]
        if order != sorted(order):
            problems.append(f"release {rid} has its history out of order")
    if not problems and store.existed:
        _leave_checked(store.path, before)
    return problems


def _leave_checked(real: Path, stamp: str | None) -> None:
    """Say in the lock file that the file whose stamp is `stamp` was checked whole, so
    that commands need not check it again (see `load`); only if the lock is free at once
    and the file did not change since, and silently not where the lock cannot be taken
    (a read-only folder)."""
    with contextlib.suppress(DatabaseError), WriteLock(real, 0) as lock:
        if stamp is not None and file_stamp(real) == stamp:
            lock.leave(stamp)


def restore(path: Path) -> Path | None:
    """Put the backup back, keeping the current file aside; returns where it was kept."""
    real = real_path(path)
    backup = backup_path(real)
    with WriteLock(real, lock_timeout()) as lock:
        raw = read_bytes(backup)
        if raw is None:
            raise DatabaseError(
                f"there is no backup at {backup}", "a backup is kept from the second save on"
            )
        # The backup is checked as a write checks the database: a damaged one is not
        # put back in place of a good file.
        Store(backup, parse_document(raw, backup), raw, writable=False).validate()
        current = read_bytes(real)
        if current is not None and not os.stat(real).st_mode & stat.S_IWUSR:
            raise DatabaseError(
                f"{real} is read-only; it was left as it was",
                "make it writable (chmod u+w) to restore the backup over it",
            )
        if current == raw:
            raise DatabaseError(
                f"the backup {backup} is the database itself (or the same bytes): "
                "there is nothing to restore",
                "the database was left as it was",
            )
        kept = None
        try:
            if current is not None:
                stamp = utc_stamp().replace(":", "").replace("+0000", "Z")
                kept = unused_name(real.with_name(f"{real.name}.replaced-{stamp}"))
                atomic_write(kept, current)
            atomic_write(real, raw)
        except OSError as exc:
            raise cannot_write(exc, real) from None
        lock.leave(file_stamp(real))  # checked above
        return kept
