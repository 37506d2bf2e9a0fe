"""Time whole showtrack processes on generated databases; print and record the table.

Run it with `make bench`. It generates databases of 1k, 10k and 100k releases
through `showtrack import`, runs each command several times as a user or cron
would (a fresh process each time, output to a pipe), and reports medians, peak
memory, and ratios against floors measured in the same run: `python -c pass`,
the bare import of our stack, khal listing 1,000 events when khal is
installed (`make bench` installs it beside the project; `--no-khal` skips it),
and taskwarrior's `task next` on 1,000 tasks when `task` is on the PATH (a C++
program from the system's packages, e.g. `apt-get install taskwarrior`; the
native floor, not a budget).
Machines are noisy, so budgets are ratios within one run. A timing here never
decides whether the tests pass.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import TODAY

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
SHOWTRACK = str(BIN / "showtrack")
KHAL_VENV = HERE.parent / ".venv-khal"
SIZES = (1_000, 10_000, 100_000)
EPISODE_RELEASES = 5_000  # 1,000 shows, with or without 20 episodes each


@dataclass
class Timing:
    """Medians of several runs of one command."""

    name: str
    seconds: float
    peak_mb: float
    runs: int


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    # Measure what a user gets: cached bytecode, a fixed width, no colour decisions
    # taken from the terminal that launched the benchmark.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update({"COLUMNS": "120", "LINES": "40", "SHOWTRACK_TODAY": TODAY.isoformat()})
    return env


def run_once(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, peak resident MB and exit status of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.stderr is not None
    process.stderr.close()
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def measure(
    name: str, argv: Sequence[str], env: dict[str, str], runs: int, ok: Sequence[int] = (0, 1)
) -> Timing:
    """Run a warm-up and then `runs` timed runs; medians."""
    _, _, status = run_once(argv, env)
    if status not in ok:
        raise SystemExit(f"bench: {name}: exit {status}: {' '.join(argv)}")
    seconds, peaks = [], []
    for _ in range(runs):
        elapsed, peak, _ = run_once(argv, env)
        seconds.append(elapsed)
        peaks.append(peak)
    return Timing(name, statistics.median(seconds), max(peaks), runs)


def build_database(
    folder: Path, size: int, env: dict[str, str], *, episodes: bool = False
) -> tuple[Path, float]:
    """Generate and import a database of `size` releases (each show with twenty episodes
    when `episodes`); (path, seconds to import)."""
    kind = f"{size}-episodes" if episodes else str(size)
    source = folder / f"export-{kind}.json"
    extra = ["--episodes"] if episodes else []
    # Generated in a child process: a parent holding 100k records would lend its size to
    # every process it forks, and so to the peak memory measured for them.
    with source.open("w", encoding="utf-8") as out:
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), str(size), *extra], stdout=out, check=True
        )
    database = folder / f"showtrack-{kind}.json"
    start = time.perf_counter()
    subprocess.run(
        [SHOWTRACK, "--db", str(database), "import", str(source)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return database, time.perf_counter() - start


def _ics_events(count: int) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//showtrack bench//EN"]
    for number in range(count):
        day = TODAY + timedelta(days=number % 365)
        lines += [
            "BEGIN:VEVENT",
            f"UID:bench-{number}@showtrack",
            f"DTSTAMP:{TODAY:%Y%m%d}T000000Z",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"SUMMARY:Show {number} S1",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def khal_command(folder: Path, count: int) -> list[str] | None:
    """A `khal list` over a calendar of `count` events, or None when khal is absent."""
    khal = shutil.which("khal") or str(KHAL_VENV / "bin" / "khal")
    if not Path(khal).exists():
        return None
    calendar = folder / "khal-calendar"
    calendar.mkdir(exist_ok=True)
    (calendar / "events.ics").write_text(_ics_events(count), encoding="utf-8")
    config = folder / "khal.conf"
    config.write_text(
        f"[calendars]\n[[bench]]\npath = {calendar}\ntype = calendar\n"
        f"[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\n"
        f"longdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\n"
        f"longdatetimeformat = %Y-%m-%d %H:%M\n"
        f"[sqlite]\npath = {folder / 'khal.db'}\n",
        encoding="utf-8",
    )
    return [khal, "-c", str(config), "list", TODAY.isoformat(), "365d"]


def taskwarrior_command(folder: Path, count: int) -> list[str] | None:
    """`task next` over `count` pending tasks with due dates, or None when taskwarrior
    is not installed (it is a C++ program from the system's packages: `make bench` does
    not install it)."""
    task = shutil.which("task")
    if task is None:
        return None
    data = folder / "taskwarrior"
    data.mkdir(exist_ok=True)
    rc = folder / "taskrc"
    rc.write_text(
        f"data.location={data}\nconfirmation=off\nverbose=nothing\nnews.version=99.99\n",
        encoding="utf-8",
    )
    tasks = [
        {
            "description": f"Release {n:04d}",
            "status": "pending",
            "entry": "20260101T000000Z",
            "due": (TODAY + timedelta(days=n % 400)).strftime("%Y%m%dT000000Z"),
        }
        for n in range(count)
    ]
    subprocess.run(
        [task, f"rc:{rc}", "import"],
        input=json.dumps(tasks),
        text=True,
        capture_output=True,
        check=True,
    )
    return [task, f"rc:{rc}", "next"]


def install_khal() -> None:
    """Put khal in its own virtual environment so its dependencies never meet ours."""
    if (KHAL_VENV / "bin" / "khal").exists() or shutil.which("khal"):
        return
    print("bench: installing khal into .venv-khal for the comparison", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(KHAL_VENV)], check=True)
    subprocess.run(
        [str(KHAL_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "khal"],
        check=False,
    )


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = os.cpu_count()
    return (
        f"{cpu}, {cores} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )


def _rows(timings: dict[str, Timing], budgets: list[tuple[str, str, str, float]]) -> list[str]:
    lines = ["| command | median | peak memory |", "|---|---:|---:|"]
    for timing in timings.values():
        lines.append(
            f"| `{timing.name}` | {timing.seconds * 1000:,.0f} ms | {timing.peak_mb:,.0f} MB |"
        )
    lines += ["", "| budget | measured | limit | holds |", "|---|---:|---:|:-:|"]
    for label, numerator, denominator, limit in budgets:
        if numerator not in timings or denominator not in ("", "MB", *timings):
            lines.append(f"| {label} | not measured | {limit} | |")
            continue
        value = timings[numerator].seconds
        if denominator == "":
            measured, shown_limit = f"{value:.2f} s", f"{limit} s"
        elif denominator == "MB":
            value = timings[numerator].peak_mb
            measured, shown_limit = f"{value:,.0f} MB", f"{limit:,.0f} MB"
        else:
            value = value / timings[denominator].seconds
            measured, shown_limit = f"{value:.2f}×", f"{limit}×"
        lines.append(
            f"| {label} | {measured} | {shown_limit} | {'yes' if value <= limit else 'NO'} |"
        )
    return lines


NOTES_HEADING = "## Measured while profiling"


def _kept_notes(results: Path) -> list[str]:
    """The hand-written section of RESULTS.md (figures found with a profiler, which the
    code's comments point at), kept when the tables above it are rewritten."""
    try:
        text = results.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    start = text.find(NOTES_HEADING)
    return [] if start < 0 else [*text[start:].rstrip("\n").split("\n"), ""]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; print the tables and optionally write bench/RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs per command")
    parser.add_argument(
        "--sizes", default=",".join(map(str, SIZES)), help="database sizes, comma-separated"
    )
    parser.add_argument("--no-khal", action="store_true", help="skip the khal comparison")
    parser.add_argument("--write", action="store_true", help="write bench/RESULTS.md")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    if not args.no_khal:
        install_khal()
    env = _environment()
    runs = args.runs
    timings: dict[str, Timing] = {}
    imports: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="showtrack-bench-") as tmp:
        folder = Path(tmp)

        def add(name: str, command: Sequence[str], count: int = runs) -> None:
            timings[name] = measure(name, command, env, count)
            print(f"{name:<44} {timings[name].seconds * 1000:8.0f} ms", file=sys.stderr)

        add("python -c pass", [sys.executable, "-c", "pass"])
        add(
            "python -c 'import typer, rich.table, tinydb'",
            [sys.executable, "-c", "import typer, rich.table, tinydb"],
        )
        add("showtrack --help", [SHOWTRACK, "--help"])
        khal = None if args.no_khal else khal_command(folder, 1_000)
        if khal:
            add("khal list (1k events)", khal)
        taskwarrior = taskwarrior_command(folder, 1_000)
        if taskwarrior:
            add("task next (taskwarrior, 1k tasks)", taskwarrior)
        for size in sizes:
            database, seconds = build_database(folder, size, env)
            imports[size] = seconds
            db = [SHOWTRACK, "--db", str(database)]
            count = runs if size < 100_000 else max(3, runs // 3)
            label = f"{size // 1000}k"
            add(f"upcoming ({label})", [*db, "upcoming", "-o", "table"], count)
            add(f"upcoming -o json ({label})", [*db, "upcoming", "-o", "json"], count)
            add(f"check ({label})", [*db, "check"], count)
            # A write that always changes something: alternate between two windows.
            toggle = folder / f"toggle-{size}.sh"
            toggle.write_text(
                f'if [ -e "{folder}/flip-{size}" ]; then rm "{folder}/flip-{size}"; '
                f'w="summer 2027"; else touch "{folder}/flip-{size}"; w="spring 2027"; fi\n'
                f'exec {SHOWTRACK} --db "{database}" expect show-000001 9 "$w" '
                f"--source bench --create-show\n",
                encoding="utf-8",
            )
            add(f"expect ({label})", ["sh", str(toggle)], count)
        # Episodes: 1,000 shows (5,000 releases) without episodes, and the same releases
        # with 20,000 episodes, 300 seasons on air. Listings that do not ask for episodes
        # should not pay for them.
        plain, _ = build_database(folder, EPISODE_RELEASES, env)
        with_episodes, _ = build_database(folder, EPISODE_RELEASES, env, episodes=True)
        for name, database in (("no episodes", plain), ("20k episodes", with_episodes)):
            db = [SHOWTRACK, "--db", str(database)]
            add(f"upcoming (5k, {name})", [*db, "upcoming", "-o", "table"])
            add(f"upcoming -o json (5k, {name})", [*db, "upcoming", "-o", "json"])
            add(f"check (5k, {name})", [*db, "check"])
        db = [SHOWTRACK, "--db", str(with_episodes)]
        add(
            "upcoming --episodes (5k, 20k episodes)",
            [*db, "upcoming", "--episodes", "-o", "table"],
        )
        add(
            "upcoming --episodes -o json (5k, 20k episodes)",
            [*db, "upcoming", "--episodes", "-o", "json"],
        )
        add("check --episodes (5k, 20k episodes)", [*db, "check", "--episodes"])
    stack = "python -c 'import typer, rich.table, tinydb'"
    budgets = [
        ("upcoming 1k ÷ khal list 1k", "upcoming (1k)", "khal list (1k events)", 1.0),
        ("upcoming 1k ÷ bare import of our stack", "upcoming (1k)", stack, 1.2),
        ("check 1k ÷ khal list 1k", "check (1k)", "khal list (1k events)", 0.65),
        ("upcoming 10k ÷ upcoming 1k", "upcoming (10k)", "upcoming (1k)", 2.0),
        ("--help ÷ upcoming 1k", "showtrack --help", "upcoming (1k)", 1.0),
        ("expect 10k ÷ upcoming 1k", "expect (10k)", "upcoming (1k)", 2.5),
        ("upcoming 100k", "upcoming (100k)", "", 1.5),
        ("upcoming 100k peak memory", "upcoming (100k)", "MB", 300),
        ("check 100k", "check (100k)", "", 1.5),
        (
            "upcoming with 20k episodes ÷ without",
            "upcoming (5k, 20k episodes)",
            "upcoming (5k, no episodes)",
            1.1,
        ),
        (
            "upcoming -o json with 20k episodes ÷ without",
            "upcoming -o json (5k, 20k episodes)",
            "upcoming -o json (5k, no episodes)",
            1.1,
        ),
        (
            "check with 20k episodes ÷ without",
            "check (5k, 20k episodes)",
            "check (5k, no episodes)",
            1.1,
        ),
        (
            "upcoming --episodes ÷ upcoming (20k episodes)",
            "upcoming --episodes (5k, 20k episodes)",
            "upcoming (5k, 20k episodes)",
            1.5,
        ),
        (
            "upcoming --episodes -o json ÷ upcoming -o json (20k episodes)",
            "upcoming --episodes -o json (5k, 20k episodes)",
            "upcoming -o json (5k, 20k episodes)",
            1.5,
        ),
    ]
    lines = _rows(timings, budgets)
    lines += ["", "| import through `showtrack import` | seconds |", "|---|---:|"]
    lines += [f"| {size:,} releases | {seconds:.2f} s |" for size, seconds in imports.items()]
    print("\n".join(lines))
    if args.write:
        header = [
            "# Benchmark results",
            "",
            f"Measured {datetime.now():%Y-%m-%d} by `make bench` ({runs} runs a command, "
            "medians; 100k: a third as many) on: " + _machine() + ".",
            "",
            "Every figure is a whole process, started fresh, output to a pipe, "
            f"on data as of {TODAY} (`SHOWTRACK_TODAY`); the floors (`python -c pass`, "
            "the bare import of our stack, khal, and taskwarrior where it is installed) are "
            "measured in the same run.",
            "",
        ]
        results = HERE / "RESULTS.md"
        notes = _kept_notes(results)
        results.write_text("\n".join([*header, *lines, "", *notes]), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
