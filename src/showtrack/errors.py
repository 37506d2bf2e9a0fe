"""The errors a user can cause; each carries the exit code of spec/cli.md."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The exit codes of spec/cli.md, by what they mean."""

    OK = 0
    #: `check` and the listings: nothing due, nothing listed.
    NOTHING = 1
    USAGE = 2
    #: An unreadable phrase, an unknown or ambiguous show or release.
    NOT_UNDERSTOOD = 3
    DATABASE = 4
    NETWORK = 5
    #: A bug in showtrack.
    BUG = 70
    #: Ctrl-C.
    INTERRUPTED = 130


class ShowtrackError(Exception):
    """Base of every failure a user can cause; `exit_code` is what the process returns."""

    exit_code: int = ExitCode.NOTHING

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if self.hint is None else f"{self.message}\n{self.hint}"


class UsageError(ShowtrackError):
    """A bad argument or option (exit 2)."""

    exit_code = ExitCode.USAGE


class NotUnderstoodError(ShowtrackError):
    """A phrase that cannot be read, or a name that matches nothing or too much (exit 3)."""

    exit_code = ExitCode.NOT_UNDERSTOOD


class WindowError(NotUnderstoodError):
    """A release-window phrase that cannot be read, is ambiguous, or is impossible."""


class NotFoundError(NotUnderstoodError):
    """An unknown show or release."""


class AmbiguousNameError(NotUnderstoodError):
    """A name that matches more than one show or release."""


class DatabaseError(ShowtrackError):
    """The database is locked, unreadable, damaged, or newer than this version (exit 4)."""

    exit_code = ExitCode.DATABASE


class LockedError(DatabaseError):
    """Another showtrack held the write lock past the wait."""


class NetworkError(ShowtrackError):
    """A remote service could not be reached, timed out, refused, or answered something
    unreadable (exit 5); what was not fetched is left as it was."""

    exit_code = ExitCode.NETWORK


class UnreadableAnswerError(NetworkError):
    """A service answered, but with something showtrack cannot read (not JSON, or not
    the shape it knows); a sync skips that show and goes on with the others."""
