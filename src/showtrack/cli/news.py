"""`sync` (TVmaze and the news), `feed` (the feeds followed) and `inbox` (what they
propose): spec/sync.md and spec/feeds.md. Everything is fetched, and every person asked,
before the database is locked; each command writes at most once."""

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from showtrack import clock
from showtrack.cli.context import emit, output_format
from showtrack.cli.options import (
    Quit,
    TableOrJson,
    app,
    argument,
    ask,
    ask_revision,
    echo_safe,
    feed_app,
    inbox_app,
    option,
    settings_of,
)
from showtrack.errors import ExitCode, NetworkError, UsageError

if TYPE_CHECKING:
    from showtrack.cli.context import Settings
    from showtrack.models import FeedOutcome, InboxItem
    from showtrack.sources.tvmaze import Fetched
    from showtrack.tracker.sync import Synced, SyncPlan

ONLY_HELP = "sync only TVmaze, or only the news"
QUIET_HELP = "say nothing unless something fails"


@app.command()
def sync(
    ctx: typer.Context,
    show: Annotated[
        list[str] | None, argument("linked shows (default: every linked show)", metavar="SHOW...")
    ] = None,
    only: Annotated[str | None, option("--only", ONLY_HELP, metavar="tvmaze|news")] = None,
    dry_run: Annotated[bool, option("--dry-run", "show what would change; write nothing")] = False,
    output: TableOrJson = None,
    quiet: Annotated[bool, option("--quiet -q", QUIET_HELP)] = False,
) -> None:
    """Fetch confirmed dates from TVmaze for linked shows, and the news of followed feeds.

    TVmaze: a date becomes the season's window (stage dated), a season whose first
    episode aired is released; only shows TVmaze changed since the last sync are
    fetched. The news: each feed's new entries about your shows are read, and what they
    state goes to the inbox (`showtrack inbox`), or is recorded at once for a feed
    added with --auto. Every change is history with its source. Exits 5 when TVmaze or
    a feed fails (what was fetched is still recorded).

    Example (cron):  0 7 * * *  showtrack sync --quiet && showtrack check --once
    """
    from showtrack.reader import news as news_reader
    from showtrack.sources import tvmaze
    from showtrack.tracker import sync as syncing

    settings = settings_of(ctx)
    fmt = output_format(output or "table", ("table", "json"))
    today = settings.today()
    st = settings.read_store()
    plan = syncing.plan(st, show or [], only, today)
    if not plan.shows and not plan.feeds:
        if not quiet:
            typer.echo(
                "nothing to sync: link a show to TVmaze (`showtrack link SHOW`) "
                "or follow a feed (`showtrack feed add URL`)",
                err=True,
            )
        return
    # Fetched before the lock is taken: a slow server never holds up another command.
    fetched = (
        tvmaze.fetch_changed(plan.shows, plan.since, today.isoformat()) if plan.shows else None
    )
    outcomes = news_reader.follow(plan.feeds, plan.known, today) if plan.feeds else []
    reports = fetched.reports if fetched is not None else None
    complete = fetched is not None and fetched.complete
    zone = clock.local_zone()
    if dry_run:  # recorded in the snapshot read above, which is never saved
        synced = syncing.record_all(st, plan, reports, complete, outcomes, today, zone)
    else:
        with settings.write_store() as writable:
            synced = syncing.record_all(writable, plan, reports, complete, outcomes, today, zone)
    _say_synced(settings, fmt, quiet, plan, fetched, outcomes, synced, dry_run)


def _say_synced(
    settings: "Settings",
    fmt: str,
    quiet: bool,
    plan: "SyncPlan",
    fetched: "Fetched | None",
    outcomes: "Sequence[FeedOutcome]",
    synced: "Synced",
    dry_run: bool,
) -> None:
    """What `sync` recorded, as a table or JSON, its summary on stderr, and exit 5 at the
    end for what failed."""
    from showtrack.text import printable
    from showtrack.tracker import sync as syncing

    rows = [c.to_dict() for c in synced.changes]
    news = synced.news
    # TVmaze failed before anything came: the error says it all (exit 5); a summary of
    # nothing fetched, or an empty result on stdout, would look like a sync that ran.
    nothing_came = fetched is not None and fetched.failure is not None and not fetched.reports
    if nothing_came and not plan.feeds:
        _fail_at_the_end(fetched, news.failures)
    if fmt == "json":
        from showtrack.output import write_object

        write_object({"tvmaze": {"changes": rows}, "news": news.to_dict()}, sys.stdout)
    elif not quiet:
        queued = [item.row() for item in news.queued]

        def draw(render: Any, console: Any) -> None:
            render.sync_table(console, rows)
            if queued:
                from showtrack.render import news as news_render

                news_render.inbox_table(console, queued)

        emit(settings, fmt, rows, table=draw, to_dict=dict)
    if not quiet:
        if fetched is not None and not nothing_came:
            said = syncing.summary(
                len(plan.shows), len(fetched.reports), fetched.answered, synced.changes, dry_run
            )
            typer.echo(said, err=True)
        if plan.feeds:
            typer.echo(news.summary(outcomes), err=True)
        for note in news.notes:
            typer.echo(f"showtrack: {printable(note)}", err=True)
    _fail_at_the_end(fetched, news.failures)


def _fail_at_the_end(fetched: "Fetched | None", feed_failures: list[str]) -> None:
    """Exit 5 for what failed, after what the rest brought was recorded and said."""
    from showtrack.text import printable

    if fetched is not None:
        for skipped in fetched.skipped:  # the others were recorded; this one left as it was
            typer.echo(f"showtrack: skipped: {skipped.message}", err=True)
    for failure in feed_failures:
        typer.echo(f"showtrack: feed {printable(failure)}", err=True)
    if fetched is not None and fetched.failure is not None:
        raise fetched.failure
    if fetched is not None and fetched.skipped:
        count = len(fetched.skipped)
        raise NetworkError(
            f"{count} show{'s' if count > 1 else ''} skipped: unreadable answer",
            fetched.skipped[0].hint,
        )
    if feed_failures:
        count = len(feed_failures)
        raise NetworkError(
            f"{count} feed{'s' if count > 1 else ''} failed; the others were recorded",
            "see `showtrack feed list`",
        )


# --------------------------------------------------------------------------- feed

AUTO_HELP = "record its high-confidence proposals at once, without the inbox"


@feed_app.command("add")
def feed_add(
    ctx: typer.Context,
    url: Annotated[str, argument("the feed's address (RSS or Atom)", metavar="URL")],
    name: Annotated[str | None, option("--name", "what to call it (default: its title)")] = None,
    auto: Annotated[bool, option("--auto", AUTO_HELP)] = False,
) -> None:
    """Follow a news feed: fetched once to check it is one (exit 5 unreachable, exit 3
    not a feed); its entries about your shows are read from the next `sync` on.

    Example:  showtrack feed add https://example.org/tv/feed --name "TV news"
    """
    from showtrack.sources import feeds as feed_source
    from showtrack.tracker import news

    settings = settings_of(ctx)
    answer = feed_source.fetch(url.strip())
    with settings.write_store() as st:
        feed = news.add_feed(st, answer.url, name, answer.title, auto, settings.today())
    cut = " (cut at 5 MB)" if answer.cut else ""
    count = len(answer.entries)
    entries = f"{count} {'entry' if count == 1 else 'entries'}{cut}"
    echo_safe(f"following {feed.name} ({entries}): {feed.url}")


@feed_app.command("list")
def feed_list(
    ctx: typer.Context,
    output: Annotated[str | None, option("-o --output", "table, json, jsonl, csv or tsv")] = None,
) -> None:
    """The followed feeds: name, address, auto, last checked, last new entry, state."""
    from showtrack.tracker import news

    settings = settings_of(ctx)
    rows = news.feed_rows(settings.read_store())
    from showtrack.models import Feed

    emit(
        settings,
        output_format(output),
        rows,
        table=lambda _, console: _news_render().feeds_table(console, rows),
        to_dict=dict,
        blank=Feed("", "", "").row(),
    )
    if not rows:
        raise typer.Exit(ExitCode.NOTHING)


@feed_app.command("remove")
def feed_remove(
    ctx: typer.Context, name: Annotated[str, argument("the feed's name or address", metavar="FEED")]
) -> None:
    """Stop following a feed; its proposals in the inbox stay."""
    from showtrack.tracker import news

    with settings_of(ctx).write_store() as st:
        feed = news.remove_feed(st, name)
    echo_safe(f"no longer following {feed.name}")


@feed_app.command("import")
def feed_import(
    ctx: typer.Context,
    file: Annotated[Path, argument("an OPML file from a feed reader", metavar="FILE")],
    auto: Annotated[bool, option("--auto", AUTO_HELP)] = False,
) -> None:
    """Follow the feeds an OPML file lists (as feed readers export them); those followed
    already are left as they are. Nothing is fetched until `sync`."""
    from showtrack.sources import feeds as feed_source
    from showtrack.tracker import news

    settings = settings_of(ctx)
    try:
        with file.open("rb") as handle:
            raw = handle.read(feed_source.MAX_FEED + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {file}: {exc.strerror}") from None
    if len(raw) > feed_source.MAX_FEED:
        raise UsageError(f"{file} is over 5 MB: not an OPML file of feeds")
    pairs = feed_source.read_opml(raw.decode("utf-8", "replace"))
    with settings.write_store() as st:
        added, already = news.import_feeds(st, pairs, auto, settings.today())
    typer.echo(f"following {added} new feeds ({already} followed already)")


@feed_app.command("export")
def feed_export(ctx: typer.Context) -> None:
    """The followed feeds as OPML, for a feed reader."""
    from showtrack.sources import feeds as feed_source
    from showtrack.tracker import news

    st = settings_of(ctx).read_store()
    sys.stdout.write(feed_source.write_opml(news.feed_pairs(st)))


def _news_render() -> Any:
    from showtrack.render import news as news_render

    return news_render


# --------------------------------------------------------------------------- inbox

IDS_HELP = "inbox ids (n7, n8...)"


@inbox_app.callback(invoke_without_command=True)
def inbox(
    ctx: typer.Context,
    output: Annotated[
        str | None, option("-o --output", "table, json, jsonl, csv or tsv", metavar="FORMAT")
    ] = None,
) -> None:
    """Proposals from the news waiting for you, newest article first; exits 1 when there
    are none. `inbox accept ID`, `inbox dismiss ID`, `inbox review` act on them."""
    if ctx.invoked_subcommand is not None:
        return
    from showtrack.tracker import news

    settings = settings_of(ctx)
    items = news.waiting(settings.read_store())
    rows = [item.row() for item in items]
    emit(
        settings,
        output_format(output),
        rows,
        table=lambda _, console: _news_render().inbox_table(console, rows),
        to_dict=dict,
        blank=news.blank_item().row(),
    )
    if not rows:
        if output is None and sys.stdout.isatty():
            typer.echo("nothing in the inbox; `showtrack sync` brings the news", err=True)
        raise typer.Exit(ExitCode.NOTHING)


@inbox_app.command("accept")
def inbox_accept(
    ctx: typer.Context,
    ids: Annotated[list[str] | None, argument(IDS_HELP, metavar="ID...")] = None,
    every: Annotated[bool, option("--all", "every proposal waiting")] = False,
    confidence: Annotated[
        str | None, option("--confidence", "with --all: only those of it (high)")
    ] = None,
) -> None:
    """Record proposals as `expect` records them: the article as source, its day as as_of."""
    from showtrack.tracker import news

    settings = settings_of(ctx)
    today = settings.today()
    with settings.write_store() as st:
        done = news.accept(st, ids or [], every, today, clock.local_zone(), confidence)
    for view in done:
        echo_safe(f"{view.status}: {view.release} {view.proposal.phrase}")


@inbox_app.command("dismiss")
def inbox_dismiss(
    ctx: typer.Context,
    ids: Annotated[list[str] | None, argument(IDS_HELP, metavar="ID...")] = None,
    every: Annotated[bool, option("--all", "every proposal waiting")] = False,
) -> None:
    """Drop proposals; a dismissed statement never comes back from the same article."""
    from showtrack.tracker import news

    with settings_of(ctx).write_store() as st:
        dropped = news.dismiss(st, ids or [], every)
    typer.echo(f"dismissed {len(dropped)}")


REVIEW_ANSWERS = "[a]ccept  [d]ismiss  [s]kip  [e]dit  [q]uit"


@inbox_app.command("review")
def inbox_review(ctx: typer.Context) -> None:
    """At a terminal: each proposal with its sentence; accept, edit, dismiss, skip or
    quit. What you decide is recorded once you have gone through them (or quit)."""
    from showtrack.tracker import news

    settings = settings_of(ctx)
    if not sys.stdin.isatty():
        raise UsageError("inbox review asks at a terminal", "use inbox accept or dismiss")
    items = news.waiting(settings.read_store())
    if not items:
        typer.echo("nothing in the inbox")
        raise typer.Exit(ExitCode.NOTHING)
    accepted, dismissed = _ask(settings, items)
    if not accepted and not dismissed:
        typer.echo("nothing decided; nothing recorded")
        return
    with settings.write_store() as st:
        done = news.decide(st, accepted, dismissed, settings.today(), clock.local_zone())
    for view in done.accepted:
        echo_safe(f"{view.status}: {view.release} {view.proposal.phrase}")
    typer.echo(f"dismissed {len(done.dismissed)}")


def _ask(
    settings: "Settings", items: "list[InboxItem]"
) -> "tuple[list[InboxItem], list[InboxItem]]":
    """Ask about each item, as `git add -p` does; the accepted (edited where the person
    edited them) and the dismissed."""
    from showtrack import render
    from showtrack.tracker.news import revised as revised_item

    console = settings.console()
    accepted: list[InboxItem] = []
    dismissed: list[InboxItem] = []
    for index, item in enumerate(items, 1):
        while True:
            row = item.row()
            _news_render().inbox_card(console, row, index, len(items))
            render.proposal_card(console, row, index, len(items))
            answer = ask(REVIEW_ANSWERS, "a", show_default=False) or "q"  # Ctrl-D: quit
            if answer.lower() == "q":
                return accepted, dismissed
            if answer.lower() in ("a", "d", "s"):
                {"a": accepted, "d": dismissed, "s": []}[answer.lower()].append(item)
                break
            if answer.lower() != "e":
                typer.echo(f"answer {REVIEW_ANSWERS}")
                continue
            try:
                as_of = clock.parse_iso_day(item.source.as_of)
                revised = ask_revision(item.proposal, as_of, None)
            except Quit:
                return accepted, dismissed
            if revised is None:
                continue
            item = revised_item(item, revised)
    return accepted, dismissed
