"""The database file as undecoded lines: one record a line, as `serialize` writes it.

A write on a big database changes one record or a few; decoding every record to
find them and encoding every record to write them back is most of what it would
cost. Here a file laid out as showtrack writes it is split into its records, each
kept as its undecoded bytes (msgspec.Raw); one record is found by its id with a byte
search of the file for the id as JSON writes it, the match checked by decoding that
one record's key; and a save that replaced a few records copies the file as read
around their new lines.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from operator import add
from typing import Any

import msgspec

_encode = msgspec.json.encode
#: A record's line around its bytes: four spaces, its quoted document id, ": ", and
#: ",\n" after it (the last line of a table ends "\n" alone).
_LINE_EXTRA = 4 + 2 + 2 + 2

Tables = dict[str, dict[str, Any]]


class Layout:
    """Where each record read from the file sits in its bytes."""

    def __init__(self, raw: bytes, tables: Tables, sections: dict[str, tuple[int, int]]) -> None:
        self.raw = raw
        self._tables = {name: tables[name] for name in sections}
        self._sections = sections
        self._lines: dict[str, tuple[list[str], list[int], list[Any]]] = {}
        self._escapes: dict[str, bool] = {}

    def unchanged_by(self, replaced: dict[str, dict[str, bytes]]) -> bool:
        """Whether these documents' new JSON (table -> document id -> bytes) is what the
        file held, and the file held no other meta document: then a save would write
        the file as it is."""
        for table, docs in replaced.items():
            read = self._tables.get(table, {})
            for doc_id, new in docs.items():
                old = read.get(doc_id)
                if old is None or memoryview(old) != new:
                    return False
        return len(replaced.get("meta", {})) == len(self._tables.get("meta", {}))

    def _lines_of(self, table: str) -> tuple[list[str], list[int], list[Any]]:
        """The table's document ids, the sum of the lengths of the ids and records
        before each one (from which its line's start follows), and each record's bytes,
        as read. (Sums taken in C: a table may hold 100,000 records.)"""
        lines = self._lines.get(table)
        if lines is None:
            docs = self._tables[table]
            ids, raws = list(docs), list(docs.values())
            sums = list(accumulate(map(add, map(len, ids), map(len, raws)), initial=0))
            lines = self._lines[table] = (ids, sums, raws)
        return lines

    def may_hide(self, table: str) -> bool:
        """Whether a string in the table could be written with escapes, and so not be
        found by `holding` (JSON writes a string without a backslash one way only)."""
        section = self._sections.get(table)
        if section is None:
            return False
        escapes = self._escapes.get(table)
        if escapes is None:
            escapes = self._escapes[table] = self.raw.find(b"\\", *section) >= 0
        return escapes

    def spliced(self, replaced: dict[str, dict[str, bytes]]) -> bytes | None:
        """The file as read with some documents' bytes replaced (table -> document id ->
        its new JSON), every other byte as it was: a save that changed a few records
        copies the file around them instead of writing every record again. None when a
        document is not where the layout says (the caller writes the whole file)."""
        raw = self.raw
        spots: list[tuple[int, int, bytes]] = []
        for table, docs in replaced.items():
            if table not in self._sections:
                return None
            ids, sums, raws = self._lines_of(table)
            start = self._sections[table][0]
            for doc_id, new in docs.items():
                try:
                    k = ids.index(doc_id)
                except ValueError:
                    return None
                line = start + sums[k] + _LINE_EXTRA * k
                prefix = b'    "' + doc_id.encode() + b'": '
                begins, old = line + len(prefix), raws[k]
                if not (
                    raw.startswith(prefix, line)
                    and memoryview(old) == raw[begins : begins + len(old)]
                ):
                    return None
                spots.append((begins, begins + len(old), new))
        spots.sort()
        view, at = memoryview(raw), 0
        pieces: list[bytes | memoryview] = []
        for begins, ends, new in spots:
            pieces += (view[at:begins], new)
            at = ends
        pieces.append(view[at:])
        return b"".join(pieces)

    def holding(self, table: str, value: str) -> list[str] | None:
        """The ids of the documents (as read) whose bytes hold `value` as JSON writes it,
        in file order (all of them unless `may_hide`); None when a match does not sit
        where the layout says a record does."""
        section = self._sections.get(table)
        if section is None:
            return []
        start, end = section
        raw = self.raw
        needle = _encode(value)
        ids, sums, raws = self._lines_of(table)

        def line_start(k: int) -> int:
            return start + sums[k] + _LINE_EXTRA * k

        found: list[str] = []
        at = raw.find(needle, start, end)
        while at >= 0:
            k = bisect_right(range(len(ids)), at, key=line_start) - 1
            doc_id, doc = ids[k], raws[k]
            prefix = b'    "' + doc_id.encode() + b'": '
            begins = line_start(k) + len(prefix)
            if not (
                begins <= at < begins + len(doc)
                and raw.startswith(prefix, line_start(k))
                and memoryview(doc) == raw[begins : begins + len(doc)]
            ):
                return None
            found.append(doc_id)
            at = raw.find(needle, begins + len(doc), end)
        return found


def split_document(raw: bytes, tables_in_order: tuple[str, ...]) -> tuple[Tables, Layout] | None:
    """The file's tables with every record undecoded, and where each sits; None unless
    the file is laid out as `serialize` writes it (its known tables first, in order,
    one record a line), so that everything else takes the path that decodes it all."""
    if not raw.startswith(b'{\n  "meta": {'):
        return None
    try:
        tables = msgspec.json.decode(raw, type=dict[str, dict[str, msgspec.Raw]])
    except (msgspec.MsgspecError, RecursionError):
        return None
    names = list(tables)
    if names[: len(tables_in_order)] != list(tables_in_order):
        return None
    offset = len(b"{\n")
    sections: dict[str, tuple[int, int]] = {}
    for k, name in enumerate(names):
        docs = tables[name]
        head = len(b'  "": {') + len(_encode(name)) - 2
        end = len(b"}\n") if k == len(names) - 1 else len(b"},\n")
        if not docs:
            offset += head + end
            continue
        first = offset + head + 1
        body = sum(map(len, docs.values())) + sum(map(len, docs)) + _LINE_EXTRA * len(docs) - 1
        sections[name] = (first, first + body)
        offset = first + body + len(b"  ") + end
    if offset + len(b"}\n") != len(raw):
        return None
    return tables, Layout(raw, tables, sections)
