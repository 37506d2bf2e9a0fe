"""The news in the database (spec/feeds.md): the feeds followed; what a sync of them
brought, queued in the inbox or, for a feed the user trusts, recorded at once; and the
inbox accepted or dismissed. Every function takes a store (opened for writing where it
changes something); the caller saves once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, tzinfo
from typing import Any, NamedTuple

import msgspec

from showtrack.errors import NotFoundError, UsageError
from showtrack.models import (
    MAX_SEEN,
    Feed,
    FeedOutcome,
    InboxItem,
    KnownShow,
    NewsSource,
    Proposal,
    Release,
    Statement,
)
from showtrack.store import Store
from showtrack.text import fold, printable, shortened, slugify
from showtrack.tracker.proposals import (
    ArticleSource,
    ProposalView,
    known_shows,
    record,
    resolve,
    season_id,
)

# --------------------------------------------------------------------------- feeds


def add_feed(
    store: Store, url: str, name: str | None, title: str | None, auto: bool, today: date
) -> Feed:
    """Follow the feed at `url`, named `name`, else by its own title, else its host."""
    if any(f.url == url for f in store.feeds()):
        raise UsageError(f"{printable(shortened(url))} is followed already", "see `feed list`")
    given = " ".join((name or title or re.sub(r"^https?://", "", url).split("/")[0]).split())
    base = slugify(given)[:60] or "feed"
    taken = {f.id for f in store.feeds()}
    feed_id, n = base, 1
    while feed_id in taken:
        n += 1
        feed_id = f"{base}-{n}"
    feed = Feed(id=feed_id, name=given[:200], url=url, auto=auto, added_on=today.isoformat())
    store.insert([feed])
    return feed


def find_feed(store: Store, name: str) -> Feed:
    """A followed feed by its name, id or address."""
    key = fold(name)
    for feed in store.feeds():
        if key in (fold(feed.name), feed.id, fold(feed.url)):
            return feed
    raise NotFoundError(f"no feed called {printable(shortened(name))!r}", "see `feed list`")


def remove_feed(store: Store, name: str) -> Feed:
    """Stop following a feed; its proposals in the inbox stay."""
    feed = find_feed(store, name)
    store.remove([feed])
    return feed


def import_feeds(
    store: Store, pairs: Sequence[tuple[str, str]], auto: bool, today: date
) -> tuple[int, int]:
    """Follow each (name, address) not followed yet; how many were added, and how many
    were followed already. An address that is no web address is refused, naming it."""
    from showtrack.text import web_address

    followed = {f.url for f in store.feeds()}
    added = already = 0
    for name, url in pairs:
        if url in followed:
            already += 1
            continue
        if not web_address(url):
            raise UsageError(f"{printable(shortened(url))!r} is not a web address; nothing added")
        add_feed(store, url, name, None, auto, today)
        followed.add(url)
        added += 1
    return added, already


def feed_pairs(store: Store) -> list[tuple[str, str]]:
    """Each followed feed's name and address, for OPML."""
    return [(feed.name, feed.url) for feed in store.feeds()]


def feed_rows(store: Store) -> list[dict[str, Any]]:
    """The followed feeds as `feed list` prints them, in the order added."""
    return [feed.row() for feed in store.feeds()]


# --------------------------------------------------------------------------- a sync


class NewsReport(msgspec.Struct):
    """What a sync of the news did: a row per feed, what went to the inbox, what was
    recorded at once (auto), and the failures to say (once a day a feed)."""

    feeds: list[dict[str, Any]] = msgspec.field(default_factory=list)
    queued: list[InboxItem] = msgspec.field(default_factory=list)
    recorded: list[dict[str, Any]] = msgspec.field(default_factory=list)
    failures: list[str] = msgspec.field(default_factory=list)
    notes: list[str] = msgspec.field(default_factory=list)

    def summary(self, outcomes: Sequence[FeedOutcome]) -> str:
        """The line a sync of the news ends with (spec/feeds.md)."""
        unchanged = sum(o.status == "unchanged" for o in outcomes)
        line = (
            f"{_count(len(outcomes), 'feed')} checked ({unchanged} unchanged), "
            f"{_count(sum(o.new_entries for o in outcomes), 'new entry', 'new entries')}, "
            f"{sum(o.about for o in outcomes)} about your shows, "
            f"{_count(sum(o.pages for o in outcomes), 'page')} fetched; "
            f"{_count(len(self.queued), 'proposal')} in the inbox"
        )
        line += " (showtrack inbox)" if self.queued else ""
        return line + (f", {len(self.recorded)} recorded (auto)" if self.recorded else "")

    def to_dict(self) -> dict[str, Any]:
        """The "news" object of `sync -o json`."""
        return {
            "feeds": self.feeds,
            "proposals": [item.row() for item in self.queued],
            "recorded": self.recorded,
        }


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def queue(
    store: Store, outcomes: Sequence[FeedOutcome], today: date, local_zone: tzinfo
) -> NewsReport:
    """Record what a sync of the news brought: each feed's state, and each statement that
    would change something queued in the inbox (or recorded, for an `auto` feed and a
    high-confidence statement). A statement already queued, accepted or dismissed from
    the same article is not queued again."""
    report = NewsReport()
    known = known_shows(store, today)
    keys = {item.key() for item in store.inbox()}
    for outcome in outcomes:
        feed = store.feed(outcome.feed_id)
        if feed is None:  # removed while the sync fetched it
            continue
        feed = _updated_feed(feed, outcome, today, report)
        store.update([feed])
        report.feeds.append({"name": feed.name, "status": outcome.status, **feed.row()})
        report.notes += outcome.notes
        for statement in outcome.statements:
            _queue_one(store, statement, feed, known, keys, today, local_zone, report)
    return report


def _updated_feed(feed: Feed, outcome: FeedOutcome, today: date, report: NewsReport) -> Feed:
    day = today.isoformat()
    changes: dict[str, Any] = {"checked_on": day}
    if outcome.status == "failed":
        changes.update(state="failing", failing_since=feed.failing_since or day)
        changes["failure"] = outcome.failure
        if feed.told_on != day:  # a feed that fails every day is said once a day
            changes["told_on"] = day
            report.failures.append(f"{feed.name}: {outcome.failure}")
        return msgspec.structs.replace(feed, **changes)
    if outcome.status == "gone":
        report.failures.append(f"{feed.name}: gone (410); it is not fetched again")
        return msgspec.structs.replace(feed, state="gone", **changes)
    changes.update(state="ok", failing_since=None, failure=None, url=outcome.url)
    if outcome.status == "new":
        changes.update(etag=outcome.etag, last_modified=outcome.last_modified)
        changes["seen"] = [*feed.seen, *outcome.seen][-MAX_SEEN:]
        if outcome.new_entries:
            changes["last_new_on"] = day
    return msgspec.structs.replace(feed, **changes)


def _queue_one(
    store: Store,
    statement: Statement,
    feed: Feed,
    known: Sequence[KnownShow],
    keys: set[tuple[str | None, str, str | None, str | None, str | None]],
    today: date,
    local_zone: tzinfo,
    report: NewsReport,
) -> None:
    p, source = statement.proposal, statement.source
    views = resolve(store, [p], today, known=known)
    if not views:
        return
    view = views[0]
    window = p.window
    bounded = window is not None and (window.earliest or window.latest)
    if view.show_id is None or p.kind != "release" or not (bounded or view.after):
        return  # about no tracked show, a window of filming, or nothing to record
    if _changes_nothing(store.release(view.release), statement):
        return
    item = InboxItem(
        id="",
        number=0,
        received=today.isoformat(),
        proposal=p,
        release=view.release,
        source=source,
        show_id=view.show_id,
        after=view.after,
        season=view.season,
    )
    if item.key() in keys:
        return
    keys.add(item.key())
    if feed.auto and p.confidence == "high":
        done = record(
            store, [view], _article(source), create_shows=False, today=today, local_zone=local_zone
        )
        report.recorded += [d.to_dict() for d in done if d.status == "recorded"]
        item = msgspec.structs.replace(item, state="accepted")
    number = int(store.meta.get("inbox_next", 1))
    store.meta["inbox_next"] = number + 1
    item = msgspec.structs.replace(item, id=f"n{number}", number=number)
    store.insert([item])
    if item.state == "waiting":
        report.queued.append(item)


def _changes_nothing(release: Release | None, statement: Statement) -> bool:
    """Whether recording the statement would change nothing: the release has that window
    already, or its history holds a report of a later day."""
    if release is None:
        return False
    window = statement.proposal.window
    if window is not None and (window.earliest, window.latest) == (
        release.window.earliest,
        release.window.latest,
    ):
        return True
    return any(h.as_of is not None and h.as_of > statement.source.as_of for h in release.history)


def _article(source: NewsSource) -> ArticleSource:
    return ArticleSource(
        source.title, source.name, source.url, date.fromisoformat(source.as_of), source.as_of_from
    )


# --------------------------------------------------------------------------- the inbox


def blank_item() -> InboxItem:
    """An inbox row of no proposal: its columns, for a CSV header of an empty inbox."""
    from showtrack.models import Proposal, WindowRecord

    proposal = Proposal("", None, "release", "", WindowRecord(), "", 0, 0, "high")
    return InboxItem("", 0, "", proposal, "", NewsSource("", None, "", ""))


def waiting(store: Store) -> list[InboxItem]:
    """The proposals waiting for the user, newest article first."""
    items = [item for item in store.inbox() if item.state == "waiting"]
    return sorted(items, key=lambda item: (item.source.as_of, item.number), reverse=True)


def _chosen(store: Store, ids: Sequence[str], every: bool) -> list[InboxItem]:
    """The waiting proposals named by id (`n7` or `7`), or all of them."""
    if every == bool(ids):
        raise UsageError("give inbox ids, or --all", "e.g. showtrack inbox accept n7 n8")
    items = waiting(store)
    if every:
        return items
    by_id = {item.id: item for item in items}
    found = []
    for given in ids:
        key = given.strip().lower()
        item = by_id.get(key if key.startswith("n") else f"n{key}")
        if item is None:
            raise NotFoundError(
                f"no proposal {printable(shortened(given))!r} waits in the inbox",
                "see `showtrack inbox`",
            )
        found.append(item)
    return list({item.id: item for item in found}.values())


def accept(
    store: Store,
    ids: Sequence[str],
    every: bool,
    today: date,
    local_zone: tzinfo,
    confidence: str | None = None,
) -> list[ProposalView]:
    """Record the waiting proposals named by id (or every one) as `expect` records them
    (the article as source, its day as as_of); each is then marked accepted. With
    `confidence`, only those of it."""
    if confidence not in (None, "high", "low"):
        raise UsageError(f"--confidence {confidence!r} is not high or low")
    return _accept(store, _chosen(store, ids, every), today, local_zone, confidence)


def dismiss(store: Store, ids: Sequence[str], every: bool) -> list[InboxItem]:
    """Drop the waiting proposals named by id (or every one): kept as dismissed, so that
    the same statement from the same article never comes back."""
    return _dismiss(store, _chosen(store, ids, every))


class Decided(NamedTuple):
    """What a review recorded: the accepted proposals with what recording each did, and
    the dismissed ones."""

    accepted: list[ProposalView]
    dismissed: list[InboxItem]


def decide(
    store: Store,
    accepted: Sequence[InboxItem],
    dismissed: Sequence[InboxItem],
    today: date,
    local_zone: tzinfo,
) -> Decided:
    """Record what a review decided, once it is over: the accepted items as they were
    decided (edited where they were edited), and the dismissed ones; only those still
    waiting (another command may have taken one meanwhile)."""
    fresh = {item.id: item for item in waiting(store)}
    done = _accept(store, [i for i in accepted if i.id in fresh], today, local_zone, None)
    return Decided(done, _dismiss(store, [fresh[i.id] for i in dismissed if i.id in fresh]))


def revised(item: InboxItem, proposal: Proposal) -> InboxItem:
    """The item as the person edited it in a review: its proposal read again, and the
    release its season now names."""
    if proposal.season is None or item.show_id is None:
        return msgspec.structs.replace(item, proposal=proposal)
    release = season_id(item.show_id, proposal.season)
    return msgspec.structs.replace(item, proposal=proposal, release=release, season=proposal.season)


def _accept(
    store: Store,
    items: Sequence[InboxItem],
    today: date,
    local_zone: tzinfo,
    confidence: str | None,
) -> list[ProposalView]:
    known = known_shows(store, today)
    done: list[ProposalView] = []
    for item in items:
        if confidence is not None and item.proposal.confidence != confidence:
            continue
        (view,) = resolve(store, [item.proposal], today, known=known)
        if item.season is not None:  # as it was queued, not as it resolves today
            view = msgspec.structs.replace(view, release=item.release, season=item.season)
        view = msgspec.structs.replace(view, after=item.after)
        done += record(
            store,
            [view],
            _article(item.source),
            create_shows=False,
            today=today,
            local_zone=local_zone,
        )
        store.update([msgspec.structs.replace(item, state="accepted")])
    return done


def _dismiss(store: Store, items: Sequence[InboxItem]) -> list[InboxItem]:
    dropped = [msgspec.structs.replace(item, state="dismissed") for item in items]
    store.update(dropped)
    return dropped


def untold(store: Store) -> list[InboxItem]:
    """The proposals that arrived since `check --once` last said so."""
    told = int(store.meta.get("inbox_told", 0))
    return [item for item in store.inbox() if item.state == "waiting" and item.number > told]


def mark_told(store: Store, items: Sequence[InboxItem]) -> None:
    """Remember these proposals as said (the caller saves)."""
    if items:
        told = int(store.meta.get("inbox_told", 0))
        store.meta["inbox_told"] = max(told, *(item.number for item in items))
