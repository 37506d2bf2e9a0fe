"""How well and how fast `showtrack read` reads; print and record the tables.

Run it with `make bench-read`. It scores the reader on the real articles of
../shared/read-dev/ with that folder's own scorer, in both of its modes (open: every
show counts; tracked: the database tracks the labelled shows), and times whole
`showtrack read` processes on an article of 2,000 words made from templates of TV news,
against `python -c pass` and `showtrack --help` measured in the same run. It also checks
that a command that does not read articles does not load the reader. A score or a timing
here never decides whether the tests pass.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHOWTRACK = str(Path(sys.executable).parent / "showtrack")
READ_DEV = ROOT.parent / "shared" / "read-dev"
WORDS = 2_000
GOAL_SECONDS = 0.3  # issue 30: a 2,000-word article, end to end


_SHOWS = [
    "Copper Valley",
    "Night Harbor",
    "Glass Orchard",
    "Ember Road",
    "Field Notes",
    "Quiet Hours",
    "Tidewater",
    "The Lantern Room",
    "Harbor Lights",
    "Night Ferry",
    "Starfall Station",
    "Long Quiet",
    "Copper Crown",
    "Salt Marsh",
    "Red Meridian",
]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_SENTENCES = [
    "{show} will return for its {nth} season on {month} {day}, the network said.",
    "Streamer Lumen has renewed {show} for a {nth} season, which is expected in {part} {year}.",
    "Production on season {n} of {show} begins in {month}, with a premiere planned for {year}.",
    "The {nth} season of {show} drew {n}.{day} million viewers on Sunday, a series high.",
    '"We are thrilled to keep telling this story," showrunner Dana Wells said of {show}.',
    "{show} won't air again until {year}, according to its creator.",
    "Fans of {show} will have to wait: the drama's {nth} season has been pushed to {part} {year}.",
    "Star Olu Benning, who turns {day} on {month} {day}, {year}, will host a festival panel.",
    "{show} airs Sundays at 9 p.m. on Vela One.",
    "Meanwhile, {show} and {other} both arrive in {part} {year} on the streamer.",
    "The first season of {show}, which premiered in {month} {past}, ran for ten episodes.",
    "Filming on the spin-off of {show} wraps in {month}, and it should air in {part} {year}.",
]


def article_of(words: int) -> str:
    """An article of `words` words in the style of TV news, made up from templates with a
    fixed seed: every sentence different, as in a real article, so that nothing is read
    twice."""
    import random

    pick = random.Random(2026)
    ordinals = ["second", "third", "fourth", "fifth", "sixth"]
    sentences: list[str] = []
    count = 0
    while count < words:
        template = pick.choice(_SENTENCES)
        show, other = pick.sample(_SHOWS, 2)
        sentence = template.format(
            show=show,
            other=other,
            nth=pick.choice(ordinals),
            month=pick.choice(_MONTHS),
            day=pick.randint(1, 28),
            n=pick.randint(2, 9),
            year=pick.randint(2026, 2029),
            part=pick.choice(["early", "mid", "late"]),
            past=pick.randint(2015, 2024),
        )
        sentences.append(sentence)
        count += len(sentence.split())
        if len(sentences) % 4 == 0:
            sentences.append("\n\n")
    return "Our round-up of TV release news\n\n" + " ".join(sentences)


def medians_in_turns(
    commands: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, float]:
    """Each command run `runs` times, the commands in turns (so that the machine's drift
    falls on all alike), after a warm-up that also writes the bytecode; medians."""
    for argv in commands.values():
        subprocess.run(argv, capture_output=True, env=env, check=False)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            start = time.perf_counter()
            subprocess.run(argv, capture_output=True, env=env, check=False)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(taken) for name, taken in times.items()}


def scores() -> list[str]:
    """The read-dev scorer's summary lines, both modes."""
    if not (READ_DEV / "score.py").exists():
        return [f"(no {READ_DEV}: the development set is not beside the project)"]
    done = subprocess.run(
        [sys.executable, str(READ_DEV / "score.py"), "--showtrack", SHOWTRACK],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    return [line for line in done.stdout.splitlines() if line.startswith("read-dev")]


def loads_reader(command: Sequence[str], env: dict[str, str]) -> bool:
    """Whether a command imports showtrack.reader (python -X importtime says so)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "showtrack", *command],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return "showtrack.reader" in done.stderr


def main(argv: Sequence[str] | None = None) -> int:
    """Score and time the reader; with --write, record bench/READING.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="timed runs per command")
    parser.add_argument("--write", action="store_true", help="write bench/READING.md")
    args = parser.parse_args(argv)
    lines = ["## Quality on ../shared/read-dev/ (45 real articles)", ""]
    with tempfile.TemporaryDirectory(prefix="showtrack-read-") as tmp:
        folder = Path(tmp)
        env = dict(os.environ, SHOWTRACK_DB=str(folder / "db.json"), NO_COLOR="1")
        env["SHOWTRACK_TODAY"] = "2026-11-24"
        # What a user gets: bytecode cached (the first run below writes it).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run([SHOWTRACK, "add", "Glass Orchard"], env=env, capture_output=True)
        article = folder / "article.txt"
        article.write_text(article_of(WORDS), encoding="utf-8")
        read = [SHOWTRACK, "read", str(article), "--as-of", "2025-06-01", "-o", "json"]
        timings = medians_in_turns(
            {
                "python -c pass": [sys.executable, "-c", "pass"],
                "showtrack --help": [SHOWTRACK, "--help"],
                f"showtrack read ({WORDS:,} words)": read,
            },
            args.runs,
            env,
        )
        reader_in_check = loads_reader(["check"], env)
        reader_in_upcoming = loads_reader(["upcoming"], env)
    lines += [f"    {line}" for line in scores()]  # after the timings: the scorer heats
    lines += ["", "## Speed (whole processes, medians)", ""]
    lines += ["| command | median |", "|---|---:|"]
    lines += [f"| `{name}` | {seconds * 1000:.0f} ms |" for name, seconds in timings.items()]
    took = timings[f"showtrack read ({WORDS:,} words)"]
    help_took = timings["showtrack --help"]
    lines += [
        "",
        f"- read of {WORDS:,} words: {took:.2f} s (goal under {GOAL_SECONDS} s: "
        f"{'holds' if took < GOAL_SECONDS else 'DOES NOT HOLD'}); "
        f"{took / help_took:.1f}× `showtrack --help`",
        f"- `check` loads the reader: {'YES' if reader_in_check else 'no'}; "
        f"`upcoming` loads the reader: {'YES' if reader_in_upcoming else 'no'}",
    ]
    print("\n".join(lines))
    if args.write:
        header = [
            "# Reading: quality and speed",
            "",
            f"Measured {datetime.now():%Y-%m-%d} by `make bench-read` ({args.runs} runs a "
            "command), on the machine of bench/RESULTS.md.",
            "",
        ]
        (HERE / "READING.md").write_text("\n".join([*header, *lines, ""]), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
