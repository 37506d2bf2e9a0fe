"""What a tracker's export was downloaded as: a zip (its files perhaps in a subfolder), a
folder of its files unzipped, or one file. Files are found by their name's letters and
digits (`followed_tv_show.csv` and `followed-tv-show.csv` are one), read as UTF-8 with or
without a BOM, and CSV rows come as dicts by header name. The files an export holds
credentials or personal data in are never opened."""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from showtrack.errors import DatabaseError, UsageError

#: The most of one file that is read: exports are a few MB; a file past this is no export.
MAX_FILE = 64_000_000
#: Files never opened, by their name's letters and digits (TV Time's GDPR zip).
PRIVATE = frozenset({"authprodlogin", "accesstoken", "refreshtoken", "user", "ipaddress"})


def key_of(name: str) -> str:
    """A file's name as it is matched: its stem's letters and digits, lower case."""
    return re.sub(r"[^a-z0-9]", "", PurePosixPath(name).stem.lower())


class Bundle:
    """The files of an export, by name."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self._zip: zipfile.ZipFile | None = None
        self._files: dict[str, str] = {}  # name -> where (a member of the zip, or a path)
        if source.is_dir():
            for path in sorted(source.rglob("*")):
                if path.is_file():
                    self._files[path.name] = str(path)
        elif zipfile.is_zipfile(source):
            try:
                self._zip = zipfile.ZipFile(source)
            except (zipfile.BadZipFile, OSError) as exc:
                raise UsageError(f"cannot read the zip {source}: {exc}") from None
            for info in self._zip.infolist():
                if not info.is_dir():
                    self._files[PurePosixPath(info.filename).name] = info.filename
        elif source.is_file():
            self._files[source.name] = str(source)
        else:
            raise UsageError(f"there is no file or folder at {source}")

    def names(self) -> list[str]:
        """The names of its files (none of the private ones)."""
        return [name for name in self._files if key_of(name) not in PRIVATE]

    def csv_files(self) -> list[str]:
        """The names of its CSV files (an IMDb list, a Simkl backup)."""
        return [name for name in self.names() if name.lower().endswith(".csv")]

    def find(self, pattern: str) -> list[str]:
        """The names whose letters and digits match `pattern` (a regular expression on
        the stem, whole), in name order."""
        return sorted(n for n in self.names() if re.fullmatch(pattern, key_of(n)))

    def text(self, name: str) -> str:
        """A file's text (UTF-8, a BOM dropped)."""
        if key_of(name) in PRIVATE:
            raise UsageError(f"{name} holds credentials or personal data; it is not read")
        where = self._files[name]
        try:
            if self._zip is not None:
                info = self._zip.getinfo(where)
                if info.file_size > MAX_FILE:
                    raise UsageError(f"{name} in {self.source} is too large to be an export")
                raw = self._zip.read(info)
            else:
                with open(where, "rb") as handle:
                    raw = handle.read(MAX_FILE + 1)
                if len(raw) > MAX_FILE:
                    raise UsageError(f"{name} is too large to be an export")
        except RuntimeError as exc:  # zipfile: encrypted members
            raise DatabaseError(
                f"{self.source} is encrypted ({exc}); nothing was imported",
                "unzip it first (your unzip asks for its password), then import the folder",
            ) from None
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
            raise UsageError(f"cannot read {name} in {self.source}: {exc}") from None
        return raw.decode("utf-8-sig", "replace")

    def rows(self, name: str) -> list[dict[str, str]]:
        """A CSV file's rows, each a dict by header (headers lower case, trimmed)."""
        reader = csv.reader(io.StringIO(self.text(name), newline=""))
        try:
            header = next(reader)
        except StopIteration:
            return []
        except csv.Error as exc:
            raise UsageError(f"{name} is not a CSV file: {exc}") from None
        keys = [h.strip().lstrip("\ufeff").lower() for h in header]
        rows = []
        try:
            for cells in reader:
                if any(c.strip() for c in cells):
                    rows.append(dict(zip(keys, (c.strip() for c in cells), strict=False)))
        except csv.Error as exc:
            raise UsageError(f"{name} is not a CSV file: {exc}") from None
        return rows

    def close(self) -> None:
        """Close the zip, if it is one."""
        if self._zip is not None:
            self._zip.close()


def clean_id(value: object, prefix: str = "") -> str | None:
    """An id as exports write it, or None for none: empty, null, 0 or -1 (TV Time's
    "no IMDb id"). `prefix` ("tt") is added where an export left it out."""
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    if text.lower() in ("", "0", "-1", "null", "none", "nan", "n/a"):
        return None
    if prefix and text.isdigit():
        text = prefix + text
    return text[:40]
