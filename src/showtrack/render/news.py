"""The views of the news: the inbox (what the feeds propose), the followed feeds, and the
lines a sync of the news adds. Every text from a feed or an article is shown as text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.text import Text

from showtrack.render.review import _release_cell, _window_cell
from showtrack.render.tables import Column, cell, print_table
from showtrack.text import printable
from showtrack.windows.window import compact_dates

INBOX_COLUMNS = (
    Column("Id", no_wrap=True, whole=True, min_width=3),
    Column("Release", overflow="fold", min_width=9),
    Column("Says", overflow="fold"),
    Column("Window", no_wrap=True, whole=True),
    Column("From", overflow="fold"),
)
FEED_COLUMNS = (
    Column("Name", overflow="fold"),
    Column("Address", overflow="fold"),
    Column("Auto", no_wrap=True, whole=True),
    Column("Checked", no_wrap=True, whole=True),
    Column("State", overflow="fold"),
)


def inbox_table(console: Console, rows: Sequence[dict[str, Any]]) -> None:
    """`inbox`: each proposal waiting, its id, what it says, its window and its article."""
    cells = []
    for row in rows:
        source = row["source"]
        origin = cell(f"{source['title'] or source['url'] or ''}, {source['as_of']}")
        if row["confidence"] != "high":
            origin.append(" (carried over)", style="yellow")
        cells.append(
            [
                cell(row["id"], "bold"),
                _release_cell(row),
                cell(row["phrase"]),
                cell(_window_cell(row, compact_dates) or f"waits on {row['after']}"),
                origin,
            ]
        )
    print_table(console, INBOX_COLUMNS, cells)


def inbox_card(console: Console, row: dict[str, Any], index: int, total: int) -> None:
    """`inbox review`: one proposal with its article, before the `read` card."""
    source = row["source"]
    console.print(
        Text(printable(f"{row['id']}  from {source['title'] or source['url']}"), style="dim")
    )


def feeds_table(console: Console, rows: Sequence[dict[str, Any]]) -> None:
    """`feed list`: each followed feed and how it fares."""
    cells = [
        [
            cell(row["name"], "bold"),
            cell(row["url"]),
            cell("yes" if row["auto"] else "no"),
            cell(row["checked"] or "never"),
            cell(row["state"], "red" if row["state"] != "ok" else ""),
        ]
        for row in rows
    ]
    print_table(console, FEED_COLUMNS, cells)


def plain_table(console: Console, keys: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> None:
    """A table of these keys of each row, headed by the keys capitalised (`notify
    list`, `config show`)."""
    columns = tuple(Column(key.capitalize(), overflow="fold") for key in keys)
    cells = [[cell("" if row[key] is None else str(row[key])) for key in keys] for row in rows]
    print_table(console, columns, cells)
