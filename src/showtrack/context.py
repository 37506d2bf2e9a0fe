"""What a command runs with, apart from Typer: its settings (the database, the day, colour),
the store opened for it, and `emit()`, the one way a result is written (a table for a
person, or a machine format from output.WRITERS)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

from showtrack import clock
from showtrack.output import WRITERS

if TYPE_CHECKING:
    from showtrack.render import Console
    from showtrack.store import Listing, Store

OUTPUT_FORMATS = ("table", *WRITERS)


class Settings(NamedTuple):
    """The global options, and what a command asks of them."""

    db: Path | None
    today_text: str | None
    no_color: bool

    @property
    def db_path(self) -> Path:
        """The database file to use."""
        from showtrack.store import default_path

        return self.db if self.db is not None else default_path()

    def today(self) -> date:
        """The day the command runs as (--today, SHOWTRACK_TODAY, else the real one)."""
        return clock.today(self.today_text)

    def now(self) -> datetime:
        """The current instant, on that day."""
        return clock.now(self.today_text)

    def clock(self) -> Callable[[], datetime]:
        """`now`, asked for only when needed and then once (see listings.Clock)."""
        import functools

        return functools.cache(self.now)

    def read_store(self) -> Store:
        """The database, read once, for a command that changes nothing."""
        from showtrack import store

        return store.load(self.db_path)

    def read_listing(self) -> Listing:
        """The database read the fast way, for a listing."""
        from showtrack import store

        return store.read_listing(self.db_path)

    @contextmanager
    def write_store(self) -> Iterator[Store]:
        """The database, locked and read, saved once if the command succeeds."""
        from showtrack import store

        with store.open_for_writing(self.db_path) as opened:
            yield opened

    def console(self) -> Console:
        """A Rich console that shows database text as text."""
        from showtrack.render import make_console

        return make_console(self.no_color)


def output_format(output: str | None, allowed: Sequence[str] = OUTPUT_FORMATS) -> str:
    """The format `-o` names, checked; without `-o`, a table for a person at a terminal and
    TSV for a pipe."""
    if output is None:
        return "table" if sys.stdout.isatty() else "tsv"
    from showtrack.models import check_choice

    return check_choice(output, allowed, "output format") or output


def emit(
    settings: Settings,
    fmt: str,
    rows: Sequence[Any],
    *,
    table: Callable[[ModuleType, Console], None],
    to_dict: Callable[[Any], dict[str, Any]],
    limit: int | None = None,
    columns: Sequence[str] | None = None,
    single: bool = False,
) -> None:
    """Write a command's result: `table(render, console)` draws it for a person with the
    Rich views of `showtrack.render` (loaded only then); a machine format
    writes `to_dict` of each row (`limit` of them, if given) with its WRITERS entry, or
    one object when the result is `single`."""
    if fmt == "table":
        from showtrack import render

        table(render, settings.console())
        return
    from showtrack.output import write_object, write_rows

    if single:
        write_object(to_dict(rows[0]), sys.stdout)
        return
    chosen = rows if not limit else rows[:limit]
    write_rows([to_dict(row) for row in chosen], fmt, sys.stdout, columns)
