"""import --from (spec/import-trackers.md): each tracker's export in its exact shape, with
made-up shows and ids (never a real person's export), and the quirks real exports have;
TVmaze and Sonarr as servers on 127.0.0.1."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from showtrack import store
from showtrack.sources.trackers.bundle import Bundle

from ..conftest import Runner
from .conftest import Answer, Tvmaze

BOM = "\ufeff"


def _zip(path: Path, files: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return path


def _csv(header: list[str], rows: list[dict[str, Any]], bom: bool = False) -> str:
    lines = [",".join(header)]
    lines += [",".join(str(row.get(h, "")) for h in header) for row in rows]
    return (BOM if bom else "") + "\r\n".join(lines) + "\r\n"


def _tvtime_gdpr(path: Path, shows: int = 3) -> Path:
    """A TV Time GDPR zip: its files in a subfolder, a BOM, a shuffled tracking header."""
    followed = [
        {"tv_show_id": 900001, "tv_show_name": "Night Harbor", "active": 1, "archived": 0},
        {"tv_show_id": 900002, "tv_show_name": "Glass Kingdom", "active": 1, "archived": 0},
        {"tv_show_id": 900003, "tv_show_name": "Old Quarry", "active": 0, "archived": 1},
    ]
    followed += [
        {"tv_show_id": 910000 + n, "tv_show_name": f"Made Up Show {n}", "active": 1, "archived": 0}
        for n in range(shows - 3)
    ]
    tracking = [
        {
            "series_name": "Copper Valley",
            "is_archived": "false",
            "key": "user-series-42-920001",
            "s_id": 920001,
            "is_for_later": "true",
            "is_followed": "false",
        },
        {
            "series_name": "Not Followed",
            "is_archived": "false",
            "key": "user-series-42-920002",
            "s_id": 920002,
            "is_for_later": "false",
            "is_followed": "false",
        },
        {"series_name": "An Episode Row", "key": "user-episode-42-1", "s_id": 920003},
    ]
    return _zip(
        path,
        {
            "tvtime-gdpr/followed_tv_show.csv": _csv(
                ["tv_show_id", "tv_show_name", "active", "archived"], followed, bom=True
            ),
            "tvtime-gdpr/user_tv_show_data.csv": _csv(
                ["is_followed", "tv_show_name", "tv_show_id"],
                [{"tv_show_id": 900002, "tv_show_name": "Glass Kingdom", "is_followed": 1}],
            ),
            # the slim header, its columns in another order than the last export's
            "tvtime-gdpr/tracking-prod-records-v2.csv": _csv(
                ["series_name", "is_archived", "key", "s_id", "is_for_later", "is_followed"],
                tracking,
            ),
            "tvtime-gdpr/auth-prod-login.csv": b"\xff\xfe never to be read",
            "tvtime-gdpr/access_token.csv": b"\xff\xfe never to be read",
            "tvtime-gdpr/user.csv": b"\xff\xfe never to be read",
        },
    )


@pytest.fixture
def quiet_tvmaze(tvmaze: Tvmaze) -> Tvmaze:
    """A TVmaze that knows none of the made-up shows (every lookup and search: 404/[])."""
    tvmaze.answer("/search/shows", Answer(body=[]))
    return tvmaze


def _json(done: Any) -> dict[str, Any]:
    return json.loads(done.out)  # type: ignore[no-any-return]


def test_a_tv_time_gdpr_zip_brings_the_followed_shows_and_never_reads_credentials(
    cli: Runner, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    text = Bundle.text

    def spying(self: Bundle, name: str) -> str:
        opened.append(name)
        return text(self, name)

    monkeypatch.setattr(Bundle, "text", spying)
    source = _tvtime_gdpr(tmp_path / "tvtime.zip")
    done = cli("import", "--from", "tvtime", str(source), "--no-link", "-o", "json")
    assert done.code == 0, done.err
    assert "imported 3 shows from TV Time (3 new; not linked" in done.err
    assert "left out 1 archived" in done.err
    statuses = {row["title"]: row["status"] for row in _json(done)["shows"]}
    assert statuses == {
        "Night Harbor": "added",
        "Glass Kingdom": "added",
        "Old Quarry": "left out: archived",
        "Copper Valley": "added",
    }
    assert not {"auth-prod-login.csv", "access_token.csv", "user.csv"} & set(opened)
    night = store.load(db).show("night-harbor")
    assert night is not None and night.ids == {"tvdb": "900001"}
    assert night.tags == ["from:tvtime"] and night.tvmaze is None


def test_importing_the_same_export_twice_changes_nothing(
    cli: Runner, db: Path, tmp_path: Path
) -> None:
    source = _tvtime_gdpr(tmp_path / "tvtime.zip")
    assert cli("import", "--from", "tvtime", str(source), "--no-link").code == 0
    before = db.read_bytes()
    again = cli("import", "--from", "tvtime", str(source), "--no-link", "-o", "json")
    assert again.code == 0
    assert {row["status"] for row in _json(again)["shows"]} == {"unchanged", "left out: archived"}
    assert db.read_bytes() == before


def test_include_brings_the_archived_too(cli: Runner, tmp_path: Path) -> None:
    source = _tvtime_gdpr(tmp_path / "tvtime.zip")
    done = cli("import", "--from", "tvtime", str(source), "--no-link", "--include", "archived")
    assert done.code == 0 and "imported 4 shows" in done.err
    bad = cli("import", "--from", "tvtime", str(source), "--include", "forgotten")
    assert bad.code == 2 and "--include 'forgotten' is not a state" in bad.err


def test_the_2026_tv_time_export_reads_csv_and_json(cli: Runner, db: Path, tmp_path: Path) -> None:
    series = _csv(
        ["uuid", "tvdb_id", "imdb_id", "title", "status", "created_at"],
        [
            {
                "uuid": "u1",
                "tvdb_id": 930001,
                "imdb_id": -1,
                "title": "Ember Road",
                "status": "continuing",
            },
            {
                "uuid": "u2",
                "tvdb_id": 930002,
                "imdb_id": "tt0930002",
                "title": "Tidewater",
                "status": "stopped",
            },
        ],
    )
    listed = [
        {
            "id": {"tvdb": 930003, "imdb": None},
            "title": "Salt Marsh",
            "status": "up_to_date",
            "seasons": [],
        }
    ]
    source = _zip(
        tmp_path / "export.zip",
        {"tvtime-series.csv": series, "tvtime-series.json": json.dumps(listed)},
    )
    done = cli("import", "--from", "tvtime", str(source), "--no-link", "-o", "json")
    assert done.code == 0, done.err
    statuses = {row["title"]: row["status"] for row in _json(done)["shows"]}
    assert statuses == {
        "Ember Road": "added",
        "Tidewater": "left out: stopped",
        "Salt Marsh": "added",
    }
    ember = store.load(db).show("ember-road")
    assert ember is not None and ember.ids == {"tvdb": "930001"}  # -1: no IMDb id


def test_a_trakt_zip_brings_watchlist_watched_and_collection_shows(
    cli: Runner, db: Path, tmp_path: Path
) -> None:
    def show(title: str, trakt: int, tvdb: int | None) -> dict[str, Any]:
        ids = {"trakt": trakt, "slug": title.lower(), "tvdb": tvdb, "imdb": None, "tmdb": None}
        return {"title": title, "year": 2024, "ids": ids}

    watchlist = [
        {"rank": 1, "type": "show", "show": show("Night Harbor", 1, 900001)},
        {"rank": 2, "type": "movie", "movie": {"title": "A Film", "ids": {"trakt": 9}}},
    ]
    source = _zip(
        tmp_path / "trakt-export-someone.zip",
        {
            "lists-watchlist.json": json.dumps(watchlist),
            "watched-shows-1.json": json.dumps(
                [{"plays": 3, "show": show("Copper Valley", 2, None)}]
            ),
            "watched-shows-2.json": json.dumps(
                [{"plays": 1, "show": show("Night Harbor", 1, 900001)}]
            ),
            "collection-shows.json": json.dumps([{"show": show("Glass Kingdom", 3, 900002)}]),
            "watched-movies.json": json.dumps([{"movie": {"title": "Another Film", "ids": {}}}]),
        },
    )
    done = cli("import", "--from", "trakt", str(source), "--no-link", "-o", "json")
    assert done.code == 0, done.err
    shows = {row["title"]: row["status"] for row in _json(done)["shows"]}
    assert shows["Night Harbor"] == "added" and shows["Copper Valley"] == "added"
    assert shows["A Film"] == "movie: not imported"
    assert "left out 2 movies" in done.err
    copper = store.load(db).show("copper-valley")
    assert copper is not None and copper.ids == {"trakt": "2"}


IMDB_HEADER = [
    "Position",
    "Const",
    "Created",
    "Modified",
    "Description",
    "Title",
    "Original Title",
    "URL",
    "Title Type",
    "IMDb Rating",
    "Runtime (mins)",
    "Year",
    "Genres",
    "Num Votes",
    "Release Date",
    "Directors",
    "Your Rating",
    "Date Rated",
]


def test_an_imdb_watchlist_brings_its_series_and_leaves_the_films(
    cli: Runner, db: Path, tmp_path: Path
) -> None:
    rows = [
        {
            "Position": 1,
            "Const": "tt0940001",
            "Title": "Night Harbor",
            "Title Type": "TV Series",
            "Year": "2023–",
        },
        {
            "Position": 2,
            "Const": "tt0940002",
            "Title": "A Film",
            "Title Type": "Movie",
            "Year": 2020,
        },
        {
            "Position": 3,
            "Const": "0940003",
            "Title": "Glass Kingdom",
            "Title Type": "TV Mini Series",
            "Year": "2013–2023",
        },
    ]
    source = tmp_path / "WATCHLIST.csv"
    source.write_text(_csv(IMDB_HEADER, rows, bom=True), encoding="utf-8")
    done = cli("import", "--from", "imdb", str(source), "--no-link")
    assert done.code == 0, done.err
    assert "imported 2 shows from IMDb" in done.err and "left out 1 movies" in done.err
    glass = store.load(db).show("glass-kingdom")
    assert glass is not None and glass.ids == {"imdb": "tt0940003"}  # the missing tt added
    old = tmp_path / "old.csv"  # an older file: no Original Title, tvSeries
    header = [h for h in IMDB_HEADER if h != "Original Title"]
    old.write_text(
        _csv(header, [{"Const": "tt0940009", "Title": "Salt Marsh", "Title Type": "tvSeries"}])
    )
    assert "imported 1 shows" in cli("import", "--from", "imdb", str(old), "--no-link").err


def test_a_simkl_backup_leaves_dropped_shows_unless_asked(
    cli: Runner, db: Path, tmp_path: Path
) -> None:
    header = (
        "SIMKL_ID,Title,Type,Year,Watchlist,LastEpWatched,WatchedDate,Rating,Memo,TVDB,TMDB,IMDB"
    )
    rows = [
        {
            "SIMKL_ID": 1,
            "Title": "Night Harbor",
            "Type": "tv",
            "Watchlist": "watching",
            "TVDB": 900001,
        },
        {
            "SIMKL_ID": 2,
            "Title": "Ember Road",
            "Type": "tv",
            "Watchlist": "dropped",
            "IMDB": "tt0950002",
        },
        {"SIMKL_ID": 3, "Title": "Star Courier", "Type": "anime", "Watchlist": "plantowatch"},
        {"SIMKL_ID": 4, "Title": "A Film", "Type": "movie", "Watchlist": "completed"},
    ]
    source = tmp_path / "simkl.csv"
    source.write_text(_csv(header.split(","), rows))
    done = cli("import", "--from", "simkl", str(source), "--no-link")
    assert done.code == 0, done.err
    assert "imported 2 shows from Simkl" in done.err and "1 dropped" in done.err
    again = cli("import", "--from", "simkl", str(source), "--no-link", "--include", "dropped")
    assert "imported 3 shows" in again.err


SONARR = [
    {
        "title": "Night Harbor",
        "tvdbId": 900001,
        "imdbId": "tt0960001",
        "tvMazeId": 0,
        "network": "Harbor TV",
        "status": "continuing",
        "monitored": True,
        "seasons": [{"seasonNumber": 1}],
    },
    {
        "title": "Glass Kingdom",
        "tvdbId": 900002,
        "tvMazeId": 700002,
        "network": "Crown",
        "status": "ended",
        "monitored": True,
    },
    {"title": "Old Quarry", "tvdbId": 900003, "status": "continuing", "monitored": False},
]


def test_sonarr_through_its_api_with_the_key_never_shown(
    cli: Runner, db: Path, tvmaze: Tvmaze, monkeypatch: pytest.MonkeyPatch
) -> None:
    tvmaze.answer("/api/v3/series", Answer(body=SONARR))
    monkeypatch.setenv("SONARR_API_KEY", "k3y-s3cret")
    done = cli("import", "--from", "sonarr", tvmaze.url, "--no-link", "-o", "json")
    assert done.code == 0, done.err
    assert tvmaze.headers[-1]["X-Api-Key"] == "k3y-s3cret"
    assert "k3y" not in done.out + done.err and b"k3y" not in db.read_bytes()
    statuses = {row["title"]: row["status"] for row in _json(done)["shows"]}
    assert statuses == {
        "Night Harbor": "added",
        "Glass Kingdom": "left out: ended",
        "Old Quarry": "left out: unmonitored",
    }
    night = store.load(db).show("night-harbor")
    assert night is not None and night.network == "Harbor TV"
    assert night.ids == {"tvdb": "900001", "imdb": "tt0960001"}


def test_sonarr_refusing_the_key_is_exit_5(cli: Runner, db: Path, tvmaze: Tvmaze) -> None:
    tvmaze.answer("/api/v3/series", Answer(401, {"error": "Unauthorized"}))
    done = cli("import", "--from", "sonarr", tvmaze.url, "--api-key", "wrong-k3y")
    assert done.code == 5 and "Sonarr refused the API key" in done.err
    assert "wrong-k3y" not in done.err and not db.exists()
    missing = cli("import", "--from", "sonarr", tvmaze.url)
    assert missing.code == 2 and "SONARR_API_KEY" in missing.err


def _tv(tvmaze_id: int, name: str, tvdb: int) -> dict[str, Any]:
    return {
        "id": tvmaze_id,
        "name": name,
        "url": f"https://www.tvmaze.com/shows/{tvmaze_id}",
        "premiered": "2024-01-01",
        "status": "Running",
        "externals": {"thetvdb": tvdb, "imdb": None},
        "updated": 1700000000,
        "_embedded": {
            "seasons": [
                {"id": 1, "number": 1, "premiereDate": "2024-01-01"},
                {"id": 2, "number": 2, "premiereDate": "2027-04-02"},
            ],
            "episodes": [],
        },
    }


def test_shows_are_linked_by_tvdb_id_then_title_and_sync_fills_their_dates(
    cli: Runner, db: Path, tmp_path: Path, tvmaze: Tvmaze
) -> None:
    tvmaze.answer("/lookup/shows?thetvdb=900001", Answer(302, b"", {"Location": "/shows/700001"}))
    tvmaze.answer("/shows/700001", Answer(body=_tv(700001, "Night Harbor", 900001)))
    glass = _tv(700002, "Glass Kingdom", 900002)
    hit = {k: v for k, v in glass.items() if k != "_embedded"}
    tvmaze.answer("/search/shows?q=Glass+Kingdom", Answer(body=[{"score": 20.0, "show": hit}]))
    tvmaze.answer("/search/shows", Answer(body=[]))
    tvmaze.answer("/shows/700002", Answer(body=glass))
    source = _tvtime_gdpr(tmp_path / "tvtime.zip")
    done = cli("--today", "2026-11-20", "import", "--from", "tvtime", str(source), "-o", "json")
    assert done.code == 0, done.err
    found = {row["title"]: row["found_by"] for row in _json(done)["shows"]}
    assert found["Night Harbor"] == "tvdb" and found["Glass Kingdom"] == "title"
    assert found["Copper Valley"] is None  # a 404 lookup, no search hit: not on TVmaze
    assert "(3 new; 1 linked to TVmaze, 1 found by title, 1 not on TVmaze" in done.err
    synced = cli("--today", "2026-11-20", "sync", "--only", "tvmaze")
    assert synced.code == 0, synced.err
    upcoming = cli("--today", "2026-11-20", "upcoming", "-o", "json")
    rows = {r["id"]: r for r in json.loads(upcoming.out)}
    assert rows["night-harbor/s2"]["window"]["earliest"] == "2027-04-02"


def test_a_show_tracked_already_is_merged_never_overwritten(
    cli: Runner, db: Path, tmp_path: Path
) -> None:
    assert cli("add", "Night Harbor", "--network", "Our Network").code == 0
    source = _tvtime_gdpr(tmp_path / "tvtime.zip")
    done = cli("import", "--from", "tvtime", str(source), "--no-link", "-o", "json")
    statuses = {row["title"]: row["status"] for row in _json(done)["shows"]}
    assert statuses["Night Harbor"] == "merged"
    night = store.load(db).show("night-harbor")
    assert night is not None and night.network == "Our Network" and night.ids == {"tvdb": "900001"}
    assert [s.id for s in store.load(db).shows()].count("night-harbor") == 1


def test_another_trackers_file_without_from_says_which_from(
    cli: Runner, db: Path, tmp_path: Path
) -> None:
    source = _tvtime_gdpr(tmp_path / "tvtime.zip")
    done = cli("import", str(source))
    assert done.code == 2 and "is a TV Time export, not showtrack's" in done.err
    assert "--from tvtime" in done.err
    ics = tmp_path / "cal.ics"
    ics.write_text("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
    said = cli("import", str(ics))
    assert said.code == 2 and "is not a showtrack export (JSON or CSV)" in said.err
    wrong = cli("import", "--from", "imdb", str(source))
    assert wrong.code == 2 and "it looks like --from tvtime" in wrong.err
    assert not db.exists()


def test_an_encrypted_or_truncated_zip_changes_nothing(
    cli: Runner, db: Path, tmp_path: Path
) -> None:
    assert cli("add", "Kept").code == 0
    before = db.read_bytes()
    good = _tvtime_gdpr(tmp_path / "tvtime.zip").read_bytes()
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(good[: len(good) // 2])
    done = cli("import", "--from", "tvtime", str(truncated), "--no-link")
    assert done.code == 2, done.err
    encrypted = tmp_path / "encrypted.zip"
    encrypted.write_bytes(_encrypted_zip())
    done = cli("import", "--from", "tvtime", str(encrypted), "--no-link")
    assert done.code == 4 and "unzip it first" in done.err
    assert db.read_bytes() == before


def _encrypted_zip() -> bytes:
    """A zip whose one member has the encrypted flag set (what zipfile cannot read)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("followed_tv_show.csv", "tv_show_id,tv_show_name\n1,X\n")
    raw = bytearray(buffer.getvalue())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.find(signature)
        raw[at + offset] |= 0x01  # general purpose flag bit 0: encrypted
    return bytes(raw)
