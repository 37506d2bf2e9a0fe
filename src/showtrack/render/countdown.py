"""The countdown views: one panel a release with a bar from its first report to its
window's end, and the live countdown that ticks towards an exact instant."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from rich.console import Console
from rich.text import Text

from showtrack.models import (
    ReleaseFields,
    ReleaseView,
)
from showtrack.render.listings import episode_when
from showtrack.render.tables import (
    STATUS_STYLES,
    cell,
    cut_label,
    print_legend,
)
from showtrack.text import printable
from showtrack.windows.window import (
    until_instant,
    window_dates,
)


def _announced(release: ReleaseFields) -> date | None:
    for entry in release.decoded_marks():
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
        console.print(
            Panel(
                Group(*_panel_lines(v, today, local, bar_width)),
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
        print_legend(console, BAR_LEGEND, "dim")


def _panel_lines(
    v: ReleaseView, today: date, local: Callable[[datetime], datetime], bar_width: int
) -> list[Text]:
    """A release's panel, a line each: its countdown, its window, its next episode or air
    time, a conflict, the bar with its ends labelled, its latest source."""
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
    sources = v.sources
    if sources:
        lines.append(Text("source  " + printable(sources[-1].name), style="dim"))
    return lines


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
            table.add_row(cell(v.title, "bold"), Text(live_clock(v, current), style="bold cyan"))
        return table

    if once:
        console.print(frame())
        return
    with Live(frame(), console=console, refresh_per_second=4, transient=False) as live:
        while True:
            (sleep or time.sleep)(1)
            live.update(frame(), refresh=True)


def live_clock(view: ReleaseView, current: datetime) -> str:
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
