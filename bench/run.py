"""Time whole showtrack processes on generated databases; print and record the tables.

Run it with `make bench`. It generates databases of 1k, 10k and 100k releases
through `showtrack import`, runs every command several times as a user or cron
would (a fresh process each time, output to a pipe), and reports medians, peak
memory, the growth of each command from 10k to 100k, and the goals of
bench/RESULTS.md as ratios against floors and peers measured in the same run:
`python -c pass`; the bare import of our stack; the bare rewrite of the 100k
database (bench/rewrite_floor.py: read, keep each record undecoded, write back,
fsync, rename), which no write can beat; khal listing 1,000 events, one a file
as a vdir holds them, when khal is installed (`make bench` installs it beside
the project; `--no-khal` skips it); and taskwarrior's `task next` on 1,000 and
10,000 tasks when `task` is on the PATH (a C++ program from the system's
packages, e.g. `apt-get install taskwarrior`).
Machines are noisy, so goals are ratios within one run. A timing here never
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
from collections.abc import Mapping, Sequence
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
    return measure_together({name: argv}, env, runs, ok)[name]


def measure_together(
    commands: Mapping[str, Sequence[str]],
    env: dict[str, str],
    runs: int,
    ok: Sequence[int] = (0, 1),
) -> dict[str, Timing]:
    """Each command's warm-up, then `runs` rounds that run each command once, in turn;
    medians. Commands whose ratio is a goal are taken in turns so that the machine's
    drift during the run (the page cache, other tenants) falls on both alike."""
    for name, argv in commands.items():
        _, _, status = run_once(argv, env)
        if status not in ok:
            raise SystemExit(f"bench: {name}: exit {status}: {' '.join(argv)}")
    seconds: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            elapsed, peak, _ = run_once(argv, env)
            seconds[name].append(elapsed)
            peaks[name].append(peak)
    return {
        name: Timing(name, statistics.median(seconds[name]), max(peaks[name]), runs)
        for name in commands
    }


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


def _ics_event(number: int) -> str:
    day = TODAY + timedelta(days=number % 365)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//showtrack bench//EN",
        "BEGIN:VEVENT",
        f"UID:bench-{number}@showtrack",
        f"DTSTAMP:{TODAY:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
        f"SUMMARY:Show {number} S1",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


def khal_command(folder: Path, count: int) -> list[str] | None:
    """A `khal list` over a calendar of `count` events, one a file as a vdir holds them
    (khal skips a file with several), or None when khal is absent. Refuses to compare
    when khal does not list them all."""
    khal = shutil.which("khal") or str(KHAL_VENV / "bin" / "khal")
    if not Path(khal).exists():
        return None
    calendar = folder / "khal-calendar"
    calendar.mkdir(exist_ok=True)
    for number in range(count):
        (calendar / f"bench-{number}.ics").write_text(_ics_event(number), encoding="utf-8")
    config = folder / "khal.conf"
    config.write_text(
        f"[calendars]\n[[bench]]\npath = {calendar}\ntype = calendar\n"
        f"[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\n"
        f"longdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\n"
        f"longdatetimeformat = %Y-%m-%d %H:%M\n"
        f"[sqlite]\npath = {folder / 'khal.db'}\n",
        encoding="utf-8",
    )
    command = [khal, "-c", str(config), "list", TODAY.isoformat(), "365d"]
    listed = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    shown = sum(" S1" in line for line in listed.splitlines())
    if shown < count:
        raise SystemExit(f"bench: khal listed {shown} of {count} events; not a comparison")
    return command


def taskwarrior_command(folder: Path, count: int) -> list[str] | None:
    """`task next` over `count` pending tasks with due dates, or None when taskwarrior
    is not installed (it is a C++ program from the system's packages: `make bench` does
    not install it)."""
    task = shutil.which("task")
    if task is None:
        return None
    data = folder / f"taskwarrior-{count}"
    data.mkdir(exist_ok=True)
    rc = folder / f"taskrc-{count}"
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
    lines += ["", "| goal | measured | limit | holds |", "|---|---:|---:|:-:|"]
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


def _script(folder: Path, name: str, body: str) -> list[str]:
    """A shell script run as one command (a write that alternates between two values,
    so that every run changes something)."""
    script = folder / f"{name}.sh"
    script.write_text(body, encoding="utf-8")
    return ["sh", str(script)]


def _toggle(folder: Path, name: str, first: str, second: str) -> list[str]:
    flag = folder / f"{name}.flip"
    return _script(
        folder,
        name,
        f'if [ -e "{flag}" ]; then rm "{flag}"; {first}; else touch "{flag}"; {second}; fi\n',
    )


def writes(folder: Path, database: Path, label: str) -> dict[str, list[str]]:
    """The write commands, each changing the database on every run."""
    db = f'exec {SHOWTRACK} --db "{database}"'
    counter = folder / f"added-{label}"
    counter.write_text("0", encoding="utf-8")
    return {
        "expect": _toggle(
            folder,
            f"expect-{label}",
            f'{db} expect show-000001 9 "summer 2027" --source bench --create-show',
            f'{db} expect show-000001 9 "spring 2027" --source bench --create-show',
        ),
        "released": _toggle(
            folder,
            f"released-{label}",
            f"{db} released show-000002 1 2026-11-20",
            f"{db} released show-000002 1 2026-11-21",
        ),
        "add": _script(
            folder,
            f"add-{label}",
            f'n=$(cat "{counter}"); echo $((n + 1)) > "{counter}"\n{db} add "Bench Added $n"\n',
        ),
        "episode": _toggle(
            folder,
            f"episode-{label}",
            f"{db} episode show-000003 1 1 2027-01-05",
            f"{db} episode show-000003 1 1 2027-01-06",
        ),
    }


def reads(database: Path) -> dict[str, list[str]]:
    """The read commands, as a person or a script runs them."""
    db = [SHOWTRACK, "--db", str(database)]
    return {
        "upcoming": [*db, "upcoming", "-o", "table"],
        "upcoming -o json": [*db, "upcoming", "-o", "json"],
        "upcoming -o tsv": [*db, "upcoming", "-o", "tsv"],
        "check": [*db, "check"],
        "info": [*db, "info", "show-000001", "-o", "table"],
        "history": [*db, "history", "show-000001", "1", "-o", "table"],
        "timeline": [*db, "timeline"],
        "calendar": [*db, "calendar"],
        "export json": [*db, "export"],
        "export ics": [*db, "export", "--format", "ics"],
    }


def listing_shape(export: Path, listing: Path) -> None:
    """The releases of an export as a JSON array in the listing shape, written by a child
    process: a parent that had read 100,000 records would lend its size to every
    process it starts after, and so to the peak memory measured for them."""
    with listing.open("w", encoding="utf-8") as out:
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), "--listing-shape", str(export)],
            stdout=out,
            check=True,
        )


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
    with tempfile.TemporaryDirectory(prefix="showtrack-bench-") as tmp:
        folder = Path(tmp)

        def keep(timing: Timing) -> None:
            timings[timing.name] = timing
            print(f"{timing.name:<48} {timing.seconds * 1000:8.0f} ms", file=sys.stderr)

        def add(name: str, command: Sequence[str], count: int = runs) -> None:
            keep(measure(name, command, env, count))

        add("python -c pass", [sys.executable, "-c", "pass"])
        add(
            "python -c 'import typer, rich.table, tinydb'",
            [sys.executable, "-c", "import typer, rich.table, tinydb"],
        )
        add("showtrack --help", [SHOWTRACK, "--help"])
        khal = None if args.no_khal else khal_command(folder, 1_000)
        if khal:
            add("khal list (1k events, one a file)", khal)
        for count in (1_000, 10_000):
            taskwarrior = taskwarrior_command(folder, count)
            if taskwarrior:
                add(f"task next ({count // 1000}k tasks)", taskwarrior)
        for size in sizes:
            database, _ = build_database(folder, size, env)
            label = f"{size // 1000}k"
            count = runs if size < 100_000 else max(3, runs // 3)
            commands = reads(database)
            if size < 10_000:  # start-up: what a listing costs on a small database
                commands = {k: commands[k] for k in ("upcoming", "upcoming -o json", "check")}
            for name, command in commands.items():
                add(f"{name} ({label})", command, count)
            for name, command in writes(folder, database, label).items():
                add(f"{name} ({label})", command, count)
            if size >= 10_000:
                floor = [sys.executable, str(HERE / "rewrite_floor.py"), str(database)]
                add(f"rewrite floor ({label})", floor, count)
                export = folder / f"export-{size}.json"
                listing = folder / f"listing-{size}.json"
                listing_shape(export, listing)
                for shape, source in (("export shape", export), ("listing shape", listing)):
                    target = folder / f"imported-{size}.json"
                    command = _script(
                        folder,
                        f"import-{shape.split()[0]}-{size}",
                        f'rm -f "{target}"*; exec {SHOWTRACK} --db "{target}" import "{source}"\n',
                    )
                    add(f"import, {shape} ({label})", command, count)
        # Episodes: 1,000 shows (5,000 releases) without episodes, and the same releases
        # with 20,000 episodes, 300 seasons on air. Listings that do not ask for episodes
        # should not pay for them.
        plain, _ = build_database(folder, EPISODE_RELEASES, env)
        with_episodes, _ = build_database(folder, EPISODE_RELEASES, env, episodes=True)
        # Each pair in turns, three times as many runs: a limit of 10% on a command of
        # about 0.1 s is within the run-to-run noise of a shared machine.
        pairs = (
            ("upcoming", ["upcoming", "-o", "table"]),
            ("upcoming -o json", ["upcoming", "-o", "json"]),
            ("check", ["check"]),
        )
        for title, command in pairs:
            pair = {
                f"{title} (5k, {name})": [SHOWTRACK, "--db", str(database), *command]
                for name, database in (("no episodes", plain), ("20k episodes", with_episodes))
            }
            for timing in measure_together(pair, env, runs * 3).values():
                keep(timing)
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
    lines = [*_rows(timings, GOALS), "", *_growth(timings)]
    print("\n".join(lines))
    if args.write:
        header = [
            "# Benchmark results",
            "",
            f"Measured {datetime.now():%Y-%m-%d} by `make bench` ({runs} runs a command, "
            "medians; 100k: a third as many; the pairs with and without episodes: three "
            "times as many, in turns) on: " + _machine() + ".",
            "",
            "Every figure is a whole process, started fresh, output to a pipe, "
            f"on data as of {TODAY} (`SHOWTRACK_TODAY`); the floors and peers (`python -c "
            "pass`, the bare import of our stack, the bare rewrite of the database, khal, "
            "and taskwarrior where it is installed) are measured in the same run.",
            "",
        ]
        results = HERE / "RESULTS.md"
        notes = _kept_notes(results)
        results.write_text("\n".join([*header, *lines, "", *notes]), encoding="utf-8")
    return 0


STACK = "python -c 'import typer, rich.table, tinydb'"
EPISODES, NO_EPISODES = "(5k, 20k episodes)", "(5k, no episodes)"
#: (what, measured, against, limit): `against` is a command (a ratio), "" (seconds) or
#: "MB" (peak memory).
GOALS: list[tuple[str, str, str, float]] = [
    *(
        (f"{write} 100k ÷ rewrite floor 100k", f"{write} (100k)", "rewrite floor (100k)", 1.5)
        for write in ("expect", "released", "add", "episode")
    ),
    *(
        (f"{write} 100k peak memory", f"{write} (100k)", "MB", 300)
        for write in ("expect", "released", "add", "episode")
    ),
    ("info 100k ÷ upcoming 100k", "info (100k)", "upcoming (100k)", 1.2),
    ("history 100k ÷ upcoming 100k", "history (100k)", "upcoming (100k)", 1.2),
    ("timeline 100k ÷ upcoming 100k", "timeline (100k)", "upcoming (100k)", 1.5),
    ("calendar 100k ÷ upcoming 100k", "calendar (100k)", "upcoming (100k)", 1.5),
    ("export json 100k ÷ rewrite floor 100k", "export json (100k)", "rewrite floor (100k)", 2.0),
    ("upcoming -o json 100k ÷ upcoming 100k", "upcoming -o json (100k)", "upcoming (100k)", 2.0),
    ("upcoming -o json 100k peak memory", "upcoming -o json (100k)", "MB", 400),
    (
        "import 100k, listing shape ÷ export shape",
        "import, listing shape (100k)",
        "import, export shape (100k)",
        3.0,
    ),
    (
        "import listing shape, 100k ÷ 10k",
        "import, listing shape (100k)",
        "import, listing shape (10k)",
        12.0,
    ),
    ("export ics 10k ÷ upcoming 10k", "export ics (10k)", "upcoming (10k)", 2.0),
    ("upcoming 10k ÷ task next 10k", "upcoming (10k)", "task next (10k tasks)", 1.0),
    (
        "upcoming with 20k episodes ÷ without",
        f"upcoming {EPISODES}",
        f"upcoming {NO_EPISODES}",
        1.1,
    ),
    (
        "upcoming -o json with 20k episodes ÷ without",
        f"upcoming -o json {EPISODES}",
        f"upcoming -o json {NO_EPISODES}",
        1.1,
    ),
    ("check with 20k episodes ÷ without", f"check {EPISODES}", f"check {NO_EPISODES}", 1.1),
    (
        "upcoming --episodes ÷ upcoming (20k episodes)",
        f"upcoming --episodes {EPISODES}",
        f"upcoming {EPISODES}",
        1.5,
    ),
    ("upcoming 1k ÷ bare import of our stack", "upcoming (1k)", STACK, 1.2),
    ("--help ÷ upcoming 1k", "showtrack --help", "upcoming (1k)", 1.0),
    ("upcoming 1k ÷ khal list 1k", "upcoming (1k)", "khal list (1k events, one a file)", 1.0),
    ("upcoming 10k ÷ upcoming 1k", "upcoming (10k)", "upcoming (1k)", 2.0),
    ("upcoming 100k", "upcoming (100k)", "", 1.5),
    ("upcoming 100k peak memory", "upcoming (100k)", "MB", 300),
]


def _growth(timings: dict[str, Timing]) -> list[str]:
    """Each command's time at 100k over its time at 10k (10× the releases)."""
    lines = ["| command | 10k | 100k | growth |", "|---|---:|---:|---:|"]
    for name, small in timings.items():
        if not name.endswith(" (10k)"):
            continue
        big = timings.get(name.replace(" (10k)", " (100k)"))
        if big is None:
            continue
        lines.append(
            f"| `{name[: -len(' (10k)')]}` | {small.seconds * 1000:,.0f} ms "
            f"| {big.seconds * 1000:,.0f} ms | {big.seconds / small.seconds:.1f}× |"
        )
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
