"""Attack the database with real processes and count what survives; print the figures.

Run it with `.venv/bin/python bench/reliability.py` (a few minutes). It is not a test
(the tests run the same attacks at a smaller scale); it gives the figures for the notes:

- concurrent writers: several processes each confirm many writes; how many are lost;
- SIGKILL: writers killed at random moments during saves of a large file; after each
  kill the file must read, and every confirmed write must be in it;
- truncation: a good file cut at many lengths; every command must refuse it (exit 4)
  and leave its bytes as they were.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from showtrack import store
    from showtrack.models import Show

    path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    for i in range(count):
        with store.open_for_writing(path, timeout=120) as s:
            s.insert([Show(f"{name}-{i}", f"{name} {i}")])
        print(f"{name}-{i}", flush=True)
    """
)


def _shows(path: Path) -> set[str]:
    from showtrack import store

    return {show.id for show in store.load(path).shows()}


def concurrent(folder: Path, writers: int, each: int) -> tuple[int, int]:
    """(confirmed writes, lost writes)."""
    db = folder / "concurrent.json"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), f"w{n}", str(each)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in range(writers)
    ]
    confirmed: set[str] = set()
    for proc in procs:
        out, _ = proc.communicate(timeout=900)
        confirmed |= set(out.split())
    return len(confirmed), len(confirmed - _shows(db))


def killed(folder: Path, rounds: int, seed: int = 20180308) -> tuple[int, int, int]:
    """(kills, files that did not read, confirmed writes lost)."""
    from showtrack import store
    from showtrack.errors import DatabaseError
    from showtrack.models import Release

    db = folder / "killed.json"
    with store.open_for_writing(db) as s:
        s.insert(
            [
                Release(id=f"bulk/s{i}", show_id="bulk", season=i, notes="x" * 400)
                for i in range(3000)
            ]
        )
    rng = random.Random(seed)
    confirmed: set[str] = set()
    unreadable = 0
    for n in range(rounds):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db), f"k{n}", "1000"],
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(rng.uniform(0.1, 0.5))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate(timeout=60)
        confirmed |= set(out.split())
        try:
            store.load(db)
        except DatabaseError:
            unreadable += 1
    return rounds, unreadable, len(confirmed - _shows(db))


def truncated(folder: Path, cuts: int) -> tuple[int, int]:
    """(truncated files tried, refused with exit 4 and left byte for byte)."""
    db = folder / "truncated.json"
    env = {**os.environ, "SHOWTRACK_DB": str(db), "SHOWTRACK_TODAY": "2017-07-01"}

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "showtrack", *argv],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    for n in range(20):
        run("expect", f"Show {n}", "1", "spring 2018", "--create-show", "--source", "x")
    good = db.read_bytes()
    rng = random.Random(7)
    lengths = sorted(rng.sample(range(1, len(good) - 2), cuts))
    refused = 0
    for i, length in enumerate(lengths):
        cut = good[:length]
        db.write_bytes(cut)
        command = ("upcoming",) if i % 2 else ("expect", "Show 1", "1", "2019")
        done = run(*command)
        if done.returncode == 4 and db.read_bytes() == cut:
            refused += 1
    return len(lengths), refused


def main() -> int:
    """Run the three attacks and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--each", type=int, default=150)
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--cuts", type=int, default=340)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="showtrack-reliability-") as tmp:
        folder = Path(tmp)
        confirmed, lost = concurrent(folder, args.writers, args.each)
        print(f"concurrent writers: {lost} of {confirmed} confirmed writes lost", flush=True)
        kills, unreadable, lost_killed = killed(folder, args.kills)
        print(
            f"SIGKILL mid-save: {unreadable} unreadable files after {kills} kills, "
            f"{lost_killed} confirmed writes lost",
            flush=True,
        )
        tried, refused = truncated(folder, args.cuts)
        print(f"truncated files: {refused} of {tried} refused (exit 4) and left as they were")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
