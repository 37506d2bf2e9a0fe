"""Moving data in and out: `export`, `import`, and `db path|check|restore`."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from showtrack.cli.context import import_progress, output_format, write_out
from showtrack.cli.options import app, argument, db_app, option, settings_of
from showtrack.errors import UsageError

if TYPE_CHECKING:
    from showtrack.cli.context import Settings

# --------------------------------------------------------------------------- moving data


EXPORT_FORMATS_HELP = "json (everything, for import), csv (one row a release) or ics (a calendar)"


@app.command(name="export")
def export_data(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        option("-o --output", "write to FILE (default: standard output)", metavar="FILE"),
    ] = None,
    fmt: Annotated[str, option("--format", EXPORT_FORMATS_HELP)] = "json",
    premieres_only: Annotated[
        bool, option("--premieres-only", "ics: seasons only, no specials or films")
    ] = False,
    tag: Annotated[list[str], option("--tag", "ics: only shows with this tag (repeat)")] = [],  # noqa: B006
    network: Annotated[list[str], option("--network", "ics: only this network (repeat)")] = [],  # noqa: B006
    exact_only: Annotated[
        bool, option("--exact-only", "ics: only releases with an exact day or time")
    ] = False,
    episodes: Annotated[bool, option("--episodes", "ics: each dated episode an event too")] = False,
    windows: Annotated[
        str,
        option(
            "--windows",
            "ics: a window as a marker on its first day (as-start), its whole span "
            "(as-span), or left out (none)",
        ),
    ] = "as-start",
) -> None:
    """Everything, for backup, another machine, or a calendar app.

    `--format json` round-trips through `import`; `csv` is one row a release;
    `ics` is an iCalendar file: exact days as all-day events, exact times as
    events in UTC, a window as a one-day marker on its first day ("Luke Cage S2
    window opens (spring 2018, until 2018-05-31)"; --windows as-span for the
    whole span, none to leave windows out). Open-ended ("not before 2018") and
    TBA windows have no place on a calendar and are left out. Each release
    keeps its UID, so a calendar re-reading a newer export updates events
    instead of doubling them.

    Example:  showtrack export --format ics -o shows.ics
    """
    from showtrack.tracker import transfer

    settings = settings_of(ctx)
    if fmt not in ("json", "csv", "ics"):
        raise UsageError(f"export format {fmt!r} is not one of: json, csv, ics")
    if fmt != "ics" and (
        premieres_only or tag or network or exact_only or episodes or windows != "as-start"
    ):
        raise UsageError(
            "--premieres-only, --tag, --network, --exact-only, --episodes and --windows "
            "go with --format ics"
        )
    if premieres_only and episodes:
        raise UsageError("--premieres-only leaves episodes out; give one of it and --episodes")
    data: str | bytes
    if fmt == "json":
        data = transfer.export_json_bytes(settings.read_store())
    elif fmt == "ics":
        filt = (premieres_only, tag, network, exact_only)
        data = _calendar_file(settings, filt, episodes=episodes, windows=windows)
    else:
        import io

        from showtrack.output import write_csv

        buffer = io.StringIO()
        write_csv(transfer.export_rows(settings.read_store(), settings.today()), buffer)
        data = buffer.getvalue()
    write_out(data, output)


def _calendar_file(
    settings: "Settings",
    narrowed: "tuple[bool, list[str], list[str], bool]",
    *,
    episodes: bool,
    windows: str,
) -> bytes:
    """The iCalendar file of the releases (and with `episodes` the dated episodes) the
    filter keeps: premieres only, tags, networks, exact days only."""
    from showtrack.ics import WINDOW_MODES, to_ical
    from showtrack.models import check_choice
    from showtrack.tracker import calendars

    check_choice(windows, WINDOW_MODES, "--windows")
    filt = calendars.CalendarFilter(*narrowed)
    listing = settings.read_listing()
    entries = calendars.calendar_entries(listing, settings.today(), filt)
    shown = calendars.calendar_episodes(listing, settings.today(), filt) if episodes else []
    return to_ical(entries, settings.now(), shown, windows)


IMPORT_FILE_HELP = (
    "a showtrack export, or a JSON array of releases; - reads standard input; with --from, "
    "the other tracker's file, zip or folder (Sonarr: its address)"
)
FROM_HELP = "another tracker's export: tvtime, trakt, imdb, simkl or sonarr"
INCLUDE_HELP = "also shows the source marks archived, stopped, ended, dropped or unmonitored"


@app.command(name="import")
def import_data(
    ctx: typer.Context,
    file: Annotated[str, argument(IMPORT_FILE_HELP, metavar="FILE")],
    dry_run: Annotated[bool, option("--dry-run", "check and count, change nothing")] = False,
    tracker: Annotated[str | None, option("--from", FROM_HELP, metavar="TRACKER")] = None,
    link: Annotated[
        bool, option("--link/--no-link", "with --from: link each show to TVmaze (default)")
    ] = True,
    include: Annotated[list[str], option("--include", INCLUDE_HELP, metavar="STATE")] = [],  # noqa: B006
    api_key: Annotated[
        str | None, option("--api-key", "Sonarr's API key (or SONARR_API_KEY)", metavar="KEY")
    ] = None,
    output: Annotated[str | None, option("-o --output", "with --from: table or json")] = None,
) -> None:
    """Merge an export (JSON or CSV), or a JSON array of releases, into the database; or,
    with --from, the shows of another tracker's export.

    All or nothing: one bad record changes nothing and is named in the error.
    A CSV is read as `export --format csv` writes it (one row a release). With --from,
    each followed show is added (or merged with one tracked already) with its ids and a
    tag naming where it came from, and linked to TVmaze by those ids (--no-link: later).

    Example:  showtrack import --from tvtime ~/Downloads/tvtime-export.zip
    """
    if tracker is not None:
        _import_from(ctx, tracker, file, dry_run, link, include, api_key, output)
        return
    from showtrack import store
    from showtrack.tracker import transfer

    settings = settings_of(ctx)
    try:
        text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        text = ""  # a zip or another binary file: said below, with what it looks like
    except OSError as exc:
        raise UsageError(f"cannot read {file}: {exc.strerror or exc}") from None
    if file != "-":
        _refuse_other_trackers(file, text)
    payload = transfer.read_payload(text, file)
    today = settings.today()
    with import_progress() as progress:
        if dry_run:
            counts = transfer.import_records(store.load(settings.db_path), payload, today, progress)
        else:
            with settings.write_store() as st:
                counts = transfer.import_records(st, payload, today, progress)
    prefix = "would import" if dry_run else "imported"
    typer.echo(
        f"{prefix}: {counts.shows_added} new shows, {counts.releases_added} new releases, "
        f"{counts.releases_updated} updated releases",
        err=True,
    )


def _refuse_other_trackers(file: str, text: str) -> None:
    """A file of another tracker, or none showtrack reads, given without --from: said
    what it looks like (exit 2), never "record 1 names no show"."""
    from showtrack.sources.trackers import NAMES, detect_file

    found = detect_file(file)
    if found is not None:
        raise UsageError(
            f"{file} is a {NAMES[found]} export, not showtrack's",
            f"import it with: showtrack import --from {found} {file}",
        )
    if not text.strip() or (text.lstrip()[:1] not in "{[" and "," not in text.split("\n", 1)[0]):
        raise UsageError(
            f"{file} is not a showtrack export (JSON or CSV)",
            "showtrack reads its own exports, and with --from those of tvtime, trakt, "
            "imdb, simkl and sonarr",
        )


def _import_from(
    ctx: typer.Context,
    tracker: str,
    source: str,
    dry_run: bool,
    link: bool,
    include: list[str],
    api_key: str | None,
    output: str | None,
) -> None:
    """`import --from`: read the export, look the shows up on TVmaze (before the lock),
    then add them in one write (spec/import-trackers.md)."""
    import os

    from showtrack.models import LEFT_OUT_STATES, TvmazeLink
    from showtrack.sources import trackers
    from showtrack.tracker import arrivals

    settings = settings_of(ctx)
    if tracker not in trackers.TRACKERS:
        raise UsageError(
            f"--from {tracker!r} is not a tracker showtrack reads",
            f"one of: {', '.join(trackers.TRACKERS)}",
        )
    wanted = [w.strip().lower() for item in include for w in item.split(",") if w.strip()]
    unknown = [w for w in wanted if w not in LEFT_OUT_STATES]
    if unknown:
        raise UsageError(
            f"--include {unknown[0]!r} is not a state", f"one of: {', '.join(LEFT_OUT_STATES)}"
        )
    fmt = output_format(output or "table", ("table", "json"))
    key = api_key or os.environ.get("SONARR_API_KEY")
    shows = trackers.read_export(tracker, source, key)
    kept = [s for s in shows if s.kind == "show" and (s.state == "followed" or s.state in wanted)]
    links: dict[int, tuple[TvmazeLink | None, str | None]] = {}
    if link and kept:
        from showtrack.sources import tvmaze

        with import_progress(threshold=10, label="linking to TVmaze") as progress:
            found = tvmaze.link_imported(kept, progress)
        links = {id(show): pair for show, pair in zip(kept, found, strict=True)}
    pairs = [links.get(id(show), (None, None)) for show in shows]
    if dry_run:
        done = arrivals.arrive(settings.read_store(), shows, pairs, tracker, wanted)
    else:
        with settings.write_store() as st:
            done = arrivals.arrive(st, shows, pairs, tracker, wanted)
    rows = [a.to_dict() for a in done]
    if fmt == "json":
        from showtrack.output import write_object

        write_object({"tracker": tracker, "shows": rows}, sys.stdout)
    typer.echo(arrivals.summary(done, trackers.NAMES[tracker], dry_run, link), err=True)


# --------------------------------------------------------------------------- db


@db_app.command("path")
def db_path(ctx: typer.Context) -> None:
    """Print where the database is."""
    typer.echo(str(settings_of(ctx).db_path))


@db_app.command("check")
def db_check(ctx: typer.Context) -> None:
    """Verify the file and its references; exit 4 when something is wrong."""
    from showtrack import store
    from showtrack.errors import DatabaseError

    path = settings_of(ctx).db_path
    problems = store.problems_of(path)
    if problems:
        raise DatabaseError(
            f"{path}: {len(problems)} problem(s): " + "; ".join(problems[:5]), store.RESTORE_HINT
        )
    typer.echo(f"{path}: ok")


@db_app.command("restore")
def db_restore(ctx: typer.Context) -> None:
    """Put the last backup back; the current file is kept aside first."""
    from showtrack import store

    path = settings_of(ctx).db_path
    kept = store.restore(path)
    suffix = f" (the replaced file is kept as {kept})" if kept else ""
    typer.echo(f"restored {path} from its backup{suffix}")
