"""Other trackers' exports, read into ImportedShow records (spec/import-trackers.md): one
module a tracker, each reading its files by header name, never by position. `bundle.py`
opens what was downloaded (a zip, a folder, a file) and reads its CSV and JSON files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from showtrack.errors import UsageError
from showtrack.models import ImportedShow

if TYPE_CHECKING:
    from showtrack.sources.trackers.bundle import Bundle

#: The trackers whose exports are read from a file, by the name `--from` takes.
FILE_TRACKERS = ("tvtime", "trakt", "imdb", "simkl")
TRACKERS = (*FILE_TRACKERS, "sonarr")
NAMES = {
    "tvtime": "TV Time",
    "trakt": "Trakt",
    "imdb": "IMDb",
    "simkl": "Simkl",
    "sonarr": "Sonarr",
}


def read_export(tracker: str, source: str, api_key: str | None = None) -> list[ImportedShow]:
    """The shows of `tracker`'s export at `source` (a file, zip or folder; Sonarr's
    address), as plain records."""
    if tracker == "sonarr":
        from showtrack.sources.trackers import sonarr

        return sonarr.read(source, api_key or "")
    from showtrack.sources.trackers import imdb, simkl, trakt, tvtime
    from showtrack.sources.trackers.bundle import Bundle

    module = {"tvtime": tvtime, "trakt": trakt, "imdb": imdb, "simkl": simkl}[tracker]
    bundle = Bundle(Path(source))
    try:
        if not module.looks_like(bundle):
            found = detect(bundle)
            hint = f"it looks like --from {found}" if found else "is it the right file?"
            raise UsageError(f"{source} is not a {NAMES[tracker]} export", hint)
        shows: list[ImportedShow] = module.read(bundle)
        return shows
    finally:
        bundle.close()


def detect(bundle: Bundle) -> str | None:
    """Which tracker's export these files look like, if any."""
    from showtrack.sources.trackers import imdb, simkl, trakt, tvtime

    for name, module in (("tvtime", tvtime), ("trakt", trakt), ("imdb", imdb), ("simkl", simkl)):
        try:
            if module.looks_like(bundle):
                return name
        except UsageError:
            continue
    return None


def detect_file(source: str) -> str | None:
    """Which tracker's export the file or folder at `source` looks like, if any."""
    from showtrack.sources.trackers.bundle import Bundle

    try:
        bundle = Bundle(Path(source))
    except UsageError:
        return None
    try:
        return detect(bundle)
    finally:
        bundle.close()
