"""The words of release-window phrases, as data: month and weekday names, holidays,
filler words, bound words, zone abbreviations, region names.

Kept apart from the parser (phrases.py), as parsedatetime and dateparser keep their
vocabularies: a new word is an entry here, not a branch in the code.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- regions

SOUTHERN_HEMISPHERE = frozenset(
    {
        "AU",
        "NZ",
        "ZA",
        "AR",
        "BR",
        "CL",
        "UY",
        "PY",
        "BO",
        "PE",
        "NA",
        "BW",
        "ZW",
        "MZ",
        "MG",
        "LS",
        "SZ",
        "FJ",
        "MU",
    }
)

#: The ISO 3166-1 alpha-2 codes of countries and territories (as the IANA time zone
#: database's iso3166.tab lists them): a region is one of these or it is refused.
_COUNTRY_CODES_TEXT = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM
    BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX
    CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG
    GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR
    IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV
    LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE
    NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO
    RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
    TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF
    WS YE YT ZA ZM ZW
"""
COUNTRY_CODES = frozenset(_COUNTRY_CODES_TEXT.split())

REGION_ALIASES = {
    "UK": "GB",
    "USA": "US",
    "UNITED STATES": "US",
    "UNITED STATES OF AMERICA": "US",
    "AMERICA": "US",
    "UNITED KINGDOM": "GB",
    "GREAT BRITAIN": "GB",
    "BRITAIN": "GB",
    "ENGLAND": "GB",
    "SCOTLAND": "GB",
    "WALES": "GB",
    "CANADA": "CA",
    "AUSTRALIA": "AU",
    "NEW ZEALAND": "NZ",
    "IRELAND": "IE",
    "GERMANY": "DE",
    "FRANCE": "FR",
    "SPAIN": "ES",
    "ITALY": "IT",
    "NETHERLANDS": "NL",
    "SWEDEN": "SE",
    "NORWAY": "NO",
    "DENMARK": "DK",
    "FINLAND": "FI",
    "JAPAN": "JP",
    "KOREA": "KR",
    "SOUTH KOREA": "KR",
    "INDIA": "IN",
    "BRAZIL": "BR",
    "ARGENTINA": "AR",
    "CHILE": "CL",
    "URUGUAY": "UY",
    "PARAGUAY": "PY",
    "MEXICO": "MX",
    "SOUTH AFRICA": "ZA",
    "POLAND": "PL",
    "PORTUGAL": "PT",
    "BELGIUM": "BE",
    "AUSTRIA": "AT",
    "SWITZERLAND": "CH",
    "CHINA": "CN",
}

# A country code is two letters; these are the ones we can also name a main zone for.
REGION_ZONES = {
    "US": "America/New_York",
    "CA": "America/Toronto",
    "GB": "Europe/London",
    "IE": "Europe/Dublin",
    "AU": "Australia/Sydney",
    "NZ": "Pacific/Auckland",
    "DE": "Europe/Berlin",
    "FR": "Europe/Paris",
    "ES": "Europe/Madrid",
    "IT": "Europe/Rome",
    "NL": "Europe/Amsterdam",
    "BE": "Europe/Brussels",
    "AT": "Europe/Vienna",
    "CH": "Europe/Zurich",
    "SE": "Europe/Stockholm",
    "NO": "Europe/Oslo",
    "DK": "Europe/Copenhagen",
    "FI": "Europe/Helsinki",
    "PL": "Europe/Warsaw",
    "PT": "Europe/Lisbon",
    "JP": "Asia/Tokyo",
    "KR": "Asia/Seoul",
    "IN": "Asia/Kolkata",
    "CN": "Asia/Shanghai",
    "BR": "America/Sao_Paulo",
    "AR": "America/Argentina/Buenos_Aires",
    "CL": "America/Santiago",
    "UY": "America/Montevideo",
    "PY": "America/Asuncion",
    "MX": "America/Mexico_City",
    "ZA": "Africa/Johannesburg",
}


# --------------------------------------------------------------------------- calendar words

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
WEEKDAYS_IN_FULL = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1": 1, "2": 2, "3": 3, "4": 4}
#: Words for the halves of a year: "the latter half", "the front half".
HALVES = {"first": 1, "1": 1, "front": 1, "second": 2, "2": 2, "latter": 2, "later": 2, "back": 2}
#: Which week of a month: the first seven days, the next seven, ...; "last" is its last seven.
WEEK_OF_MONTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1": 1, "2": 2, "3": 3, "4": 4}
#: Counted numbers as words ("in two weeks", "the first three months").
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
#: Vague counts, and what they stand for: "a couple of weeks", "the next few months".
VAGUE_COUNTS = {"couple": 2, "few": 3, "several": 3}
#: "in the coming weeks/months" (no number): how far ahead that reaches.
COMING = {"day": (0, 7), "week": (0, 56), "month": (3, 0), "year": (12, 0)}
#: Units of a count and their length in (months, days).
COUNT_UNITS = {"day": (0, 1), "week": (0, 7), "month": (1, 0), "year": (12, 0)}
SEASON_NAMES = {
    "spring": "spring",
    "summer": "summer",
    "fall": "autumn",
    "autumn": "autumn",
    "winter": "winter",
}
#: EDTF's codes for the seasons (level 1): 2018-21 is spring 2018.
SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "winter": 24}
#: (first month, year offset) of the season *named* Y, per hemisphere.
NORTHERN_SEASONS = {"spring": (3, 0), "summer": (6, 0), "autumn": (9, 0), "winter": (12, -1)}
SOUTHERN_SEASONS = {"spring": (9, 0), "summer": (12, -1), "autumn": (3, 0), "winter": (6, 0)}

#: Holidays on the same day every year: name -> (month, day).
FIXED_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "new year's eve": (12, 31),
    "new years eve": (12, 31),
    "new year's day": (1, 1),
    "new years day": (1, 1),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "valentines day": (2, 14),
    "valentine's": (2, 14),
    "boxing day": (12, 26),
    "independence day": (7, 4),
    "fourth july": (7, 4),
    "july fourth": (7, 4),
    "st patrick's day": (3, 17),
    "st patricks day": (3, 17),
    "saint patrick's day": (3, 17),
}

#: Holidays whose day moves, with the rule that finds it (see spans.holiday).
MOVING_HOLIDAYS = {
    "thanksgiving": "thanksgiving",
    "easter": "easter",
    "holidays": "holidays",
    "holiday season": "holidays",
    "memorial day": "memorial day",
    "labor day": "labor day",
    "labour day": "labor day",
}

#: US holidays on a Monday: (month, weekday, which one; -1 the last).
US_MONDAY_HOLIDAYS = {"memorial day": (5, 0, -1), "labor day": (9, 0, 1)}

#: early/mid/late of a month: the days each part covers.
MONTH_PARTS = {
    "early": (1, 10),
    "beginning": (1, 10),
    "start": (1, 10),
    "mid": (11, 20),
    "late": (21, 31),
    "end": (21, 31),
}
#: early/mid/late of a year: (first month, last month).
YEAR_PARTS = {
    "back end": (9, 12),
    "front end": (1, 4),
    "early": (1, 4),
    "mid": (5, 8),
    "late": (9, 12),
    "beginning": (1, 1),
    "start": (1, 1),
    "end": (12, 12),
}
#: early/mid/late of a three-month season: which of its months.
SEASON_PARTS = {"early": 0, "mid": 1, "late": 2}

# --------------------------------------------------------------------------- durations

DURATION_UNITS = {
    "d": (0, 1),
    "day": (0, 1),
    "days": (0, 1),
    "w": (0, 7),
    "wk": (0, 7),
    "week": (0, 7),
    "weeks": (0, 7),
    "m": (1, 0),
    "mo": (1, 0),
    "mon": (1, 0),
    "month": (1, 0),
    "months": (1, 0),
    "y": (12, 0),
    "yr": (12, 0),
    "year": (12, 0),
    "years": (12, 0),
}


# --------------------------------------------------------------------------- sentences

QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
FILLER = frozenset(
    {
        "the",
        "of",
        "in",
        "around",
        "an",
        "a",
        "on",
        "sometime",
        "some",
        "during",
        "expected",
        "likely",
        "tv",
        "release",
        "premiere",
        "premieres",
        "debut",
        "debuts",
        "slated",
        "for",
        "date",
        "dates",
        "airdate",
        "launch",
        "window",
        "bow",
        "arrival",
        # Hedges between the parts of a hull ("late 2027 or possibly early 2028"): they
        # say how sure, not when.
        "possibly",
        "perhaps",
        "maybe",
        "probably",
        "potentially",
        "even",
    }
)
MAY_CONTEXT = frozenset(
    {
        "in",
        "early",
        "mid",
        "late",
        "this",
        "next",
        "by",
        "until",
        "till",
        "before",
        "after",
        "from",
        "of",
        "to",
        "and",
        "or",
        "between",
        "-",
        "/",
        "since",
        "through",
        "end",
        "beginning",
        "start",
        "around",
        "during",
    }
)
UNKNOWN_TEXT = frozenset(
    {
        "",
        "?",
        "tba",
        "tbd",
        "tbc",
        "to be announced",
        "to be confirmed",
        "to be determined",
        "not set yet",
        "yet to be announced",
        "unknown",
        "not yet announced",
        "n/a",
        "none",
    }
)
UNKNOWN_MARKERS = frozenset({"tba", "tbd", "tbc", "unknown"})
NEGATIONS = frozenset({"not", "never", "no"})
#: Words that end what a negation before them reaches ("no date yet, but 2018").
NEGATION_BREAKS = frozenset({"but", "though", "although", "however", "yet", "instead"})
#: Verbs that move a release to a new window: "delayed until 2019" names the new plan.
RESCHEDULE_VERBS = frozenset(
    {"delayed", "postponed", "pushed", "moved", "rescheduled", "bumped", "shifted", "back"}
)
#: Words between two expressions that set the second aside ("2022, not 2021").
SET_ASIDE = frozenset(
    {
        ("not",),
        ("and", "not"),
        ("but", "not"),
        ("as", "opposed", "to"),
        ("rather", "than"),
        ("instead",),
        # "not before the spring, if not the summer": the second only hedges the first
        ("if", "not"),
    }
)
#: Words between two expressions that explain the first by the second ("its third
#: quarter, which covers July to September"): the two must agree.
EXPLAINED_BY = frozenset(
    {
        ("which", "covers"),
        ("which", "runs"),
        ("which", "is"),
        ("that", "is"),
        ("i", "e"),
        ("covering",),
        ("running",),
    }
)
RANGE_WORDS = frozenset({"to", "-", "through", "thru"})
HULL_WORDS = frozenset({"or", "/", "and"})
#: The joiners a leading word allows: "between X and Y", "from X to Y", "either X or Y".
JOINERS_AFTER = {
    "between": frozenset({"and", "or"}),
    "from": RANGE_WORDS | {"until", "till"},
    "either": frozenset({"or"}),
}
#: Words after an expression that belong to its bound, not to a second expression.
BOUND_TAIL_WORDS = frozenset({"at", "earliest", "latest", "or", "later"})

#: Time words a misspelling is compared with ("sprung" -> "spring").
OTHER_TIME_WORDS = frozenset(
    {
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
        "quarter",
        "half",
        "early",
        "late",
        "midseason",
        "christmas",
        "halloween",
        "thanksgiving",
        "easter",
        "holidays",
        "tomorrow",
        "today",
        "before",
        "after",
        "until",
        "earliest",
        "next",
        "this",
        "year",
        "month",
        "week",
        "season",
        "between",
        "beginning",
        "later",
    }
)

# --------------------------------------------------------------------------- bounds

#: Bound words before an expression, longest first, and the bound each makes.
PREFIX_BOUNDS: list[tuple[tuple[str, ...], str]] = [
    (("no", "earlier", "than"), "from"),
    (("not", "earlier", "than"), "from"),
    (("no", "later", "than"), "by"),
    (("not", "later", "than"), "by"),
    (("until", "at", "least"), "from"),
    (("till", "at", "least"), "from"),
    (("at", "least"), "from"),
    # "will not air until after Thanksgiving": the day after it, open
    (("until", "after"), "until-after"),
    (("till", "after"), "until-after"),
    (("before", "end"), "by-end"),
    (("before",), "before"),
    (("until",), "until"),
    (("till",), "until"),
    (("til",), "until"),
    (("after",), "after"),
    (("by",), "by"),
    (("from",), "from-day"),
    (("since",), "from"),
    (("starting",), "from-day"),
    (("beginning",), "from-day"),
    (("later",), "later"),
]
SUFFIX_BOUNDS: list[tuple[tuple[str, ...], str]] = [
    (("at", "absolute", "earliest"), "from"),
    (("at", "very", "earliest"), "from"),
    (("at", "earliest"), "from"),
    # "March 2027 is the earliest date", "in 2027, the earliest"
    (("is", "earliest", "date"), "from"),
    (("is", "earliest"), "from"),
    (("earliest",), "from"),
    (("or", "later"), "from"),
    (("onwards",), "from"),
    (("onward",), "from"),
    (("and", "beyond"), "from"),
    (("at", "latest"), "by"),
    (("at", "very", "latest"), "by"),
    (("or", "earlier"), "by"),
    (("or", "sooner"), "by"),
]


# --------------------------------------------------------------------------- time of day

ZONE_ABBREVIATIONS = {
    "et": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "ct": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "mt": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "akt": "America/Anchorage",
    "akst": "America/Anchorage",
    "akdt": "America/Anchorage",
    "ht": "Pacific/Honolulu",
    "hst": "Pacific/Honolulu",
    "utc": "UTC",
    "gmt": "Europe/London",
    "bst": "Europe/London",
    "cet": "Europe/Paris",
    "cest": "Europe/Paris",
    "aest": "Australia/Sydney",
    "aedt": "Australia/Sydney",
    "jst": "Asia/Tokyo",
    "ist": "Asia/Kolkata",
    "nzst": "Pacific/Auckland",
    "nzdt": "Pacific/Auckland",
}
