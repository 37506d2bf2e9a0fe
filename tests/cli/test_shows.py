"""`add`, `edit`, `rename`, `remove`, `list`, `info` and naming a show, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ..conftest import Runner
from .conftest import json_of


def test_names_by_id_alias_part_and_accents(cli: Runner) -> None:
    assert cli("add", "Pokémon Horizons", "--alias", "PH").code == 0
    assert cli("expect", "pokemon", "1", "2018").code == 0
    assert cli("expect", "PH", "S1", "2019").code == 0
    no_window = cli("expect", "pokemon-horizons/s1", "--", "2020")
    assert no_window.code == 2 and "Missing argument 'WINDOW'" in no_window.err
    result = cli("history", "pokemon-horizons/s1", "-o", "json")
    assert [h["window"]["phrase"] for h in json.loads(result.out)] == ["2018", "2019"]


def test_unknown_show_is_3_with_did_you_mean(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    result = marvel("expect", "Jesica Jnes", "2", "2018")
    assert result.code == 3
    assert "did you mean 'jessica jones'" in result.err
    assert db.read_bytes() == before


def test_ambiguous_name_lists_candidates(cli: Runner) -> None:
    cli("add", "Star Trek: Discovery")
    cli("add", "Star Trek: Picard")
    result = cli("info", "star trek")
    assert result.code == 3
    assert "Star Trek: Discovery" in result.err and "Star Trek: Picard" in result.err


def test_an_empty_list_says_how_to_start_instead_of_an_empty_table(cli: Runner) -> None:
    cli("add", "Andor")
    cli("remove", "Andor", "--yes")
    table = cli("list", "-o", "table")
    assert (table.code, table.out) == (1, "")
    assert table.err == "no show is tracked yet; `showtrack add TITLE` starts tracking one\n"
    assert cli("list", "-o", "json").out.strip() == "[]"


def test_remove_asks_or_refuses(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    result = marvel("remove", "Luke Cage")  # stdin is not a terminal here
    assert result.code == 2 and "--yes" in result.err
    assert db.read_bytes() == before
    shows_before = {row["id"] for row in json_of(marvel("list", "-o", "json"))}
    assert marvel("remove", "Luke Cage", "--yes").code == 0
    shows_after = {row["id"] for row in json_of(marvel("list", "-o", "json"))}
    assert shows_before - shows_after == {"luke-cage"}
    releases_before = {row["id"] for row in json_of(marvel("upcoming", "--all", "-o", "json"))}
    assert marvel("remove", "Jessica Jones", "2", "--yes").code == 0
    releases_after = {row["id"] for row in json_of(marvel("upcoming", "--all", "-o", "json"))}
    assert releases_before - releases_after == {"jessica-jones/s2"}


def test_rename_keeps_id_and_old_title_as_alias(marvel: Runner) -> None:
    assert marvel("rename", "Jessica Jones", "Marvel's Jessica Jones Returns").code == 0
    shows = json.loads(marvel("list", "-o", "json").out)
    jj = next(s for s in shows if s["id"] == "jessica-jones")
    assert jj["title"] == "Marvel's Jessica Jones Returns"
    assert "Jessica Jones" in jj["aliases"]
    assert marvel("info", "Jessica Jones", "-o", "json").code == 0


def test_edit_changes_tags_and_status(marvel: Runner) -> None:
    assert marvel("edit", "Luke Cage", "--tag", "marvel", "--status", "renewed").code == 0
    shows = {s["id"]: s for s in json.loads(marvel("list", "-o", "json").out)}
    assert shows["luke-cage"]["tags"] == ["marvel"] and shows["luke-cage"]["status"] == "renewed"
    assert marvel("edit", "Luke Cage", "--status", "sleeping").code == 2


def test_rename_refuses_a_title_another_show_has(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    result = marvel("rename", "Luke Cage", "jessica jones")
    assert result.code == 2 and "already answers to 'jessica jones'" in result.err
    assert db.read_bytes() == before


def test_an_alias_another_show_answers_to_is_refused(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    result = marvel("edit", "Jessica Jones", "--alias", "the defenders")
    assert result.code == 2
    assert "'The Defenders' (the-defenders) already answers to 'the defenders'" in result.err
    assert db.read_bytes() == before
    assert marvel("info", "The Defenders").code == 0


@pytest.mark.parametrize("option", ["--tag", "--alias"])
def test_an_empty_tag_or_alias_is_refused(marvel: Runner, db: Path, option: str) -> None:
    before = db.read_bytes()
    result = marvel("edit", "Jessica Jones", option, "  ")
    assert result.code == 2 and f"an empty {option[2:]} is not" in result.err
    assert db.read_bytes() == before


def test_edit_with_nothing_to_change_says_unchanged(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    assert marvel("edit", "Luke Cage", "--network", "Netflix").out.startswith("unchanged:")
    assert db.read_bytes() == before
    assert marvel("edit", "Luke Cage", "--tag", "new").out.startswith("updated")


def test_removing_what_others_wait_on_names_them_and_needs_yes(marvel: Runner, db: Path) -> None:
    before = db.read_bytes()
    refused = marvel("remove", "The Defenders", "1")
    assert refused.code == 2 and "jessica-jones/s2 wait on The Defenders S1" in refused.err
    assert db.read_bytes() == before
    done = marvel("remove", "The Defenders", "--yes")
    assert done.code == 0 and "no longer waiting on it: jessica-jones/s2" in done.out
    assert marvel("db", "check").code == 0  # no link points nowhere
    info = json.loads(marvel("info", "Jessica Jones", "-o", "json").out)
    assert all(r["after"] == [] for r in info["release_details"])


def test_info_shows_every_field_of_a_release_once(cli: Runner) -> None:
    cli("add", "Game of Thrones", "--network", "HBO")
    cli(
        "expect", "Game of Thrones", "7", "2017-07-16", "--at", "21:00", "--platform",
        "HBO Max", "--region", "US", "--remind", "2w", "--source", "HBO",
    )  # fmt: skip
    cli("expect", "Game of Thrones", "7", "2017-07-16", "--source", "HBO", "--stage", "dated")
    out = cli("info", "Game of Thrones").out
    for line in ("airs    Sun 2017-07-16 21:00 EDT", "on      HBO Max", "region  US"):
        assert line in out
    assert "remind  2w" in out
    assert out.count("source  HBO") == 1
