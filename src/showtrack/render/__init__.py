"""Rich views for people at a terminal: tables, countdown panels, a live countdown, the
timeline and the month calendar (the table style is in `tables.py`, the `read` review in
`review.py`).

Every piece of text that came from the database goes through `cell()`: it becomes a
rich Text (never parsed as markup or emoji codes) with control characters escaped.
"""

from __future__ import annotations

import calendar as calendar_module
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from itertools import accumulate
from typing import Any

from rich.cells import cell_len
from rich.console import Console as Console  # the type other modules name
from rich.text import Text

from showtrack.models import (
    ChartRow,
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
    make_console,
    natural_widths,
    print_table,
    print_trimmed,
    rich_table,
)
from showtrack.text import printable
from showtrack.windows.window import (
    MONTH_ABBREVIATIONS,
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
STAGE_COLUMN = Column("Stage", no_wrap=True, optional=True)


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
        console.print(Text(overdue_hint(overdue), style="yellow"))


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
        console.print(Text("; ".join(notes), style="dim"))


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


BAR_LEGEND = "─ since first report  │ today  ░ to wait  █ window"


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
                title=Text(_label(v.title, panel_width - 6).rstrip(), style="bold"),
                title_align="left",
                subtitle=cell(v.platform),
                subtitle_align="right",
                expand=True,  # every panel as wide as the others
                width=panel_width,
            )
        )
    if any(_announced(v.release) and v.effective_earliest for v in views):
        console.print(Text(BAR_LEGEND, style="dim"))


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
    Column("As of", no_wrap=True),
    Column("Window", overflow="fold"),
    Column("Dates", no_wrap=True),
    Column("Stage", no_wrap=True),
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
    Column("As of", no_wrap=True),
    Column("Airs", no_wrap=True),
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

    head = Text()
    head.append(printable(show.title), style="bold")
    head.append(f"  ({show.id})", style="dim")
    console.print(head)
    for label, value in (
        ("network", show.network),
        ("status", show.status),
        ("tags", ", ".join(show.tags)),
        ("aliases", ", ".join(show.aliases)),
        ("notes", show.notes),
        ("tvmaze", show.tvmaze and f"data from TVmaze: {show.tvmaze.url or show.tvmaze.id}"),
    ):
        if value:
            line = Text(f"  {label:8} ")
            line.append(printable(value))
            console.print(line)
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
        title = Text(_label(v.title, max(console.width - 6, 10)).rstrip())
        console.print(Panel(body, title=title, title_align="left", expand=False))


SEARCH_COLUMNS = (
    Column("TVmaze", no_wrap=True),
    Column("Name", overflow="fold"),
    Column("Premiered", no_wrap=True),
    Column("Network", overflow="fold"),
    Column("Status", no_wrap=True),
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
    console.print(Text("data from TVmaze (tvmaze.com), CC BY-SA", style="dim"))


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


# --------------------------------------------------------------------------- read


# Words wrap at spaces; only a phrase's word longer than its column is folded.
def _month_starts(first: date, months: int) -> list[date]:
    return [
        date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
        for i in range(months + 1)
    ]


TIMELINE_LEGEND = "█ window  ◆ exact day  ● released  ◀ ▶ beyond the chart  → no end yet  ┃ · today"


def _label(title: str, width: int) -> str:
    """A row's label in `width` characters: cut with an ellipsis in the show's name, so
    that the season ("S2") stays."""
    title = printable(title)
    if len(title) <= width:
        return title.ljust(width)
    # The season first: "The Ma…: A Very Long Subtitle S2" would keep the wrong end.
    m = re.search(r"( S\d+(?:E\d+)?)$", title) or re.search(r"(: .*)$", title)
    tail = m[1] if m and len(m[1]) < width - 3 else ""
    # An escape printable wrote ("\u202e") is dropped whole rather than cut in two.
    head = _CUT_ESCAPE.sub("", title[: width - len(tail) - 1])
    return (head.rstrip() + "…" + tail).ljust(width)


_CUT_ESCAPE = re.compile(r"\\(?:x[0-9a-f]?|u[0-9a-f]{0,3})?$")


def _month_header(starts: Sequence[date], col: Callable[[date], int], chart: int) -> str:
    """Month names over their columns, a space at least between two: years (January)
    first, then the other months where there is room, as a chart axis skips labels."""
    header = [" "] * chart

    def place(name: str, pos: int) -> None:
        lo, hi = max(pos - 1, 0), pos + len(name) + 1
        if pos + len(name) <= chart and all(c == " " for c in header[lo:hi]):
            header[pos : pos + len(name)] = name

    for m in starts:
        if m.month == 1:
            place(str(m.year), col(m))
    for m in starts:
        if m.month != 1:
            place(MONTH_ABBREVIATIONS[m.month - 1], col(m))
    return "".join(header)


def timeline(
    console: Console, views: Sequence[ReleaseView | ChartRow], today: date, months: int
) -> None:
    """One row a release, its window drawn across the coming months, ┃ today; a legend
    line says what each symbol means (TIMELINE_LEGEND)."""
    bars = [v if isinstance(v, ChartRow) else v.chart_row() for v in views]
    width = console.width
    label_width = max(12, min(32, width // 4, max((len(b.title) for b in bars), default=12)))
    chart = max(20, width - label_width - 2)
    starts = _month_starts(today.replace(day=1), months)
    first, end = starts[0], starts[-1]
    total = (end - first).days

    def col(day: date) -> int:
        return round((day - first).days / total * (chart - 1))

    console.print(
        Text(
            (" " * (label_width + 2) + _month_header(starts[:-1], col, chart)).rstrip(),
            style="bold",
        ),
        no_wrap=True,
        overflow="crop",
    )
    today_col = col(today)
    rows: list[tuple[str, str, str]] = []  # (label, chart part, its style)
    empty = "".join("·" if i == today_col else " " for i in range(chart))

    def put(row: str, at: int, mark: str) -> str:
        return row[:at] + mark + row[at + 1 :]

    def draw(eff: date | None, latest: date | None, released_on: date | None) -> str:
        """The chart part of a row with these days ("TBA" when it has none)."""
        row = empty
        if released_on is not None:
            if first <= released_on < end:
                row = put(row, col(released_on), "●")
        elif eff is None and latest is None:
            return "TBA"
        elif eff is not None and eff >= end:
            return f"{eff.isoformat()} ▶".rjust(chart)  # past the chart: when, at its end
        elif latest is not None and latest < first:
            return f"◀ {latest.isoformat()}"
        elif eff is not None and eff == latest:
            row = put(row, col(eff), "◆")
        else:
            lo = col(max(eff, first)) if eff else 0
            hi = col(min(latest, end - timedelta(days=1))) if latest else chart - 1
            row = row[:lo] + "█" * (hi + 1 - lo) + row[hi + 1 :]
            if latest is None:
                row = put(row, chart - 1, "→")
            elif latest >= end:
                row = put(row, chart - 1, "▶")
            if eff is None or eff < first:
                row = put(row, 0, "◀")
        return row

    # Releases share windows ("spring 2027"): each set of days is drawn once.
    drawn: dict[tuple[date | None, date | None, date | None], str] = {}
    for v in bars:
        days = (v.earliest, v.latest, v.released_on)
        part = drawn.get(days)
        if part is None:
            part = drawn[days] = draw(*days)
        style = "dim" if part == "TBA" else STATUS_STYLES.get(v.status, "")
        rows.append((_label(v.title, label_width), part, style))
    _print_rows(console, rows, width)
    marker = [" "] * chart
    marker[today_col] = "┃"
    console.print(
        Text(
            " " * (label_width + 2) + "".join(marker).rstrip() + f" today {today}", style="yellow"
        ),
        no_wrap=True,
        overflow="crop",
    )
    console.print(Text(TIMELINE_LEGEND, style="dim"))


def _print_rows(console: Console, rows: Sequence[tuple[str, str, str]], width: int) -> None:
    """Chart rows (a bold label, two spaces, a part in its style), each cut to `width`.
    Without colour, the lines are written as they are: Rich would print the same
    characters, at a cost a row that a chart of 100,000 releases feels
    (bench/RESULTS.md)."""
    if not rows:
        return
    if console.color_system is None:
        from rich.cells import set_cell_size

        # Every chart character is one cell wide: only a label can be wider than long.
        lines = [
            line
            if (len(line) if label.isascii() else cell_len(label) + 2 + len(part)) <= width
            else set_cell_size(line, width)
            for label, part, _ in rows
            for line in (f"{label}  {part}".rstrip(),)
        ]
        text = "\n".join(lines).rstrip()
        if console.record:  # console.out records it (no markup, no wrapping), slowly
            console.out(text, highlight=False)
        else:
            console.file.write(text + "\n")
        return
    # With colour: one Text for all the rows, printed once (a print a row costs Rich's
    # whole render path each time).
    chart_rows = Text(no_wrap=True, overflow="crop")
    for label, part, style in rows:
        line = Text()
        line.append(label, style="bold")
        line.append("  ")
        line.append(part.rstrip(), style=style)
        line.truncate(width)
        chart_rows.append_text(line)
        chart_rows.append("\n")
    chart_rows.rstrip()
    console.print(chart_rows, no_wrap=True, overflow="crop")


# --------------------------------------------------------------------------- calendar


def _day_of(row: ChartRow) -> date | None:
    """The one day a release has on a calendar: released, or an exact window; None for a
    window of more than a day."""
    exact = row.earliest if row.earliest == row.latest else None
    return row.released_on or exact


def month_grid(year: int, month: int) -> list[list[date]]:
    """The weeks a month's calendar shows, Monday first (days of the months around it
    fill its first and last week)."""
    return calendar_module.Calendar(firstweekday=0).monthdatescalendar(year, month)


def month_calendar(
    console: Console,
    views: Sequence[ReleaseView | ChartRow],
    year: int,
    month: int,
    today: date,
) -> None:
    """A month grid: exact releases on their days, one line each (cut with an ellipsis),
    open windows shaded across days. Without colour (NO_COLOR, --no-color, a pipe) the
    shading, today and the other months' days are drawn with glyphs instead, and the
    legend says which."""
    from rich import box
    from rich.table import Table

    plain = console.no_color or console.color_system is None
    weeks = month_grid(year, month)
    table = Table(
        title=f"{calendar_module.month_name[month]} {year}",
        box=box.SQUARE,
        show_lines=True,
        expand=True,
    )
    for name in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        table.add_column(name, ratio=1, overflow="ellipsis", no_wrap=True)
    grid_first, grid_last = weeks[0][0], weeks[-1][-1]
    # Each cell's text width: the table's width shared by 7 columns, less borders and padding.
    room = max((console.width - 8) // 7 - 2, 3)
    # What falls on each day of the grid's six weeks, and how many windows are open on
    # it (a window adds one where it opens and takes it away after it closes): one pass
    # over the releases, not one a day.
    on_day: dict[date, list[str]] = {}
    opened = [0] * ((grid_last - grid_first).days + 2)
    windows: list[ChartRow] = []
    for v in views:
        row = v if isinstance(v, ChartRow) else v.chart_row()
        day_of = _day_of(row)
        if day_of is not None:
            if grid_first <= day_of <= grid_last:
                on_day.setdefault(day_of, []).append(row.title)
            continue
        first, last = row.earliest, row.latest
        if first is None or first > grid_last or (last is not None and last < grid_first):
            continue
        windows.append(row)
        opened[(max(first, grid_first) - grid_first).days] += 1
        opened[((min(last, grid_last) if last else grid_last) - grid_first).days + 1] -= 1
    open_on = list(accumulate(opened))
    for week in weeks:
        cells = []
        for day in week:
            label = str(day.day)
            if plain and day == today:
                label = f"[{day.day}]"
            elif plain and day.month != month:
                label = f"·{day.day}"
            text = Text(
                label,
                style="bold reverse" if day == today else ("bold" if day.month == month else "dim"),
            )
            for title in on_day.get(day, ()):
                text.append("\n")
                text.append(_label(title, room).rstrip(), style="bold green")
            if open_on[(day - grid_first).days] and day.month == month:
                if plain:
                    text.append("\n" + "░" * room)
                else:
                    text.stylize("on grey23")
            cells.append(text)
        table.add_row(*cells)
    console.print(table)
    if plain:
        console.print(Text("[n] today  ·n another month  ░ a window open that day"))
    # The windows (no single day) among what touches the grid, named under it.
    month_first = date(year, month, 1)
    month_last = date(year, month, calendar_module.monthrange(year, month)[1])
    fits: list[str] = []
    for w in windows:
        first, last = w.earliest, w.latest
        if first is None or first > month_last or (last is not None and last < month_first):
            continue
        title = printable(w.title)
        dates = window_dates(first.isoformat(), last.isoformat() if last else None)
        if plain and not console.record:
            # A line that fits, as Rich would print it without colour (a month of
            # 100,000 releases lists thousands: bench/RESULTS.md); a longer one goes
            # through Rich, which wraps it.
            shown = f"  ░ {title}  {dates}"
            if (len(shown) if shown.isascii() else cell_len(shown)) <= console.width:
                fits.append(shown + "\n")
                continue
            console.file.write("".join(fits))
            fits = []
        line = Text("  ░ " if plain else "  ", style="dim")
        if not plain:
            line.append("  ", style="on grey23")
            line.append(" ")
        line.append(title)
        line.append(f"  {dates}", style="dim")
        console.print(line)
    console.file.write("".join(fits))


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
