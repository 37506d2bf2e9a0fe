"""Shows, releases, their sources and history, as plain records.

Each type converts to and from the plain dicts kept in the database and
carried by exports; ids and slugs are made here.

The records are msgspec Structs, not dataclasses: they behave alike here (fields,
defaults, equality, repr), but a dataclass is made by compiling generated code when its
module is imported, about 0.7 ms a class on every start of the program, and a Struct is
made in C (msgspec is already how the database is read).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

import msgspec

if TYPE_CHECKING:
    from showtrack.windows import Window

SHOW_STATUSES = ("returning", "renewed", "in-production", "ended", "cancelled")
STAGES = (
    "rumored",
    "announced",
    "renewed",
    "filming",
    "post-production",
    "dated",
    "released",
    "cancelled",
)


def fold(text: str) -> str:
    """Text for matching names: accents removed, case folded, spaces collapsed."""
    if text.isascii():  # the common case, without the cost of Unicode decomposition
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def slugify(text: str) -> str:
    """A URL-safe id from a title: 'Marvel's Jessica Jones' -> 'marvels-jessica-jones'."""
    folded = fold(text).replace("'", "").replace("\u2019", "").replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug or "show"


def release_slug(season: int | None, name: str | None = None) -> str:
    """The part of a release id after the show: `s2`, or a slug for a special or film."""
    if season is not None:
        return f"s{season}"
    return slugify(name or "special")


def parse_season(text: str) -> int | None:
    """A season number from `2`, `S2`, `s02`, `season 2`; None when it is not one."""
    m = re.fullmatch(r"\s*(?:s|season\s*)?0*(\d{1,3})\s*", text, re.IGNORECASE)
    return int(m[1]) if m else None


def _iso_or_none(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


class Source(msgspec.Struct):
    """Where a piece of news came from."""

    name: str
    url: str | None = None
    as_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """As stored and exported."""
        return {"name": self.name, "url": self.url, "as_of": self.as_of}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        """From a stored or imported dict."""
        return cls(
            str(data.get("name") or ""),
            _iso_or_none(data.get("url")),
            _iso_or_none(data.get("as_of")),
        )


class HistoryEntry(msgspec.Struct):
    """One recorded state of a release's window and stage."""

    recorded_at: str
    as_of: str | None
    window: dict[str, Any]
    stage: str | None
    source: str | None = None
    url: str | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """As stored and exported (the keys of spec/cli.md's history rows)."""
        return {
            "recorded_at": self.recorded_at,
            "as_of": self.as_of,
            "window": dict(self.window),
            "stage": self.stage,
            "source": self.source,
            "url": self.url,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HistoryEntry:
        """From a stored or imported dict."""
        return cls(
            recorded_at=str(data.get("recorded_at") or ""),
            as_of=_iso_or_none(data.get("as_of")),
            window=dict(data.get("window") or {}),
            stage=_iso_or_none(data.get("stage")),
            source=_iso_or_none(data.get("source")),
            url=_iso_or_none(data.get("url")),
            note=_iso_or_none(data.get("note")),
        )


class Show(msgspec.Struct):
    """A tracked show."""

    id: str
    title: str
    aliases: list[str] = msgspec.field(default_factory=list)
    network: str | None = None
    tags: list[str] = msgspec.field(default_factory=list)
    status: str | None = None
    notes: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """As stored."""
        return {
            "id": self.id,
            "title": self.title,
            "aliases": list(self.aliases),
            "network": self.network,
            "tags": list(self.tags),
            "status": self.status,
            "notes": self.notes,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Show:
        """From a stored or imported dict."""
        title = str(data.get("title") or data.get("id") or "")
        return cls(
            id=str(data.get("id") or slugify(title)),
            title=title,
            aliases=[str(a) for a in data.get("aliases") or []],
            network=_iso_or_none(data.get("network")),
            tags=[str(t) for t in data.get("tags") or []],
            status=_iso_or_none(data.get("status")),
            notes=_iso_or_none(data.get("notes")),
        )


class Release(msgspec.Struct):
    """One season, special or film of a show, with what is known of its date."""

    id: str
    show_id: str
    season: int | None
    window: dict[str, Any]
    name: str | None = None
    air_time: str | None = None
    region: str | None = None
    platform: str | None = None
    stage: str | None = None
    after: list[dict[str, Any]] = msgspec.field(default_factory=list)
    sources: list[Source] = msgspec.field(default_factory=list)
    notes: str | None = None
    release_date: str | None = None
    remind: str | None = None
    history: list[HistoryEntry] = msgspec.field(default_factory=list)

    @property
    def earliest(self) -> date | None:
        """The window's own earliest day."""
        value = self.window.get("earliest")
        return date.fromisoformat(value) if value else None

    @property
    def latest(self) -> date | None:
        """The window's own latest day."""
        value = self.window.get("latest")
        return date.fromisoformat(value) if value else None

    @property
    def released_on(self) -> date | None:
        """The release date, once out."""
        return date.fromisoformat(self.release_date) if self.release_date else None

    def label(self, show_title: str) -> str:
        """How people name it: 'Jessica Jones S2'."""
        if self.season is not None:
            return f"{show_title} S{self.season}"
        return f"{show_title}: {self.name or self.id.split('/', 1)[-1]}"

    def to_dict(self) -> dict[str, Any]:
        """As stored."""
        return {
            "id": self.id,
            "show_id": self.show_id,
            "season": self.season,
            "name": self.name,
            "window": dict(self.window),
            "air_time": self.air_time,
            "region": self.region,
            "platform": self.platform,
            "stage": self.stage,
            "after": [dict(a) for a in self.after],
            "sources": [s.to_dict() for s in self.sources],
            "notes": self.notes,
            "release_date": self.release_date,
            "remind": self.remind,
            "history": [h.to_dict() for h in self.history],
            "known_since": known_since(h.to_dict() for h in self.history),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Release:
        """From a stored dict."""
        return cls(
            id=str(data["id"]),
            show_id=str(data["show_id"]),
            season=data.get("season"),
            window=dict(data.get("window") or {}),
            name=data.get("name"),
            air_time=data.get("air_time"),
            region=data.get("region"),
            platform=data.get("platform"),
            stage=data.get("stage"),
            after=[dict(a) for a in data.get("after") or []],
            sources=[Source.from_dict(s) for s in data.get("sources") or []],
            notes=data.get("notes"),
            release_date=data.get("release_date"),
            remind=data.get("remind"),
            history=[HistoryEntry.from_dict(h) for h in data.get("history") or []],
        )


def known_since(history: Iterable[dict[str, Any]]) -> str | None:
    """The last day a history reports on (its latest as_of). Stored beside the history so
    that a listing on a later day knows, without reading the history, that the release
    as stored is the release as known that day."""
    days = [h["as_of"] for h in history if h.get("as_of")]
    return max(days) if days else None


def window_dict(window: Window) -> dict[str, Any]:
    """A parsed window as stored: bounds computed once, so that reading needs no parser."""
    return window.to_dict()


# Bidirectional overrides and isolates can make text display as something else.
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_NAMED_ESCAPES = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def printable(text: str | None) -> str:
    """Text from the database made safe for a terminal: control characters (C0, C1, DEL)
    and bidi overrides are shown as escapes such as \\x1b, never sent raw."""
    if not text:
        return text or ""
    if text.isprintable() and not _BIDI_CONTROLS.intersection(text):
        return text
    out = []
    for char in text:
        if char in _NAMED_ESCAPES:
            out.append(_NAMED_ESCAPES[char])
        elif unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)
