"""Reading the news of feeds (spec/feeds.md): each followed feed fetched, its new entries
about a tracked show read (the entry's full content, else its page), and what they
state about the tracked shows returned, nothing recorded. Entries about no tracked show
are marked seen and never fetched.

This runs before the database is locked: the sync records what it returns in one save.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import showtrack.sources.feeds as feed_source
from showtrack.errors import NetworkError, NotUnderstoodError, UsageError
from showtrack.models import Feed, FeedOutcome, KnownShow, NewsSource, Statement
from showtrack.reader.article import MAX_ARTICLE, Article, from_content
from showtrack.sources.feeds import Entry, FeedAnswer
from showtrack.text import bare_title, fold, printable, shortened

#: The most pages fetched for one feed in one sync, one at a time (spec/feeds.md): the
#: entries past it wait, unseen, for the next sync.
PAGES_PER_FEED = 20
#: Media types of a page that is read; anything else (a PDF, a video) is skipped.
_READABLE = ("text/html", "application/xhtml+xml", "text/plain", "")


class ShowNames:
    """Which tracked shows a text names: a title or alias, matched as everywhere (case,
    accents, a leading "The" or "Marvel's"), as whole words."""

    def __init__(self, known: Sequence[KnownShow]) -> None:
        names = {fold(n) for show in known for name in show.names for n in (name, bare_title(name))}
        names = {n for n in names if len(n) >= 2}
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if names else None

    def named_in(self, *texts: str | None) -> bool:
        """Whether any of the texts names a tracked show."""
        if self._pattern is None:
            return False
        return any(text and self._pattern.search(fold(text)) for text in texts)


def follow(feeds: Sequence[Feed], known: Sequence[KnownShow], today: date) -> list[FeedOutcome]:
    """Fetch each feed that is not gone, in the order given, and read its new entries
    about the tracked shows. A feed that fails is an outcome with its failure; the others
    go on."""
    names = ShowNames(known)
    outcomes = []
    for feed in feeds:
        if feed.state == "gone":
            continue
        try:
            answer = feed_source.fetch(feed.url, feed.etag, feed.last_modified)
        except (NetworkError, NotUnderstoodError, UsageError) as exc:
            outcomes.append(FeedOutcome(feed.id, "failed", feed.url, failure=exc.message))
            continue
        outcomes.append(_read_feed(feed, answer, names, known, today))
    return outcomes


def _read_feed(
    feed: Feed, answer: FeedAnswer, names: ShowNames, known: Sequence[KnownShow], today: date
) -> FeedOutcome:
    outcome = FeedOutcome(
        feed.id,
        answer.status,
        answer.url,
        answer.moved,
        answer.etag,
        answer.last_modified,
    )
    if answer.cut:
        outcome.notes.append(f"{feed.name}: the feed is over 5 MB; read as far as that")
    seen = set(feed.seen)
    for entry in answer.entries:
        if entry.key in seen or entry.key in outcome.seen:
            continue
        outcome.new_entries += 1
        if not names.named_in(entry.title, entry.summary, entry.content):
            outcome.seen.append(entry.key)  # about no tracked show: never fetched
            continue
        needs_page = not entry.content
        if needs_page and outcome.pages >= PAGES_PER_FEED:
            continue  # waits, unseen, for the next sync
        outcome.about += 1
        outcome.seen.append(entry.key)
        outcome.pages += needs_page
        article = _article(entry, feed, today, outcome.notes)
        if article is not None:
            outcome.statements += _statements(article, entry, feed, known, today)
    return outcome


def _article(entry: Entry, feed: Feed, today: date, notes: list[str]) -> Article | None:
    """The entry's article: its full content when the feed carries it, else its page."""
    name = entry.title or entry.link or feed.name
    try:
        if entry.content:
            text = _fragment_text(entry.content)
            return Article(text, entry.title or None, name, entry.link, None, None)
        if entry.link is None:
            return None
        client, path = feed_source.client_for(entry.link)
        with client:
            answer = client.get(path, f"fetching {entry.link}", limit=MAX_ARTICLE, cut=True)
        media = answer.media_type.split(",")[0].strip()
        if media == "application/octet-stream" and b"\x00" not in answer.content[:4096]:
            media = ""  # a server that does not say: read it if it is text (from_content)
        if answer.status_code != 200 or media not in _READABLE:
            why = f"answered {answer.status_code}" if answer.status_code != 200 else media
            notes.append(f"{feed.name}: skipped {printable(shortened(entry.link))} ({why})")
            return None
        return from_content(answer.text, media, name, entry.link, today)
    except (NetworkError, UsageError) as exc:
        notes.append(f"{feed.name}: skipped {printable(shortened(name))}: {exc.message}")
        return None


_BREAK = re.compile(r"<\s*(?:/p|br|/div|/h\d|/li|/blockquote)\b[^>]{0,200}>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,2000}>")


def _fragment_text(fragment: str) -> str:
    """The text of an entry's HTML content (a fragment of an article, which trafilatura
    would take for boilerplate): a paragraph a line."""
    import html

    # The source's own line ends are no paragraphs: only the tags that end one are.
    text = html.unescape(_TAG.sub(" ", _BREAK.sub("\n", " ".join(fragment.split()))))
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _statements(
    article: Article, entry: Entry, feed: Feed, known: Sequence[KnownShow], today: date
) -> list[Statement]:
    """What the article states about when releases come, read against its day: the
    page's, else the entry's; an article with neither is read for what needs no day."""
    day = article.published or entry.published
    source = NewsSource(
        name=article.title or entry.title or feed.name,
        url=entry.link,
        as_of=(day or today).isoformat(),
        feed=feed.id,
        title=article.title or entry.title or None,
        as_of_from=("page" if article.published else "entry") if day else "today",
    )
    # Loaded only when an entry is about a tracked show: most mornings none is, and the
    # reader's patterns cost about a quarter of a second to compile (bench/FEEDS.md).
    from showtrack.reader.statements import read_statements

    found = read_statements(
        article.text, article.title or entry.title, day or today, None, known, dated=day is not None
    )
    return [Statement(p, source) for p in found]
