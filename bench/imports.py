"""How fast `import --from tvtime` is without linking; print and record the table
(bench/IMPORTS.md).

Run it with `make bench-imports`. A TV Time GDPR zip of 500 followed shows (made up, in
the export's shape, with its other files) is imported into a fresh database each run,
whole processes timed in turns against `python -c pass` and `showtrack --help`. Issue 37
asks for under 2 s. With linking, an import takes as long as TVmaze's rate limit (20
requests in 10 seconds) makes it: about 250 s for 500 shows by TVDB id, which no bench
here waits for. A timing here never decides whether the tests pass.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHOWTRACK = str(Path(sys.executable).parent / "showtrack")
SHOWS, RUNS = 500, 9
GOAL_SECONDS = 2.0


def _export(path: Path) -> Path:
    followed = "tv_show_id,tv_show_name,active,archived\r\n" + "".join(
        f"{950000 + n},Made Up Show {n},1,{int(n % 10 == 0)}\r\n" for n in range(SHOWS + SHOWS // 9)
    )
    episodes = "episode_id,tv_show_id,created_at\r\n" + "".join(
        f"{n},{950000 + n % SHOWS},2024-01-01 00:00:00\r\n" for n in range(20_000)
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("export/followed_tv_show.csv", "\ufeff" + followed)
        archive.writestr("export/seen_episode.csv", episodes)
        for n in range(50):  # the other files of a GDPR zip, never read
            archive.writestr(f"export/other_{n}.csv", "a,b\r\n1,2\r\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="record bench/IMPORTS.md")
    args = parser.parse_args()
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = _export(folder / "tvtime.zip")
        env = {"PATH": "/usr/bin:/bin", "SHOWTRACK_TODAY": "2026-11-20", "TZ": "UTC"}
        for run in range(RUNS):
            db = folder / f"db-{run}.json"
            for name, argv in (
                ("python -c pass", [sys.executable, "-c", "pass"]),
                ("showtrack --help", [SHOWTRACK, "--help"]),
                (
                    f"import --from tvtime --no-link ({SHOWS} shows)",
                    [
                        SHOWTRACK,
                        "--db",
                        str(db),
                        "import",
                        "--from",
                        "tvtime",
                        str(export),
                        "--no-link",
                    ],
                ),
            ):
                start = time.perf_counter()
                subprocess.run(argv, env=env, check=True, capture_output=True)
                times.setdefault(name, []).append(time.perf_counter() - start)
    medians = {name: statistics.median(found) for name, found in times.items()}
    seconds = medians[f"import --from tvtime --no-link ({SHOWS} shows)"]
    lines = [
        "# Imports from other trackers: how fast",
        "",
        f"Measured {datetime.now():%Y-%m-%d} by `make bench-imports` ({RUNS} runs a command "
        f"in turns, medians; whole processes, a fresh database each run): a TV Time GDPR zip "
        f"of {SHOWS} followed shows (and archived ones, and 20,000 seen episodes, and 50 other "
        "files).",
        "",
        "| command | median |",
        "|---|---:|",
        *(f"| {name} | {value * 1000:,.0f} ms |" for name, value in medians.items()),
        "",
        f"Goal (issue 37): under {GOAL_SECONDS:g} s without linking: "
        f"{'met' if seconds < GOAL_SECONDS else 'NOT met'} ({seconds:.2f} s).",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        (HERE / "IMPORTS.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
