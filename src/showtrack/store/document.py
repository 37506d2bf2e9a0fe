"""The database file's document: what a showtrack file holds, read (refusing what is
not a showtrack database this version can read), migrated from older schemas by
numbered steps, and written one record a line."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import msgspec

from showtrack.errors import DatabaseError
from showtrack.store.lines import Layout, split_document

TABLES = ("meta", "shows", "releases", "feeds", "inbox")
RESTORE_HINT = "run `showtrack db restore` to go back to the last backup"
NO_BACKUP_HINT = "there is no backup beside it to go back to; mend the file or move it away"

Data = dict[str, dict[str, Any]]


def empty_data() -> Data:
    """A new database."""
    return {
        "meta": {"1": {"schema": SCHEMA_VERSION}},
        **{table: {} for table in TABLES if table != "meta"},
    }


# --------------------------------------------------------------------------- reading


def refuse(path: Path, what: str) -> DatabaseError:
    """A damaged database, refused; the backup is offered only when there is one."""
    from showtrack.store.files import backup_path

    hint = RESTORE_HINT if backup_path(path).exists() else NO_BACKUP_HINT
    return DatabaseError(f"{path}: {what}; it was left as it was", hint)


def foreign(path: Path, why: str = "") -> DatabaseError:
    """A file showtrack did not write, given as the database: most often a mistyped --db."""
    return DatabaseError(
        f"{path}: this is not a showtrack database{why}; it was left as it was",
        "check --db or SHOWTRACK_DB: it names a file showtrack did not write",
    )


def bad_document_id(tables: Iterable[Iterable[str]]) -> str | None:
    """A document id that is not a whole number (TinyDB's ids), past which an insert
    could not number; None when all are."""
    for doc_ids in tables:
        if not all(map(str.isdecimal, doc_ids)):
            return next(doc_id for doc_id in doc_ids if not doc_id.isdecimal())
    return None


def refuse_release(path: Path, release_id: str, problem: str) -> DatabaseError:
    """The error that refuses a file for one damaged release."""
    return refuse(path, f"release {release_id!r} is damaged: {problem}")


def refuse_foreign(head: bytes, path: Path) -> None:
    """Refuse a file whose first bytes show it is no showtrack database (every one is a
    JSON object), before a writer makes a lock file beside it."""
    start = head.lstrip()[:1]
    if start and start != b"{":
        raise foreign(path)


def parse_document(raw: bytes, path: Path) -> Data:
    """Check a file's bytes are a showtrack database this version can read, and migrate an
    older schema in memory. Raises DatabaseError naming the file and what to do."""
    if not raw.strip():
        raise refuse(path, "the database file is empty")
    refuse_foreign(raw[:64], path)
    try:
        data = msgspec.json.decode(raw)
    except UnicodeDecodeError:
        raise refuse(path, "the database is not UTF-8 text") from None
    except RecursionError:
        raise refuse(path, "the database nests JSON deeper than any showtrack file") from None
    except msgspec.DecodeError:
        import json

        try:
            json.loads(raw.decode("utf-8", "replace"))  # only to say where the damage is
        except json.JSONDecodeError as exc:
            raise refuse(
                path, f"the database is not valid JSON (line {exc.lineno}): truncated or damaged"
            ) from None
        except (ValueError, RecursionError):
            pass  # a number of thousands of digits: valid JSON, but no showtrack file's
        raise refuse(path, "the database holds what no showtrack file does: damaged") from None
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
        raise foreign(path)
    meta = data.get("meta", {}).get("1")
    schema = meta.get("schema") if isinstance(meta, dict) else None
    # A bool is an int to Python; a schema below 1 would pick the wrong migrations.
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise foreign(path, " (no schema version)")
    if schema > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} was written by a newer showtrack (schema {schema}, this one reads "
            f"{SCHEMA_VERSION}); it was left as it was",
            "upgrade showtrack to use it",
        )
    for table in TABLES:
        data.setdefault(table, {})
    if schema < SCHEMA_VERSION:
        try:
            migrate(data)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
            # A value an older showtrack would not have written ("zzz" for a day, a
            # history that is no list): refused as any damaged file is, never a crash.
            raise refuse(
                path, f"this schema {schema} database holds a value it cannot migrate ({exc})"
            ) from None
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


def _schema_5_to_6(data: Data) -> None:
    """Version 6 follows news feeds (`feeds`) and keeps what they propose in an inbox
    (`inbox`); the tables start empty. A show may keep its ids in other databases
    (`ids`, from an import of another tracker); a show without has none of the key. The
    number changes so that an older showtrack, which would drop them on its next save,
    refuses the file instead."""
    data.setdefault("feeds", {})
    data.setdefault("inbox", {})


#: MIGRATIONS[n - 1] brings a document of schema n to schema n + 1: a new schema is one
#: function appended here.
MIGRATIONS: tuple[Callable[[Data], None], ...] = (
    _schema_1_to_2,
    _schema_2_to_3,
    _schema_3_to_4,
    _schema_4_to_5,
    _schema_5_to_6,
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
    A document still undecoded (msgspec.Raw, see `load`) is written as it was read.
    (Built as bytes in as few Python steps a document as possible: a write on a big
    database writes every line.)"""
    encode = msgspec.json.Encoder(order="sorted").encode
    raw_type = msgspec.Raw
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
            ids = sorted(docs, key=document_order)
        parts += [b"  ", encode(name), b": {\n    "]
        for i in ids:
            doc = docs[i]
            parts += (
                encode(i),
                b": ",
                doc if type(doc) is raw_type else encode(doc),
                b",\n    ",
            )
        parts[-1] = b"\n  "
        parts.append(end)
    parts.append(b"}\n")
    return b"".join(parts)


def document_order(doc_id: str) -> int:
    return int(doc_id) if doc_id.isdigit() else 0


def split_current(raw: bytes) -> tuple[Data, Layout] | None:
    """The file's records undecoded (see store/lines.py) when it is of this schema and
    laid out as `serialize` writes it; None sends it through `parse_document`."""
    split = split_document(raw, TABLES)
    if split is None:
        return None
    tables, layout = split
    if not set(tables) <= {*TABLES, "_default"}:
        return None
    try:
        meta = {key: msgspec.json.decode(doc) for key, doc in tables["meta"].items()}
    except msgspec.MsgspecError:
        return None
    first = meta.get("1")
    if not isinstance(first, dict) or type(first.get("schema")) is not int:
        return None
    if first["schema"] != SCHEMA_VERSION or not all(isinstance(d, dict) for d in meta.values()):
        return None
    # The layout keeps the tables as read; the store changes its own copies.
    data: Data = {name: dict(docs) for name, docs in tables.items()}
    data["meta"] = meta
    return data, layout
