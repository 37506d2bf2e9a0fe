"""Where the database lives (`default_path`, `real_path`), files that are never seen
half written, and the lock writers take turns by.

- `atomic_write`: a temp file in the same folder, fsync, `os.replace`, fsync of the
  folder, so a reader never sees half a file and a crash never leaves one;
- `keep_backup`: the current good file kept as `<db>.bak` at the cost of a link;
- `WriteLock`: an exclusive lock on a separate, never-deleted `<db>.lock` file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import time
from pathlib import Path

from showtrack import clock
from showtrack.errors import DatabaseError, LockedError

LOCK_TIMEOUT_ENV = "SHOWTRACK_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 10.0


DB_ENV = "SHOWTRACK_DB"


def default_path() -> Path:
    """`showtrack.json` in the platform's user data folder (or $SHOWTRACK_DB)."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("showtrack", appauthor=False) / "showtrack.json"


def real_path(path: Path) -> Path:
    """The file a (possibly symlinked) database path stands for; writes go there."""
    return Path(os.path.realpath(path))


def backup_path(path: Path) -> Path:
    """Where the previous good state is kept."""
    return path.with_name(path.name + ".bak")


def lock_path(path: Path) -> Path:
    """The lock file beside the database; never deleted, so the lock always has one inode."""
    return path.with_name(path.name + ".lock")


def read_bytes(path: Path, limit: int = -1) -> bytes | None:
    """The file's bytes (its first `limit` bytes, if given); None when there is no file.
    Anything but a regular file (a FIFO that would block for ever, a device, a folder) is
    refused, as is a file that cannot be read."""
    try:
        # O_NONBLOCK: opening a FIFO with no writer must not wait; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DatabaseError(f"cannot read {path}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise DatabaseError(
                f"cannot read {path}: it is not a regular file",
                "point --db or SHOWTRACK_DB at a database file",
            )
        try:
            return handle.read(limit)
        except OSError as exc:
            raise DatabaseError(f"cannot read {path}: {exc.strerror}") from None


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform or filesystem can
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def sweep_temp_files(path: Path) -> None:
    """Remove temp files a killed writer left; only called under the lock."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def stage(path: Path, content: str | bytes, mode: int | None = None) -> Path:
    """`content` (text as UTF-8) written and synced to a new temp file beside `path`,
    ready to be renamed over it. A full disk fails here, before anything is replaced."""
    import tempfile

    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def commit(tmp: Path, path: Path) -> None:
    """Rename a staged file over `path` (replacing a link there, never following it)."""
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def atomic_write(path: Path, content: str | bytes, mode: int | None = None) -> None:
    """Replace `path` with `content` (text is written as UTF-8) so that no reader or crash
    ever sees half of it; a link at `path` is replaced, not followed."""
    commit(stage(path, content, mode), path)


def unused_name(path: Path) -> Path:
    """`path`, or `path-2`, `path-3`...: the first name nothing (not even a link) has."""
    candidate, n = path, 1
    while os.path.lexists(candidate):
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate


def cannot_write(exc: OSError, path: Path) -> DatabaseError:
    """An operating-system error while saving, as the one line of exit 4."""
    where = exc.filename or path
    return DatabaseError(
        f"cannot write {where}: {exc.strerror or exc}; the database was left as it was",
        "free some space, or check the folder's permissions, then try again",
    )


def keep_backup(path: Path) -> None:
    """Keep the current (good) file as the backup: a hard link, renamed into place,
    costs no copy and is atomic; where links are not possible, a copy."""
    backup = backup_path(path)
    # A writer killed between keeping the backup and replacing the file leaves the backup
    # as a hard link to the current file; rename() between two links to one file does
    # nothing (POSIX), which would strand the staging link. The backup is already right.
    with contextlib.suppress(FileNotFoundError):
        # A symbolic link planted there is no backup: it is replaced, not followed.
        if not backup.is_symlink() and os.path.samefile(path, backup):
            return
    staging = path.with_name(f".{path.name}.bak.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        staging.unlink()
    try:
        os.link(path, staging)
    except OSError:
        shutil.copy2(path, staging)
    os.replace(staging, backup)


# --------------------------------------------------------------------------- locking


class WriteLock:
    """An exclusive lock on `<db>.lock`, waited for at most `timeout` seconds."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.database = path
        self.path = lock_path(path)
        self.timeout = timeout
        self._fd: int | None = None
        self._made = False
        #: What the last writer left: the `file_stamp` of the database it checked.
        self.stamp: str | None = None

    def __enter__(self) -> WriteLock:
        import fcntl

        self._made = not os.path.lexists(self.path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # A planted link must not make us truncate, or create, what it points at.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
        except OSError as exc:
            why = "it is a symbolic link" if exc.errno == errno.ELOOP else exc.strerror
            raise DatabaseError(
                f"cannot open {self.path} to lock the database: {why}",
                "remove it; showtrack makes its own lock file",
            ) from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise DatabaseError(
                f"{self.path} is not a regular file; cannot lock the database with it",
                "remove it; showtrack makes its own lock file",
            )
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                if _still_named(fd, self.path):
                    break
                # The holder removed the lock file as it left (see __exit__): this lock
                # is on a file nobody else will see; take the one at the path now.
                os.close(fd)
                return self.__enter__()
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    os.close(fd)
                    raise
                if time.monotonic() >= deadline:
                    holder = _live_pid(os.pread(fd, 32, 0))
                    os.close(fd)
                    raise LockedError(
                        f"database is locked by another showtrack (pid {holder}); "
                        f"waited {self.timeout:g} s",
                        f"try again when it has finished, or raise {LOCK_TIMEOUT_ENV}",
                    ) from None
                time.sleep(0.05)
        self._fd = fd
        lines = os.pread(fd, 200, 0).decode("ascii", "replace").splitlines()
        self.stamp = lines[1] if len(lines) > 1 else None
        self._write(self.stamp)
        return self

    def _write(self, stamp: str | None) -> None:
        """The holder's pid, and the stamp of the file it leaves. The pid only names the
        holder to a writer left waiting: a full disk that refuses it costs that name,
        not the write."""
        assert self._fd is not None
        text = f"{os.getpid()}\n" + (f"{stamp}\n" if stamp else "")
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
            os.pwrite(self._fd, text.encode(), 0)

    def leave(self, stamp: str | None) -> None:
        """Say, for the next writer, that the database whose `file_stamp` is `stamp` was
        checked whole (see open_for_writing)."""
        self.stamp = stamp
        self._write(stamp)

    def __exit__(self, kind: object, *exc: object) -> None:
        import fcntl

        if self._fd is not None:
            if not self.database.exists() or (self._made and kind is not None):
                # A refused command leaves no lock file it made beside a file that is no
                # database (yet). Removed while still held, so a writer waiting on it
                # sees it gone and takes a new one (see _still_named).
                with contextlib.suppress(OSError):
                    self.path.unlink()
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def _still_named(fd: int, path: Path) -> bool:
    """Whether the open lock file is still the one at `path`."""
    try:
        named = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    held = os.fstat(fd)
    return (named.st_ino, named.st_dev) == (held.st_ino, held.st_dev)


def file_stamp(path: Path) -> str | None:
    """What changes whenever the file does (its inode, size and time of change, as git's
    index keeps them to know a file unchanged without reading it); None with no file."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def checked_stamp(path: Path) -> str | None:
    """The `file_stamp` of the database as the last writer checked and left it, read from
    the lock file without taking the lock; None when there is none to read."""
    try:
        fd = os.open(lock_path(path), os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        lines = os.pread(fd, 200, 0).decode("ascii", "replace").splitlines()
    except OSError:
        return None
    finally:
        os.close(fd)
    return lines[1] if len(lines) > 1 else None


def _live_pid(written: bytes) -> str:
    """The pid the lock holder wrote, if that process is alive; a holder that has not
    written its pid yet leaves the previous holder's, which is no one to name."""
    text = written.decode("ascii", "replace").partition("\n")[0].strip()
    if not text.isdigit():
        return "not known yet"
    try:
        os.kill(int(text), 0)
    except ProcessLookupError:
        return "not known yet"
    except (PermissionError, OverflowError):
        pass
    return text


MAX_LOCK_TIMEOUT = 600.0


def lock_timeout() -> float:
    """How long a writer waits for the lock: $SHOWTRACK_LOCK_TIMEOUT seconds (0 to 600),
    else 10; anything else is a usage error, said before the database is touched."""
    return clock.seconds_setting(LOCK_TIMEOUT_ENV, DEFAULT_LOCK_TIMEOUT, 0.0, MAX_LOCK_TIMEOUT)
