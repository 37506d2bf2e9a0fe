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

A file laid out as showtrack writes it keeps each record as its undecoded line
(msgspec.Raw) until a command asks for that record: a write decodes what it
reads and re-encodes only what it changed, and every other line is written back
byte for byte.

A file this version cannot read (empty, truncated, not JSON, not showtrack's
shape, or from a newer schema) is refused and never overwritten.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from showtrack.errors import DatabaseError, UsageError
from showtrack.models import (
    Feed,
    InboxItem,
    Release,
    Show,
    ShowName,
    from_plain,
    show_problem,
    whole_release_problem,
)
from showtrack.store.document import (
    SCHEMA_VERSION,
    TABLES,
    Data,
    bad_document_id,
    document_order,
    empty_data,
    parse_document,
    refuse,
    refuse_foreign,
    serialize,
    split_current,
)
from showtrack.store.files import (
    WriteLock,
    atomic_write,
    cannot_write,
    checked_stamp,
    commit,
    file_stamp,
    keep_backup,
    lock_timeout,
    read_bytes,
    real_path,
    stage,
    sweep_temp_files,
)
from showtrack.store.lines import Layout

if TYPE_CHECKING:
    from tinydb import TinyDB


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


Record = TypeVar("Record", Show, Release, Feed, InboxItem)
Stored = Show | Release | Feed | InboxItem
_TABLE_OF: dict[type, str] = {
    Show: "shows",
    Release: "releases",
    Feed: "feeds",
    InboxItem: "inbox",
}
_DECODERS: dict[type, msgspec.json.Decoder[Any]] = {
    cls: msgspec.json.Decoder(cls) for cls in _TABLE_OF
}


class _Key(msgspec.Struct):
    """What finding a record needs of its stored line: its id and its show's."""

    id: Any = None
    show_id: Any = None


_read_key = msgspec.json.Decoder(_Key).decode


class Store:
    """One command's view of the database: read once, saved at most once.

    Records go in and come out typed (Show, Release); how they are kept (TinyDB tables
    of documents, one a line in the file, each undecoded until asked for) stays in here.
    """

    def __init__(
        self,
        path: Path,
        data: Data,
        original: bytes | None,
        writable: bool,
        layout: Layout | None = None,
    ) -> None:
        self.path = path
        self.writable = writable
        for table in TABLES:
            data.setdefault(table, {})
        self._data = data
        self._tinydb: TinyDB | None = None
        self._original = original
        self._layout = layout
        # Per table: documents inserted or replaced since the file was read.
        self._changed: dict[str, set[str]] = {}
        # (table, record id) -> document id, for records already found by a search.
        self._found: dict[tuple[str, str], str] = {}
        # Whether documents were added or dropped (TinyDB renumbers the table).
        self._renumbered = False
        # Per table: document id -> its record's id and show id, read on first use.
        self._keys: dict[str, dict[str, _Key]] = {}
        # Per table: record id -> the document id of the first record with it.
        self._where: dict[str, dict[str, str]] = {}
        #: How many records were decoded from their stored form: a write decodes only
        #: what it reads (tests/store/test_lines.py holds it to that).
        self.decodes = 0

    @property
    def _db(self) -> TinyDB:
        """TinyDB over the snapshot, made for an insert or a removal (which number and
        drop its documents): other commands do not load it."""
        if self._tinydb is None:
            from tinydb import TinyDB

            self._tinydb = TinyDB(self._data, storage=_SnapshotStorage)
        self._renumbered = True
        return self._tinydb

    @property
    def existed(self) -> bool:
        """Whether the database file was there when it was read."""
        return self._original is not None

    def documents(self, table: str) -> dict[str, Any]:
        """A table's documents by document id, as read: plain JSON values when the store
        was loaded `decoded` (the db check goes through them one by one)."""
        return self._data[table]

    def tables(self) -> Data:
        """Every table's documents by document id, as read."""
        return self._data

    def normalized(self) -> dict[str, Any]:
        """The database as each record decodes (a null is its field's default) and is
        stored again: what a listing reads from a file of an older layout."""
        return {
            "meta": self._data["meta"],
            "shows": {k: self._decode(Show, k).to_dict() for k in self._data["shows"]},
            "releases": {k: self._decode(Release, k).to_dict() for k in self._data["releases"]},
        }

    @property
    def meta(self) -> dict[str, Any]:
        """The one meta document (schema version, check --once memory); mutable in place."""
        doc: dict[str, Any] = self._data["meta"].setdefault("1", {"schema": SCHEMA_VERSION})
        return doc

    def _damaged(self, table: str, doc_id: str, record_id: object, why: object) -> DatabaseError:
        name = repr(record_id) if isinstance(record_id, str) else f"number {doc_id}"
        return refuse(self.path, f"{table} record {name} is damaged: {why}")

    def _plain(self, table: str, doc_id: str) -> dict[str, Any]:
        """A document as a dict, decoding its stored line if it is still undecoded."""
        doc = self._data[table][doc_id]
        if type(doc) is msgspec.Raw:
            try:
                doc = msgspec.json.decode(doc)
            except msgspec.DecodeError as exc:
                raise self._damaged(table, doc_id, None, exc) from None
        if not isinstance(doc, dict):
            raise self._damaged(table, doc_id, None, "it is not an object")
        return doc

    def _decode(self, cls: type[Record], doc_id: str) -> Record:
        """A stored record, typed; a damaged one, or one holding a value no command can
        read (a date outside the kept years, a time with no offset), makes the file
        refused (exit 4) rather than a crash later."""
        table = _TABLE_OF[cls]
        doc = self._data[table][doc_id]
        record = None
        self.decodes += 1
        if type(doc) is msgspec.Raw:
            # Straight from its line; a null where a default is meant, or any damage,
            # goes the careful way below, which says which field.
            with contextlib.suppress(msgspec.MsgspecError):
                record = _DECODERS[cls].decode(doc)
        if record is None:
            plain = self._plain(table, doc_id)
            try:
                record = from_plain(cls, plain)
            except (msgspec.ValidationError, TypeError) as exc:
                raise self._damaged(table, doc_id, plain.get("id"), exc) from None
        problem = None
        if isinstance(record, Release):
            problem = whole_release_problem(record)
        elif isinstance(record, Show):
            problem = show_problem(record)
        if problem is not None:
            raise self._damaged(table, doc_id, record.id, problem)
        return record

    def validate(self) -> None:
        """Decode every record as a command would, and refuse the file (exit 4) at the
        first that any command would refuse: what a write checks before it keeps the
        file as the backup."""
        bad_id = bad_document_id(self._data.values())
        if bad_id is not None:
            raise refuse(self.path, f"document id {bad_id[:40]!r} is not a number")
        for cls, table in _TABLE_OF.items():
            for doc_id in self._data.get(table, {}):
                self._decode(cls, doc_id)

    def _key_of(self, table: str, doc_id: str, doc: object) -> _Key:
        """A document's record id and show id, read from its line (if it is still
        undecoded) without decoding the rest of it."""
        if type(doc) is msgspec.Raw:
            try:
                return _read_key(doc)
            except msgspec.MsgspecError as exc:
                raise self._damaged(table, doc_id, None, exc) from None
        if isinstance(doc, dict):
            return _Key(doc.get("id"), doc.get("show_id"))
        raise self._damaged(table, doc_id, None, "it is not an object")

    def _keys_of(self, table: str) -> dict[str, _Key]:
        """Each document's record id and show id, by document id."""
        keys = self._keys.get(table)
        if keys is None:
            keys = self._keys[table] = {
                doc_id: self._key_of(table, doc_id, doc)
                for doc_id, doc in self._data[table].items()
            }
        return keys

    def _where_of(self, table: str) -> dict[str, str]:
        where = self._where.get(table)
        if where is None:
            where = {}
            for doc_id, key in self._keys_of(table).items():
                if isinstance(key.id, str):
                    where.setdefault(key.id, doc_id)
            self._where[table] = where
        return where

    def _searched(self, table: str, field: str, value: str, *, every: bool) -> list[str] | None:
        """The documents whose `field` is `value`, in file order (the first only unless
        `every`), found by a byte search of the file as read, each match checked by
        decoding its key, and among the documents changed since; None when the file's
        layout cannot say."""
        layout = self._layout
        if layout is None or (every and layout.may_hide(table)):
            return None
        holding = layout.holding(table, value)
        if holding is None:
            return None
        docs = self._data[table]
        found = []
        for doc_id in sorted(
            {*holding, *self._changed.get(table, ())} & docs.keys(), key=document_order
        ):
            if getattr(self._key_of(table, doc_id, docs[doc_id]), field) == value:
                found.append(doc_id)
            if found and not every:
                break
        if not found and layout.may_hide(table):
            return None
        return found

    def _doc_id(self, table: str, record_id: str) -> str | None:
        """The document id of the first record with this id, or None."""
        known = self._found.get((table, record_id))
        if known is not None:
            return known
        found = None
        if table not in self._where:
            found = self._searched(table, "id", record_id, every=False)
        if found is None:
            return self._where_of(table).get(record_id)
        if found:
            self._found[table, record_id] = found[0]
        return found[0] if found else None

    def _get(self, cls: type[Record], record_id: str) -> Record | None:
        doc_id = self._doc_id(_TABLE_OF[cls], record_id)
        return None if doc_id is None else self._decode(cls, doc_id)

    def show(self, show_id: str) -> Show | None:
        """The show with this id, or None."""
        return self._get(Show, show_id)

    def release(self, release_id: str) -> Release | None:
        """The release with this id, or None."""
        return self._get(Release, release_id)

    def shows(self) -> list[Show]:
        """Every show, in the order they were added."""
        return [self._decode(Show, doc_id) for doc_id in self._data["shows"]]

    def releases(self) -> list[Release]:
        """Every release, in the order they were added."""
        return [self._decode(Release, doc_id) for doc_id in self._data["releases"]]

    def feeds(self) -> list[Feed]:
        """Every followed feed, in the order they were added."""
        return [self._decode(Feed, doc_id) for doc_id in self._data["feeds"]]

    def feed(self, feed_id: str) -> Feed | None:
        """The feed with this id, or None."""
        return self._get(Feed, feed_id)

    def inbox(self) -> list[InboxItem]:
        """Every proposal from the news (waiting, accepted or dismissed), oldest first."""
        return [self._decode(InboxItem, doc_id) for doc_id in self._data["inbox"]]

    def stored(self, cls: type[Show | Release]) -> list[msgspec.Raw]:
        """Every show or every release as its stored JSON object (keys sorted), in the
        order they were added: an export writes these. Read from a file laid out as
        showtrack writes it, a record is passed on as its bytes, undecoded; any other
        file's records are decoded first, so that a damaged one is refused."""
        table = _TABLE_OF[cls]
        encode = msgspec.json.Encoder(order="sorted").encode
        if self._layout is None:
            records: list[Show] | list[Release] = self.shows() if cls is Show else self.releases()
            return [msgspec.Raw(encode(r.to_dict())) for r in records]
        return [
            doc if type(doc) is msgspec.Raw else msgspec.Raw(encode(doc))
            for doc in self._data[table].values()
        ]

    def show_names(self) -> list[ShowName]:
        """Every show's id, title and aliases, in the order they were added: for finding
        one by name without decoding the rest of every show."""
        docs = self._data["shows"].values()
        if all(type(doc) is msgspec.Raw for doc in docs):
            with contextlib.suppress(msgspec.MsgspecError):
                # One decode for all: a null or wrong value goes the careful way below.
                return msgspec.json.decode(b"[" + b",".join(docs) + b"]", type=list[ShowName])
        return [ShowName(s.id, s.title, s.aliases) for s in self.shows()]

    def releases_of(self, show_id: str) -> list[Release]:
        """The releases of one show, in the order they were added (only theirs decoded)."""
        found = None
        if "releases" not in self._keys:
            found = self._searched("releases", "show_id", show_id, every=True)
        if found is None:
            keys = self._keys_of("releases")
            found = [doc_id for doc_id, key in keys.items() if key.show_id == show_id]
        return [self._decode(Release, doc_id) for doc_id in found]

    def _forget_keys(self, table: str) -> None:
        self._keys.pop(table, None)
        self._where.pop(table, None)

    def insert(self, records: Sequence[Stored]) -> None:
        """Add new records (their ids must not be stored yet)."""
        for cls in _TABLE_OF:
            docs = [r.to_dict() for r in records if type(r) is cls]
            if docs:
                table = _TABLE_OF[cls]
                doc_ids = self._db.table(table, cache_size=0).insert_multiple(docs)
                keys, where = self._keys.get(table), self._where.get(table)
                for doc_id, doc in zip(map(str, doc_ids), docs, strict=True):
                    self._changed.setdefault(table, set()).add(doc_id)
                    if keys is not None:
                        keys[doc_id] = self._key_of(table, doc_id, doc)
                    if where is not None:
                        where.setdefault(doc["id"], doc_id)

    def update(self, records: Sequence[Stored]) -> None:
        """Put each record in place of the stored one with the same id, keeping its place
        in the file; only these records are encoded."""
        for record in records:
            table = _TABLE_OF[type(record)]
            doc_id = self._doc_id(table, record.id)
            if doc_id is None:
                raise KeyError(f"{table}: no record {record.id!r}")
            doc = self._data[table][doc_id] = record.to_dict()
            self._changed.setdefault(table, set()).add(doc_id)
            keys = self._keys.get(table)
            if keys is not None:
                keys[doc_id] = self._key_of(table, doc_id, doc)

    def remove(self, records: Sequence[Stored]) -> None:
        """Forget these records."""
        for cls in _TABLE_OF:
            ids = {r.id for r in records if type(r) is cls}
            if ids:
                table = _TABLE_OF[cls]
                going = [int(k) for k, key in self._keys_of(table).items() if key.id in ids]
                self._db.table(table, cache_size=0).remove(doc_ids=going)
                self._forget_keys(table)
                self._found.clear()

    def to_bytes(self) -> bytes:
        """The file's bytes for what the store holds now (see serialize)."""
        return serialize(self._data)

    @property
    def kept_as_lines(self) -> bool:
        """Whether its records are kept as their undecoded lines (a file laid out as
        showtrack writes it), so that a save can splice the changed ones in."""
        return self._layout is not None

    def pending_bytes(self) -> bytes | None:
        """What a save would write now: the file as read with the changed records
        spliced in, when few changed and none was added or dropped; else the whole
        file. None when nothing changed the file as read."""
        few = sum(map(len, self._changed.values())) <= self.SPLICE_LIMIT
        if self._layout is not None and not self._renumbered and few:
            replaced = self._replacements()
            if self._layout.unchanged_by(replaced):
                return None
            return self._layout.spliced(replaced)
        content = self.to_bytes()
        return None if content == self._original else content

    def save(self) -> bool:
        """Write the snapshot if it changed; True when the file was written."""
        if not self.writable:
            raise RuntimeError("store opened for reading")
        try:
            content = self.pending_bytes()
        except UnicodeEncodeError as exc:
            # A lone surrogate: bytes that were not UTF-8 on the command line, or a
            # "\ud800" escape in an imported file. Such text cannot be stored as UTF-8.
            raise UsageError(
                f"{exc.object!r} is not valid text: it holds "
                f"{exc.object[exc.start : exc.end]!r}, which UTF-8 cannot store; "
                "nothing was changed",
                "give the text in UTF-8",
            ) from None
        if content is None:
            return False
        try:
            self._write(content)
        except OSError as exc:
            raise cannot_write(exc, self.path) from None
        self._original = content
        return True

    # Past this many replaced documents, finding each one's line costs more than writing
    # every record (an import or a sync replaces thousands).
    SPLICE_LIMIT = 64

    def _replacements(self) -> dict[str, dict[str, bytes]]:
        """The JSON of each document replaced since the file was read, and of the meta,
        by table and document id: what a save would write of them."""
        encode = msgspec.json.Encoder(order="sorted").encode
        replaced = {"meta": {doc_id: encode(doc) for doc_id, doc in self._data["meta"].items()}}
        for table, ids in self._changed.items():
            docs = self._data[table]
            replaced.setdefault(table, {}).update((doc_id, encode(docs[doc_id])) for doc_id in ids)
        return replaced

    def _write(self, content: bytes) -> None:
        """The new file staged first, then the backup kept, then the rename: a full disk
        or a refused write leaves the database and its backup as they were."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        sweep_temp_files(self.path)
        mode = None
        if self._original is not None:
            mode = os.stat(self.path).st_mode & 0o7777
            if not mode & stat.S_IWUSR:
                raise DatabaseError(
                    f"{self.path} is read-only (mode {mode:04o}); it was left as it was",
                    "make it writable (chmod u+w) to change it",
                )
        tmp = stage(self.path, content, mode)
        try:
            if self._original is not None:
                keep_backup(self.path)
                self._keep_migrated(self._original)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        commit(tmp, self.path)

    def _keep_migrated(self, original: bytes) -> None:
        """Before the first save of a migrated file, keep it as it was, under
        `<db>.schemaN.bak`: written atomically (a crash never leaves half of it, a
        damaged one is written again, a link there is replaced, not followed)."""
        old = self.meta.get("migrated_from")
        if old is None:
            return
        keep = self.path.with_name(f"{self.path.name}.schema{old}.bak")
        if not keep.is_symlink() and read_bytes(keep) == original:
            return
        atomic_write(keep, original)


def load(
    path: Path, *, writable: bool = False, decoded: bool = False, validated: bool = True
) -> Store:
    """Read the database once; a missing file is an empty database. Records stay
    undecoded until asked for (see `split_document`) unless `decoded`. Unless it is the
    file the last writer checked and left, the file is checked whole first (`validate`),
    so that a file any command refuses is refused by every command."""
    real = real_path(path)
    if real.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    before = file_stamp(real)
    raw = read_bytes(real)
    split = None if raw is None or decoded else split_current(raw)
    layout = None
    if split is not None:
        data, layout = split
    else:
        data = empty_data() if raw is None else parse_document(raw, real)
    store = Store(real, data, raw, writable, layout)
    if validated and raw is not None and not left_checked(real, before):
        store.validate()
    return store


def left_checked(real: Path, before: str | None) -> bool:
    """Whether the file, unchanged while it was read, is the one the last writer checked
    and left: its stamp (inode, size, times, as git's index keeps them to know a file
    unchanged without reading it) is the one in the lock file. Checking a file whole
    costs about what a write of it does (bench/RESULTS.md); a file showtrack wrote is
    checked once, by that write."""
    return before is not None and before == checked_stamp(real) == file_stamp(real)


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
    head = read_bytes(real, limit=64)  # before any lock file is made beside it
    if head is not None:
        refuse_foreign(head, real)
    with WriteLock(real, lock_timeout() if timeout is None else timeout) as lock:
        # Checked whole unless it is the file the last writer left (see `load`): a file
        # any command refuses is refused here too, and never becomes the backup.
        store = load(real, writable=True)
        yield store
        store.save()
        lock.leave(file_stamp(real))
