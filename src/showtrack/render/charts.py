"""Charts: the timeline (one row a release, its window drawn across the coming months,
today marked) and the month calendar (a grid of weeks with each release and episode on
the day it airs for the user, open windows shaded); each closes with a legend that says
what its marks mean."""

from __future__ import annotations

import calendar as calendar_module
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from itertools import accumulate

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from showtrack.models import ChartRow, MonthRows
from showtrack.render.tables import (
    STATUS_STYLES,
    cut_label,
    print_legend,
    print_trimmed,
)
from showtrack.text import printable
from showtrack.windows.window import MONTH_ABBREVIATIONS, window_dates

# --------------------------------------------------------------------------- timeline


def _month_starts(first: date, months: int) -> list[date]:
    return [
        date(first.year + (first.month - 1 + i) // 12, (first.month - 1 + i) % 12 + 1, 1)
        for i in range(months + 1)
    ]


TIMELINE_LEGEND = (
    "█ window",
    "◆ exact day",
    "▒ overdue",
    "● released",
    "━ on air",
    "◀ ▶ beyond the chart",
    "→ no end yet",
    "┃ · today",
)


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


class _Axis:
    """The days of a chart `chart` columns wide, from the first of this month over
    `months` months: which column a day falls in, and a release's days drawn as marks."""

    def __init__(self, today: date, months: int, chart: int) -> None:
        self.starts = _month_starts(today.replace(day=1), months)
        self.first, self.end = self.starts[0], self.starts[-1]
        self.chart = chart
        self._total = (self.end - self.first).days
        self.today_col = self.col(today)
        self.empty = "".join("·" if i == self.today_col else " " for i in range(chart))

    def col(self, day: date) -> int:
        """The column of `day`."""
        return round((day - self.first).days / self._total * (self.chart - 1))

    @staticmethod
    def _put(row: str, at: int, mark: str) -> str:
        return row[:at] + mark + row[at + 1 :]

    def _span(self, row: str, since: date | None, until: date | None, fill: str) -> str:
        """`row` with the days `since` to `until` (open ends: the chart's) drawn in
        `fill`, and an arrow at an end that goes on past the chart."""
        lo = self.col(max(since, self.first)) if since else 0
        hi = self.col(min(until, self.end - timedelta(days=1))) if until else self.chart - 1
        row = row[:lo] + fill * (hi + 1 - lo) + row[hi + 1 :]
        if until is None:
            row = self._put(row, self.chart - 1, "→")
        elif until >= self.end:
            row = self._put(row, self.chart - 1, "▶")
        if since is None or since < self.first:
            row = self._put(row, 0, "◀")
        return row

    def draw(
        self,
        eff: date | None,
        latest: date | None,
        released_on: date | None,
        last_episode: date | None,
        overdue: bool,
    ) -> str:
        """The chart part of a row with these days ("TBA" when it has none)."""
        first, end = self.first, self.end
        if released_on is not None:
            row = self.empty
            # A season on air: its episodes go on from its premiere to the last dated one.
            if last_episode is not None and last_episode > released_on and last_episode >= first:
                row = self._span(row, released_on + timedelta(days=1), last_episode, "━")
            if first <= released_on < end:
                row = self._put(row, self.col(released_on), "●")
            return row
        if eff is None and latest is None:
            return "TBA"
        if eff is not None and eff >= end:
            return f"{eff.isoformat()} ▶".rjust(self.chart)  # past the chart: when, at its end
        if latest is not None and latest < first:
            return f"◀ {latest.isoformat()}" + (" overdue" if overdue else "")
        # Overdue (closed, not out) is drawn in its own glyph: it must show without colour.
        if eff is not None and eff == latest:
            return self._put(self.empty, self.col(eff), "▒" if overdue else "◆")
        return self._span(self.empty, eff, latest, "▒" if overdue else "█")


def timeline(console: Console, bars: Sequence[ChartRow], today: date, months: int) -> None:
    """One row a release, its window drawn across the coming months, ┃ today; a legend
    says what each mark means (TIMELINE_LEGEND)."""
    width = console.width
    label_width = max(12, min(32, width // 4, max((len(b.title) for b in bars), default=12)))
    axis = _Axis(today, months, max(20, width - label_width - 2))
    header = _month_header(axis.starts[:-1], axis.col, axis.chart)
    _print_line(console, " " * (label_width + 2) + header, "bold")
    rows: list[tuple[str, str, str]] = []  # (label, chart part, its style)
    # Releases share windows ("spring 2027"): each set of days is drawn once.
    drawn: dict[tuple[date | None, date | None, date | None, date | None, bool], str] = {}
    for v in bars:
        days = (v.earliest, v.latest, v.released_on, v.last_episode, v.status == "overdue")
        part = drawn.get(days)
        if part is None:
            part = drawn[days] = axis.draw(*days)
        style = "dim" if part == "TBA" else STATUS_STYLES.get(v.status, "")
        rows.append((cut_label(v.title, label_width), part, style))
    _print_rows(console, rows, width)
    marker = " " * axis.today_col + "┃"
    _print_line(console, " " * (label_width + 2) + marker + f" today {today}", "yellow")
    print_legend(console, TIMELINE_LEGEND, "dim")


def _print_line(console: Console, text: str, style: str) -> None:
    """One line of a chart, cut at the terminal's edge, no spaces at its end."""
    console.print(Text(text.rstrip(), style=style), no_wrap=True, overflow="crop")


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

#: Styles of what a day shows. The shading is a glyph in every mode, in a colour that
#: shows on dark and light themes alike (a grey background vanished on dark ones).
RELEASE_STYLE = "bold green"
EPISODE_STYLE = "cyan"
WINDOW_STYLE = "magenta"
WINDOW_MARK = "░"


def month_grid(year: int, month: int) -> list[list[date]]:
    """The weeks a month's calendar shows, Monday first (days of the months around it
    fill its first and last week)."""
    return calendar_module.Calendar(firstweekday=0).monthdatescalendar(year, month)


def _day_of(row: ChartRow) -> date | None:
    """The one day a release has on a calendar: released, or an exact window; None for a
    window of more than a day."""
    exact = row.earliest if row.earliest == row.latest else None
    return row.released_on or exact


def month_calendar(console: Console, rows: MonthRows, year: int, month: int, today: date) -> None:
    """A month grid: releases (bold green) and episodes (cyan) on their days, one line
    each, cut with an ellipsis in the show's name; ░ across the days a window is open.
    Every column is one width, so that a day's shading fills it. Without colour
    (NO_COLOR, --no-color, a pipe) today and the other months' days are written
    `[6]` and `·26`. A legend says what each mark means."""
    from rich import box
    from rich.table import Table

    plain = console.no_color or console.color_system is None
    weeks = month_grid(year, month)
    # Each cell's width: the terminal shared by 7 columns less 8 borders, with a space
    # of padding each side while a cell keeps 6 columns for text, none below that.
    share = (console.width - 8) // 7
    pad = 1 if share >= 8 else 0
    room = max(share - 2 * pad, 3)
    table = Table(
        title=f"{calendar_module.month_name[month]} {year}",
        box=box.SQUARE,
        show_lines=True,
        padding=(0, pad),
    )
    for name in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        table.add_column(name, width=room, overflow="ellipsis", no_wrap=True)
    on_day, open_on, windows = _placed(rows, weeks[0][0], weeks[-1][-1])
    for week in weeks:
        cells = []
        for day in week:
            text = _day_label(day, month, today, plain)
            for title, style in on_day.get(day, ()):
                text.append("\n")
                text.append(cut_label(title, room).rstrip(), style=style)
            if day in open_on and day.month == month:
                text.append("\n")
                text.append(WINDOW_MARK * room, style=WINDOW_STYLE)
            cells.append(text)
        table.add_row(*cells)
    print_trimmed(console, table)
    _legend(console, plain, bool(rows.episodes))
    _named_windows(console, windows, year, month, plain)


def _placed(
    rows: MonthRows, grid_first: date, grid_last: date
) -> tuple[dict[date, list[tuple[str, str]]], set[date], list[ChartRow]]:
    """What falls on each day of the grid (a title and its style), the days a window is
    open on, and those windows. A window adds one where it opens and takes it away after
    it closes: one pass over the releases, not one a day."""
    on_day: dict[date, list[tuple[str, str]]] = {}
    opened = [0] * ((grid_last - grid_first).days + 2)
    windows: list[ChartRow] = []
    for row in rows.releases:
        day_of = _day_of(row)
        if day_of is not None:
            if grid_first <= day_of <= grid_last:
                on_day.setdefault(day_of, []).append((row.title, RELEASE_STYLE))
            continue
        first, last = row.earliest, row.latest
        if first is None or first > grid_last or (last is not None and last < grid_first):
            continue
        windows.append(row)
        opened[(max(first, grid_first) - grid_first).days] += 1
        opened[((min(last, grid_last) if last else grid_last) - grid_first).days + 1] -= 1
    for episode in rows.episodes:
        on_day.setdefault(episode.day, []).append((episode.title, EPISODE_STYLE))
    open_on = {
        grid_first + timedelta(days=n) for n, count in enumerate(accumulate(opened)) if count
    }
    return on_day, open_on, windows


def _day_label(day: date, month: int, today: date, plain: bool) -> Text:
    """A cell's first line: the day's number, today reversed and another month's dim
    (without colour `[6]` and `·26`), in a style of its own: what follows it in the cell
    is not today's."""
    label = str(day.day)
    if plain and day == today:
        label = f"[{day.day}]"
    elif plain and day.month != month:
        label = f"·{day.day}"
    text = Text()
    text.append(
        label, style="bold reverse" if day == today else ("bold" if day.month == month else "dim")
    )
    return text


def _legend(console: Console, plain: bool, episodes: bool) -> None:
    """What the marks mean, in lines that break between entries; with colour, each
    mark in its own style."""
    if plain:
        entries = [("[n]", "", "today"), ("·n", "", "another month")]
    else:
        entries = [
            ("n", "bold reverse", "today"),
            ("n", "dim", "another month"),
            ("■", RELEASE_STYLE, "a release"),
        ]
        if episodes:
            entries.append(("■", EPISODE_STYLE, "an episode"))
    entries.append((WINDOW_MARK, WINDOW_STYLE, "a window open that day"))
    marks = [
        Text.assemble((mark, "" if plain else style), f" {meaning}")
        for mark, style, meaning in entries
    ]
    print_legend(console, marks)


def _named_windows(
    console: Console, windows: Sequence[ChartRow], year: int, month: int, plain: bool
) -> None:
    """The windows (no single day) among what touches the month, named under it."""
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
            shown = f"  {WINDOW_MARK} {title}  {dates}"
            if (len(shown) if shown.isascii() else cell_len(shown)) <= console.width:
                fits.append(shown + "\n")
                continue
            console.file.write("".join(fits))
            fits = []
        line = Text("  ")
        line.append(WINDOW_MARK, style="" if plain else WINDOW_STYLE)
        line.append(f" {title}")
        line.append(f"  {dates}", style="dim")
        print_trimmed(console, line)
    console.file.write("".join(fits))
