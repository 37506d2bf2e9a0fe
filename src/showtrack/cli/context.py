"""What a command runs with: its settings (the database, the day, colour), the store
opened for it, `emit()`, the one way a result is written (a table for a person, or a
machine format from output.WRITERS; `emit_listing()` for a listing), and how a failure
is said."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

import typer

from showtrack import clock
from showtrack.errors import ExitCode, UsageError
from showtrack.output import WRITERS

if TYPE_CHECKING:
    from showtrack.output import Row
    from showtrack.render import Console
    from showtrack.store import Listing, Store
    from showtrack.windows.durations import Duration

OUTPUT_FORMATS = ("table", *WRITERS)


class Settings(NamedTuple):
    """The global options, and what a command asks of them."""

    db: Path | None
    today_text: str | None
    no_color: bool

    @property
    def db_path(self) -> Path:
        """The database file to use; a leading ~ is the home folder even where no shell
        expanded it (cron's environment, a quoted SHOWTRACK_DB)."""
        from showtrack.store import default_path

        return self.db.expanduser() if self.db is not None else default_path()

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

    def read_store(self, *, about_to_write: bool = False) -> Store:
        """The database, read once, for a command that changes nothing (or that reads
        before it writes, and so starts a missing database rather than warns of it)."""
        from showtrack import store

        if not about_to_write:
            self.say_if_missing()
        return store.load(self.db_path)

    def read_listing(self) -> Listing:
        """The database read the fast way, for a listing."""
        from showtrack import store

        self.say_if_missing()
        return store.read_listing(self.db_path)

    def say_if_missing(self) -> bool:
        """A read of a database that does not exist lists nothing; say where it looked,
        so that a mistyped --db or SHOWTRACK_DB is seen (on stderr: scripts read stdout,
        cron mails stderr). Returns whether it was missing."""
        if os.path.lexists(self.db_path):
            return False
        sys.stderr.write(
            f"showtrack: there is no database at {self.db_path} yet; "
            "`showtrack add TITLE` starts one\n"
        )
        return True

    @contextmanager
    def write_store(self) -> Iterator[Store]:
        """The database, locked and read, saved once if the command succeeds."""
        from showtrack import store

        # The default location is made on first use; a path the user gave must exist.
        with store.open_for_writing(self.db_path, make_folder=self.db is None) as opened:
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
    to_dict: Callable[[Any], Row],
    limit: int | None = None,
    columns: Sequence[str] | None = None,
    single: bool = False,
    blank: Any = None,
) -> None:
    """Write a command's result: `table(render, console)` draws it for a person with the
    Rich views of `showtrack.render` (loaded only then); a machine format
    writes `to_dict` of each row (`limit` of them, if given) with its WRITERS entry, or
    one object when the result is `single`. CSV and TSV write their header even with no
    rows: `columns`, else the columns of `blank`, a row of the kind listed."""
    if fmt == "table":
        from showtrack import render

        table(render, settings.console())
        return
    from showtrack.models import Mapped
    from showtrack.output import write_object, write_rows

    if single:
        write_object(to_dict(rows[0]), sys.stdout)
        return
    chosen = rows if not limit else rows[:limit]
    if not chosen and columns is None and blank is not None:
        # Nothing to list: a header all the same, so that `while read` loops and
        # spreadsheets see the columns (`blank` is a row of the kind listed).
        from showtrack.output import flatten

        columns = list(flatten(to_dict(blank)))
    write_rows(Mapped(chosen, to_dict), fmt, sys.stdout, columns)


def emit_listing(
    settings: Settings, fmt: str, rows: Sequence[Any], *, nothing: str, **options: Any
) -> None:
    """`emit` for a listing, which scripts test by its exit status (as grep and
    taskwarrior do): when nothing is listed, a person reads `nothing` on stderr (made
    safe for the terminal: it may name a show), a machine format still writes its
    header (or `[]`), and the command exits 1."""
    if not rows and fmt == "table":
        from showtrack.text import printable

        typer.echo(printable(nothing), err=True)
        raise typer.Exit(ExitCode.NOTHING)
    emit(settings, fmt, rows, **options)
    if not rows:
        raise typer.Exit(ExitCode.NOTHING)


def duration(text: str | None) -> Duration | None:
    """A duration option (`--within 2w`), read only when it was given."""
    if not text:
        return None
    from showtrack.windows.durations import parse_duration

    return parse_duration(text)


def write_out(data: str | bytes, path: Path | None) -> None:
    """An export: to standard output, or atomically to a file (saying where on stderr)."""
    if path is None:
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    from showtrack.store.files import atomic_write

    try:
        atomic_write(path.resolve(), data)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror}") from None
    sys.stderr.write(f"exported to {path}\n")


def fail(message: str, hint: str | None, code: int) -> NoReturn:
    from showtrack.text import printable

    sys.stderr.write(f"showtrack: {printable(message)}\n")
    if hint:
        sys.stderr.write(f"  {printable(hint)}\n")
    sys.exit(code)


#: The global options (spec/cli.md), with whether each takes a value.
GLOBAL_OPTIONS = {"--db": True, "--today": True, "--no-color": False, "--version": False}


def command_word(argv: Sequence[str]) -> str | None:
    """The command a command line names, skipping the global options before it."""
    args = iter(argv)
    for arg in args:
        if GLOBAL_OPTIONS.get(arg):
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


@contextmanager
def only_the_command_asked_for(app: Any, argv: Sequence[str]) -> Iterator[None]:
    """Let Typer build just the command being run. Typer turns every registered command
    into a Click command on each start, reading every signature, which costs more than
    reading 1,000 releases; `--help`, completion and unknown words still see them all."""
    word = command_word(argv)
    commands, groups = app.registered_commands, app.registered_groups
    keep = [c for c in commands if (c.name or c.callback.__name__ if c.callback else "") == word]
    completing = any(key.startswith("_SHOWTRACK_COMPLETE") for key in os.environ)
    if completing or not (keep or any(g.name == word for g in groups)):
        yield
        return
    app.registered_commands = keep
    app.registered_groups = [g for g in groups if g.name == word]
    try:
        yield
    finally:
        app.registered_commands, app.registered_groups = commands, groups


@contextmanager
def import_progress(
    threshold: int = 1000, label: str = "importing"
) -> Iterator[Callable[[int, int], None] | None]:
    """A Rich progress bar on stderr for a large import (of `threshold` records or
    more) at a terminal; nothing otherwise (a script or cron reading stderr wants no
    bar)."""
    if not sys.stderr.isatty():
        yield None
        return
    from showtrack.render import import_progress

    with import_progress(threshold, label) as update:
        yield update
