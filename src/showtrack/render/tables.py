"""The house style of every table: columns three spaces apart under bold headers, no
borders; composed as text when the table fits (Rich's Table costs more than the rows),
laid out to the terminal when it does not. Database text always goes through `cell()`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from rich.console import Console
from rich.text import Text

from showtrack.text import printable

if TYPE_CHECKING:
    from rich.console import OverflowMethod
    from rich.table import Table

STATUS_STYLES = {
    "upcoming": "cyan",
    "aired": "dim",
    "open": "bold green",
    "overdue": "bold red",
    "released": "dim",
    "unknown": "dim",
}


def make_console(no_color: bool = False, stderr: bool = False) -> Console:
    """A console that never interprets markup, emoji codes or highlighting in output."""
    return Console(
        stderr=stderr,
        no_color=no_color or None,
        highlight=False,
        emoji=False,
        markup=False,
        color_system=None if no_color else "auto",
    )


def cell(text: str | None, style: str = "") -> Text:
    """Database text as a safe table cell."""
    return Text(printable(text or ""), style=style)


def _more_line(console: Console, shown: int, total: int) -> None:
    if total > shown:
        console.print(
            Text(f"… {total - shown} more; --limit 0 shows all, --limit N shows N", style="dim")
        )


class Column(NamedTuple):
    """A table column: its header, and how its cells give way when the table is too wide
    for the terminal: they wrap at spaces unless `no_wrap`, and a word still too long is
    broken anywhere ('fold') or cut short with an ellipsis ('ellipsis', Rich's default)."""

    header: str
    overflow: OverflowMethod = "ellipsis"
    no_wrap: bool = False
    min_width: int | None = None
    #: Left out, last first, when the table does not fit, before anything is folded.
    optional: bool = False
    #: Its cells (ids, status words) are never broken or cut: the column keeps the width
    #: of its widest cell.
    whole: bool = False


GUTTER = 3  # spaces between two columns: Table's padding of one a side and its blank rule
NARROW_GUTTER = 2  # when that does not fit: no padding on the left


def print_table(
    console: Console, columns: Sequence[Column], rows: Sequence[Sequence[Text]]
) -> None:
    """A listing table in the house style: bold headers over a rule, columns three spaces
    apart, no borders, every column as wide as its widest cell.

    rich.table.Table measures, pads and wraps every cell, which costs more than building
    the row (bench/RESULTS.md); a listing is printed on every start, so when every cell
    fits on one line at its natural width (nearly always) the lines are composed here
    instead, exactly as Table would draw them (tests/test_render.py holds them to it).
    Otherwise Table lays the columns out and folds what does not fit.
    """
    widths = natural_widths(columns, rows)
    keep = list(range(len(columns)))

    def total() -> int:
        return sum(widths[i] for i in keep) + GUTTER * (len(keep) - 1)

    # A narrow terminal loses the optional columns (last first) before a title folds.
    for i in reversed(range(len(columns))):
        if total() <= console.width:
            break
        if columns[i].optional:
            keep.remove(i)
    if len(keep) < len(columns):
        columns = [columns[i] for i in keep]
        rows = [[row[i] for i in keep] for row in rows]
        widths = [widths[i] for i in keep]
    single_line = not any("\n" in text.plain for row in rows for text in row)
    if single_line and sum(widths) + GUTTER * (len(columns) - 1) <= console.width:
        console.print(composed_table(columns, rows, widths), soft_wrap=True)
    elif sum(widths) + GUTTER * (len(columns) - 1) <= console.width:
        print_trimmed(console, rich_table(columns, rows))  # fits; a cell has many lines
    else:
        fitted = _fitted(columns, rows, widths, console.width)
        gutter = GUTTER
        if fitted is None:  # a narrow terminal: two spaces between columns, not three
            fitted = _fitted(columns, rows, widths, console.width, NARROW_GUTTER)
            gutter = NARROW_GUTTER if fitted is not None else GUTTER
        if fitted is None:
            # Too narrow even for whole words and headers: each row a block of lines,
            # rather than cells cut short ("Countd…", "the-marvelou…").
            print_trimmed(console, stacked_table(columns, rows))
            return
        print_trimmed(console, rich_table(columns, rows, fitted, gutter=gutter))


def stacked_table(columns: Sequence[Column], rows: Sequence[Sequence[Text]]) -> Table:
    """A table for a terminal too narrow for its columns side by side: each row a block
    of lines, a header (bold) beside its cell, a blank line between rows; a cell folds
    under itself and nothing is cut."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for n, row in enumerate(rows):
        if n:
            grid.add_row("", "")
        for column, text in zip(columns, row, strict=True):
            if text.plain:
                grid.add_row(column.header, text)
    return grid


def _longest_word(rows: Sequence[Sequence[Text]], i: int) -> int:
    return max((len(word) for row in rows for word in row[i].plain.split()), default=0)


def _fitted(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Text]],
    widths: list[int],
    room: int,
    gutter: int = GUTTER,
) -> list[int] | None:
    """Column widths for a table too wide for `room`: a whole column (ids, status words)
    as wide as its widest cell, every header and word unbroken, the rest of the room
    shared out in proportion to what each column would still like. None when even that
    does not fit: then Rich cuts what it must."""
    least = [
        w if c.whole else max(len(c.header), c.min_width or 0, _longest_word(rows, i))
        for i, (c, w) in enumerate(zip(columns, widths, strict=True))
    ]
    spare = room - gutter * (len(columns) - 1) - sum(least)
    if spare < 0:
        return None
    wanted = [max(w - m, 0) for w, m in zip(widths, least, strict=True)]
    total = sum(wanted) or 1
    fitted = [m + spare * want // total for m, want in zip(least, wanted, strict=True)]
    return [min(f, w) if w >= m else f for f, w, m in zip(fitted, widths, least, strict=True)]


def natural_widths(columns: Sequence[Column], rows: Sequence[Sequence[Text]]) -> list[int]:
    """Each column's width when nothing is folded: its widest cell, header or minimum."""
    widths = [max(len(c.header), c.min_width or 0) for c in columns]
    for row in rows:
        for i, text in enumerate(row):
            width = text.cell_len
            if width > widths[i]:
                widths[i] = width
    return widths


def composed_table(
    columns: Sequence[Column], rows: Sequence[Sequence[Text]], widths: list[int]
) -> Text:
    """The table as one Text, each column `widths[i]` wide: for cells of one line each,
    in columns at least as wide as their cells (see natural_widths)."""
    last = len(columns) - 1
    out = Text()
    for i, column in enumerate(columns):
        out.append(column.header, style="bold")
        if i < last:
            out.append(" " * (widths[i] - len(column.header) + GUTTER))
    out.append("\n" + "─" * (sum(widths) + GUTTER * last))
    for row in rows:
        out.append("\n")
        # Padding only up to the last cell with text in it: no line ends in spaces.
        end = max((i for i, text in enumerate(row) if text.plain), default=0)
        for i, text in enumerate(row[: end + 1]):
            out.append_text(text)
            if i < end:
                out.append(" " * (widths[i] - text.cell_len + GUTTER))
    return out


def print_trimmed(console: Console, renderable: Any) -> None:
    """Print as Rich lays it out, less the spaces Rich pads each line with to its
    table's width: a line that ends in spaces is noise to copy, diff or grep."""
    from rich.segment import Segment, Segments

    out: list[Segment] = []
    for line in console.render_lines(renderable, pad=False, new_lines=False):
        while line and not line[-1].control and not line[-1].text.rstrip():
            line.pop()
        if line and not line[-1].control:
            last = line[-1]
            line[-1] = Segment(last.text.rstrip(), last.style)
        out += [*line, Segment.line()]
    console.print(Segments(out), end="")


def rich_table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[Text]],
    widths: list[int] | None = None,
    *,
    gutter: int = GUTTER,
) -> Table:
    """The same table as Rich lays it out, folding or wrapping cells to the terminal (to
    `widths`, when given), headers whole."""
    from rich import box
    from rich.table import Table

    # A gutter is the box's column separator and each side's padding: 1 + 1 + 1, or with
    # no left padding 1 + 0 + 1.
    padding = (0, 1) if gutter == GUTTER else (0, 1, 0, 0)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=padding)
    for i, column in enumerate(columns):
        table.add_column(
            column.header,
            overflow=column.overflow,
            no_wrap=column.no_wrap,
            # A header is not split or cut ("Netwo|rk") where there is room for it.
            min_width=max(column.min_width or 0, len(column.header)),
            width=None if widths is None else widths[i],
        )
    for row in rows:
        table.add_row(*row)
    return table


def cut_label(title: str, width: int) -> str:
    """A row's label in `width` characters: cut with an ellipsis in the show's name, so
    that the season ("S2", "S6E10") stays; where that does not fit, the episode ("E10")
    does."""
    title = printable(title)
    if len(title) <= width:
        return title.ljust(width)
    # The season first: "The Ma…: A Very Long Subtitle S2" would keep the wrong end.
    tails = []
    if m := re.search(r" S\d+(E\d+(?:–E\d+)?)?$", title):
        tails = [m[0], f" {m[1]}"] if m[1] else [m[0]]
    elif m := re.search(r": .*$", title):
        tails = [m[0]]
    tail = next((t for t in tails if len(t) < width - 3), "")
    # An escape printable wrote ("\u202e") is dropped whole rather than cut in two.
    head = CUT_ESCAPE.sub("", title[: width - len(tail) - 1])
    return (head.rstrip() + "…" + tail).ljust(width)


CUT_ESCAPE = re.compile(r"\\(?:x[0-9a-f]?|u[0-9a-f]{0,3})?$")


def legend_lines(entries: Sequence[str | Text], width: int) -> list[Text]:
    """A legend's entries ("█ window"), two spaces apart, in as many lines as `width`
    needs: a line breaks between entries, never inside one."""
    lines: list[list[Text]] = []
    used = 0
    for entry in entries:
        text = Text(entry) if isinstance(entry, str) else entry
        if lines and used + 2 + text.cell_len <= width:
            lines[-1].append(text)
            used += 2 + text.cell_len
        else:
            lines.append([text])
            used = text.cell_len
    return [Text("  ").join(line) for line in lines]


def print_legend(console: Console, entries: Sequence[str | Text], style: str = "") -> None:
    """A legend under a view, in `style`, in lines that break between its entries and
    are cut, never wrapped, at the terminal's edge."""
    for line in legend_lines(entries, console.width):
        line.stylize(style)
        console.print(line, no_wrap=True, overflow="crop")
