"""News feeds (spec/feeds.md): a feed fetched with a conditional GET through the one HTTP
client (sources/http.py: caps, timeouts, redirects), parsed from bytes by feedparser
(RSS 0.9x/1.0/2.0, Atom 0.3/1.0, leniently, HTML sanitised), and its entries as plain
records; OPML read and written for moving a list of feeds between readers.

feedparser is imported only here, and only by the commands that follow feeds: `check`
and listings never pay for it.
"""

from __future__ import annotations

import html
import io
import re
import time
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import msgspec

from showtrack.errors import NetworkError, NotUnderstoodError, UsageError
from showtrack.sources.http import Fetcher
from showtrack.text import printable, shortened, web_address

#: The most of a feed, or of a page it links to, that is read (spec/feeds.md): past it,
#: the rest is cut and the cut is said.
MAX_FEED = 5_000_000
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9"
_TAG = re.compile(r"<[^>]{0,2000}>")


class NotAFeedError(NotUnderstoodError):
    """What an address answered is no RSS or Atom feed (exit 3)."""


class Entry(msgspec.Struct, frozen=True):
    """One entry of a feed: its id (its id or guid, else its link), title, link, summary
    as text, full content as HTML when the feed carries it, and its day."""

    key: str
    title: str
    link: str | None
    summary: str
    content: str | None
    published: date | None


class FeedAnswer(msgspec.Struct):
    """What a feed answered: `new` (its entries), `unchanged` (304) or `gone` (410); the
    address it is at now (`moved` when every redirect was permanent), the validators
    for the next conditional GET, and whether the body was cut at the cap."""

    status: str
    url: str
    moved: bool = False
    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None
    entries: list[Entry] = msgspec.field(default_factory=list)
    cut: bool = False


def client_for(url: str) -> tuple[Fetcher, str]:
    """A client for the site at `url`, and the path to ask it for."""
    if not web_address(url):
        raise UsageError(
            f"{printable(shortened(url))!r} is not a web address", "e.g. https://example.org/feed"
        )
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Fetcher(f"{parts.scheme}://{parts.netloc}"), path


def fetch(url: str, etag: str | None = None, last_modified: str | None = None) -> FeedAnswer:
    """The feed at `url`, asked for with the validators of its last answer. A 304 is
    `unchanged`, a 410 `gone`; any other failure is a NetworkError (exit 5), and an
    answer that is no feed a NotAFeedError (exit 3)."""
    what = f"fetching the feed {printable(shortened(url))}"
    headers = {"If-None-Match": etag} if etag else {}
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    client, path = client_for(url)
    with client:
        answer = client.get(
            path, what, headers=headers, accept=FEED_ACCEPT, limit=MAX_FEED, cut=True
        )
    now_at = answer.url if answer.moved else url
    if answer.status_code == 304:
        return FeedAnswer("unchanged", now_at, answer.moved, etag, last_modified)
    if answer.status_code == 410:
        return FeedAnswer("gone", now_at, answer.moved)
    if answer.status_code != 200:
        reason = printable(shortened(answer.reason_phrase, 60))
        raise NetworkError(f"{what}: answered {answer.status_code} {reason}".rstrip())
    title, entries = parse(answer.content, answer.url, answer.headers.get("Content-Type"))
    return FeedAnswer(
        "new",
        now_at,
        answer.moved,
        _header(answer.headers.get("ETag")),
        _header(answer.headers.get("Last-Modified")),
        title,
        entries,
        answer.cut,
    )


def _header(value: str | None) -> str | None:
    """A validator worth sending back: printable, of sane length."""
    if not value or len(value) > 200 or not value.isprintable():
        return None
    return value


def parse(raw: bytes, url: str, content_type: str | None = None) -> tuple[str | None, list[Entry]]:
    """A feed's title and entries, from its bytes; a NotAFeedError when they are no RSS
    or Atom feed (an HTML page, broken XML with nothing of a feed in it)."""
    import feedparser

    # Bytes in a BytesIO: a string would be taken for an address or a file name.
    parsed: Any = feedparser.parse(
        io.BytesIO(raw),
        response_headers={
            "content-type": content_type or "application/xml",
            "content-location": url,
        },
    )
    entries = [e for e in (_entry(item) for item in parsed.get("entries", [])) if e is not None]
    if not entries and (not parsed.get("version") or parsed.get("bozo")):
        raise NotAFeedError(
            f"{printable(shortened(url))} is not an RSS or Atom feed",
            "give the address of the feed itself (often /feed or /rss)",
        )
    title = _text(parsed.get("feed", {}).get("title")) or None
    return title, entries


def _entry(item: Any) -> Entry | None:
    link = item.get("link")
    link = link if isinstance(link, str) and web_address(link) else None
    key = item.get("id") or link
    if not isinstance(key, str) or not key.strip():
        return None
    contents = [c.get("value", "") for c in item.get("content") or [] if isinstance(c, dict)]
    content = max(contents, key=len) if contents else None
    return Entry(
        key=key.strip()[:500],
        title=_text(item.get("title"))[:500],
        link=link,
        summary=_text(item.get("summary"))[:20_000],
        content=content or None,
        published=_day(item.get("published_parsed") or item.get("updated_parsed")),
    )


def _text(value: Any) -> str:
    """HTML (or text) as plain text on one line."""
    if not isinstance(value, str):
        return ""
    return " ".join(html.unescape(_TAG.sub(" ", value)).split())


def _day(parsed: Any) -> date | None:
    if not isinstance(parsed, time.struct_time):
        return None
    try:
        day = date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None
    return day if 1900 <= day.year <= 2199 else None


# --------------------------------------------------------------------------- OPML


def read_opml(text: str) -> list[tuple[str, str]]:
    """The (name, address) of every feed an OPML 1.0 or 2.0 file lists, nested outlines
    included; a UsageError when it is no OPML."""
    import xml.etree.ElementTree as ElementTree

    try:
        # The standard library's expat refuses entity expansion bombs (Python 3.7.1+).
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise UsageError(f"not an OPML file: {exc}", "export the feeds as OPML") from None
    if root.tag.lower() != "opml":
        raise UsageError("not an OPML file: it has no <opml>", "export the feeds as OPML")
    found = []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if url:
            name = outline.get("title") or outline.get("text") or url
            found.append((" ".join(name.split())[:200], url.strip()))
    return found


def write_opml(feeds: list[tuple[str, str]]) -> str:
    """An OPML 2.0 document listing these (name, address) feeds."""
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = "showtrack feeds"
    body = ElementTree.SubElement(root, "body")
    for name, url in feeds:
        ElementTree.SubElement(body, "outline", type="rss", text=name, title=name, xmlUrl=url)
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, "unicode") + "\n"
