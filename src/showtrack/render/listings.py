"""The listing views: the tables of upcoming, episodes, history, list, search, sync and
window, and `info`'s page of a show; each escapes database text through `cell()`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from rich.console import Console
from rich.text import Text

from showtrack.models import (
    EpisodeMove,
    EpisodeView,
    HistoryEntry,
    ReleaseView,
    Show,
)
from showtrack.render.tables import (
    STATUS_STYLES,
    Column,
    _more_line,
    cell,
    cut_label,
    print_table,
    print_trimmed,
)
from showtrack.text import printable
from showtrack.windows.window import (
    compact_dates,
    plural,
    window_dates,
)

# rich.panel and rich.box are imported where they are drawn: a listing's table is composed
# here (see print_table) and never needs them (bench/RESULTS.md has what they cost).

UPCOMING_COLUMNS = (
    Column("When", no_wrap=True, whole=True),
    Column("Release", overflow="fold", min_width=7),
    Column("Countdown", min_width=7),
    Column("Status", no_wrap=True, whole=True),
    Column("Where", overflow="fold", min_width=6, optional=True),
)
STAGE_COLUMN = Column("Stage", no_wrap=True, whole=True, optional=True)


def upcoming_table(
    console: Console, views: Sequence[ReleaseView | EpisodeView], limit: int
) -> None:
    """The `upcoming` table: one row a release (or, with --episodes, an episode),
    soonest first."""
    shown = views if limit == 0 else views[:limit]
    wide = console.width >= 100
    rows = []
    for v in shown:
        style = STATUS_STYLES.get(v.status, "")
        if isinstance(v, EpisodeView):
            row = [
                Text(episode_when(v)),
                cell(v.title, "bold"),
                Text(v.countdown, style=style),
                Text(v.status, style=style),
                cell(v.platform),
            ]
            if wide:
                row.append(Text(""))
            rows.append(row)
            continue
        eff = v.effective_earliest.isoformat() if v.effective_earliest else None
        status = Text(v.status, style=style)
        if v.conflict:
            status.append(" ⚠ conflict", style="bold yellow")
        # A conflict shows the window as reported; the countdown says what pushes it.
        start = v.release.window.earliest if v.conflict else eff
        # A season on air is listed for its next episode: its day is the one to show.
        if v.next_episode is not None:
            when = episode_when(v.next_episode)
        elif v.local_air is not None and v.release.released_on is None and not v.conflict:
            when = f"{v.local_air:%Y-%m-%d %H:%M}"  # its day and time where the user is
        else:
            when = compact_dates(start, v.release.window.latest)
        row = [
            Text(when),
            cell(v.title, "bold"),
            Text(v.countdown, style=style),
            status,
            cell(v.platform),
        ]
        if wide:
            row.append(cell(v.release.stage, "dim"))
        rows.append(row)
    print_table(console, (*UPCOMING_COLUMNS, STAGE_COLUMN) if wide else UPCOMING_COLUMNS, rows)
    _more_line(console, len(shown), len(views))
    overdue = next((v for v in shown if isinstance(v, ReleaseView) and v.status == "overdue"), None)
    if overdue is not None:
        print_trimmed(console, Text(overdue_hint(overdue), style="yellow"))


def overdue_hint(view: ReleaseView) -> str:
    """What to do about a release past its window: say it is out, or give a new window."""
    r = view.release
    name = r.season if r.season is not None else r.slug
    which = f'"{printable(view.show.title)}" {name}'
    return (
        f"overdue: its window has passed. If it is out: showtrack released {which}; "
        f"if not: showtrack expect {which} WINDOW"
    )


def episode_when(view: EpisodeView) -> str:
    """An episode's air day and time in the user's zone: '2020-01-14 20:00', a day alone
    when its time is not known, 'TBA'."""
    if view.local_air is not None:
        return f"{view.local_air:%Y-%m-%d %H:%M}"
    return view.air_day.isoformat() if view.air_day else "TBA"


EPISODE_COLUMNS = (
    Column("#", no_wrap=True, whole=True),
    Column("Title", overflow="fold", min_width=8),
    # A day and time is never cut; a countdown wraps between its words.
    Column("Airs", no_wrap=True, whole=True),
    Column("Countdown", overflow="fold"),
)


def episodes_table(console: Console, title: str, views: Sequence[EpisodeView]) -> None:
    """A season's episodes: number, title, air day and time in the user's zone, and how
    long until each (dim once aired)."""
    console.print(cell(title, "bold"))
    zone = next((v.local_air.tzinfo for v in views if v.local_air), None)
    rows = []
    for v in views:
        style = STATUS_STYLES.get(v.status, "")
        number = v.episode.number
        # "sp" (a special) as TV listings write it: a narrow column leaves room for titles.
        label = str(number) if number is not None else "sp"
        if v.episode.type == "special" and number is not None:
            label += " sp"
        rows.append(
            [
                Text(label, style=style),
                cell(v.episode.title or "", style),
                Text(episode_when(v), style=style),
                # Its day is in the column before: "aired" says the rest.
                Text("aired" if v.status == "aired" else v.countdown, style=style),
            ]
        )
    print_table(console, EPISODE_COLUMNS, rows)
    notes = []
    if any(v.episode.type == "special" for v in views):
        notes.append("sp: a special")
    if zone is not None:
        notes.append(f"times in your time zone, {getattr(zone, 'key', None) or zone}")
    if notes:
        print_trimmed(console, Text("; ".join(notes), style="dim"))


HISTORY_COLUMNS = (
    Column("As of", no_wrap=True, whole=True),
    Column("Window", overflow="fold"),
    Column("Dates", no_wrap=True, whole=True),
    Column("Stage", no_wrap=True, whole=True),
    Column("Source", overflow="fold"),
)


def history_table(
    console: Console, release_title: str, entries: Sequence[HistoryEntry], slips: int
) -> None:
    """How a release's window moved, one row a change, under the release's name."""
    console.print(cell(release_title, "bold"))
    rows = [
        [
            Text(e.as_of or e.recorded_at[:10]),
            cell(e.window.phrase),
            Text(compact_dates(e.window.earliest, e.window.latest)),
            cell(e.stage),
            cell(e.source),
        ]
        for e in entries
    ]
    print_table(console, HISTORY_COLUMNS, rows)
    if slips:
        console.print(Text(f"slipped {plural(slips, 'time')}", style="yellow"))


EPISODE_HISTORY_COLUMNS = (
    Column("As of", no_wrap=True, whole=True),
    Column("Airs", no_wrap=True, whole=True),
    Column("Source", overflow="fold"),
)


def episode_history_table(
    console: Console, title: str, moves: Sequence[EpisodeMove], zone: Any
) -> None:
    """How an episode's air day moved, one row a report, times in the user's zone."""
    console.print(cell(title, "bold"))
    rows = []
    for move in moves:
        if move.air_time:
            airs = f"{datetime.fromisoformat(move.air_time).astimezone(zone):%Y-%m-%d %H:%M %Z}"
        else:
            airs = move.air_date or "TBA"
        rows.append(
            [Text(move.as_of or move.recorded_at[:10]), Text(airs), cell(move.source or "by hand")]
        )
    print_table(console, EPISODE_HISTORY_COLUMNS, rows)
    if len(moves) > 1:
        console.print(Text(f"moved {plural(len(moves) - 1, 'time')}", style="yellow"))


SHOWS_COLUMNS = (
    Column("Show", overflow="fold", min_width=8),
    Column("Id", whole=True),
    Column("Network", overflow="fold", optional=True),
    Column("Status", whole=True, optional=True),
    Column("Tags", overflow="fold", optional=True),
    Column("Releases", no_wrap=True, whole=True),
)


def shows_table(console: Console, rows: Sequence[tuple[Show, int]], limit: int) -> None:
    """`list`: every tracked show."""
    shown = rows if limit == 0 else rows[:limit]
    cells = [
        [
            cell(show.title, "bold"),
            cell(show.id, "dim"),
            cell(show.network),
            cell(show.status),
            cell(", ".join(show.tags)),
            Text(str(count)),
        ]
        for show, count in shown
    ]
    print_table(console, SHOWS_COLUMNS, cells)
    _more_line(console, len(shown), len(rows))


def show_info(
    console: Console,
    show: Show,
    views: Sequence[ReleaseView],
    local: Callable[[datetime], datetime] = lambda dt: dt,
) -> None:
    """`info`: a show, its releases, their windows, air times (in the user's zone via
    `local`), where and for which region, constraints, reminders and sources."""
    from rich.panel import Panel
    from rich.table import Table

    head = Text()
    head.append(printable(show.title), style="bold")
    head.append(f"  ({show.id})", style="dim")
    print_trimmed(console, head)
    # The show's fields: a value that wraps stays under itself, and no line ends in
    # spaces.
    fields = Table.grid(padding=(0, 1, 0, 0))
    fields.add_column(no_wrap=True)
    fields.add_column(overflow="fold")
    for label, value in (
        ("network", show.network),
        ("status", show.status),
        ("tags", ", ".join(show.tags)),
        ("aliases", ", ".join(show.aliases)),
        ("notes", show.notes),
        ("tvmaze", show.tvmaze and f"data from TVmaze: {show.tvmaze.url or show.tvmaze.id}"),
    ):
        if value:
            fields.add_row(f"  {label:8}", cell(value))
    if fields.row_count:
        print_trimmed(console, fields)
    for v in views:
        title = Text(cut_label(v.title, max(console.width - 6, 10)).rstrip())
        panel = Panel(_release_page(v, local), title=title, title_align="left", expand=False)
        console.print(panel)


def _release_page(v: ReleaseView, local: Callable[[datetime], datetime]) -> Text:
    """What `info` says of one release, a line a fact: countdown, window, air time in
    the user's zone, next episode, stage, where, region, reminder, what it waits on,
    each source once, notes."""
    r = v.release
    body = Text()
    body.append(f"{v.countdown}\n", style=STATUS_STYLES.get(v.status, ""))
    body.append("window  ")
    body.append(printable(r.window.phrase or "TBA"), style="italic")
    body.append(f"  ({window_dates(r.window.earliest, r.window.latest)})\n")
    if r.air_time:
        body.append(f"airs    {local(datetime.fromisoformat(r.air_time)):%a %Y-%m-%d %H:%M %Z}\n")
    if v.next_episode is not None:
        body.append(f"next    {printable(v.next_episode.label)}  {episode_when(v.next_episode)}\n")
    body.append(f"stage   {printable(r.stage or '-')}")
    for label, value in (
        ("on", v.platform),
        ("region", r.region),
        ("remind", r.remind and f"{r.remind} before (check)"),
    ):
        if value:
            body.append(f"\n{label:7} {printable(value)}")
    for link in r.after:
        lag = f" + {link.lag}" if link.lag else ""
        body.append(f"\nafter   {printable(link.release)}{lag}")
    if v.effective_earliest and r.after:
        body.append(f" (not before {v.effective_earliest})")
    # One line a source: the same name and address reported again is one source.
    sources = {(src.name, src.url): src for src in v.sources}
    for src in sources.values():
        body.append(f"\nsource  {printable(src.name)}")
        if src.as_of:
            body.append(f" ({src.as_of})", style="dim")
        if src.url:
            body.append(f"  {printable(src.url)}", style="dim")
    if r.notes:
        body.append(f"\nnotes   {printable(r.notes)}")
    return body


SEARCH_COLUMNS = (
    Column("TVmaze", no_wrap=True, whole=True),
    Column("Name", overflow="fold"),
    Column("Premiered", no_wrap=True, whole=True),
    Column("Network", overflow="fold"),
    Column("Status", no_wrap=True, whole=True),
)


def search_table(console: Console, rows: Sequence[dict[str, Any]]) -> None:
    """`search`: TVmaze's candidates for a title."""
    cells = [
        [
            Text(str(row["tvmaze_id"])),
            cell(row["name"], "bold"),
            cell(row["premiered"]),
            cell(
                " ".join(filter(None, [row["network"], row["country"] and f"({row['country']})"]))
            ),
            cell(row["status"]),
        ]
        for row in rows
    ]
    print_table(console, SEARCH_COLUMNS, cells)
    print_trimmed(console, Text("data from TVmaze (tvmaze.com), CC BY-SA", style="dim"))


SYNC_COLUMNS = (Column("Show", overflow="fold"), Column("Change", overflow="fold"))


def sync_table(console: Console, rows: Sequence[dict[str, Any]]) -> None:
    """`sync`: what was recorded, one line a change."""
    cells = [[cell(row["show"], "bold"), cell(row["change"])] for row in rows]
    if cells:
        print_table(console, SYNC_COLUMNS, cells)


def window_explanation(console: Console, fields: dict[str, Any]) -> None:
    """`window`: how a phrase was read."""
    from rich.table import Table

    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="dim")
    table.add_column()
    for key, value in fields.items():
        table.add_row(key, cell("" if value is None else str(value)))
    print_trimmed(console, table)
