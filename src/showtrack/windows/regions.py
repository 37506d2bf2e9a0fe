"""Countries and time zones: which hemisphere a region's seasons follow, and the IANA
zone of a region or of an abbreviation such as ET."""

from __future__ import annotations

from typing import TYPE_CHECKING

from showtrack.errors import UsageError
from showtrack.windows.vocabulary import (
    COUNTRY_CODES,
    REGION_ALIASES,
    REGION_ZONES,
    SOUTHERN_HEMISPHERE,
    ZONE_ABBREVIATIONS,
)

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo


def normalize_region(text: str | None) -> str | None:
    """An ISO 3166 alpha-2 code for `text` (a code, an alias such as UK, or an English name)."""
    if text is None or not text.strip():
        return None
    key = " ".join(text.strip().upper().replace(".", "").split())
    key = REGION_ALIASES.get(key, key)
    if key in COUNTRY_CODES:
        return key
    raise UsageError(
        f"region {text!r} is not a country code or a country we know",
        "use an ISO 3166 code such as US, GB, AU or DE",
    )


def is_southern(region: str | None) -> bool:
    """Whether seasons in `region` follow the southern hemisphere."""
    return region in SOUTHERN_HEMISPHERE


def region_zone(region: str | None) -> ZoneInfo | None:
    """The main time zone of a region, where we know one."""
    name = REGION_ZONES.get(region or "")
    if name is None:
        return None
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


MAX_ZONE_NAME = 64  # the longest IANA name is about 30 characters


def zone_named(name: str | None) -> ZoneInfo | None:
    """The IANA zone of exactly this name, or None: never an error for a name that is no
    zone (a folder of the zone database such as "America", a path, a name too long,
    "Not/AZone"), from $TZ, an option or TVmaze."""
    if not name or len(name) > MAX_ZONE_NAME or name.startswith(("/", ".")) or ".." in name:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder, a bad path
        return None


def resolve_zone(name: str) -> ZoneInfo:
    """An IANA zone from its name (any case) or a common abbreviation (ET, PT, ...)."""
    from zoneinfo import ZoneInfo, available_timezones

    key = name.strip()
    if "/" in key and key.lower().split("/")[0] in ZONE_ABBREVIATIONS:  # "ET/PT": the first
        key = key.split("/")[0]
    if key.lower() in ZONE_ABBREVIATIONS:
        return ZoneInfo(ZONE_ABBREVIATIONS[key.lower()])
    exact = zone_named(key) if "/" in key or key == "UTC" else None
    if exact is not None:
        return exact
    if len(key) <= MAX_ZONE_NAME and "/" in key:
        lowered = {zone.lower(): zone for zone in available_timezones()}
        if key.lower() in lowered:
            return ZoneInfo(lowered[key.lower()])
    raise UsageError(
        f"time zone {name!r} is not known",
        "use an IANA name such as America/New_York, or ET, CT, MT, PT",
    )
