"""Where the database lives and how it is read and written safely: `database.py` (the
Store, reading once, writing under the lock, atomically, after a backup), `listing.py`
(the fast read of a listing), `maintenance.py` (`db check`, `db restore`), with
`document.py` (the file's shape and schema), `files.py` (locks, atomic writes,
backups) and `lines.py` (records kept as their undecoded lines).

This package re-exports what the rest of showtrack uses; only it imports TinyDB.
"""

from __future__ import annotations

from showtrack.errors import DatabaseError
from showtrack.store.database import Store, load, open_for_writing
from showtrack.store.document import RESTORE_HINT, SCHEMA_VERSION, Data, empty_data, serialize
from showtrack.store.files import (
    DB_ENV,
    WriteLock,
    backup_path,
    default_path,
    lock_path,
    lock_timeout,
    real_path,
)
from showtrack.store.listing import Listing, Readable, read_listing
from showtrack.store.maintenance import problems_of, restore

__all__ = [
    "DB_ENV",
    "RESTORE_HINT",
    "SCHEMA_VERSION",
    "Data",
    "DatabaseError",
    "Listing",
    "Readable",
    "Store",
    "WriteLock",
    "backup_path",
    "default_path",
    "empty_data",
    "load",
    "lock_path",
    "lock_timeout",
    "open_for_writing",
    "problems_of",
    "read_listing",
    "real_path",
    "restore",
    "serialize",
]
