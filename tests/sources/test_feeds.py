"""Following the news (spec/feeds.md), end to end against feeds and pages served on
127.0.0.1: RSS 2.0, RSS 1.0 and Atom, full content or summaries with pages, conditional
GETs, redirects, gone and failing feeds, hostile entries, the inbox and check --once.
Every feed and article here is written for these tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from showtrack import store
from showtrack.sources import feeds as feed_source

from ..conftest import Runner
from .conftest import Answer, Tvmaze

TODAY = "2026-11-20"

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Screen Dispatch</title><link>{base}/</link>
<description>Television news written for showtrack's tests</description>
<item><title>Night Harbor will not be back before spring 2027</title>
<link>{base}/night-harbor-delay</link><guid>{base}/night-harbor-delay</guid>
<pubDate>Wed, 18 Nov 2026 09:00:00 GMT</pubDate>
<description>The ferry-town drama is taking its time.</description></item>
<item><title>Glass Kingdom sets its return</title>
<link>{base}/glass-kingdom</link><guid>gk-2026-11</guid>
<pubDate>Thu, 19 Nov 2026 10:00:00 GMT</pubDate>
<description>A short teaser.</description>
<content:encoded><![CDATA[<p>Glass Kingdom season 4 premieres on March 3, 2027, the
network said on Thursday. The fantasy series wrapped filming in the summer.</p>]]>
</content:encoded></item>
<item><title>Bake-off spinoff gets a host</title>
<link>{base}/bake-off</link><guid>{base}/bake-off</guid>
<pubDate>Thu, 19 Nov 2026 11:00:00 GMT</pubDate>
<description>A cooking competition nobody here tracks.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Stream Notes</title>
<id>urn:test:stream-notes</id><updated>2026-11-19T12:00:00Z</updated>
<entry><title>What comes next for Copper Valley</title><id>urn:test:copper-1</id>
<link href="{base}/copper-valley"/><updated>2026-11-19T12:00:00Z</updated>
<summary>Copper Valley news.</summary>
<content type="html">&lt;p&gt;Copper Valley season 2 is expected in late 2027, the
streamer confirmed this week.&lt;/p&gt;</content></entry>
</feed>"""

RSS1 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="{base}/rss1"><title>Old Wire</title><link>{base}/</link>
<description>An RSS 1.0 feed</description></channel>
<item rdf:about="{base}/night-harbor-delay"><title>Night Harbor delayed</title>
<link>{base}/night-harbor-delay</link><dc:date>2026-11-18</dc:date>
<description>Night Harbor news</description></item>
</rdf:RDF>"""

PAGE = """<!doctype html><html><head><title>Night Harbor will not be back before spring 2027</title>
<meta property="article:published_time" content="2026-11-18T09:00:00Z"></head>
<body><article><h1>Night Harbor will not be back before spring 2027</h1>
<p>Fans of Night Harbor have a long wait ahead. The third season of the ferry-town drama
will not return before spring 2027, its showrunner told reporters on Tuesday, as the
writers' room only reopened last month.</p>
<p>The second season ended on a cliffhanger in 2025.</p></article></body></html>"""


@pytest.fixture
def news(cli: Runner, tvmaze: Tvmaze) -> Tvmaze:
    """Three tracked shows, and a site on 127.0.0.1 serving feeds and one article page."""
    base = tvmaze.url
    for title in ("Night Harbor", "Glass Kingdom", "Copper Valley"):
        assert cli("--today", TODAY, "add", title).code == 0
    rss = {"Content-Type": "application/rss+xml", "ETag": '"v1"'}
    tvmaze.answer("/rss", Answer(body=RSS.format(base=base).encode(), headers=rss))
    atom = {
        "Content-Type": "application/atom+xml",
        "Last-Modified": "Thu, 19 Nov 2026 12:00:00 GMT",
    }
    tvmaze.answer("/atom", Answer(body=ATOM.format(base=base).encode(), headers=atom))
    page = {"Content-Type": "text/html; charset=utf-8"}
    tvmaze.answer("/night-harbor-delay", Answer(body=PAGE.encode(), headers=page))
    return tvmaze


def _follow(cli: Runner, news: Tvmaze, *paths: str) -> None:
    for path in paths:
        done = cli("--today", TODAY, "feed", "add", f"{news.url}{path}")
        assert done.code == 0, done.err


def _inbox(cli: Runner) -> list[dict[str, Any]]:
    done = cli("--today", TODAY, "inbox", "-o", "json")
    return json.loads(done.out) if done.out.strip() else []


def test_two_feeds_bring_windows_to_the_inbox_and_one_accepted_is_recorded(
    cli: Runner, news: Tvmaze, db: Path
) -> None:
    _follow(cli, news, "/rss", "/atom")
    done = cli("--today", TODAY, "sync")
    assert done.code == 0, done.err
    assert "2 feeds checked (0 unchanged), 4 new entries, 3 about your shows, 1 page" in done.err
    items = {row["release"]: row for row in _inbox(cli)}
    assert set(items) == {"night-harbor/s3", "glass-kingdom/s4", "copper-valley/s2"}
    night = items["night-harbor/s3"]
    assert night["window"]["earliest"] == "2027-03-01" and night["window"]["latest"] is None
    assert night["source"] == {
        "title": "Night Harbor will not be back before spring 2027",
        "url": f"{news.url}/night-harbor-delay",
        "as_of": "2026-11-18",
        "feed": "screen-dispatch",
    }
    assert items["glass-kingdom/s4"]["window"]["earliest"] == "2027-03-03"
    accepted = cli("--today", TODAY, "inbox", "accept", str(night["id"]))
    assert accepted.code == 0 and "recorded: night-harbor/s3" in accepted.out
    history = json.loads(cli("--today", TODAY, "history", "Night Harbor", "3", "-o", "json").out)
    assert history[-1]["source"] == "Night Harbor will not be back before spring 2027"
    assert history[-1]["url"] == f"{news.url}/night-harbor-delay"
    assert history[-1]["as_of"] == "2026-11-18"
    upcoming = cli("--today", TODAY, "upcoming", "-o", "json")
    assert "night-harbor/s3" in upcoming.out
    assert [row["release"] for row in _inbox(cli)] == ["copper-valley/s2", "glass-kingdom/s4"]


def test_a_second_sync_with_nothing_new_asks_once_a_feed_and_writes_nothing(
    cli: Runner, news: Tvmaze, db: Path
) -> None:
    _follow(cli, news, "/rss", "/atom")
    assert cli("--today", TODAY, "sync").code == 0
    news.answer("/rss", Answer(304, b""))
    news.answer("/atom", Answer(304, b""))
    before, asked = db.read_bytes(), len(news.requests)
    done = cli("--today", TODAY, "sync", "--only", "news")
    assert done.code == 0, done.err
    assert len(news.requests) - asked == 2
    assert news.headers[-2].get("If-None-Match") == '"v1"'
    assert news.headers[-1].get("If-Modified-Since") == "Thu, 19 Nov 2026 12:00:00 GMT"
    assert "2 feeds checked (2 unchanged), 0 new entries" in done.err
    # The day it was checked changes, so the feeds are written; nothing else is.
    assert cli("--today", TODAY, "sync", "--only", "news").code == 0
    assert db.read_bytes() == before or _only_checked_days_differ(before, db.read_bytes())


def _only_checked_days_differ(before: bytes, after: bytes) -> bool:
    return [line for line in before.splitlines() if b'"checked_on"' not in line] == [
        line for line in after.splitlines() if b'"checked_on"' not in line
    ]


def test_entries_about_shows_you_do_not_track_are_never_fetched(cli: Runner, news: Tvmaze) -> None:
    _follow(cli, news, "/rss")
    assert cli("--today", TODAY, "sync").code == 0
    assert news.asked("/bake-off") == 0 and news.asked("/glass-kingdom") == 0
    assert news.asked("/night-harbor-delay") == 1  # a summary only: its page is read


def test_an_rss_1_0_feed_is_read(cli: Runner, news: Tvmaze) -> None:
    news.answer("/rss1", Answer(body=RSS1.format(base=news.url).encode(), headers={}))
    _follow(cli, news, "/rss1")
    assert cli("--today", TODAY, "sync").code == 0
    assert [row["release"] for row in _inbox(cli)] == ["night-harbor/s3"]


def test_a_permanent_redirect_moves_the_feed_and_410_marks_it_gone(
    cli: Runner, news: Tvmaze
) -> None:
    _follow(cli, news, "/atom")
    news.answer("/atom", Answer(301, b"", {"Location": "/atom2"}))
    news.answer("/atom2", Answer(body=ATOM.format(base=news.url).encode(), headers={}))
    assert cli("--today", TODAY, "sync").code == 0
    listed = json.loads(cli("feed", "list", "-o", "json").out)
    assert listed[0]["url"] == f"{news.url}/atom2" and listed[0]["state"] == "ok"
    news.answer("/atom2", Answer(410, b""))
    gone = cli("--today", TODAY, "sync")
    assert gone.code == 5 and "Stream Notes: gone (410)" in gone.err
    asked = news.asked("/atom2")
    again = cli("--today", TODAY, "sync")
    assert news.asked("/atom2") == asked  # never fetched again
    assert "nothing to sync" in again.err
    assert json.loads(cli("feed", "list", "-o", "json").out)[0]["state"] == "gone"


def test_429_is_waited_for_then_read(
    cli: Runner, news: Tvmaze, monkeypatch: pytest.MonkeyPatch
) -> None:
    _follow(cli, news, "/atom")
    news.answer(
        "/atom",
        Answer(429, b"", {"Retry-After": "0"}),
        Answer(body=ATOM.format(base=news.url).encode(), headers={}),
    )
    assert cli("--today", TODAY, "sync").code == 0
    assert [row["release"] for row in _inbox(cli)] == ["copper-valley/s2"]


def test_a_failing_feed_is_exit_5_once_a_day_and_the_others_are_recorded(
    cli: Runner, news: Tvmaze, monkeypatch: pytest.MonkeyPatch
) -> None:
    _follow(cli, news, "/rss", "/atom")
    monkeypatch.setenv("SHOWTRACK_HTTP_TIMEOUT", "0.3")
    news.answer("/rss", Answer(body=b"late", delay=1.0))
    done = cli("--today", TODAY, "sync")
    assert done.code == 5
    assert "showtrack: feed Screen Dispatch: fetching the feed" in done.err
    assert "1 feed failed; the others were recorded" in done.err
    assert [row["release"] for row in _inbox(cli)] == ["copper-valley/s2"]
    state = json.loads(cli("feed", "list", "-o", "json").out)[0]["state"]
    assert state == f"failing since {TODAY}"
    again = cli("--today", TODAY, "sync")  # the same day: said once already
    assert again.code == 0 and "Screen Dispatch" not in again.err


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (b"<html><body><p>Just a page</p></body></html>", "is not an RSS or Atom feed"),
        (b"<rss><channel><item><title>broken", "is not an RSS or Atom feed"),
    ],
    ids=["html-page", "broken-xml"],
)
def test_feed_add_of_what_is_no_feed_is_exit_3_and_adds_nothing(
    cli: Runner, news: Tvmaze, db: Path, body: bytes, said: str
) -> None:
    news.answer("/page", Answer(body=body, headers={"Content-Type": "text/html"}))
    before = db.read_bytes()
    done = cli("feed", "add", f"{news.url}/page")
    assert done.code == 3 and said in done.err, done.err
    assert db.read_bytes() == before


def test_feed_add_of_an_unreachable_address_is_exit_5(cli: Runner, news: Tvmaze) -> None:
    news.answer("/down", Answer(503, b"", {"Retry-After": "0"}))
    done = cli("feed", "add", f"{news.url}/down")
    assert done.code == 5 and "answered 503" in done.err


def test_a_feed_over_the_cap_is_cut_and_said(
    cli: Runner, news: Tvmaze, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(feed_source, "MAX_FEED", 2_000)
    body = RSS.format(base=news.url).replace("A short teaser.", "x" * 5_000).encode()
    news.answer("/big", Answer(body=body, headers={"Content-Type": "application/rss+xml"}))
    _follow(cli, news, "/big")
    done = cli("--today", TODAY, "sync")
    assert "the feed is over 5 MB; read as far as that" in done.err
    assert "night-harbor/s3" in json.dumps(_inbox(cli))  # what came before the cut is read


def test_hostile_entries_are_shown_as_text(cli: Runner, news: Tvmaze) -> None:
    hostile = " \x1b]0;pwned\x07 \x1b[31m[bold]red[/bold] \u202eevil"
    title = "Night Harbor will not be back before spring 2027"
    rss = RSS.format(base=news.url).replace(f"<title>{title}", f"<title>{title}{hostile}", 1)
    page = PAGE.replace("last month.", f"last month{hostile}.")
    news.answer("/rss", Answer(body=rss.encode(), headers={"Content-Type": "application/rss+xml"}))
    html = {"Content-Type": "text/html"}
    news.answer("/night-harbor-delay", Answer(body=page.encode(), headers=html))
    _follow(cli, news, "/rss")
    synced = cli("--today", TODAY, "sync")
    assert synced.code == 0, synced.err
    assert "night-harbor/s3" in [row["release"] for row in _inbox(cli)], synced.err
    for command in (["inbox", "-o", "table"], ["inbox", "-o", "json"], ["inbox", "-o", "tsv"]):
        shown = cli("--today", TODAY, *command)
        assert shown.code == 0, shown.err
        assert "\x1b" not in shown.out and "\u202e" not in shown.out, command
        assert "\x07" not in shown.out, command


def test_a_statement_already_seen_from_an_article_is_never_queued_again(
    cli: Runner, news: Tvmaze
) -> None:
    _follow(cli, news, "/rss")
    assert cli("--today", TODAY, "sync").code == 0
    night = next(row for row in _inbox(cli) if row["release"] == "night-harbor/s3")
    assert cli("inbox", "dismiss", str(night["id"])).code == 0
    # Another feed lists the same article: the dismissed statement does not come back.
    news.answer("/rss1", Answer(body=RSS1.format(base=news.url).encode(), headers={}))
    _follow(cli, news, "/rss1")
    assert cli("--today", TODAY, "sync").code == 0
    assert "night-harbor/s3" not in [row["release"] for row in _inbox(cli)]


def test_a_statement_that_changes_nothing_is_not_queued(cli: Runner, news: Tvmaze) -> None:
    assert cli("--today", TODAY, "expect", "Glass Kingdom", "4", "2027-03-03").code == 0
    _follow(cli, news, "/rss")
    assert cli("--today", TODAY, "sync").code == 0
    assert "glass-kingdom/s4" not in [row["release"] for row in _inbox(cli)]


def test_an_auto_feed_records_at_once(cli: Runner, news: Tvmaze) -> None:
    done = cli("--today", TODAY, "feed", "add", f"{news.url}/atom", "--auto")
    assert done.code == 0
    synced = cli("--today", TODAY, "sync")
    assert synced.code == 0 and "1 recorded (auto)" in synced.err
    assert _inbox(cli) == []
    info = cli("--today", TODAY, "history", "Copper Valley", "2", "-o", "json")
    assert json.loads(info.out)[-1]["window"]["earliest"] == "2027-09-01"


def test_check_once_says_how_many_proposals_arrived_once(cli: Runner, news: Tvmaze) -> None:
    _follow(cli, news, "/rss")
    assert cli("--today", TODAY, "sync", "--quiet").code == 0
    first = cli("--today", TODAY, "check", "--once")
    assert first.code == 0 and first.out.endswith(
        "2 new proposals from the news: showtrack inbox\n"
    )
    second = cli("--today", TODAY, "check", "--once")
    assert second.code == 1 and second.out == ""


def test_sync_quiet_says_nothing_and_json_has_both_halves(cli: Runner, news: Tvmaze) -> None:
    _follow(cli, news, "/atom")
    quiet = cli("--today", TODAY, "sync", "--quiet", "--dry-run")
    assert quiet.code == 0 and quiet.out == "" and quiet.err == ""
    shown = json.loads(cli("--today", TODAY, "sync", "-o", "json").out)
    assert shown["tvmaze"] == {"changes": []}
    assert [p["release"] for p in shown["news"]["proposals"]] == ["copper-valley/s2"]
    assert shown["news"]["feeds"][0]["status"] == "new"


def test_feeds_move_between_readers_as_opml(cli: Runner, news: Tvmaze, tmp_path: Path) -> None:
    _follow(cli, news, "/rss", "/atom")
    exported = cli("feed", "export").out
    assert "<opml" in exported and f"{news.url}/atom" in exported
    assert cli("feed", "remove", "Stream Notes").code == 0
    opml = tmp_path / "feeds.opml"
    opml.write_text(exported)
    imported = cli("feed", "import", str(opml))
    assert imported.code == 0 and "following 1 new feeds (1 followed already)" in imported.out
    names = [row["name"] for row in json.loads(cli("feed", "list", "-o", "json").out)]
    assert names == ["Screen Dispatch", "Stream Notes"]


def test_an_empty_inbox_is_exit_1_and_an_unknown_id_exit_3(cli: Runner, news: Tvmaze) -> None:
    done = cli("inbox", "-o", "json")
    assert done.code == 1 and json.loads(done.out) == []
    assert cli("inbox", "-o", "csv").out.startswith("id,show,show_id,season,release")
    missing = cli("inbox", "accept", "n99")
    assert missing.code == 3 and "no proposal 'n99' waits in the inbox" in missing.err
    assert cli("inbox", "accept").code == 2


def test_two_syncs_recording_the_same_news_queue_it_once(
    cli: Runner, news: Tvmaze, db: Path
) -> None:
    from datetime import date, timezone

    from showtrack.reader import news as news_reader
    from showtrack.tracker import news as news_tracker
    from showtrack.tracker.proposals import known_shows

    _follow(cli, news, "/atom")
    today = date.fromisoformat(TODAY)
    loaded = store.load(db)
    outcomes = news_reader.follow(loaded.feeds(), known_shows(loaded, today), today)
    for _ in range(2):  # what two syncs fetched at once, recorded one after the other
        with store.open_for_writing(db) as st:
            news_tracker.queue(st, outcomes, today, timezone.utc)
    assert [row["release"] for row in _inbox(cli)] == ["copper-valley/s2"]


def test_the_parser_reads_each_kind_and_refuses_what_is_no_feed() -> None:
    base = "http://127.0.0.1:1"
    for raw in (RSS, ATOM, RSS1):
        title, entries = feed_source.parse(raw.format(base=base).encode(), base)
        assert title and entries and all(e.key for e in entries)
    _, entries = feed_source.parse(RSS.format(base=base).encode(), base)
    assert entries[1].content and "season 4 premieres" in entries[1].content
    assert entries[0].content is None and str(entries[0].published) == "2026-11-18"
    with pytest.raises(feed_source.NotAFeedError):
        feed_source.parse(b"<html><p>hello</p></html>", base, "text/html")


def test_a_sync_killed_while_fetching_leaves_the_database_as_it_was(
    cli: Runner, news: Tvmaze, db: Path
) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    _follow(cli, news, "/rss", "/atom")
    news.answer("/atom", Answer(body=ATOM.format(base=news.url).encode(), delay=5.0))
    before = db.read_bytes()
    syncing = subprocess.Popen(
        [sys.executable, "-m", "showtrack", "--today", TODAY, "sync"],
        env={**os.environ, "SHOWTRACK_DB": str(db)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(1.5)  # the first feed read, the second still coming
    syncing.send_signal(signal.SIGKILL)
    syncing.wait(timeout=10)
    assert db.read_bytes() == before
    assert _inbox(cli) == []


def test_a_schema_5_file_gains_the_feeds_and_the_inbox(cli: Runner, db: Path) -> None:
    v5 = {
        "meta": {"1": {"schema": 5}},
        "shows": {"1": {"id": "night-harbor", "title": "Night Harbor"}},
        "releases": {},
    }
    db.write_text(json.dumps(v5))
    assert cli("feed", "list", "-o", "json").code == 1  # read, migrated in memory
    assert cli("add", "Glass Kingdom").code == 0
    data = json.loads(db.read_text())
    assert data["meta"]["1"]["schema"] == store.SCHEMA_VERSION == 6
    assert data["feeds"] == {} and data["inbox"] == {}
    assert json.loads(db.with_name("showtrack.json.schema5.bak").read_text()) == v5
