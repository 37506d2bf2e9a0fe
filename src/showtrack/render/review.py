"""The `read` review: the table of what an article proposes, and one proposal's card with
its phrase highlighted in its sentence."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from rich.console import Console
from rich.text import Text

from showtrack.render.tables import Column, cell, print_table, print_trimmed
from showtrack.text import printable
from showtrack.windows.window import compact_dates, window_dates

PROPOSAL_COLUMNS = (
    Column("Release", overflow="fold", min_width=9),
    Column("Says", overflow="fold"),
    # A window ("2018-03-01–05-31", "waits on the-defenders/s1") is never cut: the phrase
    # beside it folds first.
    Column("Window", no_wrap=True, whole=True),
    Column("Status", min_width=9),
)


def _window_cell(
    row: dict[str, Any], dates: Callable[[str | None, str | None], str] = window_dates
) -> str:
    window = row["window"]
    if window is None or (window["earliest"] is None and window["latest"] is None):
        return ""  # a wait has no window of its own: the row says what it waits on
    return dates(window["earliest"], window["latest"])


def _release_cell(row: dict[str, Any]) -> Text:
    text = cell(row["show"], "bold")
    text.append(printable(f" {row['release'].rpartition('/')[2].upper()}"), style="bold")
    return text


def _status_cell(row: dict[str, Any]) -> Text:
    """What was done, the kind when it is not a release, and a low confidence flagged."""
    words = [row["status"]]
    if row["kind"] != "release":
        words.insert(0, row["kind"])
    text = cell(", ".join(words))
    if row["confidence"] != "high":
        text.append(" (carried over)", style="yellow")
    return text


def proposals_table(
    console: Console, source: dict[str, Any], rows: Sequence[dict[str, Any]]
) -> None:
    """`read`: what the article proposes, and what was done with each proposal."""
    said = f"{source['name']}, as of {source['as_of']} (from {source['as_of_from']})"
    print_trimmed(console, Text(printable(said), style="dim"))
    if not rows:
        console.print(Text("no release windows found in it", style="dim"))
        return
    cells = [
        [
            _release_cell(row),
            cell(row["phrase"]),
            cell(_window_cell(row, compact_dates) or f"waits on {row['after']}"),
            _status_cell(row),
        ]
        for row in rows
    ]
    print_table(console, PROPOSAL_COLUMNS, cells)


def _span_of(sentence: str, phrase: str) -> tuple[int, int]:
    """Where the phrase is in its sentence, found by its words, so that a phrase that
    left out a full stop inside a quote ("The Defenders.") is found whole."""
    words = re.findall(r"\w+", phrase)
    if not words:
        return 0, 0
    found = re.search(r"\W+".join(map(re.escape, words)) + r"[.,!?]*[\"”’']?", sentence)
    return found.span() if found else (0, 0)


def highlighted_sentence(sentence: str, phrase: str) -> Text:
    """The sentence, dimmed, with the phrase in it standing out."""
    start, end = _span_of(sentence, phrase)
    text = Text(style="dim")
    text.append(printable(sentence[:start]))
    text.append(printable(sentence[start:end]), style="bold reverse")
    text.append(printable(sentence[end:]))
    return text


def proposal_card(console: Console, row: dict[str, Any], index: int, total: int) -> None:
    """`read` at a terminal: one proposal with its sentence, the phrase highlighted."""
    head = Text(f"{index}/{total}  ", style="dim")
    head.append(printable(row["show"]), style="bold")
    head.append(printable(f"  {row['release']}  {row['kind']}"))
    if _window_cell(row):
        head.append(printable(f"  {_window_cell(row)}"))
    if row["after"]:
        head.append(printable(f"  waits on {row['after']}"))
    if row["show_id"] is None:
        head.append("  (not tracked: accepting adds it)", style="yellow")
    if row["confidence"] != "high":
        head.append("  (show or season carried over from earlier)", style="yellow")
    console.print()
    console.print(head)
    console.print(highlighted_sentence(row["sentence"], row["phrase"]))


# --------------------------------------------------------------------------- timeline
