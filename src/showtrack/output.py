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

from showtrack.text import csv_cell, escaped, json_safe

Rows = Sequence[dict[str, Any]]
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


def flatten(row: dict[str, Any]) -> dict[str, str]:
    """One level of columns from a nested row."""
    flat: dict[str, str] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            for sub, inner in value.items():
                flat[f"{key}_{sub}"] = _flat_value(inner)
        else:
            flat[key] = _flat_value(value)
    return flat


def _tsv_cell(text: str) -> str:
    # Never empty: tab is IFS whitespace, so `while IFS=$'\t' read` would merge an empty
    # cell into its neighbour and shift every column after it.
    return escaped(text) if text else "-"


def _header(flat: list[dict[str, str]], columns: Sequence[str] | None) -> list[str]:
    return list(columns) if columns is not None else (list(flat[0]) if flat else [])


def write_csv(rows: Rows, out: TextIO, columns: Sequence[str] | None = None) -> None:
    """Comma-separated values with a header line."""
    import csv
    import io

    flat = [flatten(r) for r in rows]
    header = _header(flat, columns)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_cell(row.get(col, "")) for col in header] for row in flat)
    out.write(buffer.getvalue())


def write_tsv(rows: Rows, out: TextIO, columns: Sequence[str] | None = None) -> None:
    """Tab-separated values with a header line; one record a line, no empty cell."""
    flat = [flatten(r) for r in rows]
    header = _header(flat, columns)
    out.write("\t".join(header) + "\n")
    for row in flat:
        out.write("\t".join(_tsv_cell(row.get(col, "")) for col in header) + "\n")


def write_jsonl(rows: Rows, out: TextIO, columns: Sequence[str] | None = None) -> None:
    """One JSON object a line."""
    import json

    for row in rows:
        out.write(json_safe(json.dumps(row, ensure_ascii=False)) + "\n")


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


JSON_BATCH = 1000  # rows encoded and written at a time: few writes, bounded memory


def write_json(rows: Rows, out: TextIO, columns: Sequence[str] | None = None) -> None:
    """A JSON array, indented, written a thousand rows at a time."""
    if not rows:
        out.write("[]\n")
        return
    out.write("[\n")
    for start in range(0, len(rows), JSON_BATCH):
        batch = rows[start : start + JSON_BATCH]
        # Each row one level in: its lines indented by two more spaces (no JSON string
        # holds a raw line break, so every "\n" is between lines).
        text = ",\n".join("  " + _json_text(row).replace("\n", "\n  ") for row in batch)
        more = start + JSON_BATCH < len(rows)
        out.write(text + (",\n" if more else "\n"))
    out.write("]\n")


def write_object(obj: dict[str, Any], out: TextIO) -> None:
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
