"""The listing table: composed directly when it fits, and then exactly what Rich's Table
would have drawn; laid out by Table when it does not fit."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, RenderableType
from rich.style import Style
from rich.text import Text

from showtrack.models import (
    ChartRow,
    EpisodeMark,
    MonthRows,
    Release,
    ReleaseView,
    Show,
    WindowRecord,
)
from showtrack.render.countdown import live_countdown
from showtrack.render.tables import (
    Column,
    composed_table,
    natural_widths,
    print_table,
    rich_table,
)

STYLES = ["", "bold", "dim", "cyan", "bold green", "italic red"]
# Letters, digits, spaces, punctuation, accents, wide (CJK) characters and emoji: what
# show titles and network names hold, after printable() has escaped control characters.
CELL_TEXT = st.text(alphabet=st.sampled_from("abcXYZ019 -–→…éñ東京⚠️😀"), min_size=0, max_size=14)
CELL = st.builds(lambda text, style: Text(text, style=style), CELL_TEXT, st.sampled_from(STYLES))
COLUMN = st.builds(
    Column,
    st.text(alphabet="ABCDEFGHwxyz ", min_size=1, max_size=9),
    st.sampled_from(["ellipsis", "fold", "crop"]),
    st.booleans(),
    st.one_of(st.none(), st.integers(0, 12)),
)


def _console(width: int) -> Console:
    return Console(width=width, force_terminal=True, color_system="truecolor", highlight=False)


def _seen(ch: str, style: Style | None) -> tuple[str, Style]:
    # A blank looks the same bold, dim or coloured; only these make it visible.
    if ch == " " and not (
        style
        and (style.bgcolor or style.underline or style.strike or style.reverse or style.overline)
    ):
        return ch, Style()
    return ch, style or Style()


def _styled_cells(console: Console, renderable: RenderableType) -> list[list[tuple[str, Style]]]:
    """Each line as (character, style) pairs as a person sees them, trailing blanks
    dropped, independent of how the output was cut into segments."""
    lines = []
    for line in console.render_lines(renderable, console.options, pad=False):
        chars = [_seen(ch, seg.style) for seg in line for ch in seg.text]
        while chars and chars[-1] == (" ", Style()):
            chars.pop()
        lines.append(chars)
    return lines


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_composed_table_is_what_rich_table_draws(data: st.DataObject) -> None:
    columns = data.draw(st.lists(COLUMN, min_size=1, max_size=6))
    rows = data.draw(
        st.lists(st.lists(CELL, min_size=len(columns), max_size=len(columns)), max_size=6)
    )
    console = _console(400)  # wide enough for every natural width drawn here
    composed = composed_table(columns, rows, natural_widths(columns, rows))
    assert _styled_cells(console, composed) == _styled_cells(console, rich_table(columns, rows))


def _printed(width: int, columns: Sequence[Column], rows: Sequence[Sequence[Text]]) -> str:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    print_table(console, columns, rows)
    return console.export_text()


def test_a_table_that_fits_keeps_every_cell_on_one_line() -> None:
    columns = [Column("Release", overflow="fold"), Column("Countdown")]
    rows = [[Text("Jessica Jones S2"), Text("in 8–11 months")]]
    assert _printed(80, columns, rows).splitlines() == [
        "Release            Countdown",
        "─" * 33,
        "Jessica Jones S2   in 8–11 months",
    ]


def test_a_table_too_wide_for_the_terminal_folds_to_fit() -> None:
    columns = [Column("Release", overflow="fold", min_width=12), Column("Countdown")]
    rows = [[Text("A Very Long Show Title Indeed S12"), Text("in 8–11 months from today")]]
    lines = _printed(30, columns, rows).splitlines()
    assert all(len(line) <= 30 for line in lines)
    assert len(lines) > 3  # cells were folded onto more lines
    assert "".join(lines).replace(" ", "").count("AVeryLong") == 1


def test_a_cell_with_a_line_break_is_laid_out_by_rich() -> None:
    rows = [[Text("first\nsecond"), Text("x")]]
    lines = _printed(80, [Column("A"), Column("B")], rows).splitlines()
    assert [line.rstrip() for line in lines[2:]] == ["first    x", "second"]


def _view(title: str, air: datetime) -> ReleaseView:
    day = air.date().isoformat()
    release = Release(
        id="show/s1",
        show_id="show",
        season=1,
        window=WindowRecord(day, day, day, day),
        air_time=air.isoformat(),
    )
    return ReleaseView(release, Show("show", title), air.date(), "upcoming", 0, 0, "", False)


def test_the_live_countdown_ticks_each_second_towards_the_instant() -> None:
    start = datetime(2018, 3, 8, 20, 59, 50, tzinfo=timezone.utc)
    instants = iter(start + timedelta(seconds=n) for n in range(100))
    ticks: list[float] = []

    def sleep(seconds: float) -> None:
        ticks.append(seconds)
        if len(ticks) == 3:
            raise KeyboardInterrupt

    console = Console(file=io.StringIO(), force_terminal=True, width=60, color_system=None)
    with pytest.raises(KeyboardInterrupt):
        live_countdown(
            console, [_view("Show", start + timedelta(seconds=10))], lambda: next(instants), sleep
        )
    out = console.file.getvalue()  # type: ignore[attr-defined]
    shown = [out.index(f"0d 00:00:{n:02d}") for n in (10, 9, 8)]
    assert shown == sorted(shown)
    assert ticks == [1, 1, 1]


def test_a_proposal_highlights_its_phrase_even_past_a_quoted_full_stop() -> None:
    from showtrack.render import highlighted_sentence

    sentence = 'Filming waits until the studio is done with "The Defenders." Then more.'
    text = highlighted_sentence(sentence, 'until the studio is done with "The Defenders"')
    (span,) = [s for s in text.spans if s.style == "bold reverse"]
    assert text.plain[span.start : span.end] == 'until the studio is done with "The Defenders."'
    assert text.plain == sentence


def test_a_proposal_card_says_what_is_proposed() -> None:
    from rich.console import Console

    from showtrack.render import proposal_card

    console = Console(width=200, record=True)
    row = {
        "sentence": "It waits.",
        "phrase": "waits",
        "show": "Jessica Jones",
        "release": "jessica-jones/s2",
        "kind": "filming",
        "window": None,
        "after": "the-defenders/s1",
        "show_id": None,
        "confidence": "low",
    }
    proposal_card(console, row, 2, 4)
    plain = console.export_text()
    assert "2/4  Jessica Jones  jessica-jones/s2  filming  waits on the-defenders/s1" in plain
    assert "not tracked: accepting adds it" in plain and "carried over" in plain


def test_the_proposals_table_at_50_columns_breaks_no_word_of_a_release_or_status() -> None:
    from rich.console import Console

    from showtrack.render import proposals_table

    console = Console(width=50, record=True)
    window = {"earliest": "2024-03-01", "latest": "2024-05-31"}
    rows = [
        {
            "show": show,
            "release": release,
            "kind": "release",
            "phrase": "will not return before 2025",
            "window": window,
            "after": None,
            "confidence": "low",
            "status": "recorded",
        }
        for show, release in [("The Long Quiet", "the-long-quiet/s2"), ("Harbor Lights", "h/s3")]
    ]
    source = {"name": "Round-up", "as_of": "2023-10-02", "as_of_from": "dateline"}
    proposals_table(console, source, rows)
    words = console.export_text().split()
    assert {"Release", "Status", "recorded", "Quiet", "Lights", "Mar–May", "2024"} <= set(words)
    assert all(len(line) <= 50 for line in console.export_text().splitlines())


def test_a_narrow_terminal_drops_optional_columns_before_breaking_words() -> None:
    from showtrack.render.listings import SHOWS_COLUMNS, UPCOMING_COLUMNS

    shows = [
        [Text("Marvel's Jessica Jones"), Text("marvels-jessica-jones"), Text("Netflix"),
         Text("renewed"), Text("marvel, drama"), Text("1")],
        [Text("Stranger Things"), Text("stranger-things"), Text("Netflix"), Text("returning"),
         Text(""), Text("4")],
    ]  # fmt: skip
    at_80 = _printed(80, SHOWS_COLUMNS, shows)
    assert "Tags" not in at_80 and "Network" in at_80  # the last optional column goes first
    at_50 = _printed(50, SHOWS_COLUMNS, shows)
    lines = at_50.splitlines()
    assert lines[0].split() == ["Show", "Id", "Releases"]
    assert "marvels-jessica-jones" in at_50 and "stranger-things" in at_50  # ids whole
    assert all(len(line.rstrip()) <= 50 for line in lines)
    rows = [
        [Text("2018-03-01–05-31"), Text("Marvel's Jessica Jones S2"), Text("in 8–11 months"),
         Text("upcoming"), Text("Netflix")],
        [Text("2017-07-16"), Text("Game of Thrones S7"), Text("overdue by 1 day"),
         Text("overdue"), Text("HBO")],
    ]  # fmt: skip
    upcoming = _printed(50, UPCOMING_COLUMNS, rows)
    assert upcoming.splitlines()[0].split() == ["When", "Release", "Countdown", "Status"]
    assert "upcoming" in upcoming and "overdue" in upcoming.split("Countdown")[1]
    words = " ".join(upcoming.split())
    assert all(
        word in words
        for word in ["Marvel's", "Jessica", "Jones", "S2", "Game", "of", "Thrones", "S7"]
    )
    assert all(len(line.rstrip()) <= 50 for line in upcoming.splitlines())


def _timeline(width: int, rows: Sequence[ChartRow], months: int = 12) -> list[str]:
    from showtrack.render.charts import timeline

    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    timeline(console, rows, date(2017, 7, 1), months)
    return console.export_text().splitlines()


def _window_row(title: str, season: int, first: date | None, last: date | None) -> ChartRow:
    return ChartRow(f"{title} S{season}", "upcoming", first, last, None)


def test_the_timeline_says_what_its_symbols_mean_and_where_windows_lie() -> None:
    views = [
        _window_row("A Show With A Rather Long Title", 12, date(2017, 9, 1), date(2017, 9, 30)),
        _window_row("Far Away", 3, date(2027, 3, 1), date(2027, 5, 31)),
        _window_row("Open Ended", 1, date(2017, 10, 1), None),
        _window_row("Past The Chart", 2, date(2018, 5, 1), date(2019, 5, 1)),
    ]
    lines = _timeline(80, views)
    rows = {line.split("  ")[0].strip(): line for line in lines}
    assert any(label.endswith("… S12") for label in rows)  # the season survives the cut
    assert rows["Far Away S3"].rstrip().endswith("2027-03-01 ▶")  # not an empty row
    assert rows["Open Ended S1"].rstrip().endswith("→")  # no end: not ▶
    assert rows["Past The Chart S2"].rstrip().endswith("▶")
    legend = lines[-2:]  # at 80 columns, two lines that break between entries
    assert legend[0].startswith("█ window") and legend[1].endswith("┃ · today")
    assert all(len(line) <= 80 for line in legend)


@pytest.mark.parametrize("width", range(12, 24))
def test_a_cut_label_never_splits_an_escape(width: int) -> None:
    from showtrack.render.tables import cut_label

    label = cut_label("Evil\x1b[31m \u202eShow With A Long Name S2", width)
    assert len(label) == width and label.rstrip().endswith("… S2")
    head = label.split("…")[0]
    # What is left of each escape is whole: \x and two digits, \u and four.
    assert all(
        re.fullmatch(r"x[0-9a-f]{2}.*|u[0-9a-f]{4}.*", part) for part in head.split("\\")[1:]
    )


def test_each_row_of_the_timeline_is_drawn_from_its_own_days() -> None:
    # Rows that share their days are drawn once for all of them: one released within the
    # same window, an exact day and a TBA must each still be drawn from their own.
    september = (date(2017, 9, 1), date(2017, 9, 30))
    rows = [
        ChartRow("A S1", "upcoming", *september, None),
        ChartRow("B S1", "upcoming", *september, None),
        ChartRow("C S1", "released", *september, date(2017, 9, 15)),
        ChartRow("D S1", "upcoming", date(2017, 9, 1), date(2017, 9, 1), None),
        ChartRow("E S1", "upcoming", None, None, None),
    ]
    lines = _timeline(80, rows)
    chart = {line[:12].strip(): line[14:].rstrip() for line in lines[1:6]}
    assert chart["A S1"] == chart["B S1"] and "█" in chart["A S1"]
    assert "●" in chart["C S1"] and "█" not in chart["C S1"]
    assert "◆" in chart["D S1"] and "█" not in chart["D S1"]
    assert chart["E S1"].strip() == "TBA"


def test_without_colour_an_overdue_window_is_drawn_in_its_own_glyph() -> None:
    # Today is 2017-07-01: a window that closed in June is overdue, and so is a day in
    # July that passed unreleased (the row's style alone would show only in colour).
    rows = [
        ChartRow("Late S1", "overdue", date(2017, 7, 1), date(2017, 7, 1), None),
        ChartRow("Long Gone S1", "overdue", date(2017, 3, 1), date(2017, 5, 31), None),
        ChartRow("On Time S1", "upcoming", date(2017, 7, 20), date(2017, 7, 20), None),
    ]
    chart = {line[:12].strip(): line[14:].rstrip() for line in _timeline(80, rows)[1:4]}
    assert chart["Late S1"].strip() == "▒" and "◆" not in chart["Late S1"]
    assert chart["Long Gone S1"] == "◀ 2017-05-31 overdue"
    assert "◆" in chart["On Time S1"] and "▒" not in chart["On Time S1"]


def test_a_season_on_air_is_drawn_to_its_last_dated_episode() -> None:
    # Premiered before the chart, last episode in September: on air until then.
    on_air = ChartRow(
        "Airing S6", "released", *(date(2017, 5, 2),) * 2, date(2017, 5, 2), date(2017, 9, 26)
    )
    new = ChartRow("Premiere S1", "released", *(date(2017, 7, 10),) * 2, date(2017, 7, 10))
    lines = _timeline(80, [on_air, new])
    airing, premiere = (line[14:].rstrip() for line in lines[1:3])
    assert airing.startswith("◀━━") and airing.endswith("━") and "●" not in airing
    september = lines[0].index("Sep") - 14
    assert september < len(airing) < september + 6  # it ends in September
    assert "●" in premiere and "━" not in premiere  # no episodes known: the day alone


def test_a_legend_breaks_between_its_entries() -> None:
    from showtrack.render.charts import TIMELINE_LEGEND
    from showtrack.render.tables import legend_lines

    for width in (20, 40, 50, 80, 200):
        lines = [line.plain for line in legend_lines(TIMELINE_LEGEND, width)]
        assert [entry for line in lines for entry in line.split("  ")] == list(TIMELINE_LEGEND)
        assert all(len(line) <= width for line in lines)
    assert len(legend_lines(TIMELINE_LEGEND, 200)) == 1


@pytest.mark.parametrize(("width", "months"), [(80, 12), (100, 120), (50, 36)])
def test_month_labels_never_touch(width: int, months: int) -> None:
    header = _timeline(width, [_window_row("S", 1, None, None)], months)[0]
    words = header.split()
    assert all(re.fullmatch(r"[A-Z][a-z]{2}|\d{4}", w) for w in words), header


# --- the month calendar ------------------------------------------------------------------


def _calendar(width: int, rows: MonthRows, *, colour: bool = False) -> str:
    from showtrack.render.charts import month_calendar

    console = Console(
        width=width,
        record=True,
        file=io.StringIO(),
        force_terminal=colour,
        color_system="truecolor" if colour else None,
    )
    month_calendar(console, rows, 2018, 3, date(2018, 3, 6))
    return console.export_text(styles=colour)


SPRING = ChartRow("Jessica Jones S2", "open", date(2018, 3, 1), date(2018, 5, 31), None)


@pytest.mark.parametrize("width", [40, 50, 80, 200])
def test_every_calendar_column_is_one_width_and_shaded_to_its_edge(width: int) -> None:
    lines = _calendar(width, MonthRows([SPRING], [])).splitlines()
    top = next(line for line in lines if line.startswith("┌"))
    widths = {len(part) for part in top.strip("┌┐").split("┬")}
    assert len(widths) == 1 and len(top) <= width
    (cell,) = widths
    # A shaded day is shaded across its cell but for its padding (none when narrow).
    shading = [line for line in lines if "░" in line and line.startswith("│")]
    assert shading and all(
        part.strip() == "░" * len(part.strip()) and len(part.strip()) >= cell - 2
        for line in shading
        for part in line.strip("│").split("│")
        if part.strip()
    )


def test_a_calendar_in_colour_keeps_its_legend_and_shades_with_a_glyph() -> None:
    episode = EpisodeMark(date(2018, 3, 13), "The Flash S4E15")
    out = _calendar(80, MonthRows([SPRING], [episode]), colour=True)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "n today  n another month  ■ a release  ■ an episode" in plain
    assert "░ a window open that day" in plain and "░░░░" in plain
    # No background colour (a dark grey vanished on dark themes); today is reversed,
    # and only today: its day's shading is not.
    assert "\x1b[48" not in out and "\x1b[1;7m6" in out
    assert "\x1b[7m" not in out.replace("\x1b[1;7m6", "")
    assert "\x1b[35m░" in out and "\x1b[1;35m░" not in out  # shading is not bold


def test_a_calendar_shows_episodes_on_their_day_with_their_number() -> None:
    rows = MonthRows(
        [ChartRow("Luke Cage S2", "upcoming", date(2018, 3, 14), date(2018, 3, 14), None)],
        [EpisodeMark(date(2018, 3, 13), "The Flash S4E15")],
    )
    lines = _calendar(80, rows).splitlines()
    week = lines[lines.index(next(line for line in lines if "│ 12 " in line)) + 1]
    tuesday, wednesday = week.strip("│").split("│")[1:3]
    assert tuesday.strip() == "The… E15"  # the season gives way first, the episode stays
    assert wednesday.strip() == "Luke… S2"
    assert "an episode" not in "\n".join(lines)  # without colour, titles say which is which
