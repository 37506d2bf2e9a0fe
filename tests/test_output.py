"""Machine formats: JSON is written by msgspec and must be, byte for byte, what Python's
json module writes with indent=2 (scripts may compare outputs across versions), except
that characters which act on a terminal (DEL, C1 and bidi controls) are \\u escapes, as
spec/cli.md asks; CSV cells read back as they were."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from typing import Any

import msgspec
from hypothesis import given, settings
from hypothesis import strategies as st

from showtrack.output import BATCH, write_object, write_rows
from showtrack.text import csv_cell, csv_value, escaped

# What listing rows hold: text (any valid Unicode: accents, CJK, emoji, control
# characters, quotes, backslashes, U+2028), 64-bit integers, booleans and null, nested in
# objects and lists, empty ones included.
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-(2**63), 2**63 - 1), TEXT)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=12,
)
ROWS = st.lists(st.dictionaries(TEXT, VALUES, max_size=6), max_size=5)


UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _unicode_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match[0]):04x}"


def _reference(value: Any) -> str:
    """What spec/cli.md asks for: json.dumps, with the terminal-unsafe characters escaped."""
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return UNSAFE.sub(_unicode_escape, text) + "\n"


def _written(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    write_rows(rows, "json", out)
    return out.getvalue()


@settings(max_examples=100, deadline=None)
@given(ROWS)
def test_json_rows_are_what_the_json_module_writes(rows: list[dict[str, Any]]) -> None:
    written = _written(rows)
    assert written == _reference(rows)
    assert json.loads(written) == rows and not UNSAFE.search(written)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(TEXT, VALUES, max_size=6))
def test_a_json_object_is_what_the_json_module_writes(obj: dict[str, Any]) -> None:
    out = io.StringIO()
    write_object(obj, out)
    assert out.getvalue() == _reference(obj)


def test_rows_across_batches_make_one_array() -> None:
    rows = [{"id": f"show/s{n}", "season": n, "after": []} for n in range(BATCH * 2 + 3)]
    assert _written(rows) == json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    assert json.loads(_written(rows)) == rows


def test_text_utf8_cannot_encode_is_still_written() -> None:
    # A lone surrogate (from bytes that were not UTF-8 on a command line) cannot be
    # encoded by msgspec; json writes it, and stdout's error handler escapes it.
    obj = {"phrase": "spring \udced 2018"}
    out = io.StringIO()
    write_object(obj, out)
    assert out.getvalue() == json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_a_csv_cell_reads_back_and_carries_no_control_or_formula(text: str) -> None:
    cell = csv_cell(text)
    assert csv_value(cell) == text
    assert not any(unicodedata.category(c) == "Cc" for c in cell) and not UNSAFE.search(cell)
    assert not re.match(r"[=+@]|-(?!\d+(\.\d+)?$)", cell)


@settings(max_examples=100, deadline=None)
@given(ROWS)
def test_jsonl_lines_are_what_the_json_module_writes(rows: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    write_rows(rows, "jsonl", out)
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    assert out.getvalue() == "".join(UNSAFE.sub(_unicode_escape, line) + "\n" for line in lines)


def test_jsonl_of_text_utf8_cannot_encode_is_still_written() -> None:
    rows = [{"phrase": "spring \udced 2018"}, {"phrase": "a\x9b"}]
    out = io.StringIO()
    write_rows(rows, "jsonl", out)
    assert out.getvalue() == '{"phrase": "spring \udced 2018"}\n{"phrase": "a\\u009b"}\n'


def test_jsonl_escapes_what_acts_on_a_terminal() -> None:
    out = io.StringIO()
    write_rows([{"title": "a\x9b2J\u202e"}], "jsonl", out)
    assert out.getvalue() == '{"title": "a\\u009b2J\\u202e"}\n'


def _flat_reference(value: Any) -> str:
    """A cell as the module docstring defines it, one value at a time."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(
            str(v.get("name") or v.get("release") or v.get("id") or "")
            if isinstance(v, dict)
            else str(v)
            for v in value
        )
    return str(value)


def _flat_row(row: dict[str, Any]) -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            flat.update((f"{key}_{sub}", _flat_reference(v)) for sub, v in value.items())
        else:
            flat[key] = _flat_reference(value)
    return flat


def _flat_reference_rows(rows: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    header = list(_flat_row(rows[0])) if rows else []
    return header, [[_flat_row(row).get(col, "") for col in header] for row in rows]


# Rows of one shape (as listings write them) and of any shape; cells of plain text, or
# with what must be escaped (backslashes, controls, bidi) and what a spreadsheet runs.
CELL = st.text(st.sampled_from("=+-@'\\\t\n1.xé\x1b\x7f\x9b\u202e"), max_size=5)
LIKE_A_LISTING = st.lists(
    st.fixed_dictionaries(
        {
            "id": CELL,
            "season": st.one_of(st.none(), st.integers()),
            "window": st.fixed_dictionaries({"phrase": CELL, "earliest": st.none() | CELL}),
            "conflict": st.booleans(),
            "sources": st.lists(st.fixed_dictionaries({"name": CELL}), max_size=2),
            # A key whose value is an object in some rows and not in others, or an
            # object whose keys differ from row to row.
            "next": st.none() | st.fixed_dictionaries({"id": CELL}),
            "extra": st.dictionaries(st.sampled_from(["a", "b", "next_id"]), CELL, max_size=2),
        }
    ),
    max_size=5,
)


@settings(max_examples=100, deadline=None)
@given(st.one_of(ROWS, LIKE_A_LISTING))
def test_tsv_is_each_cell_escaped_or_a_dash(rows: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    write_rows(rows, "tsv", out)
    header, table = _flat_reference_rows(rows)
    lines = ["\t".join(header)] + ["\t".join(escaped(c) if c else "-" for c in r) for r in table]
    assert out.getvalue() == "".join(line + "\n" for line in lines)


@settings(max_examples=100, deadline=None)
@given(st.one_of(ROWS, LIKE_A_LISTING))
def test_csv_is_each_cell_made_safe(rows: list[dict[str, Any]]) -> None:
    out = io.StringIO()
    write_rows(rows, "csv", out)
    header, table = _flat_reference_rows(rows)
    expected = io.StringIO()
    writer = csv.writer(expected, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([csv_cell(c) for c in r] for r in table)
    assert out.getvalue() == expected.getvalue()


def test_plain_and_escaped_cells_in_one_listing() -> None:
    # One cell needing an escape sends its batch the careful way; the others stay as
    # they are, and the rest of the listing (another batch) is not touched.
    rows = [{"id": f"a/s{n}", "note": "x"} for n in range(BATCH + 2)]
    rows[1]["note"] = "tab\there \\ =SUM(A1)"
    out = io.StringIO()
    write_rows(rows, "tsv", out)
    lines = out.getvalue().splitlines()
    assert lines[2] == "a/s1\ttab\\there \\\\ =SUM(A1)"
    assert lines[1] == "a/s0\tx" and lines[-1] == f"a/s{BATCH + 1}\tx"
    out = io.StringIO()
    write_rows(rows, "csv", out)
    assert out.getvalue().splitlines()[2] == "a/s1,tab\\there \\\\ =SUM(A1)"


def test_the_columns_of_a_struct_are_the_columns_of_its_rows() -> None:
    """An empty listing's header is known without a row, and is what a row would give."""
    from showtrack.models import ReleaseRow, ReleaseView, Show, WindowRecord
    from showtrack.models.records import Release
    from showtrack.output import flatten, struct_columns

    release = Release(id="x/s1", show_id="x", season=1, window=WindowRecord("2018", "2018-01-01"))
    row = ReleaseView(release, Show("x", "X"), None, "upcoming", None, None, "", False).to_row()
    columns = struct_columns(ReleaseRow)
    assert columns == list(flatten(msgspec.to_builtins(row)))
    assert columns[5:9] == ["window_phrase", "window_earliest", "window_latest", "window_edtf"]
