"""An article to read: a file (plain text, Markdown or HTML), standard input, or an
http(s) URL, turned into its text, title, address and publication date.

HTML goes through trafilatura, which finds the main text of a page (leaving out menus,
captions of other stories, footers) and its metadata; it is imported only here, so only
`showtrack read` pays for it. Titles in italics come out of it as Markdown emphasis,
which the statement reader takes as title markup, as it takes quotes.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from datetime import date
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from showtrack.errors import UsageError
from showtrack.text import shortened, web_address
from showtrack.windows.vocabulary import MONTHS
from showtrack.windows.window import FIRST_DAY, LAST_DAY

_MONTH_WORD = rf"(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)"
# A full date: "March 5, 2024", "Mar. 5th, 2024", "Monday, 20th June 2016", "2024-03-05".
_FULL_DATE = (
    rf"{_WEEKDAY}?(?:(?P<month>{_MONTH_WORD})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
    rf"(?P<year>\d{{4}})|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH_WORD}),?\s+"
    rf"(?P<year2>\d{{4}})|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))\b"
)
# A dateline: a line that starts with a date; says it was published, posted or updated
# on one ("Posted: 10:01 PM, May 16, 2018"); gives the author and the day ("By Ann Lee on
# September 9, 2011"); or opens a press release ("LOS ANGELES (March 5, 2024) -",
# "New York, NY, March 21, 2019 - ").
_DATELINE = re.compile(
    rf"^(?:(?:(?:first\s+)?(?:published|posted|updated)(?:\s+on)?:?\s+(?:[\d:]+\s*[ap]m,?\s+)?"
    rf"(?:at\s+)?)|(?:by\s+[^\n]{{1,60}}?\s+(?:on\s+|\|\s+))|(?:on\s+)"
    rf"|(?-i:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}},(?:\s+[A-Z][A-Za-z.]{{1,14}},)?\s+)"
    rf"(?={re.sub(r'[(][?]P<[a-z0-9]+>', '(?:', _FULL_DATE)}\s*[-–—])|(?-i:[A-Z .,]+\(\s*))?"
    rf"{_FULL_DATE}",
    re.IGNORECASE | re.MULTILINE,
)
_URL_DATE = re.compile(r"/(?P<year>(?:19|20|21)\d\d)[/-](?P<month>[01]?\d)[/-](?P<day>[0-3]?\d)\b")
_HTML = re.compile(r"<(?:!doctype html|html|body|article|p|div|h1)\b", re.IGNORECASE)
_DATELINE_LINES = 12  # a dateline is near the top, after a headline and a byline or two


class Article(NamedTuple):
    """What an article is: its text, title, address, and when it was published (with
    where that date was found: "metadata", "dateline" or "url")."""

    text: str
    title: str | None
    name: str
    url: str | None
    published: date | None
    published_from: str | None


#: The most an article may be, as a file, on standard input or as a page: news pages are
#: well under it, and it keeps a mistaken input (a disk image, /dev/zero) from costing
#: minutes and memory. The README says it.
MAX_ARTICLE = 5_000_000


def load_article(source: str, today: date) -> Article:
    """Read SOURCE: `-` (standard input), an http(s) URL (through sources.http; a
    failure is exit 5) or a regular file, at most MAX_ARTICLE bytes of text. A
    publication date after `today` is not taken."""
    if source == "-":
        return from_content(_read_stdin(), None, "standard input", None, today)
    if re.match(r"https?://", source, re.IGNORECASE):
        if not web_address(source):
            raise UsageError(
                f"{shortened(source)!r} is not a web address", "e.g. https://example.org/a"
            )
        from showtrack.sources.http import Fetcher

        parts = urlsplit(source)
        path = parts.path or "/"
        path += f"?{parts.query}" if parts.query else ""
        with Fetcher(f"{parts.scheme}://{parts.netloc}") as fetcher:
            content, media = fetcher.get_text(path, f"fetching {source}", MAX_ARTICLE)
        sys.stderr.write(f"showtrack: fetched {source} ({len(content):,} characters)\n")
        return from_content(content, media, source, source, today)
    return from_content(_read_file(source), None, Path(source).name, None, today)


def _read_stdin() -> str:
    """Standard input's text, read no further than MAX_ARTICLE (`read - < /dev/zero`)."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        return _text_of(stream.read(MAX_ARTICLE + 1), "standard input")
    text = sys.stdin.read(MAX_ARTICLE + 1)  # a text stream with no bytes under it
    return _text_of(text.encode("utf-8", errors="replace"), "standard input")


def _read_file(source: str) -> str:
    """A regular file's text: not a FIFO (which could block for ever), a device or a
    folder, not over MAX_ARTICLE bytes, not binary."""
    shown = shortened(source)
    try:
        status = os.stat(source)
        if not stat.S_ISREG(status.st_mode):
            raise UsageError(f"{shown} is not a regular file", "give an article's file, or -")
        if status.st_size > MAX_ARTICLE:
            raise UsageError(
                f"{shown} is {status.st_size:,} bytes, more than an article's "
                f"{MAX_ARTICLE // 1_000_000} MB",
                "give the article alone",
            )
        with open(source, "rb") as handle:
            raw = handle.read(MAX_ARTICLE + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {shown}: {exc.strerror or exc}") from None
    return _text_of(raw, shown)


def _text_of(raw: bytes, name: str) -> str:
    """Bytes of an article as text; more than MAX_ARTICLE, or binary data (a NUL byte, a
    text mostly undecodable), is a usage error."""
    if len(raw) > MAX_ARTICLE:
        raise UsageError(
            f"{name} is more than an article's {MAX_ARTICLE // 1_000_000} MB",
            "give the article alone",
        )
    text = raw.decode("utf-8", errors="replace")
    if "\x00" in text or text.count("\ufffd") > max(8, len(text) // 20):
        raise UsageError(f"{name} is not text (binary data)", "give an article's text or page")
    return text


def from_content(
    content: str, media: str | None, name: str, url: str | None, today: date
) -> Article:
    """An article from the text of a file or a page (HTML when `media` or the text says
    so): its main text, title, address and publication date."""
    if "html" in (media or "") or _HTML.search(content[:2000]):
        return _from_html(content, name, url, today)
    text = content.replace("\r\n", "\n").replace("\r", "\n")
    title = _first_line_title(text)
    published, found_in = _dated(text, url, today)
    return Article(text, title, title or name, url, published, found_in)


def _from_html(html: str, name: str, url: str | None, today: date) -> Article:
    import trafilatura

    # Without extensive search a date comes from the page's metadata only: the
    # extensive search takes dates out of the text, such as the release dates we read.
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_formatting=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    fields = document if isinstance(document, dict) else document.as_dict() if document else {}
    text = str(fields.get("text") or "")
    if not text.strip():
        raise UsageError(f"{name} has no article text that can be read")
    title = str(fields.get("title") or "").strip() or _first_line_title(text)
    published = _valid_iso(str(fields.get("date") or ""), today)
    found_in = "metadata" if published else None
    if published is None:
        published, found_in = _dated(text, url, today)
    return Article(text, title, title or name, url, published, found_in)


def _first_line_title(text: str) -> str | None:
    """A headline: the first line, when it is short, not a sentence of the story, and
    the story follows it."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return None
    first = lines[0].lstrip("#").strip()
    if 0 < len(first) <= 150 and not first.endswith((".", ",", ";", ":")):
        return first
    return None


def _dated(text: str, url: str | None, today: date) -> tuple[date | None, str | None]:
    """The publication date from a dateline near the top, else from the URL."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][:_DATELINE_LINES]
    top = "\n".join(line[:200] for line in lines)  # a dateline opens its line
    for m in _DATELINE.finditer(top):
        if m["iso"]:
            day = _valid_iso(m["iso"], today)
        else:
            named = (m["month"] or m["month2"]).lower().rstrip(".")
            month = MONTHS.get(named)
            number, year = int(m["day"] or m["day2"]), int(m["year"] or m["year2"])
            day = _valid(year, month, number, today) if month else None
        if day is not None:
            return day, "dateline"
    in_url = _URL_DATE.search(urlsplit(url).path) if url else None
    if in_url:
        day = _valid(int(in_url["year"]), int(in_url["month"]), int(in_url["day"]), today)
        if day is not None:
            return day, "url"
    return None, None


def _valid_iso(text: str, today: date) -> date | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    return _valid(int(m[1]), int(m[2]), int(m[3]), today) if m else None


def _valid(year: int, month: int, day: int, today: date) -> date | None:
    """The day, if it is a real one in the kept years and not after today."""
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        return None
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if found <= today else None
