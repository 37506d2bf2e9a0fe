"""The records of reading the news: a tracked show as the reader knows it, what an
article proposes, the feeds followed and the inbox of their proposals (spec/read.md,
spec/feeds.md)."""

from __future__ import annotations

from typing import Any

import msgspec

from showtrack.models.records import WindowRecord, to_plain


class KnownShow(msgspec.Struct, frozen=True):
    """A tracked show as the article reader needs it: the names it goes by, and the
    season "the new season" means (the first not released yet, else the next one)."""

    names: tuple[str, ...]
    next_season: int | None = None
    id: str = ""


class Proposal(msgspec.Struct, frozen=True):
    """One statement an article makes about when a release of a show comes
    (spec/read.md): found by reader/, resolved and recorded by tracker/."""

    show: str
    season: int | None
    kind: str  # release or filming
    phrase: str
    window: WindowRecord | None
    sentence: str
    offset: int  # of the sentence in the article's text
    phrase_offset: int  # of the phrase in the sentence
    confidence: str  # high or low
    region: str | None = None
    after_show: str | None = None
    after_season: int | None = None

    def row(self, show_id: str | None, release: str, after: str | None) -> dict[str, Any]:
        """The keys of spec/read.md, in its order, for this proposal as resolved here:
        the tracked show's id, the release it is recorded as, the one it waits on."""
        return {
            "show": self.show,
            "show_id": show_id,
            "season": self.season,
            "release": release,
            "kind": self.kind,
            "phrase": self.phrase,
            "window": self.window.to_dict() if self.window else None,
            "region": self.region,
            "after": after,
            "sentence": self.sentence,
            "offset": self.offset,
            "confidence": self.confidence,
        }


# --------------------------------------------------------------------------- the news

FEED_STATES = ("ok", "gone", "failing")
#: The entry ids of a feed kept as seen: a feed lists its last tens of entries, so an
#: entry that fell out of this many is not coming back (spec/feeds.md).
MAX_SEEN = 2000


class Feed(msgspec.Struct):
    """A followed news feed (spec/feeds.md): its name and address, whether its proposals
    are recorded at once (`auto`), what its last answer said (for a conditional GET),
    how it fares (`state`: ok, gone, failing), and the entries already seen."""

    id: str  # its name as a slug: what `feed remove` and the inbox name it by
    name: str
    url: str
    auto: bool = False
    added_on: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    checked_on: str | None = None
    last_new_on: str | None = None
    state: str = "ok"
    failing_since: str | None = None
    failure: str | None = None
    told_on: str | None = None  # the day its failure was last said: once a day
    seen: list[str] = msgspec.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """As stored."""
        return to_plain(self)

    def row(self) -> dict[str, Any]:
        """As `feed list` prints it (the seen entries and the HTTP validators left out)."""
        state = self.state
        if state == "failing" and self.failing_since:
            state = f"failing since {self.failing_since}"
        return {
            "name": self.name,
            "url": self.url,
            "auto": self.auto,
            "checked": self.checked_on,
            "last_new": self.last_new_on,
            "state": state,
            "failure": self.failure,
        }


class NewsSource(msgspec.Struct, frozen=True):
    """The article a proposal from the news came from, and the feed that listed it."""

    name: str
    url: str | None
    as_of: str  # the article's day (its page's, else the entry's), what it is read against
    feed: str  # the feed's id
    title: str | None = None
    as_of_from: str = "entry"

    def to_dict(self) -> dict[str, Any]:
        """The "source" object of an inbox row (spec/feeds.md)."""
        return {"title": self.title, "url": self.url, "as_of": self.as_of, "feed": self.feed}


INBOX_STATES = ("waiting", "accepted", "dismissed")


class InboxItem(msgspec.Struct):
    """A proposal from the news: waiting for the user, or accepted or dismissed (kept,
    so that the same statement from the same article never comes back)."""

    id: str  # n7: short, stable, never reused
    number: int
    received: str  # the day of the sync that brought it
    proposal: Proposal
    release: str
    source: NewsSource
    show_id: str | None = None
    after: str | None = None
    state: str = "waiting"
    #: The season of `release` (items queued before it was kept have none: they are
    #: recorded as the proposal resolves on the day they are accepted).
    season: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """As stored."""
        return to_plain(self)

    def key(self) -> tuple[str | None, str, str | None, str | None, str | None]:
        """What makes two items the same statement of the same article."""
        window = self.proposal.window or WindowRecord()
        return (self.source.url, self.release, window.earliest, window.latest, self.after)

    def row(self) -> dict[str, Any]:
        """An inbox row: the keys of a `read` proposal (spec/read.md), then its id, the
        day it came and its source."""
        return {
            "id": self.id,
            **self.proposal.row(self.show_id, self.release, self.after),
            "received": self.received,
            "source": self.source.to_dict(),
            "state": self.state,
        }


class Statement(msgspec.Struct, frozen=True):
    """A proposal an article of a feed makes, with where it came from."""

    proposal: Proposal
    source: NewsSource


class FeedOutcome(msgspec.Struct):
    """What following one feed brought, before anything is recorded: how the feed
    answered (`new`, `unchanged`, `gone`, `failed`), where it is now, its validators, the
    entries now seen, what was read, and the lines to say (a cut body, a page skipped)."""

    feed_id: str
    status: str
    url: str
    moved: bool = False
    etag: str | None = None
    last_modified: str | None = None
    failure: str | None = None
    seen: list[str] = msgspec.field(default_factory=list)
    new_entries: int = 0
    about: int = 0
    pages: int = 0
    statements: list[Statement] = msgspec.field(default_factory=list)
    notes: list[str] = msgspec.field(default_factory=list)
