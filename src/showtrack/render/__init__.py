"""Rich views for people at a terminal: tables, countdown panels, a live countdown, the
timeline and the month calendar (the table style is in `tables.py`, the `read` review in
`review.py`).

Every piece of text that came from the database goes through `cell()`: it becomes a
rich Text (never parsed as markup or emoji codes) with control characters escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from rich.console import Console as Console  # the type other modules name
from rich.text import Text

from showtrack.models import (
    EpisodeMove,
    EpisodeView,
    HistoryEntry,
    Release,
    ReleaseView,
    Show,
)
from showtrack.render.review import highlighted_sentence, proposal_card, proposals_table
from showtrack.render.tables import (
    GUTTER,
    STATUS_STYLES,
    Column,
    _more_line,
    cell,
    composed_table,
    cut_label,
    legend_lines,
    make_console,
    natural_widths,
    print_table,
    print_trimmed,
    rich_table,
)
from showtrack.text import printable
from showtrack.windows.window import (
    compact_dates,
    plural,
    until_instant,
    window_dates,
)

__all__ = [
    "GUTTER",
    "Column",
    "Console",
    "cell",
    "composed_table",
    "highlighted_sentence",
    "make_console",
    "natural_widths",
    "print_table",
    "proposal_card",
    "proposals_table",
    "rich_table",
]

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
    # A special is named by the part of its id after the show: `christmas-special`.
    name = r.season if r.season is not None else r.id.partition("/")[2]
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


def _announced(release: Release) -> date | None:
    for entry in release.history:
        if entry.as_of:
            return date.fromisoformat(entry.as_of)
    return None


BAR_WIDTH = 40


def progress_bar(
    start: date | None,
    earliest: date | None,
    latest: date | None,
    today: date,
    width: int = BAR_WIDTH,
) -> Text:
    """Where today sits between the announcement and the window: ─ waited, ░ to wait,
    █ the window itself, │ today."""
    if start is None or earliest is None:
        return Text("")
    end = latest or earliest
    start = min(start, today, earliest)
    end = max(end, today)
    total = max((end - start).days, 1)

    def col(day: date) -> int:
        return min(width - 1, max(0, round((day - start).days / total * (width - 1))))

    chars = ["░"] * width
    for i in range(col(earliest), col(latest or end) + 1):
        chars[i] = "█"
    for i in range(col(today)):
        if chars[i] == "░":
            chars[i] = "─"
    now = col(today)
    if chars[now] == "█" and chars.count("█") == 1:
        # A window of a day next to today: it keeps its █, today moves a step back.
        now = now - 1 if now > 0 else now + 1
    chars[now] = "│"
    bar = Text()
    for i, ch in enumerate(chars):
        bar.append(ch, style="bold yellow" if i == now else ("green" if ch == "█" else "dim"))
    return bar


BAR_LEGEND = ("─ since first report", "│ today", "░ to wait", "█ window")


def countdown_panels(
    console: Console,
    views: Sequence[ReleaseView],
    today: date,
    local: Callable[[datetime], datetime],
) -> None:
    """A panel a release: the countdown, the window, and today between announcement and
    window."""
    from rich.console import Group
    from rich.panel import Panel

    panel_width = min(console.width, 60)
    bar_width = max(panel_width - 4, 10)  # the panel's inside: its borders and padding
    for v in views:
        r = v.release
        style = STATUS_STYLES.get(v.status, "")
        lines = [Text(v.countdown, style=f"bold {style}".strip())]
        phrase = r.window.phrase or "TBA"
        dates = window_dates(r.window.earliest, r.window.latest)
        window = Text("window  ")
        window.append(printable(phrase), style="italic")
        if dates != phrase:  # "2017-08-18 (2017-08-18)" says it twice
            window.append(f"  ({dates})")
        lines.append(window)
        episode = v.next_episode
        if episode is not None:
            airs = (
                f"{episode.local_air:%a %Y-%m-%d %H:%M %Z}"
                if episode.local_air is not None
                else episode_when(episode)
            )
            lines.append(cell(f"next    {episode.label}  {airs}"))
        elif r.air_time:
            when = local(datetime.fromisoformat(r.air_time))
            lines.append(Text(f"airs    {when:%a %Y-%m-%d %H:%M %Z}"))
        if v.conflict:
            lines.append(Text("⚠ its constraints push it past its window", style="yellow"))
        announced = _announced(r)
        bar = progress_bar(announced, v.effective_earliest, r.latest, today, bar_width)
        if bar.plain and announced is not None and v.effective_earliest is not None:
            lines.append(bar)
            # Its ends labelled: the first report, and the window's last day.
            left = min(announced, today, v.effective_earliest).isoformat()
            right = max(r.latest or v.effective_earliest, today).isoformat()
            lines.append(Text(left + right.rjust(bar_width - len(left)), style="dim"))
        if r.sources:
            lines.append(Text("source  " + printable(r.sources[-1].name), style="dim"))
        console.print(
            Panel(
                Group(*lines),
                # Cut in the show's name, never the season (a title is at most the
                # panel less its corners and the spaces around the title).
                title=Text(cut_label(v.title, panel_width - 6).rstrip(), style="bold"),
                title_align="left",
                subtitle=cell(v.platform),
                subtitle_align="right",
                expand=True,  # every panel as wide as the others
                width=panel_width,
            )
        )
    if any(_announced(v.release) and v.effective_earliest for v in views):
        for line in legend_lines(BAR_LEGEND, console.width):
            line.stylize("dim")
            console.print(line, no_wrap=True, overflow="crop")


def live_countdown(
    console: Console,
    views: Sequence[ReleaseView],
    now: Callable[[], datetime],
    sleep: Callable[[float], None] | None = None,
    *,
    once: bool = False,
) -> None:
    """Tick every second until Ctrl-C: to the second towards an exact instant (an air
    time, a season's next episode), and as a range or a count of days otherwise, as
    the countdown says. `once`: print one frame and return (no terminal to tick on).
    `sleep` waits between ticks (time.sleep unless a test drives the clock)."""
    import time

    from rich import box
    from rich.live import Live
    from rich.table import Table

    def frame() -> Table:
        table = Table(box=box.SIMPLE_HEAD)
        table.add_column("Release")
        table.add_column("Countdown", justify="right")
        current = now()
        for v in views:
            table.add_row(cell(v.title, "bold"), Text(_clock(v, current), style="bold cyan"))
        return table

    if once:
        console.print(frame())
        return
    with Live(frame(), console=console, refresh_per_second=4, transient=False) as live:
        while True:
            (sleep or time.sleep)(1)
            live.update(frame(), refresh=True)


def _clock(view: ReleaseView, current: datetime) -> str:
    """What the live countdown shows for a release at `current`: a ticking clock only
    for an exact instant; its countdown text (a range, an open window, TBA) otherwise."""
    r = view.release
    episode = view.next_episode
    if episode is not None:
        if episode.local_air is not None:
            return f"{episode.label}  {until_instant(episode.local_air, current, ticking=True)}"
        return f"{episode.label}  {episode.countdown}"
    exact = r.window.is_exact and view.effective_earliest == r.earliest
    if r.air_time and exact and r.released_on is None:
        ticking = until_instant(datetime.fromisoformat(r.air_time), current, ticking=True)
        return "airing now" if ticking == "now" else ticking
    return view.countdown


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
        r = v.release
        body = Text()
        body.append(f"{v.countdown}\n", style=STATUS_STYLES.get(v.status, ""))
        body.append("window  ")
        body.append(printable(r.window.phrase or "TBA"), style="italic")
        body.append(f"  ({window_dates(r.window.earliest, r.window.latest)})\n")
        if r.air_time:
            body.append(
                f"airs    {local(datetime.fromisoformat(r.air_time)):%a %Y-%m-%d %H:%M %Z}\n"
            )
        if v.next_episode is not None:
            body.append(
                f"next    {printable(v.next_episode.label)}  {episode_when(v.next_episode)}\n"
            )
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
        sources = {(src.name, src.url): src for src in r.sources}
        for src in sources.values():
            body.append(f"\nsource  {printable(src.name)}")
            if src.as_of:
                body.append(f" ({src.as_of})", style="dim")
            if src.url:
                body.append(f"  {printable(src.url)}", style="dim")
        if r.notes:
            body.append(f"\nnotes   {printable(r.notes)}")
        title = Text(cut_label(v.title, max(console.width - 6, 10)).rstrip())
        console.print(Panel(body, title=title, title_align="left", expand=False))


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


@contextmanager
def import_progress(
    threshold: int = 1000, label: str = "importing"
) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr for imports of `threshold` records or more."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if total < threshold:
            return
        if task is None:
            progress.start()
            task = progress.add_task("import", total=total)
        progress.update(task, completed=done)

    try:
        yield update
    finally:
        progress.stop()
