"""The listings end to end: `upcoming`, `history`, `countdown`, `timeline`, `calendar`,
`window`, every output format, and tables at every terminal width."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from ..conftest import Runner, Terminal, run_process
from ..windows.test_phrases import (
    FAMILIES,
    NEW_ROWS,
    OPEN_AND_RELATIVE,
    OPEN_VARIANTS,
    POINTS_AND_SPANS,
    VARIANTS,
)
from .conftest import json_of

EVIL = "[bold red]Evil[/] :smile: \x1b[31mred\x1b[0m \u202eevil\u202c\x07"


KEYS = {
    "id",
    "show",
    "show_id",
    "season",
    "title",
    "window",
    "effective_earliest",
    "status",
    "days_until",
    "days_left",
    "countdown",
    "network",
    "platform",
    "region",
    "stage",
    "after",
    "release_date",
    "air_time",
    "sources",
}


SPEC_ROWS: list[tuple[str, str | None, str | None]] = [
    *POINTS_AND_SPANS,
    *VARIANTS,
    *OPEN_AND_RELATIVE,
    *OPEN_VARIANTS,
    *NEW_ROWS,
]


def test_today_shows_what_was_expected_back_then(marvel: Runner) -> None:
    marvel("--today", "2018-01-17", "expect", "Jessica Jones", "2", "2018-03-08")
    earlier = json_of(marvel("--today", "2017-07-01", "upcoming", "-o", "json"))
    assert isinstance(earlier, list)
    jj = next(r for r in earlier if r["id"] == "jessica-jones/s2")
    assert jj["window"]["edtf"] == "2018-21"
    before_anything = marvel("--today", "2015-01-01", "upcoming", "-o", "json")
    assert (before_anything.code, before_anything.out) == (1, "[]\n")  # nothing known yet


def test_history_counts_slips(marvel: Runner) -> None:
    marvel("expect", "Jessica Jones", "2", "summer 2018")
    marvel("expect", "Jessica Jones", "2", "2019")
    table = marvel("history", "Jessica Jones", "2", "-o", "table")
    assert "slipped 2 times" in table.out


def test_upcoming_exits_1_when_nothing_is_listed(cli: Runner) -> None:
    result = cli("upcoming", "-o", "json")
    assert result.code == 1 and json.loads(result.out) == []
    table = cli("upcoming", "-o", "table")
    assert (table.code, table.out) == (1, "")
    assert table.err.endswith(
        "\nnothing upcoming: no release is recorded yet; `showtrack expect SHOW SEASON WINDOW`\n"
    )
    cli("add", "Andor")
    cli("expect", "Andor", "1", "2016-06-01")
    assert cli("--today", "2017-07-01", "released", "Andor", "1", "2016-06-01").code == 0
    table = cli("upcoming", "-o", "table")
    assert (table.code, table.out) == (1, "")
    assert table.err == "nothing upcoming matches; --all lists released ones too\n"


def test_markup_and_escapes_in_titles_notes_sources_are_shown_as_text(cli: Runner) -> None:
    assert cli("add", EVIL, "--note", EVIL).code == 0
    assert cli("expect", EVIL, "1", "2018", "--source", EVIL, "--note", EVIL).code == 0
    outputs = [
        cli("upcoming", "-o", "table").out,
        cli("list", "-o", "table").out,
        cli("info", "Evil", "-o", "table").out,
        cli("countdown").out,
        cli("history", "Evil", "1", "-o", "table").out,
        cli("timeline").out,
        cli("upcoming", "-o", "tsv").out,
        cli("check", "--within", "1y").out,
        cli("calendar", "2018-01").out,
    ]
    for out in outputs:
        assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    table = outputs[0]
    assert "[bold red]Evil[/]" in table and ":smile:" in table and "\\x1b" in table


def test_no_color_option_and_env(marvel: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in marvel("upcoming", "-o", "table").out
    assert "\x1b[" not in marvel("--no-color", "upcoming", "-o", "table").out
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in marvel("upcoming", "-o", "table").out


def test_every_output_format_parses_back(marvel: Runner) -> None:
    rows = json.loads(marvel("upcoming", "-o", "json").out)
    assert set(rows[0]) >= KEYS
    lines = marvel("upcoming", "-o", "jsonl").out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [r["id"] for r in rows]
    parsed = list(csv.DictReader(io.StringIO(marvel("upcoming", "-o", "csv").out)))
    assert [r["id"] for r in parsed] == [r["id"] for r in rows]
    assert parsed[1]["window_edtf"] == "2018-21"
    tsv = marvel("upcoming", "-o", "tsv").out.splitlines()
    header = tsv[0].split("\t")
    assert all(len(line.split("\t")) == len(header) for line in tsv)
    assert dict(zip(header, tsv[2].split("\t"), strict=False))["title"] == "Jessica Jones S2"


def test_piped_output_defaults_to_tsv(marvel: Runner) -> None:
    out = marvel("upcoming").out
    assert out.splitlines()[0].startswith("id\tshow\tshow_id")


def test_table_shows_a_page_and_says_how_many_more(cli: Runner) -> None:
    cli("add", "Many")
    for n in range(1, 26):
        cli("expect", "Many", str(n), f"{2018 + n}")
    table = cli("upcoming", "-o", "table").out
    assert "… 5 more; --limit 0 shows all" in table
    assert "Many S25" not in table
    assert "Many S25" in cli("upcoming", "-o", "table", "--limit", "0").out
    assert len(json.loads(cli("upcoming", "-o", "json").out)) == 25
    assert len(json.loads(cli("upcoming", "-o", "json", "--limit", "3").out)) == 3


def test_tsv_escapes_tabs_and_newlines(cli: Runner) -> None:
    cli("add", "Tab\tand\nnewline")
    cli("expect", "Tab", "1", "2018")
    lines = cli("upcoming", "-o", "tsv").out.splitlines()
    assert len(lines) == 2
    assert "Tab\\tand\\nnewline" in lines[1]


def test_upcoming_filters(marvel: Runner) -> None:
    def ids(*args: str) -> list[str]:
        return [r["id"] for r in json.loads(marvel("upcoming", "-o", "json", *args).out or "[]")]

    assert ids("--within", "3mo") == ["the-defenders/s1"]
    assert ids("--until", "2018-03-01") == ["the-defenders/s1", "jessica-jones/s2"]
    assert ids("--tag", "marvel") == ["the-defenders/s1", "jessica-jones/s2"]
    assert ids("--status", "unknown") == ["luke-cage/s2"]
    assert ids("--status", "renewed") == ["jessica-jones/s2"]  # a show status
    assert ids("--network", "hbo") == []
    assert ids("--network", "NETFLIX") == ids() != []  # case-blind
    # A release on another platform than its show's network is found by either.
    assert marvel("expect", "Luke Cage", "2", "2018", "--platform", "Hulu").code == 0
    assert "luke-cage/s2" in ids("--network", "hulu")
    assert "luke-cage/s2" in ids("--network", "netflix")


def test_overdue_is_shown_by_all_and_flagged(marvel: Runner) -> None:
    rows = json.loads(marvel("--today", "2019-01-01", "upcoming", "--all", "-o", "json").out)
    overdue = {r["id"] for r in rows if r["status"] == "overdue"}
    assert overdue == {"the-defenders/s1", "jessica-jones/s2"}
    # Overdue is news (spec/cli.md): listed without --all too, first.
    plain = json.loads(marvel("--today", "2019-01-01", "upcoming", "-o", "json").out)
    assert {r["id"] for r in plain[:2]} == overdue and len(plain) == 3
    table = marvel("--today", "2019-01-01", "upcoming", "--all", "-o", "table").out
    assert "overdue by" in table


def test_window_json_has_the_spec_keys(cli: Runner) -> None:
    result = cli("window", "does not return before 2018", "-o", "json")
    assert json.loads(result.out) == {
        "phrase": "does not return before 2018",
        "as_of": "2017-07-01",
        "region": None,
        "earliest": "2018-01-01",
        "latest": None,
        "edtf": "2018-01-01/..",
        "status": "upcoming",
        "countdown": "in 6+ months",
    }
    timed = json.loads(cli("window", "June 16, 2018 9pm ET", "-o", "json").out)
    assert timed["air_time"] == "2018-06-16T21:00:00-04:00"


def test_window_region_and_as_of(cli: Runner) -> None:
    out = json.loads(
        cli("window", "this summer", "--region", "AU", "--as-of", "2017-01-10", "-o", "json").out
    )
    assert (out["earliest"], out["latest"], out["region"]) == ("2016-12-01", "2017-02-28", "AU")


def test_window_unreadable_is_3(cli: Runner) -> None:
    result = cli("window", "whenever")
    assert result.code == 3 and "spring 2018" in result.err


@pytest.mark.parametrize("columns", [80, 200])
def test_timeline_fits_the_terminal(
    marvel: Runner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    out = marvel("timeline", "--months", "12").out
    lines = out.splitlines()
    assert all(len(line) <= columns for line in lines)
    assert any("┃ today 2017-07-01" in line for line in lines)
    jj = next(line for line in lines if line.startswith("Jessica Jones S2"))
    assert "█" in jj
    defenders = next(line for line in lines if line.startswith("The Defenders S1"))
    assert defenders.split("  ", 1)[1].lstrip().startswith("◀")  # began before today
    assert "TBA" in next(line for line in lines if line.startswith("Luke Cage S2"))


def test_upcoming_table_fits_the_terminal(marvel: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    lines = marvel("upcoming", "-o", "table").out.splitlines()
    assert all(len(line.rstrip()) <= 100 for line in lines)
    assert lines[0].split()[:2] == ["When", "Release"]
    text = " ".join(lines)
    for title in ("The Defenders", "Jessica Jones", "Luke Cage"):
        assert title in text


@pytest.mark.parametrize("columns", [30, 40])
def test_a_terminal_too_narrow_for_the_columns_gets_each_row_as_a_block(
    marvel: Runner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    marvel("add", "The Marvelous Mrs. Maisel: A Very Long Subtitle For Testing")
    monkeypatch.setenv("COLUMNS", str(columns))
    upcoming = marvel("upcoming", "--all", "-o", "table")
    assert upcoming.code == 0, upcoming.err
    out = upcoming.out
    assert "…" not in out  # nothing cut: not "Countd…", not "releas…"
    assert all(len(line) <= columns and line == line.rstrip() for line in out.splitlines())
    blocks = out.rstrip("\n").split("\n\n")
    assert len(blocks) == 3  # one a release, a blank line between
    jones = next(b for b in blocks if "Jessica Jones S2" in b).splitlines()
    assert [line.split()[0] for line in jones if not line.startswith(" ")] == [
        "When",
        "Release",
        "Countdown",
        "Status",
    ]
    assert "Status     upcoming" in jones
    listed = marvel("list", "-o", "table").out
    assert "…" not in listed
    # A long id folds under itself, whole, rather than cut short.
    maisel = next(b for b in listed.split("\n\n") if "Marvelous" in b).splitlines()
    at = next(i for i, line in enumerate(maisel) if line.startswith("Id "))
    pieces = [maisel[at].split()[1]]
    pieces += [line.strip() for line in maisel[at + 1 :] if line.startswith(" ")]
    assert "".join(pieces) == "the-marvelous-mrs-maisel-a-very-long-subtitle-for-testing"


@pytest.mark.parametrize("columns", [50, 80])
def test_at_50_and_80_columns_no_status_header_or_day_is_cut(
    marvel: Runner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    marvel("add", "The Marvelous Mrs. Maisel")
    marvel("expect", "The Marvelous Mrs. Maisel", "2", "late 2017 or early 2018")
    marvel("--today", "2017-08-01", "released", "The Defenders", "1", "2017-07-20")
    monkeypatch.setenv("COLUMNS", str(columns))
    out = marvel("--today", "2017-08-01", "upcoming", "--all", "-o", "table").out
    lines = out.splitlines()
    assert all(len(line) <= columns for line in lines)
    assert "…" not in out
    assert lines[0].split() == ["When", "Release", "Countdown", "Status", *lines[0].split()[4:]]
    words = set(out.split())
    assert {"released", "upcoming", "2017-07-20", "Sep", "2017–Apr", "Mar–May"} <= words


@pytest.mark.parametrize("columns", [50, 60, 80])
def test_history_never_cuts_a_day_or_a_stage(
    marvel: Runner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    shown = marvel("history", "Jessica Jones", "2", "-o", "table")
    assert shown.code == 0, shown.err
    assert "…" not in shown.out  # the Source column folds instead
    assert "2018-01-01 →" in shown.out and "Mar–May 2018" in shown.out
    assert all(len(line) <= columns for line in shown.out.splitlines())


def test_countdown_panels(marvel: Runner) -> None:
    out = marvel("countdown", "Jessica Jones", "2").out
    assert "in 8–11 months" in out and "spring 2018" in out
    # The bar fills the panel (60 columns less its borders and padding): waited since the
    # first report (─), today (│), still to wait (░), the window itself (█), in order.
    (bar,) = [m[1] for line in out.splitlines() if (m := re.match(r"│ ([─░█│]{56}) │$", line))]
    assert bar.count("│") == 1
    assert re.fullmatch(r"─+│░+█+░*", bar), bar


def test_live_countdown_at_a_terminal_ends_with_ctrl_c_and_status_130(
    db: Path, marvel: Runner
) -> None:
    """Ctrl-C ends it as it ends every command: status 130 (spec/cli.md)."""
    env = {**os.environ, "SHOWTRACK_DB": str(db), "COLUMNS": "80", "TERM": "xterm"}
    live = Terminal(["countdown", "--live"], env)
    live.wait_for(b"Jessica Jones S2")
    time.sleep(1.5)  # still ticking
    assert live.process.poll() is None
    live.process.send_signal(signal.SIGINT)
    code = live.close(timeout=20)
    assert code == 130, live.screen
    assert b"Traceback" not in live.screen


def test_live_countdown_without_a_terminal_prints_once(db: Path, marvel: Runner) -> None:
    started = time.monotonic()
    done = run_process(db, "countdown", "--live")
    assert done.code == 0, done.err
    assert time.monotonic() - started < 20
    assert "Jessica Jones S2" in done.out
    # A window is a range, not a clock ticking to its first day.
    assert "in 8–11 months" in done.out


def test_calendar_shows_exact_days_and_windows(marvel: Runner) -> None:
    marvel("expect", "Luke Cage", "2", "2018-03-14")
    out = marvel("calendar", "2018-03").out
    assert "March 2018" in out and "Luke Ca… S2" in out  # cut to its day, season kept
    assert "░ Jessica Jones S2" in out


def test_history_honours_today(marvel: Runner) -> None:
    marvel("--today", "2018-01-17", "expect", "Jessica Jones", "2", "2018-03-08")
    then = json.loads(marvel("history", "Jessica Jones", "2", "-o", "json").out)
    later = json.loads(
        marvel("--today", "2018-01-17", "history", "jessica-jones/s2", "-o", "json").out
    )
    assert len(later) == len(then) + 1


def test_tsv_keeps_columns_for_shell_read(marvel: Runner, tmp_path: Path) -> None:
    tsv = tmp_path / "out.tsv"
    tsv.write_text(marvel("upcoming", "-o", "tsv").out)
    script = (
        f"tail -n +2 {tsv} | while IFS=$'\\t' read -r id show show_id season title "
        'phrase earliest latest edtf effective status _; do echo "$id $status"; done'
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [
        "the-defenders/s1 open",
        "jessica-jones/s2 upcoming",
        "luke-cage/s2 unknown",
    ]


@pytest.mark.parametrize(
    ("phrase", "earliest", "latest"),
    [*(row for row in SPEC_ROWS if row[1] is not None), *FAMILIES],  # errors: see below
)
def test_every_window_form_works_through_the_window_command(
    cli: Runner, phrase: str, earliest: str, latest: str
) -> None:
    result = cli("window", phrase, "--as-of", "2017-07-01", "-o", "json")
    assert result.code == 0, result.err
    shown = json.loads(result.out)
    assert (shown["earliest"] or "open", shown["latest"] or "open") == (earliest, latest)


@pytest.mark.parametrize("phrase", ["Q5 2018", "week 60", "", "the 13th month of 2018"])
def test_a_window_that_cannot_be_placed_is_exit_3_on_one_line(cli: Runner, phrase: str) -> None:
    result = cli("window", phrase)
    assert result.code == 3
    assert result.err.startswith("showtrack: ") and "Traceback" not in result.err


def test_machine_formats_print_their_header_with_nothing_listed(cli: Runner) -> None:
    cli("add", "Severance")
    cli("add", "Gone")
    cli("remove", "Gone", "--yes")
    for command in (("upcoming",), ("upcoming", "--episodes")):
        tsv = cli(*command, "-o", "tsv")
        assert tsv.out.startswith("id\t"), command
        assert len(tsv.out.splitlines()) == 1
        csv_out = cli(*command, "-o", "csv").out
        assert csv_out.startswith("id,") and len(csv_out.splitlines()) == 1
    assert cli("upcoming", "-o", "json").out == "[]\n"
    cli("remove", "Severance", "--yes")
    shows = cli("list", "-o", "csv")
    assert shows.code == 1 and shows.out.startswith("id,title,") and shows.out.count("\n") == 1
    empty = cli("check", "-o", "tsv")
    assert empty.code == 1 and empty.out.startswith("id\t")


def test_an_overdue_release_is_news_not_noise(cli: Runner) -> None:
    cli("add", "Game of Thrones", "--network", "HBO")
    cli("add", "Severance")
    cli("expect", "Game of Thrones", "7", "2017-07-16", "--at", "21:00", "--tz", "America/New_York")
    cli("expect", "Severance", "1", "2017-07-20")
    day_after = ("--today", "2017-07-17")
    rows = json.loads(cli(*day_after, "upcoming", "-o", "json").out)
    assert [(r["title"], r["status"]) for r in rows] == [
        ("Game of Thrones S7", "overdue"),  # first, though Severance is sooner to come
        ("Severance S1", "upcoming"),
    ]
    assert rows[0]["countdown"] == "overdue by 1 day"  # not "aired": nobody said so
    table = cli(*day_after, "upcoming", "-o", "table").out
    assert 'showtrack released "Game of Thrones" 7' in table
    assert "overdue" in cli(*day_after, "countdown").out
    assert "Game of Thrones S7" in cli(*day_after, "timeline").out
    # check tells once when it becomes overdue, and not for ever after.
    first = cli(*day_after, "check", "--once")
    assert "Game of Thrones S7  overdue by 1 day" in first.out
    again = cli(*day_after, "check", "--once")
    assert "Game of Thrones" not in again.out
    assert "Game of Thrones" not in cli("--today", "2017-09-01", "check").out
    # Released: no longer overdue, no longer listed.
    cli(*day_after, "released", "Game of Thrones", "7", "2017-07-16")
    assert "Game of Thrones" not in cli(*day_after, "upcoming", "-o", "tsv").out


def test_calendar_without_colour_draws_with_glyphs(marvel: Runner) -> None:
    marvel("expect", "Luke Cage", "2", "2018-03-14")
    marvel("add", "A Show With A Title Far Too Long For A Day")
    marvel("expect", "A Show With", "1", "2018-03-14")
    out = marvel("--no-color", "--today", "2018-03-06", "calendar").out
    assert "[6]" in out  # today
    assert "·26" in out  # a day of February
    assert "░░░" in out  # Jessica Jones's window is open in March
    assert "[n] today  ·n another month  ░ a window open that day" in out
    assert "Luke Ca… S2" in out and "A Show… S1" in out  # one line each, season kept
    assert "Far Too Long For A Day" not in out


def test_countdown_panels_are_one_width_with_their_ends_labelled(marvel: Runner) -> None:
    marvel("expect", "Luke Cage", "2", "2017-07-02")
    out = marvel("countdown").out
    borders = [line for line in out.splitlines() if line.startswith(("╭", "╰"))]
    assert len({len(line) for line in borders}) == 1
    luke = out.split("Luke Cage S2", 1)[1].split("╰", 1)[0]
    assert "window  2017-07-02" in luke and "(2017-07-02)" not in luke  # said once
    assert "█" in luke  # a window of one day, tomorrow, still shows
    assert "2017-07-01" in luke and "2017-07-02" in luke
    assert "─ since first report  │ today  ░ to wait  █ window" in out


@pytest.mark.parametrize("month", ["9999-12", "0000-01", "1899-12"])
def test_a_calendar_of_a_year_showtrack_does_not_keep_is_exit_2(marvel: Runner, month: str) -> None:
    done = marvel("calendar", month)
    assert done.code == 2 and done.out == ""
    assert done.err.startswith(f"showtrack: month {month!r} is outside the years"), done.err


def test_the_overdue_hint_for_a_special_is_a_command_that_works(cli: Runner) -> None:
    cli("add", "Doctor Who")
    assert (
        cli(
            "--today", "2016-11-01", "expect", "Doctor Who", "Christmas Special", "december 2016"
        ).code
        == 0
    )
    table = cli("--today", "2017-02-01", "upcoming", "--status", "overdue", "-o", "table")
    hint = 'showtrack released "Doctor Who" christmas-special'
    assert table.code == 0 and hint in " ".join(table.out.split())
    done = cli("--today", "2017-02-01", "released", "Doctor Who", "christmas-special")
    assert done.code == 0, done.err
    assert done.out.startswith("Doctor Who")


def test_episodes_of_one_day_are_listed_by_number_whichever_was_recorded_first(
    cli: Runner,
) -> None:
    cli("add", "Andor")
    assert cli("episode", "Andor", "1", "2", "2017-07-10").code == 0
    assert cli("episode", "Andor", "1", "1", "2017-07-10", "--at", "21:00").code == 0
    listed = cli("episodes", "Andor", "1", "-o", "tsv")
    assert listed.code == 0
    assert [line.split("\t")[0] for line in listed.out.splitlines()[1:]] == [
        "andor/s1e1",
        "andor/s1e2",
    ]


@pytest.mark.parametrize("columns", [40, 80])
def test_no_line_of_a_table_ends_in_spaces(
    marvel: Runner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    marvel("expect", "Luke Cage", "2", "spring 2018", "--source", "Deadline")
    marvel("expect", "Luke Cage", "2", "summer 2018")
    marvel("add", "The Marvelous Mrs. Maisel: A Very Long Subtitle", "--note", "x " * 60)
    monkeypatch.setenv("COLUMNS", str(columns))
    for args in (
        ("window", "spring 2018"),
        ("history", "Luke Cage", "2", "-o", "table"),
        ("upcoming", "-o", "table"),
        ("list", "-o", "table"),
        ("info", "Jessica Jones"),
        ("info", "Marvelous"),  # its title and its notes wrap at 40
        ("calendar", "2018-03"),
        ("timeline",),
    ):
        result = marvel(*args)
        assert result.code == 0, (args, result.err)
        assert len(result.out.splitlines()) > 2
        assert [line for line in result.out.splitlines() if line != line.rstrip()] == [], args


def test_the_timeline_help_and_legend_name_the_same_marks(marvel: Runner) -> None:
    from showtrack.render.charts import TIMELINE_LEGEND

    marks = {ch for entry in TIMELINE_LEGEND for ch in entry if not ch.isascii()}
    assert marks == {"█", "◆", "▒", "●", "━", "◀", "▶", "→", "┃", "·"}
    helped = marvel("timeline", "--help")
    assert helped.code == 0 and marks <= set(helped.out)
    drawn = marvel("timeline")
    assert drawn.code == 0 and all(entry in drawn.out for entry in TIMELINE_LEGEND)


@pytest.mark.parametrize("columns", [40, 50])
def test_a_narrow_panel_title_keeps_the_season(
    cli: Runner, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    cli("add", "The Marvelous Mrs. Maisel: A Very Long Subtitle")
    cli("expect", "The Marvelous Mrs. Maisel: A Very Long Subtitle", "2", "2017-12-01")
    monkeypatch.setenv("COLUMNS", str(columns))
    for args in (("countdown", "maisel"), ("info", "maisel")):
        out = cli(*args).out
        title = next(line for line in out.splitlines() if line.startswith("╭─ "))
        assert "… S2 ─" in title and len(title) <= columns, (args, title)
