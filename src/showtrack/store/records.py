"""A release as the fast read of a listing keeps it (store/listing.py): what a listing
does not show stays undecoded JSON until a shown row asks for it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import msgspec

from showtrack.errors import DatabaseError
from showtrack.models import (
    Episode,
    EpisodeFields,
    HistoryEntry,
    HistoryMark,
    Release,
    ReleaseFields,
    Source,
    episodes_problem,
    history_problem,
)

R = TypeVar("R", bound=msgspec.Struct)

_NOTHING = msgspec.Raw(b"[]")


class ReleaseRecord(ReleaseFields, kw_only=True):
    """A stored release as a listing reads it: its sources, history and episodes are kept
    as undecoded JSON and decoded only for the rows a command shows. The tracker sees
    only ReleaseFields: it reads them through the same methods as a Release's."""

    sources: msgspec.Raw = _NOTHING
    history: msgspec.Raw = _NOTHING
    episodes: msgspec.Raw = _NOTHING

    def to_release(self, *, with_history: bool = True, with_episodes: bool = True) -> Release:
        """The whole release, sources decoded, and its history and episodes unless told
        not to (a listing shows neither)."""
        fields = msgspec.structs.asdict(self)
        fields["sources"] = self.decoded_sources()
        fields["history"] = self.decoded_history() if with_history else []
        fields["episodes"] = self.decoded_episodes() if with_episodes else []
        return Release(**fields)

    def decoded_sources(self) -> list[Source]:
        """Its sources, decoded."""
        return self._decoded(_SOURCES, self.sources)

    def decoded_history(self) -> list[HistoryEntry]:
        """Its history, decoded."""
        return self._checked(self._decoded(_HISTORY, self.history), history_problem)

    def decoded_marks(self) -> list[HistoryMark]:
        """Its history, only as far as a calendar needs it (HistoryMark)."""
        return self._checked(self._decoded(_MARKS, self.history), history_problem)

    def last_reported(self) -> str | None:
        """The latest day its history reports on, as stored beside it."""
        return self.known_since

    def decoded_episodes(self) -> list[Episode]:
        """Its episodes, decoded."""
        if self.episodes is _NOTHING:
            return []
        return self._checked(self._decoded(_EPISODES, self.episodes), episodes_problem)

    def listed_episodes(self) -> list[EpisodeFields]:
        """Its episodes as a listing shows them: without their history, which is most of
        their bytes and which no listing shows."""
        if self.episodes is _NOTHING:
            return []
        return self._checked(self._decoded(_LISTED, self.episodes), episodes_problem)

    def _decoded(self, decoder: msgspec.json.Decoder[list[R]], raw: msgspec.Raw) -> list[R]:
        try:
            return decoder.decode(raw)
        except msgspec.MsgspecError as exc:
            # A null reads as from_plain reads it: the default, none. Looked for only
            # here: copying every record's bytes to compare them cost a listing more
            # than the rare null.
            if bytes(raw) == b"null":
                return []
            raise self._damaged(exc) from None

    def _checked(self, items: list[R], problem_of: Callable[[list[R]], str | None]) -> list[R]:
        """`items`, unless they hold a value no command can read."""
        problem = problem_of(items)
        if problem is not None:
            raise self._damaged(problem)
        return items

    def _damaged(self, exc: Exception | str) -> DatabaseError:
        """What was kept undecoded until now turned out damaged: refused as a damaged
        file is on open (exit 4), never an internal error."""
        return DatabaseError(
            f"the database's release {self.id!r} is damaged: {exc}; it was left as it was",
            "run `showtrack db restore` to go back to the last backup",
        )


# Decoders made once: msgspec.json.decode(..., type=...) looks the type up on each call,
# which costs more than decoding a release's few sources.
_SOURCES = msgspec.json.Decoder(list[Source])
_HISTORY = msgspec.json.Decoder(list[HistoryEntry])
_MARKS = msgspec.json.Decoder(list[HistoryMark])
_EPISODES = msgspec.json.Decoder(list[Episode])
_LISTED = msgspec.json.Decoder(list[EpisodeFields])
