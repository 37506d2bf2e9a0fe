"""`showtrack read`: propose the release windows an article states, let the person
review them (or record them all with --apply), and record the accepted ones as `expect`
does (spec/read.md). The article is fetched and the person asked before the database
is locked; the lock is held only for the one write at the end."""

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from showtrack import clock
from showtrack.cli.context import emit, output_format
from showtrack.cli.options import (
    Quit,
    Region,
    app,
    argument,
    ask,
    ask_revision,
    day_option,
    option,
    settings_of,
)
from showtrack.errors import ExitCode, UsageError

if TYPE_CHECKING:  # helpers' annotations are strings: the CLI loads these only when run
    from datetime import date

    from showtrack.cli.context import Settings
    from showtrack.models import KnownShow
    from showtrack.reader.article import Article
    from showtrack.render import Console
    from showtrack.store import Store
    from showtrack.tracker.proposals import ArticleSource, ProposalView

SOURCE_HELP = "an article: a file (text, Markdown, HTML), - for standard input, or an http(s) URL"
READ_AS_OF_HELP = (
    "the day the article was published (default: from the page or its address, else today)"
)
SHOWS_HELP = "only statements about this show (repeat)"
READ_OUTPUT_HELP = "table, json or jsonl (default: table on a terminal, jsonl when piped)"
ANSWERS = "[a]ccept  [s]kip  [e]dit  accept [A]ll  [q]uit"


@app.command()
def read(
    ctx: typer.Context,
    source: Annotated[str, argument(SOURCE_HELP, metavar="SOURCE")],
    as_of: Annotated[str | None, option("--as-of", READ_AS_OF_HELP, metavar="DATE")] = None,
    region: Region = None,
    shows: Annotated[list[str], option("--show", SHOWS_HELP, metavar="SHOW")] = [],  # noqa: B006
    apply: Annotated[bool, option("--apply", "record every proposal without asking")] = False,
    dry_run: Annotated[bool, option("--dry-run", "only show the proposals")] = False,
    create_shows: Annotated[
        bool, option("--create-shows", "with --apply: add shows that are not tracked yet")
    ] = False,
    output: Annotated[str | None, option("-o --output", READ_OUTPUT_HELP, metavar="FORMAT")] = None,
) -> None:
    """Propose the release windows a news article states, and record the ones you accept.

    At a terminal each proposal is shown with its sentence: accept, skip, or edit its
    phrase or season. --apply records them all (for scripts); --dry-run, the default
    when standard input is not a terminal, only shows them. Each recorded window is an
    `expect` with the article as its source; reading an article again records nothing
    new. Exits 1 when the article states no release window.

    Example:  showtrack read news.html --as-of 2017-01-10 --apply --create-shows
    """
    from showtrack.config import load_config
    from showtrack.reader.statements import read_statements
    from showtrack.tracker import proposals

    settings = settings_of(ctx)
    region = load_config().pick("region", region)
    if output is None:
        fmt = "table" if sys.stdout.isatty() else "jsonl"
    else:
        fmt = output_format(output, ("table", "json", "jsonl"))
    if apply and dry_run:
        raise UsageError("--apply and --dry-run contradict each other", "give one of them")
    today = settings.today()
    article, origin = _article(settings, source, as_of, today)
    asking = not (apply or dry_run) and fmt == "table" and sys.stdin.isatty()
    st = settings.read_store(about_to_write=apply or asking)
    known = proposals.known_shows(st, today)
    dated = origin.as_of_from != "today"
    found = read_statements(article.text, article.title, origin.as_of, region, known, dated=dated)
    views = proposals.resolve(st, found, today, shows, known)
    if asking:
        views = _review(settings.console(), views, st, origin, region, today, known)
        if not views:
            typer.echo("nothing accepted; nothing recorded")
            return
    if (apply or asking) and views:
        with settings.write_store() as writable:
            views = proposals.record(
                writable,
                views,
                origin,
                create_shows=create_shows or asking,
                today=today,
                local_zone=clock.local_zone(),
            )
    elif not apply and found and not asking:
        sys.stderr.write("showtrack: nothing recorded; --apply records these proposals\n")
    _show(settings, fmt, views, origin)
    if not found:
        raise typer.Exit(ExitCode.NOTHING)


def _article(
    settings: "Settings", source: str, as_of: str | None, today: "date"
) -> "tuple[Article, ArticleSource]":
    """The article at `source` (a file, `-`, or a web address), and where it came from
    and the day it speaks from: --as-of, else the day it was published, else today (then
    windows that need a date, like 'this fall', are not read, and stderr says so)."""
    from showtrack.reader.article import load_article
    from showtrack.tracker.proposals import ArticleSource

    given = day_option(settings, as_of, "--as-of")
    if given is not None and given > today:
        raise UsageError(f"--as-of {given} is after today ({today})", "give the day it was said")
    article = load_article(source, today)
    day = given or article.published or today
    came_from = "option" if given else (article.published_from or "today")
    if came_from == "today":
        sys.stderr.write(
            "showtrack: the article gives no date: only windows that need none are read"
            " (give --as-of DATE to read 'this fall' and the like)\n"
        )
    return article, ArticleSource(article.title, article.name, article.url, day, came_from)


def _review(
    console: "Console",
    views: "list[ProposalView]",
    st: "Store",
    origin: "ArticleSource",
    region: str | None,
    today: "date",
    known: "list[KnownShow]",
) -> "list[ProposalView]":
    """Ask about each proposal, as `git add -p` does: the accepted ones (edited where the
    person edited them). Quitting keeps what was accepted before."""
    from showtrack import render
    from showtrack.tracker.proposals import resolve

    accepted: list[ProposalView] = []
    for index, view in enumerate(views, 1):
        while True:
            render.proposal_card(console, view.to_dict(), index, len(views))
            answer = ask(ANSWERS, "a", show_default=False) or "q"  # Ctrl-D: quit
            if answer == "A":
                return [*accepted, view, *views[index:]]
            if answer.lower() == "q":
                return accepted
            if answer.lower() in ("a", "s"):
                accepted += [view] if answer.lower() == "a" else []
                break
            if answer.lower() != "e":
                typer.echo("answer a, s, e, A or q")
                continue
            try:
                revised = ask_revision(view.proposal, origin.as_of, region)
                if revised is not None:
                    view = resolve(st, [revised], today, known=known)[0]
            except Quit:
                return accepted
            except UsageError as exc:  # the revised proposal names no tracked release
                typer.echo(f"{exc.message}" + (f" ({exc.hint})" if exc.hint else ""))
    return accepted


def _show(
    settings: "Settings", fmt: str, views: "list[ProposalView]", origin: "ArticleSource"
) -> None:
    """Write the proposals: a table, one JSON document with the source, or JSON lines."""
    rows = [view.to_dict() for view in views]
    source = origin.to_dict()
    if fmt == "json":
        from showtrack.output import write_object

        write_object({"source": source, "proposals": rows}, sys.stdout)
        return
    emit(
        settings,
        fmt,
        rows,
        table=lambda render, console: render.proposals_table(console, source, rows),
        to_dict=dict,
    )
