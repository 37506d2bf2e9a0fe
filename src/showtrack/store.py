"""Where the database lives and how it is read and written safely.

TinyDB is the database, but its JSONStorage rewrites the file in place, so a
killed writer leaves half a file and two writers lose each other's changes.
Here a command reads the file once into memory, TinyDB works on that
snapshot, and a write command saves at most once:

- under an exclusive lock on a separate, never-deleted `<db>.lock` file, held
  from the read to the save, so cron and a person cannot lose each other's work;
- atomically: a temp file in the same folder, fsync, `os.replace`, fsync of the
  folder, so a reader never sees half a file and a crash never leaves one;
- after keeping the previous good file as `<db>.bak`.

A file this version cannot read (empty, truncated, not JSON, not showtrack's
shape, or from a newer schema) is refused and never overwritten.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import shutil
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

import msgspec

from showtrack.clock import utc_stamp
from showtrack.errors import DatabaseError, LockedError, UsageError
from showtrack.models import Release, ReleaseFields, ReleaseRecord, Show, from_plain

if TYPE_CHECKING:
    from tinydb import TinyDB
TABLES = ("meta", "shows", "releases")
DB_ENV = "SHOWTRACK_DB"
LOCK_TIMEOUT_ENV = "SHOWTRACK_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 10.0
RESTORE_HINT = "run `showtrack db restore` to go back to the last backup"

Data = dict[str, dict[str, Any]]


def default_path() -> Path:
    """`showtrack.json` in the platform's user data folder (or $SHOWTRACK_DB)."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("showtrack", appauthor=False) / "showtrack.json"


def real_path(path: Path) -> Path:
    """The file a (possibly symlinked) database path stands for; writes go there."""
    return Path(os.path.realpath(path))


def backup_path(path: Path) -> Path:
    """Where the previous good state is kept."""
    return path.with_name(path.name + ".bak")


def lock_path(path: Path) -> Path:
    """The lock file beside the database; never deleted, so the lock always has one inode."""
    return path.with_name(path.name + ".lock")


def empty_data() -> Data:
    """A new database."""
    return {"meta": {"1": {"schema": SCHEMA_VERSION}}, "shows": {}, "releases": {}}


# --------------------------------------------------------------------------- reading


def _refuse(path: Path, what: str) -> DatabaseError:
    return DatabaseError(f"{path}: {what}; it was left as it was", RESTORE_HINT)


def parse_document(raw: bytes, path: Path) -> Data:
    """Check a file's bytes are a showtrack database this version can read, and migrate an
    older schema in memory. Raises DatabaseError naming the file and what to do."""
    if not raw.strip():
        raise _refuse(path, "the database file is empty")
    try:
        data = msgspec.json.decode(raw)
    except UnicodeDecodeError:
        raise _refuse(path, "the database is not UTF-8 text") from None
    except RecursionError:
        raise _refuse(path, "the database nests JSON deeper than any showtrack file") from None
    except msgspec.DecodeError:
        import json

        try:
            json.loads(raw.decode("utf-8", "replace"))  # only to say where the damage is
        except json.JSONDecodeError as exc:
            raise _refuse(
                path, f"the database is not valid JSON (line {exc.lineno}): truncated or damaged"
            ) from None
        raise _refuse(path, "the database is not valid JSON: truncated or damaged") from None
    if data == {}:
        return empty_data()
    if (
        not isinstance(data, dict)
        or not set(data) <= {*TABLES, "_default"}
        or any(
            not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values())
            for table in data.values()
        )
    ):
        raise _refuse(path, "this is not a showtrack database")
    meta = data.get("meta", {}).get("1")
    schema = meta.get("schema") if isinstance(meta, dict) else None
    # A bool is an int to Python; a schema below 1 would pick the wrong migrations.
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise _refuse(path, "this is not a showtrack database (no schema version)")
    if schema > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} was written by a newer showtrack (schema {schema}, this one reads "
            f"{SCHEMA_VERSION}); it was left as it was",
            "upgrade showtrack to use it",
        )
    for table in TABLES:
        data.setdefault(table, {})
    if schema < SCHEMA_VERSION:
        migrate(data)
    return data


def _schema_1_to_2(data: Data) -> None:
    """Version 1 kept a release's window as flat `phrase`/`earliest`/`latest` keys;
    version 2 keeps a `window` object with its EDTF form, and a history list."""
    from showtrack.windows.window import to_edtf

    for doc in data["releases"].values():
        window = {key: doc.pop(key, None) for key in ("phrase", "earliest", "latest")}
        earliest = date.fromisoformat(window["earliest"]) if window["earliest"] else None
        latest = date.fromisoformat(window["latest"]) if window["latest"] else None
        window["edtf"] = to_edtf(earliest, latest, doc.get("region"))
        doc["window"] = window
        doc.setdefault("history", [])


def _schema_2_to_3(data: Data) -> None:
    """Version 3 adds `known_since` (the latest as_of of the history), so that listings
    need not read the history."""
    for doc in data["releases"].values():
        days = [h["as_of"] for h in doc.get("history") or [] if h.get("as_of")]
        doc["known_since"] = max(days) if days else None


def _schema_3_to_4(data: Data) -> None:
    """Version 4 links shows to TVmaze (`tvmaze`) and keeps their network's time zone
    (`zone`)."""
    for doc in data["shows"].values():
        doc.setdefault("zone", None)
        doc.setdefault("tvmaze", None)


def _schema_4_to_5(data: Data) -> None:
    """Version 5 keeps a season's episodes in its release (`episodes`), with their last
    air day and the number of undated ones beside them (`episodes_last_day`,
    `episodes_undated`), so that listings need not decode them. A release without
    episodes has none of these keys, so a version 4 document needs no change; the number
    changes so that an older showtrack, which would drop the episodes on its next save,
    refuses the file instead."""
    del data


#: MIGRATIONS[n - 1] brings a document of schema n to schema n + 1: a new schema is one
#: function appended here.
MIGRATIONS: tuple[Callable[[Data], None], ...] = (
    _schema_1_to_2,
    _schema_2_to_3,
    _schema_3_to_4,
    _schema_4_to_5,
)
SCHEMA_VERSION = len(MIGRATIONS) + 1


def migrate(data: Data) -> None:
    """Bring an older document up to SCHEMA_VERSION in place, one numbered step at a time."""
    meta = data["meta"]["1"]
    meta["migrated_from"] = meta["schema"]
    for step in MIGRATIONS[meta["schema"] - 1 :]:
        step(data)
    meta["schema"] = SCHEMA_VERSION


# --------------------------------------------------------------------------- writing


def serialize(data: Data) -> bytes:
    """The file's bytes: tables in a fixed order, documents by id, one document a line with
    sorted keys, so the file reads well and a change shows as one changed line in a diff.
    (Built as bytes in as few Python steps a document as possible: `expect` on 10,000
    releases writes every one of them.)"""
    encode = msgspec.json.Encoder(order="sorted").encode
    names = [*TABLES, *sorted(set(data) - set(TABLES))]
    parts = [b"{\n"]
    for t, name in enumerate(names):
        docs = data.get(name, {})
        end = b"}\n" if t == len(names) - 1 else b"},\n"
        if not docs:
            parts += [b"  ", encode(name), b": {", end]
            continue
        try:
            ids = sorted(docs, key=int)
        except ValueError:  # not TinyDB's: a hand-edited file
            ids = sorted(docs, key=_document_order)
        parts += [b"  ", encode(name), b": {\n    "]
        parts.append(b",\n    ".join([encode(i) + b": " + encode(docs[i]) for i in ids]))
        parts += [b"\n  ", end]
    parts.append(b"}\n")
    return b"".join(parts)


def _document_order(doc_id: str) -> int:
    return int(doc_id) if doc_id.isdigit() else 0


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform or filesystem can
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _sweep_temp_files(path: Path) -> None:
    """Remove temp files a killed writer left; only called under the lock."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _stage(path: Path, content: str | bytes, mode: int | None = None) -> Path:
    """`content` (text as UTF-8) written and synced to a new temp file beside `path`,
    ready to be renamed over it. A full disk fails here, before anything is replaced."""
    import tempfile

    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def _commit(tmp: Path, path: Path) -> None:
    """Rename a staged file over `path` (replacing a link there, never following it)."""
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def atomic_write(path: Path, content: str | bytes, mode: int | None = None) -> None:
    """Replace `path` with `content` (text is written as UTF-8) so that no reader or crash
    ever sees half of it; a link at `path` is replaced, not followed."""
    _commit(_stage(path, content, mode), path)


def _unused_name(path: Path) -> Path:
    """`path`, or `path-2`, `path-3`...: the first name nothing (not even a link) has."""
    candidate, n = path, 1
    while os.path.lexists(candidate):
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


def _cannot_write(exc: OSError, path: Path) -> DatabaseError:
    """An operating-system error while saving, as the one line of exit 4."""
    where = exc.filename or path
    return DatabaseError(
        f"cannot write {where}: {exc.strerror or exc}; the database was left as it was",
        "free some space, or check the folder's permissions, then try again",
    )


def _keep_backup(path: Path) -> None:
    """Keep the current (good) file as the backup: a hard link, renamed into place,
    costs no copy and is atomic; where links are not possible, a copy."""
    backup = backup_path(path)
    # A writer killed between keeping the backup and replacing the file leaves the backup
    # as a hard link to the current file; rename() between two links to one file does
    # nothing (POSIX), which would strand the staging link. The backup is already right.
    with contextlib.suppress(FileNotFoundError):
        if os.path.samefile(path, backup):
            return
    staging = path.with_name(f".{path.name}.bak.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    try:
        os.link(path, staging)
    except OSError:
        shutil.copy2(path, staging)
    os.replace(staging, backup)


# --------------------------------------------------------------------------- locking


class WriteLock:
    """An exclusive lock on `<db>.lock`, waited for at most `timeout` seconds."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = lock_path(path)
        self.timeout = timeout
        self._fd: int | None = None

    def __enter__(self) -> WriteLock:
        import fcntl

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # A planted link must not make us truncate, or create, what it points at.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            why = "it is a symbolic link" if exc.errno == errno.ELOOP else exc.strerror
            raise DatabaseError(
                f"cannot open {self.path} to lock the database: {why}",
                "remove it; showtrack makes its own lock file",
            ) from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise DatabaseError(
                f"{self.path} is not a regular file; cannot lock the database with it",
                "remove it; showtrack makes its own lock file",
            )
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    os.close(fd)
                    raise
                if time.monotonic() >= deadline:
                    holder = _live_pid(os.pread(fd, 32, 0))
                    os.close(fd)
                    raise LockedError(
                        f"database is locked by another showtrack (pid {holder}); "
                        f"waited {self.timeout:g} s",
                        f"try again when it has finished, or raise {LOCK_TIMEOUT_ENV}",
                    ) from None
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        import fcntl

        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def _live_pid(written: bytes) -> str:
    """The pid the lock holder wrote, if that process is alive; a holder that has not
    written its pid yet leaves the previous holder's, which is no one to name."""
    text = written.decode("ascii", "replace").strip()
    if not text.isdigit():
        return "not known yet"
    try:
        os.kill(int(text), 0)
    except ProcessLookupError:
        return "not known yet"
    except (PermissionError, OverflowError):
        pass
    return text


MAX_LOCK_TIMEOUT = 600.0


def lock_timeout() -> float:
    """How long a writer waits for the lock: $SHOWTRACK_LOCK_TIMEOUT seconds (0 to 600),
    else 10."""
    try:
        value = float(os.environ.get(LOCK_TIMEOUT_ENV, DEFAULT_LOCK_TIMEOUT))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT
    if math.isnan(value):
        return DEFAULT_LOCK_TIMEOUT
    return min(max(value, 0.0), MAX_LOCK_TIMEOUT)


# --------------------------------------------------------------------------- the store


class _SnapshotStorage:
    """TinyDB storage over the in-memory snapshot; the Store decides when it reaches disk.
    (TinyDB's Storage interface, duck-typed, so that listings need not import TinyDB.)"""

    def __init__(self, data: Data) -> None:
        self.data = data

    def read(self) -> Data:
        return self.data

    def write(self, data: Data) -> None:
        self.data = data

    def close(self) -> None:
        pass


Record = TypeVar("Record", Show, Release)
_TABLE_OF: dict[type, str] = {Show: "shows", Release: "releases"}


def unkept_dates(releases: Iterable[ReleaseFields]) -> str | None:
    """The id of the first release whose window or release date is not a day in the years
    showtrack keeps; None when all are. (ISO days compare as strings: no parsing.)"""
    from showtrack.windows.window import FIRST_DAY, LAST_DAY

    first, last = FIRST_DAY.isoformat(), LAST_DAY.isoformat()
    for release in releases:
        for day in (release.window.earliest, release.window.latest, release.release_date):
            if day is not None and not first <= day <= last:
                return release.id
    return None


def _refuse_unkept(path: Path, release_id: str) -> DatabaseError:
    from showtrack.windows.window import KEPT_YEARS

    return _refuse(path, f"release {release_id!r} has a date outside the years {KEPT_YEARS}")


class Store:
    """One command's view of the database: read once, saved at most once.

    Records go in and come out typed (Show, Release); how they are kept (TinyDB tables
    of documents, one a line in the file) stays in here.
    """

    def __init__(self, path: Path, db: TinyDB, original: bytes | None, writable: bool) -> None:
        self.path = path
        self.writable = writable
        self._db = db
        self._original = original

    @property
    def _data(self) -> Data:
        return cast(_SnapshotStorage, self._db.storage).data

    @property
    def meta(self) -> dict[str, Any]:
        """The one meta document (schema version, check --once memory); mutable in place."""
        doc: dict[str, Any] = self._data["meta"].setdefault("1", {"schema": SCHEMA_VERSION})
        return doc

    def _decode(self, cls: type[Record], doc: Mapping[str, Any]) -> Record:
        """A stored record, typed; a damaged one, or a release with a date outside the
        kept years, makes the file refused (exit 4) rather than a crash later."""
        try:
            record = from_plain(cls, doc)
        except (msgspec.ValidationError, TypeError) as exc:
            raise _refuse(
                self.path, f"{_TABLE_OF[cls]} record {doc.get('id', '?')!r} is damaged: {exc}"
            ) from None
        if isinstance(record, Release) and unkept_dates([record]) is not None:
            raise _refuse_unkept(self.path, record.id)
        return record

    def _find(self, cls: type[Record], record_id: str) -> dict[str, Any] | None:
        # One key compared a document: a TinyDB query would run a Python test on each.
        docs: dict[str, dict[str, Any]] = self._data[_TABLE_OF[cls]]
        for doc in docs.values():
            if doc.get("id") == record_id:
                return doc
        return None

    def show(self, show_id: str) -> Show | None:
        """The show with this id, or None."""
        doc = self._find(Show, show_id)
        return None if doc is None else self._decode(Show, doc)

    def release(self, release_id: str) -> Release | None:
        """The release with this id, or None."""
        doc = self._find(Release, release_id)
        return None if doc is None else self._decode(Release, doc)

    def shows(self) -> list[Show]:
        """Every show, in the order they were added."""
        return [self._decode(Show, doc) for doc in self._data["shows"].values()]

    def releases(self) -> list[Release]:
        """Every release, in the order they were added."""
        return [self._decode(Release, doc) for doc in self._data["releases"].values()]

    def insert(self, records: Sequence[Show | Release]) -> None:
        """Add new records (their ids must not be stored yet)."""
        for cls in (Show, Release):
            docs = [r.to_dict() for r in records if type(r) is cls]
            if docs:
                self._db.table(_TABLE_OF[cls], cache_size=0).insert_multiple(docs)

    def update(self, records: Sequence[Show | Release]) -> None:
        """Put each record in place of the stored one with the same id, keeping its place
        in the file; one pass over a table however many records."""
        for cls in (Show, Release):
            new = {r.id: r.to_dict() for r in records if type(r) is cls}
            docs = self._data[_TABLE_OF[cls]]
            for doc_id, doc in docs.items():
                replacement = new.pop(doc.get("id"), None)
                if replacement is not None:
                    docs[doc_id] = replacement
            if new:
                raise KeyError(f"{_TABLE_OF[cls]}: no record {next(iter(new))!r}")

    def remove(self, records: Sequence[Show | Release]) -> None:
        """Forget these records."""
        for cls in (Show, Release):
            ids = {r.id for r in records if type(r) is cls}
            if ids:
                table = self._db.table(_TABLE_OF[cls], cache_size=0)
                table.remove(
                    doc_ids=[
                        int(key)
                        for key, doc in self._data[_TABLE_OF[cls]].items()
                        if doc.get("id") in ids
                    ]
                )

    def to_bytes(self) -> bytes:
        """The file's bytes for what the store holds now (see serialize)."""
        return serialize(self._data)

    def save(self) -> bool:
        """Write the snapshot if it changed; True when the file was written."""
        if not self.writable:
            raise RuntimeError("store opened for reading")
        try:
            content = self.to_bytes()
        except UnicodeEncodeError as exc:
            # A lone surrogate: bytes that were not UTF-8 on the command line, or a
            # "\ud800" escape in an imported file. Such text cannot be stored as UTF-8.
            raise UsageError(
                f"{exc.object!r} is not valid text: it holds "
                f"{exc.object[exc.start : exc.end]!r}, which UTF-8 cannot store; "
                "nothing was changed",
                "give the text in UTF-8",
            ) from None
        if content == self._original:
            return False
        try:
            self._write(content)
        except OSError as exc:
            raise _cannot_write(exc, self.path) from None
        self._original = content
        return True

    def _write(self, content: bytes) -> None:
        """The new file staged first, then the backup kept, then the rename: a full disk
        or a refused write leaves the database and its backup as they were."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _sweep_temp_files(self.path)
        mode = None
        if self._original is not None:
            mode = os.stat(self.path).st_mode & 0o7777
            if not mode & stat.S_IWUSR:
                raise DatabaseError(
                    f"{self.path} is read-only (mode {mode:04o}); it was left as it was",
                    "make it writable (chmod u+w) to change it",
                )
        tmp = _stage(self.path, content, mode)
        try:
            if self._original is not None:
                _keep_backup(self.path)
                self._keep_migrated(self._original)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        _commit(tmp, self.path)

    def _keep_migrated(self, original: bytes) -> None:
        """Before the first save of a migrated file, keep it as it was, under
        `<db>.schemaN.bak`: written atomically (a crash never leaves half of it, a
        damaged one is written again, a link there is replaced, not followed)."""
        old = self.meta.get("migrated_from")
        if old is None:
            return
        keep = self.path.with_name(f"{self.path.name}.schema{old}.bak")
        if not keep.is_symlink() and _read_bytes(keep) == original:
            return
        atomic_write(keep, original)


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DatabaseError(f"cannot read {path}: {exc.strerror}") from None


def load(path: Path, *, writable: bool = False) -> Store:
    """Read the database once; a missing file is an empty database."""
    real = real_path(path)
    if real.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    raw = _read_bytes(real)
    data = empty_data() if raw is None else parse_document(raw, real)
    from tinydb import TinyDB

    return Store(real, TinyDB(data, storage=_SnapshotStorage), raw, writable)


@contextlib.contextmanager
def open_for_writing(
    path: Path, timeout: float | None = None, *, make_folder: bool = True
) -> Iterator[Store]:
    """Lock, read, hand the store to the caller, and save once if the caller succeeded
    and changed something. An exception leaves the file as it was. Without
    `make_folder`, a database whose folder does not exist is refused: a mistyped path
    would otherwise become folders and an empty database."""
    real = real_path(path)
    if not make_folder and not real.parent.is_dir():
        raise DatabaseError(
            f"{real.parent} does not exist, so there is no database at {path}",
            "check --db or SHOWTRACK_DB, or create the folder first",
        )
    with WriteLock(real, lock_timeout() if timeout is None else timeout):
        store = load(real, writable=True)
        yield store
        store.save()


# --------------------------------------------------------------------------- fast listings


class _ListingDocument(msgspec.Struct):
    meta: dict[str, dict[str, Any]] = msgspec.field(default_factory=dict)
    shows: dict[str, Show] = msgspec.field(default_factory=dict)
    releases: dict[str, ReleaseRecord] = msgspec.field(default_factory=dict)


class Listing(msgspec.Struct):
    """The database as read-only listings see it: shows, and releases as records."""

    shows: list[Show]
    releases: list[ReleaseRecord]
    meta: dict[str, Any]


class Lookup(Protocol):
    """What finding one show or release needs of a database: a Store, or a ListingLookup
    over the fast read of a listing."""

    def shows(self) -> list[Show]: ...

    def release(self, release_id: str) -> Release | None: ...

    def releases(self) -> list[Release]: ...


class ListingLookup:
    """A Lookup over the fast read: one release's history is decoded when it is asked for,
    not every release's (a `history` on 100,000 releases costs about what `upcoming`
    does)."""

    def __init__(self, listing: Listing) -> None:
        self.listing = listing
        self._ids = {record.id: record for record in listing.releases}

    def shows(self) -> list[Show]:
        """Every show."""
        return self.listing.shows

    def release(self, release_id: str) -> Release | None:
        """The release with this id, history and episodes decoded, or None."""
        record = self._ids.get(release_id)
        return None if record is None else record.to_release()

    def releases(self) -> list[Release]:
        """Every release, without history or episodes (for naming them in an error)."""
        return [
            r.to_release(with_history=False, with_episodes=False) for r in self.listing.releases
        ]


def read_listing(path: Path) -> Listing:
    """Read the database for a listing, fast: typed decoding skips what a listing does not
    need (history, sources) instead of building it. Anything this path cannot read as
    expected, including a file from an older schema, goes through `load`, which migrates
    or refuses it with the same messages as every other command."""
    real = real_path(path)
    try:
        raw = real.read_bytes()
    except (FileNotFoundError, IsADirectoryError, PermissionError, OSError):
        raw = None
    document = None
    if raw:
        with contextlib.suppress(msgspec.MsgspecError, ValueError, RecursionError):
            document = msgspec.json.decode(raw, type=_ListingDocument)
    meta = document.meta.get("1") if document is not None else None
    if document is None or not meta or meta.get("schema") != SCHEMA_VERSION:
        store = load(path)
        try:
            document = msgspec.json.decode(msgspec.json.encode(store._data), type=_ListingDocument)
        except msgspec.ValidationError as exc:
            raise _refuse(real, f"this is not a showtrack database ({exc})") from None
    releases = list(document.releases.values())
    unkept = unkept_dates(releases)
    if unkept is not None:
        raise _refuse_unkept(real, unkept)
    return Listing(
        shows=list(document.shows.values()),
        releases=releases,
        meta=document.meta.get("1") or {},
    )


# --------------------------------------------------------------------------- db commands


def check(path: Path) -> list[str]:
    """Problems found in the database beyond its shape: damaged records, references,
    dates outside the kept years, history out of order, a backup that is no backup."""
    from showtrack.models import history_order

    store = load(path)
    problems: list[str] = []
    backup = backup_path(store.path)
    with contextlib.suppress(OSError):
        if os.path.samefile(backup, store.path):
            problems.append(f"the backup {backup.name} is a link to the database: no backup")
    show_ids = {doc.get("id") for doc in store._data["shows"].values()}
    release_ids = {doc.get("id") for doc in store._data["releases"].values()}
    if len(show_ids) != len(store._data["shows"]):
        problems.append("two shows share an id")
    if len(release_ids) != len(store._data["releases"]):
        problems.append("two releases share an id")
    releases: list[Release] = []
    for table, kind in (("shows", Show), ("releases", Release)):
        for doc in store._data[table].values():
            try:
                record = from_plain(kind, doc)
            except (msgspec.ValidationError, TypeError, AttributeError) as exc:
                problems.append(f"{table} record {doc.get('id', '?')!r} is damaged: {exc}")
            else:
                if isinstance(record, Release):
                    releases.append(record)
    for release in releases:
        rid = release.id
        if release.show_id not in show_ids:
            problems.append(f"release {rid} belongs to an unknown show {release.show_id!r}")
        problems += [
            f"release {rid} waits on an unknown release {link.release!r}"
            for link in release.after
            if link.release not in release_ids
        ]
        if unkept_dates([release]) is not None:
            from showtrack.windows.window import KEPT_YEARS

            problems.append(f"release {rid} has a date outside the years {KEPT_YEARS}")
        order = [history_order(h) for h in release.history]
        if order != sorted(order):
            problems.append(f"release {rid} has its history out of order")
    return problems


def restore(path: Path) -> Path | None:
    """Put the backup back, keeping the current file aside; returns where it was kept."""
    real = real_path(path)
    backup = backup_path(real)
    with WriteLock(real, lock_timeout()):
        raw = _read_bytes(backup)
        if raw is None:
            raise DatabaseError(
                f"there is no backup at {backup}", "a backup is kept from the second save on"
            )
        parse_document(raw, backup)
        current = _read_bytes(real)
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
                kept = _unused_name(real.with_name(f"{real.name}.replaced-{stamp}"))
                atomic_write(kept, current)
            atomic_write(real, raw)
        except OSError as exc:
            raise _cannot_write(exc, real) from None
        return kept
