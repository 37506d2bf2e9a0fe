"""Rich views for people at a terminal, a module a view family: `tables.py` (the house
table style and its layout for narrow terminals), `listings.py` (the tables of the
listing commands and `info`), `countdown.py` (panels and the live countdown),
`charts.py` (timeline and calendar, imported by their commands), `review.py` (what
`read` proposes), `news.py` (the inbox and feeds), `progress.py` (long imports).

A command's writer is handed this package (`emit(table=lambda r, console: ...)`), so
it re-exports the views; it holds no code. Every piece of text that came from the
database goes through `cell()`: a rich Text, never parsed as markup or emoji codes,
with control characters escaped.
"""

from __future__ import annotations

from rich.console import Console as Console  # the type other modules name

from showtrack.render.countdown import countdown_panels, live_countdown
from showtrack.render.listings import (
    episode_history_table,
    episodes_table,
    history_table,
    search_table,
    show_info,
    shows_table,
    sync_table,
    upcoming_table,
    window_explanation,
)
from showtrack.render.progress import import_progress
from showtrack.render.review import highlighted_sentence, proposal_card, proposals_table
from showtrack.render.tables import cell, make_console, print_table

__all__ = [
    "Console",
    "cell",
    "countdown_panels",
    "episode_history_table",
    "episodes_table",
    "highlighted_sentence",
    "history_table",
    "import_progress",
    "live_countdown",
    "make_console",
    "print_table",
    "proposal_card",
    "proposals_table",
    "search_table",
    "show_info",
    "shows_table",
    "sync_table",
    "upcoming_table",
    "window_explanation",
]
