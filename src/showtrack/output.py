"""Machine formats for result rows: json, jsonl, csv, tsv. No Rich on this path.

JSON keeps the nested shape of spec/cli.md. CSV and TSV flatten it: an object
becomes `key_sub` columns (`window_phrase`, `window_earliest`, ...), a list of
sources their names joined by "; ", a list of links their ids. TSV escapes
backslash, tab, newline and other control characters so that every record is
exactly one line, and writes a missing value as `-` so that no cell is empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TextIO

import msgspec

from showtrack.text import csv_cell, escaped, is_printable, json_safe, json_safe_utf8

Row = dict[str, Any] | msgspec.Struct
"""A result row: a dict of spec/cli.md's keys, or a Struct whose fields are those keys in
order (which JSON encodes without a dict in between)."""
Rows = Sequence[Row]
BATCH = 1000  # rows turned into dicts, encoded and written at a time: bounded memory


def plain(row: Row) -> dict[str, Any]:
    """A row as a dict."""
    if isinstance(row, dict):
        return row
    converted: dict[str, Any] = msgspec.to_builtins(row)
    return converted


def batches(rows: Rows) -> Iterable[Rows]:
    """The rows, BATCH at a time."""
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


Writer = Callable[[Rows, TextIO, Sequence[str] | None], None]
"""Writes rows to a stream; `columns` fixes the header of flat formats (csv, tsv) even
when there are no rows."""


def _flat_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, dict):
                parts.append(str(item.get("name") or item.get("release") or item.get("id") or ""))
            else:
                parts.append(str(item))
        return "; ".join(parts)
    return str(value)


def struct_columns(kind: type[msgspec.Struct]) -> list[str]:
    """The columns `flatten` makes of a row of this Struct, known without a row: its
    fields in order, a Struct field's own fields under its name (`window_phrase`)."""
    columns: list[str] = []
    for field in msgspec.structs.fields(kind):
        inner = field.type
        if isinstance(inner, type) and issubclass(inner, msgspec.Struct):
            columns += [
                f"{field.encode_name}_{f.encode_name}" for f in msgspec.structs.fields(inner)
            ]
        else:
            columns.append(field.encode_name)
    return columns


def flatten(row: Row) -> dict[str, str]:
    """One level of columns from a nested row."""
    flat: dict[str, str] = {}
    for key, value in plain(row).items():
        # Text and null first, without a call: most cells are (100,000 rows of 30).
        kind = type(value)
        if kind is str:
            flat[key] = value
        elif value is None:
            flat[key] = ""
        elif isinstance(value, dict):
            for sub, inner in value.items():
                flat[f"{key}_{sub}"] = _flat_value(inner)
        else:
            flat[key] = _flat_value(value)
    return flat


def _flat_column(values: list[Any]) -> list[str]:
    """Each of a column's values as `flatten` writes it (`_flat_value`), a kind at a time
    where the column holds one or two kinds, as a listing's columns do."""
    kinds = set(map(type, values))
    if kinds <= {str}:
        return values
    if kinds <= {str, type(None)}:
        return ["" if v is None else v for v in values]
    if kinds <= {int, type(None)}:
        return ["" if v is None else str(v) for v in values]
    return list(map(_flat_value, values))


def _flat_columns(rows: Rows) -> dict[str, list[str]] | None:
    """The rows flattened column by column, by column name, when they are alike (the
    same keys, and the same keys in the objects one key holds), as a listing's rows
    are: each column gathered at once and converted by one rule chosen for it, not a
    type test and a call for each cell (100,000 rows of 30). None when rows differ."""
    dicts = list(map(plain, rows))
    keys = dicts[0].keys()
    if any(d.keys() != keys for d in dicts):
        return None
    columns: dict[str, list[str]] = {}
    for key in keys:
        values = [d[key] for d in dicts]
        kinds = set(map(type, values))
        if kinds == {dict}:
            subkeys = values[0].keys()
            if any(v.keys() != subkeys for v in values):
                return None
            for sub in subkeys:
                columns[f"{key}_{sub}"] = _flat_column([v[sub] for v in values])
        elif any(issubclass(kind, dict) for kind in kinds):
            return None
        else:
            columns[key] = _flat_column(values)
    return columns


def _header(first: Row | None, columns: Sequence[str] | None) -> list[str]:
    if columns is not None:
        return list(columns)
    return list(flatten(first)) if first is not None else []


def _cells(batch: Rows, header: list[str]) -> tuple[Sequence[Sequence[str]], bool]:
    """Each row's cells in the header's order ("" where a row lacks a column), and
    whether every cell is plain: printable and without a backslash, so that no cell
    needs an escape (one check of them all, instead of one a cell)."""
    table: Sequence[Sequence[str]]
    columns = _flat_columns(batch) if batch and header else None
    if columns is None:
        table = [[row.get(col, "") for col in header] for row in map(flatten, batch)]
    else:
        missing = [""] * len(batch)
        table = list(zip(*[columns.get(col, missing) for col in header], strict=True))
    joined = "".join(["".join(cells) for cells in table])
    return table, "\\" not in joined and is_printable(joined)


#: What a cell that csv_cell may change begins with, when it holds no escape: a quote or
#: a formula's first character. ("" is in every string: an empty cell is checked too.)
_FORMULA_LEADS = "'=+-@"


def write_csv(rows: Rows, out: TextIO, columns: Sequence[str] | None = None) -> None:
    """Comma-separated values with a header line."""
    import csv
    import io

    header = _header(rows[0] if rows else None, columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for batch in batches(rows):
        table, plain_text = _cells(batch, header)
        if plain_text:
            # Escaping leaves plain text as it is; only a formula's guard may be due.
            table = [[csv_cell(c) if c[:1] in _FORMULA_LEADS else c for c in r] for r in table]
        else:
            table = [[csv_cell(c) for c in r] for r in table]
        writer.writerows(table)
        out.write(buffer.getvalue())
        buffer.seek(0)
        buffer.truncate()
    out.write(buffer.getvalue())


def write_tsv(rows: Rows, out: TextIO, columns: Sequence[str] | None = None) -> None:
    """Tab-separated values with a header line; one record a line, no empty cell."""
    header = _header(rows[0] if rows else None, columns)
    out.write("\t".join(header) + "\n")
    for batch in batches(rows):
        table, plain_text = _cells(batch, header)
        # Never empty: tab is IFS whitespace, so `while IFS=$'\t' read` would merge an
        # empty cell into its neighbour and shift every column after it.
        if plain_text:
            lines = ["\t".join([c or "-" for c in r]) for r in table]
        else:
            lines = ["\t".join([escaped(c) if c else "-" for c in r]) for r in table]
        out.write("".join([line + "\n" for line in lines]))


def write_jsonl(rows: Rows, out: TextIO, columns: Sequence[str] | None = None) -> None:
    """One JSON object a line: each as json.dumps(row, ensure_ascii=False) writes it
    (msgspec's format with indent=0 spaces it alike), a batch made terminal-safe at once."""
    encode, layout = msgspec.json.encode, msgspec.json.format
    for batch in batches(rows):
        try:
            lines = [layout(encode(row), indent=0) for row in batch]
        except UnicodeEncodeError:  # a lone surrogate: see _json_text
            import json

            text = "".join(json.dumps(plain(row), ensure_ascii=False) + "\n" for row in batch)
            out.write(json_safe(text))
            continue
        lines.append(b"")
        _write_bytes(out, json_safe_utf8(b"\n".join(lines)))


def _json_text(value: Any) -> str:
    """`value` exactly as json.dumps(value, indent=2, ensure_ascii=False) writes it, made
    by msgspec in C, where Python's json indents in Python (several times slower: see
    bench/RESULTS.md)."""
    try:
        text = msgspec.json.format(msgspec.json.encode(value), indent=2).decode("utf-8")
    except UnicodeEncodeError:
        import json

        # A lone surrogate (bytes that were not UTF-8 on a command line): json keeps it,
        # and the output stream's error handler shows it as an escape.
        text = json.dumps(value, indent=2, ensure_ascii=False)
    return json_safe(text)


def _json_batch(rows: Rows) -> bytes | str:
    """The rows as the items of an indented JSON array, without its brackets: each as
    `_json_text` writes it, two spaces in, joined by ",\n". Encoded, indented and made
    terminal-safe a batch at a time, as UTF-8 (text only for a lone surrogate, which the
    output stream's error handler shows as an escape)."""
    try:
        data = msgspec.json.format(msgspec.json.encode(rows), indent=2)
    except UnicodeEncodeError:
        return ",\n".join("  " + _json_text(row).replace("\n", "\n  ") for row in rows)
    return json_safe_utf8(data[2:-2])  # "[\n" ... "\n]"


def _write_bytes(out: TextIO, data: bytes) -> None:
    """UTF-8 `data` to a text stream: to its bytes underneath when it has them."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode("utf-8"))
        return
    out.flush()
    buffer.write(data)


def write_json(rows: Rows, out: TextIO, columns: Sequence[str] | None = None) -> None:
    """A JSON array, indented, written a thousand rows at a time."""
    if not rows:
        out.write("[]\n")
        return
    out.write("[\n")
    for start, batch in zip(range(0, len(rows), BATCH), batches(rows), strict=True):
        end = ",\n" if start + BATCH < len(rows) else "\n"
        text = _json_batch(batch)
        if isinstance(text, bytes):
            _write_bytes(out, text + end.encode())
        else:
            out.write(text + end)
    out.write("]\n")


def write_object(obj: Row, out: TextIO) -> None:
    """One JSON object (for `window -o json`, `info -o json`)."""
    out.write(_json_text(obj) + "\n")


WRITERS: dict[str, Writer] = {
    "json": write_json,
    "jsonl": write_jsonl,
    "csv": write_csv,
    "tsv": write_tsv,
}
"""The machine formats `-o` offers beside `table`; a new format is one entry here."""


def write_rows(rows: Rows, fmt: str, out: TextIO, columns: Iterable[str] | None = None) -> None:
    """Write `rows` to `out` in the machine format `fmt` (a key of WRITERS)."""
    WRITERS[fmt](rows, out, None if columns is None else list(columns))
