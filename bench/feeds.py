"""How fast a sync of the news is; print and record the table (bench/FEEDS.md).

Run it with `make bench-feeds`. A server on 127.0.0.1 serves 10 feeds of 50 entries each,
none about the tracked shows (the common morning: nothing to read), written from
templates of TV news. Whole `showtrack sync --only news` processes are timed in turns
against `python -c pass`, `showtrack --help` and a process that only parses the same
feeds' bytes with feedparser (the floor issue 35 names: a sync should cost no more than
the feeds' bytes to parse), on fresh databases each run (every feed new) and on one
already synced (every feed answers 304). A timing here never decides whether the tests
pass.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHOWTRACK = str(Path(sys.executable).parent / "showtrack")
FEEDS, ENTRIES, RUNS = 10, 50, 9
GOAL_SECONDS = 1.0  # issue 35: 10 feeds of 50 entries, nothing about the user's shows


def _feed(n: int) -> bytes:
    items = "".join(
        f"<item><title>Cooking contest {n}-{i} adds a judge</title>"
        f"<link>http://127.0.0.1/f{n}/e{i}</link><guid>f{n}-e{i}</guid>"
        f"<pubDate>Wed, 18 Nov 2026 09:{i % 60:02d}:00 GMT</pubDate>"
        f"<description>The competition series {n}-{i} returns with a new judge and "
        f"a larger kitchen, the network said, after a season of record ratings.</description>"
        "</item>"
        for i in range(ENTRIES)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire {n}</title>'
        f"<link>http://127.0.0.1/</link><description>bench</description>{items}"
        "</channel></rss>"
    ).encode()


BODIES = {f"/f{n}": _feed(n) for n in range(FEEDS)}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = BODIES.get(self.path)
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def _database(folder: Path, base: str, env: dict[str, str], synced: bool) -> Path:
    db = folder / ("synced.json" if synced else f"fresh-{time.monotonic_ns()}.json")
    run = {**env, "SHOWTRACK_DB": str(db)}
    for title in ("Night Harbor", "Glass Kingdom", "Copper Valley"):
        subprocess.run([SHOWTRACK, "add", title], env=run, check=True, capture_output=True)
    for n in range(FEEDS):
        subprocess.run(
            [SHOWTRACK, "feed", "add", f"{base}/f{n}"], env=run, check=True, capture_output=True
        )
    if synced:
        subprocess.run([SHOWTRACK, "sync", "--only", "news"], env=run, capture_output=True)
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="record bench/FEEDS.md")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    parse_only = (
        "import io, sys, urllib.request, feedparser\n"
        f"for n in range({FEEDS}):\n"
        f"    raw = urllib.request.urlopen('{base}/f%d' % n).read()\n"
        "    feedparser.parse(io.BytesIO(raw))\n"
    )
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {"PATH": "/usr/bin:/bin", "SHOWTRACK_TODAY": "2026-11-20", "TZ": "UTC"}
        synced = _database(folder, base, env, synced=True)
        for _ in range(RUNS):  # in turns, so that a slow moment of the machine hits all
            fresh = _database(folder, base, env, synced=False)
            for name, argv, run_env in (
                ("python -c pass", [sys.executable, "-c", "pass"], env),
                ("showtrack --help", [SHOWTRACK, "--help"], env),
                ("fetch and parse the feeds only", [sys.executable, "-c", parse_only], env),
                (
                    "sync --only news (every feed new)",
                    [SHOWTRACK, "sync", "--only", "news"],
                    {**env, "SHOWTRACK_DB": str(fresh)},
                ),
                (
                    "sync --only news (every feed 304)",
                    [SHOWTRACK, "sync", "--only", "news"],
                    {**env, "SHOWTRACK_DB": str(synced)},
                ),
            ):
                times.setdefault(name, []).append(_timed(argv, run_env))
    server.shutdown()
    medians = {name: statistics.median(found) for name, found in times.items()}
    floor = medians["fetch and parse the feeds only"]
    new = medians["sync --only news (every feed new)"]
    lines = [
        "# The news: how fast a sync of feeds is",
        "",
        f"Measured {datetime.now():%Y-%m-%d} by `make bench-feeds` ({RUNS} runs a command in "
        f"turns, medians; whole processes): {FEEDS} feeds of {ENTRIES} entries on 127.0.0.1, "
        "none about the 3 tracked shows.",
        "",
        "| command | median |",
        "|---|---:|",
        *(f"| {name} | {seconds * 1000:,.0f} ms |" for name, seconds in medians.items()),
        "",
        f"Goal (issue 35): under {GOAL_SECONDS:g} s with every feed new: "
        f"{'met' if new < GOAL_SECONDS else 'NOT met'} ({new:.2f} s); "
        f"{new / floor:.2f}× the process that only fetches and parses the same bytes.",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        (HERE / "FEEDS.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
