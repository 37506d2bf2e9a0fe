"""Machine formats: JSON is written by msgspec and must be, byte for byte, what Python's
json module writes with indent=2 (scripts may compare outputs across versions)."""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from showtrack.output import JSON_BATCH, write_object, write_rows

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


def _written(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    write_rows(rows, "json", out)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(ROWS)
def test_json_rows_are_what_the_json_module_writes(rows: list[dict[str, Any]]) -> None:
    assert _written(rows) == json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(TEXT, VALUES, max_size=6))
def test_a_json_object_is_what_the_json_module_writes(obj: dict[str, Any]) -> None:
    out = io.StringIO()
    write_object(obj, out)
    assert out.getvalue() == json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def test_rows_across_batches_make_one_array() -> None:
    rows = [{"id": f"show/s{n}", "season": n, "after": []} for n in range(JSON_BATCH * 2 + 3)]
    assert _written(rows) == json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    assert json.loads(_written(rows)) == rows


def test_text_utf8_cannot_encode_is_still_written() -> None:
    # A lone surrogate (from bytes that were not UTF-8 on a command line) cannot be
    # encoded by msgspec; json writes it, and stdout's error handler escapes it.
    obj = {"phrase": "spring \udced 2018"}
    out = io.StringIO()
    write_object(obj, out)
    assert out.getvalue() == json.dumps(obj, indent=2, ensure_ascii=False) + "\n"
