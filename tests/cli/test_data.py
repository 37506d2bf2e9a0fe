"""`export` and `import` end to end: JSON, CSV and ICS, round trips, all-or-nothing."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from ..conftest import Runner, run_process
from .conftest import json_of


def test_export_import_round_trip(
    marvel: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported = marvel("export").out
    fresh = tmp_path / "fresh.json"
    assert marvel("--db", str(fresh), "import", "-", stdin=exported).code == 0
    assert marvel("--db", str(fresh), "export").out == exported


def test_import_into_a_database_that_has_the_releases_updates_them_in_place(
    marvel: Runner, db: Path
) -> None:
    export = json.loads(marvel("export").out)
    order = [doc["id"] for doc in json.loads(db.read_text())["releases"].values()]
    known = json_of(marvel("history", "jessica-jones/s2", "-o", "json"))
    jj = next(r for r in export["releases"] if r["id"] == "jessica-jones/s2")
    window = {"phrase": "March 2018", "earliest": "2018-03-01", "latest": "2018-03-31"}
    news = {
        "recorded_at": "2099-01-01T00:00:00+00:00",
        "as_of": "2017-06-30",
        "window": window,
        "stage": "dated",
        "source": "a newer export",
        "url": None,
        "note": None,
    }
    jj["history"] = [*jj["history"][:1], news]  # an older entry kept, one new
    jj["window"] = {**window, "edtf": "2018-03"}
    show = next(s for s in export["shows"] if s["id"] == "luke-cage")
    show["network"] = "Hulu"
    result = marvel("import", "-", stdin=json.dumps(export))
    assert result.code == 0, result.err
    assert "0 new shows, 0 new releases" in result.err
    # The stored history is kept and the new entry merged in (the file's copy of an
    # entry counts once), in its place by as_of, then by when it was recorded (spec/cli.md).
    history = json_of(marvel("history", "jessica-jones/s2", "-o", "json"))
    assert len(known) >= 2
    assert [h for h in history if h["source"] != "a newer export"] == known
    assert [h["source"] for h in history].count("a newer export") == 1
    reported = [(h["as_of"] or h["recorded_at"][:10], h["recorded_at"]) for h in history]
    assert reported == sorted(reported)
    row = next(
        r for r in json_of(marvel("upcoming", "-o", "json")) if r["id"] == "jessica-jones/s2"
    )
    assert row["window"]["edtf"] == "2018-03"
    assert json_of(marvel("info", "Luke Cage", "-o", "json"))["network"] == "Hulu"
    # Updated where they stood: the file keeps its order, a diff shows changed lines.
    assert [doc["id"] for doc in json.loads(db.read_text())["releases"].values()] == order


def test_import_is_all_or_nothing(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    records = [
        {"show": "Daredevil", "season": 3, "window": {"phrase": "2018"}},
        {"show": "Iron Fist", "season": 2, "window": {"phrase": "sprung 2018"}},
    ]
    result = marvel("import", "-", stdin=json.dumps(records))
    assert result.code == 2
    assert "record 2" in result.err and "nothing changed" in result.err
    assert db.read_bytes() == before
    bad_type = [{"show": "Daredevil", "season": "three", "window": {"phrase": "2018"}}]
    assert marvel("import", "-", stdin=json.dumps(bad_type)).code == 2
    assert marvel("import", "-", stdin="{not json").code == 2
    assert db.read_bytes() == before


def test_text_that_utf8_cannot_store_is_refused_and_changes_nothing(
    marvel: Runner, db: Path
) -> None:
    before = db.read_bytes()
    # Bytes that are not UTF-8 on a command line reach Python as lone surrogates.
    not_utf8 = b"Bad \xed\xa0\x80 title".decode("utf-8", "surrogateescape")
    result = marvel("add", not_utf8)
    assert result.code == 2
    assert "is not valid text" in result.err and "nothing was changed" in result.err
    # So does a "\ud800" escape in an imported file (json.dumps writes it so).
    shows = {"showtrack_export": 1, "shows": [{"id": "x", "title": "a\ud800b"}], "releases": []}
    result = marvel("import", "-", stdin=json.dumps(shows))
    assert result.code == 2 and "\\ud800" in result.err
    assert db.read_bytes() == before


def test_import_release_array_creates_shows(cli: Runner) -> None:
    records = [
        {"show": "Daredevil", "season": 3, "window": {"phrase": "2018"}, "platform": "Netflix"},
        {"id": "iron-fist/s2", "window": {"earliest": "2018-09-07", "latest": "2018-09-07"}},
    ]
    dry = cli("import", "--dry-run", "-", stdin=json.dumps(records))
    assert dry.code == 0 and "would import: 2 new shows, 2 new releases" in dry.err
    assert cli("list", "-o", "json").code == 1
    assert cli("import", "-", stdin=json.dumps(records)).code == 0
    rows = json.loads(cli("upcoming", "-o", "json").out)
    assert [r["id"] for r in rows] == ["daredevil/s3", "iron-fist/s2"]


def test_bundled_sample_data_imports(cli: Runner) -> None:
    sample = Path(__file__).resolve().parents[2] / "data" / "marvel-netflix.json"
    assert cli("import", str(sample)).code == 0
    rows = json.loads(cli("upcoming", "--all", "-o", "json").out)
    jj = next(r for r in rows if r["id"] == "jessica-jones/s2")
    assert jj["window"]["edtf"] == "2018-21" and jj["status"] == "upcoming"
    released = json.loads(cli("--today", "2018-12-31", "upcoming", "--all", "-o", "json").out)
    dates = {r["id"]: r["release_date"] for r in released}
    assert dates["the-defenders/s1"] == "2017-08-18"
    assert dates["jessica-jones/s2"] == "2018-03-08"
    assert dates["luke-cage/s2"] == "2018-06-22"


def test_csv_export_imports_into_an_empty_database(marvel: Runner, tmp_path: Path) -> None:
    exported = marvel("export", "--format", "csv").out
    fresh = tmp_path / "fresh.json"
    result = marvel("--db", str(fresh), "import", "-", stdin=exported)
    assert result.code == 0, result.err
    before = {r["id"]: r for r in json_of(marvel("upcoming", "--all", "-o", "json"))}
    after = {
        r["id"]: r for r in json_of(marvel("--db", str(fresh), "upcoming", "--all", "-o", "json"))
    }
    assert set(after) == set(before)
    for rid, row in before.items():
        assert after[rid]["window"] == row["window"], rid
        assert after[rid]["show"] == row["show"]
        assert [s["name"] for s in after[rid]["sources"]] == [s["name"] for s in row["sources"]]
    assert after["jessica-jones/s2"]["after"] == [{"release": "the-defenders/s1", "lag": None}]


def test_a_bad_csv_row_is_named_and_changes_nothing(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    csv_text = "show,season,window_phrase\nDaredevil,3,2018\nIron Fist,2,sprung 2018\n"
    result = marvel("import", "-", stdin=csv_text)
    assert result.code == 2
    assert "record 2" in result.err and "nothing changed" in result.err
    assert db.read_bytes() == before


def test_a_large_import_shows_progress_on_a_terminal_only(db: Path, tmp_path: Path) -> None:
    import pty

    records = [
        {"show": f"Show {n}", "season": 1, "window": {"earliest": "2030-01-01", "latest": None}}
        for n in range(1500)
    ]
    source = tmp_path / "many.json"
    source.write_text(json.dumps(records))
    piped = run_process(db, "--db", str(tmp_path / "piped.json"), "import", str(source))
    assert piped.code == 0
    assert piped.err == "imported: 1500 new shows, 1500 new releases, 0 updated releases\n"

    leader, follower = pty.openpty()
    env = {**os.environ, "SHOWTRACK_DB": str(tmp_path / "tty.json"), "COLUMNS": "80"}
    env.pop("NO_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-m", "showtrack", "import", str(source)],
        stderr=follower,
        stdout=subprocess.DEVNULL,
        env=env,
        timeout=60,
        check=False,
    )
    os.close(follower)
    seen = b""
    with contextlib.suppress(OSError):
        while chunk := os.read(leader, 65536):
            seen += chunk
    os.close(leader)
    assert done.returncode == 0
    assert b"importing" in seen and b"/1500" in seen


def test_an_imported_source_url_must_be_a_web_address(cli: Runner, db: Path) -> None:
    record = {
        "show": "A",
        "season": 1,
        "window": {"phrase": "2018"},
        "sources": [{"name": "x", "url": "javascript:alert(1)"}],
    }
    result = cli("import", "-", stdin=json.dumps([record]))
    assert result.code == 2 and "not an http(s) address" in result.err


def test_a_calendar_leaves_out_a_stored_url_that_is_not_a_web_address(
    marvel: Runner, db: Path
) -> None:
    marvel(
        "expect", "Luke Cage", "2", "2018-03-14", "--source", "X", "--url", "https://ok.example/a"
    )
    db.write_text(db.read_text().replace("https://ok.example/a", "https://ok.example/a\\r\\nX:1"))
    result = marvel("export", "--format", "ics")
    assert result.code == 0
    assert "\r\nX:1" not in result.out  # no line of its own in the calendar
    assert not any(line.startswith("URL:") for line in result.out.splitlines())


def test_reimporting_an_identical_export_changes_nothing(
    marvel: Runner, db: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "export.json"
    exported.write_text(marvel("export").out)
    before = db.stat()
    result = marvel("import", str(exported))
    assert "0 new shows, 0 new releases, 0 updated releases" in result.err
    after = db.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


def test_csv_carries_no_escape_sequence_or_formula_and_imports_back_unchanged(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    evil = "Evil\x1b]52;c;cm0gLXJm\x07 \x9b2J\u202eshow"
    cli("add", evil)
    cli("add", '=HYPERLINK("http://x")')
    cli("expect", "evil", "1", "2018", "--note", "@SUM(1,2) -x")
    cli("expect", "hyperlink", "1", "2019")
    exported = cli("export", "--format", "csv").out
    assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in exported)
    assert "\u202e" not in exported
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert {r["show"] for r in rows} >= {'\'=HYPERLINK("http://x")'}
    assert any(r["notes"] == "'@SUM(1,2) -x" for r in rows)
    upcoming_csv = cli("upcoming", "-o", "csv").out
    assert "\x1b" not in upcoming_csv and "\x07" not in upcoming_csv
    monkeypatch.setenv("SHOWTRACK_DB", str(tmp_path / "again.json"))
    (tmp_path / "export.csv").write_text(exported)
    assert cli("import", str(tmp_path / "export.csv")).code == 0
    shows = {s["title"] for s in json.loads(cli("list", "-o", "json").out)}
    assert shows == {evil, '=HYPERLINK("http://x")'}
    notes = {r["notes"] for r in json.loads(cli("upcoming", "-o", "json").out)}
    assert "@SUM(1,2) -x" in notes
    assert "\\u001b" in cli("list", "-o", "json").out  # JSON escapes it too


def test_a_csv_round_trip_keeps_the_network_and_a_specials_name(
    cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("add", "Stranger Things", "--network", "Netflix", "--tag", "sci-fi", "--alias", "ST")
    cli("expect", "Stranger Things", "Volume 2: The Finale", "2025-11-26")
    exported = cli("export", "--format", "csv").out
    (tmp_path / "st.csv").write_text(exported)
    monkeypatch.setenv("SHOWTRACK_DB", str(tmp_path / "again.json"))
    assert cli("import", str(tmp_path / "st.csv")).code == 0
    (show,) = json.loads(cli("list", "-o", "json").out)
    assert (show["network"], show["tags"], show["aliases"]) == ("Netflix", ["sci-fi"], ["ST"])
    (row,) = json.loads(cli("upcoming", "--all", "-o", "json").out)
    assert row["title"] == "Stranger Things: Volume 2: The Finale"
    assert (row["platform"], row["network"]) == ("Netflix", "Netflix")
    assert row["name"] == "Volume 2: The Finale"


def test_importing_a_listing_keeps_a_link_to_a_release_the_database_has(
    marvel: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The Defenders S1 waits on nothing; Jessica Jones S2 waits on it. A listing of
    # Jessica Jones alone names a target that is not in the file.
    listing = [
        r
        for r in json.loads(marvel("upcoming", "-o", "json").out)
        if r["show_id"] == "jessica-jones"
    ]
    assert listing[0]["after"][0]["release"] == "the-defenders/s1"
    (tmp_path / "jj.json").write_text(json.dumps(listing))
    assert marvel("import", str(tmp_path / "jj.json")).code == 0  # the target is here
    monkeypatch.setenv("SHOWTRACK_DB", str(tmp_path / "empty.json"))
    refused = marvel("import", str(tmp_path / "jj.json"))
    assert refused.code == 2 and "unknown release 'the-defenders/s1'" in refused.err


def test_a_late_older_report_survives_db_check_and_a_reimport(cli: Runner, tmp_path: Path) -> None:
    cli("add", "X")
    cli("expect", "X", "2", "late 2018 or early 2019", "--as-of", "2017-06-01")
    cli("expect", "X", "2", "2018", "--as-of", "2017-01-01")
    assert cli("db", "check").code == 0
    (tmp_path / "export.json").write_text(cli("export").out)
    again = cli("import", str(tmp_path / "export.json"))
    assert "0 updated releases" in again.err
    history = json.loads(cli("history", "X", "2", "-o", "json").out)
    assert [h["as_of"] for h in history] == ["2017-01-01", "2017-06-01"]
    (row,) = json.loads(cli("upcoming", "-o", "json").out)
    assert row["window"]["phrase"] == "late 2018 or early 2019"
