"""The words the article reader knows, as data: what makes a statement about a release or
about filming, what makes a date not a release date, and how seasons are named. The code
in statements.py only combines them; adding a word is adding it here."""

from __future__ import annotations

from showtrack.windows.vocabulary import MONTHS, SEASON_NAMES, WEEKDAYS_IN_FULL

#: Verbs of a release coming (any tense: the past ones are told apart by PAST_RELEASE).
RELEASE_WORDS = frozenset(
    [
        "return",
        "returns",
        "returning",
        "come",
        "comes",
        "coming",
        "back",
        "premiere",
        "premieres",
        "premiering",
        "debut",
        "debuts",
        "debuting",
        "drop",
        "drops",
        "dropping",
        "air",
        "airs",
        "airing",
        "arrive",
        "arrives",
        "arriving",
        "launch",
        "launches",
        "launching",
        "release",
        "releases",
        "bow",
        "bows",
        "land",
        "lands",
        "hit",
        "hits",
        "stream",
        "streams",
        "expected",
        "slated",
        "due",
        "set",
        "seen",
        "out",
        "available",
        "renewed",
    ]
)

#: Words that make a window one of production, not of release.
FILMING_WORDS = frozenset(
    [
        "filming",
        "film",
        "shooting",
        "shoot",
        "shoots",
        "production",
        "produce",
        "writing",
        "writers'",
        "write",
        "cameras",
        "wrap",
        "wraps",
        "wrapped",
        "principal",
        "photography",
        "table",
        "read",
    ]
)

#: Release verbs in the past: a date they govern is history, not news.
PAST_RELEASE = frozenset(
    [
        "aired",
        "premiered",
        "debuted",
        "returned",
        "dropped",
        "released",
        "launched",
        "arrived",
        "bowed",
        "landed",
        "ended",
        "concluded",
        "finished",
        "wrapped",
        "streamed",
    ]
)

#: Words of events, ratings, birthdays and films: a date near them is not a release.
NOT_RELEASE = frozenset(
    [
        "party",
        "parties",
        "convention",
        "comic-con",
        "panel",
        "festival",
        "awards",
        "award",
        "ceremony",
        "gala",
        "carpet",
        "upfront",
        "upfronts",
        "screening",
        "screenings",
        "globes",
        "emmys",
        "oscars",
        "viewers",
        "ratings",
        "rating",
        "nielsen",
        "audience",
        "viewership",
        "watched",
        "views",
        "birthday",
        "born",
        "turns",
        "anniversary",
        "died",
        "theaters",
        "theatres",
        "cinemas",
        "cinema",
        "box-office",
        "movie",
        "film's",
        "figures",
        "numbers",
    ]
)

#: Descriptions and pronouns that refer to the show the text is about.
REFERENCES = (
    "the show",
    "the series",
    "the drama",
    "the comedy",
    "the sitcom",
    "the thriller",
    "the programme",
    "the program",
    "the show's",
    "the series'",
    "it",
    "its",
)

NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ],
        1,
    )
}
ORDINAL_WORDS = {
    word: n
    for n, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
        ],
        1,
    )
}
#: "the new season": the show's next season.
NEXT_SEASON_WORDS = ("new", "next", "upcoming", "final", "forthcoming", "latest")
#: What a season is called besides "season".
SEASON_NOUNS = ("season", "instalment", "installment", "chapter", "series", "batch")

#: Small words a title may hold in lower case ("Game of Thrones").
TITLE_SMALL_WORDS = frozenset(
    ["of", "the", "and", "in", "on", "a", "an", "to", "for", "at", "with", "from", "or", "by", "vs"]
)

#: Capitalised words that start a sentence or name a company, not a show.
NOT_TITLE_WORDS = frozenset(
    [
        "but",
        "and",
        "also",
        "meanwhile",
        "however",
        "now",
        "then",
        "so",
        "still",
        "yet",
        "while",
        "as",
        "when",
        "after",
        "before",
        "if",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "season",
        "series",
        "episode",
        "part",
        "netflix",
        "hbo",
        "amazon",
        "hulu",
        "apple",
        "disney",
        "fox",
        "abc",
        "nbc",
        "cbs",
        "bbc",
        "itv",
        "showtime",
        "starz",
        "peacock",
        "paramount",
        "max",
        "prime",
        "video",
        "the",
        "cw",
        "fx",
        "amc",
    ]
) | frozenset((*MONTHS, *SEASON_NAMES, *WEEKDAYS_IN_FULL))

#: What "until X is done" says: the words that end the clause of a waited-on release.
DONE_WORDS = [
    "done",
    "finished",
    "complete",
    "completed",
    "over",
    "wrapped",
    "wraps",
    "finishes",
    "ends",
    "concludes",
    "airs",
    "premieres",
    "through",
]

#: Words that make the time after them a plan given up ("once slated for this fall").
FORMER_WORDS = ("once", "originally", "previously", "initially", "first")

#: Verbs of reporting: a bare weekday near them is when the news broke, not a release.
REPORTING_WORDS = frozenset(
    [
        "said",
        "says",
        "told",
        "confirmed",
        "announced",
        "revealed",
        "reported",
        "tweeted",
        "posted",
        "wrote",
        "shared",
    ]
)

#: A clause in the past ("It was the hit of the summer") speaks of what was, unless it
#: also looks ahead ("was expected to return").
PAST_STATE_WORDS = frozenset(["was", "were", "had"])
FUTURE_WORDS = frozenset(
    [
        "will",
        "'ll",
        "expected",
        "slated",
        "set",
        "due",
        "scheduled",
        "planned",
        "going",
        "pushed",
        "moved",
        "delayed",
    ]
)

#: Words after a time that make it relative to something else ("two years after").
RELATIVE_WORDS = ("after", "before", "ago", "since", "later", "earlier")

#: Headline words before a title ("Why X's third season is worth the wait").
HEADLINE_WORDS = frozenset(
    [
        "why",
        "how",
        "what",
        "who",
        "where",
        "here",
        "here's",
        "inside",
        "exclusive",
        "watch",
        "review",
        "first",
        "look",
    ]
)
