"""The listing table: composed directly when it fits, and then exactly what Rich's Table
would have drawn; laid out by Table when it does not fit."""

from __future__ import annotations

import io
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, RenderableType
from rich.style import Style
from rich.text import Text

from showtrack.render import Column, composed_table, natural_widths, print_table, rich_table

STYLES = ["", "bold", "dim", "cyan", "bold green", "italic red"]
# Letters, digits, spaces, punctuation, accents, wide (CJK) characters and emoji: what
# show titles and network names hold, after printable() has escaped control characters.
CELL_TEXT = st.text(alphabet=st.sampled_from("abcXYZ019 -–→…éñ東京⚠️😀"), min_size=0, max_size=14)
CELL = st.builds(lambda text, style: Text(text, style=style), CELL_TEXT, st.sampled_from(STYLES))
COLUMN = st.builds(
    Column,
    st.text(alphabet="ABCDEFGHwxyz ", min_size=1, max_size=9),
    st.sampled_from(["ellipsis", "fold", "crop"]),
    st.booleans(),
    st.one_of(st.none(), st.integers(0, 12)),
)


def _console(width: int) -> Console:
    return Console(width=width, force_terminal=True, color_system="truecolor", highlight=False)


def _seen(ch: str, style: Style | None) -> tuple[str, Style]:
    # A blank looks the same bold, dim or coloured; only these make it visible.
    if ch == " " and not (
        style
        and (style.bgcolor or style.underline or style.strike or style.reverse or style.overline)
    ):
        return ch, Style()
    return ch, style or Style()


def _styled_cells(console: Console, renderable: RenderableType) -> list[list[tuple[str, Style]]]:
    """Each line as (character, style) pairs as a person sees them, trailing blanks
    dropped, independent of how the output was cut into segments."""
    lines = []
    for line in console.render_lines(renderable, console.options, pad=False):
        chars = [_seen(ch, seg.style) for seg in line for ch in seg.text]
        while chars and chars[-1] == (" ", Style()):
            chars.pop()
        lines.append(chars)
    return lines


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_composed_table_is_what_rich_table_draws(data: st.DataObject) -> None:
    columns = data.draw(st.lists(COLUMN, min_size=1, max_size=6))
    rows = data.draw(
        st.lists(st.lists(CELL, min_size=len(columns), max_size=len(columns)), max_size=6)
    )
    console = _console(400)  # wide enough for every natural width drawn here
    composed = composed_table(columns, rows, natural_widths(columns, rows))
    assert _styled_cells(console, composed) == _styled_cells(console, rich_table(columns, rows))


def _printed(width: int, columns: Sequence[Column], rows: Sequence[Sequence[Text]]) -> str:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    print_table(console, columns, rows)
    return console.export_text()


def test_a_table_that_fits_keeps_every_cell_on_one_line() -> None:
    columns = [Column("Release", overflow="fold"), Column("Countdown")]
    rows = [[Text("Jessica Jones S2"), Text("in 8–11 months")]]
    assert _printed(80, columns, rows).splitlines() == [
        "Release            Countdown",
        "─" * 33,
        "Jessica Jones S2   in 8–11 months",
    ]


def test_a_table_too_wide_for_the_terminal_folds_to_fit() -> None:
    columns = [Column("Release", overflow="fold", min_width=12), Column("Countdown")]
    rows = [[Text("A Very Long Show Title Indeed S12"), Text("in 8–11 months from today")]]
    lines = _printed(30, columns, rows).splitlines()
    assert all(len(line) <= 30 for line in lines)
    assert len(lines) > 3  # cells were folded onto more lines
    assert "".join(lines).replace(" ", "").count("AVeryLong") == 1


def test_a_cell_with_a_line_break_is_laid_out_by_rich() -> None:
    rows = [[Text("first\nsecond"), Text("x")]]
    lines = _printed(80, [Column("A"), Column("B")], rows).splitlines()
    assert [line.rstrip() for line in lines[2:]] == ["first    x", "second"]
