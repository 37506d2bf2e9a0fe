"""The words the article reader knows, as data: what makes a statement about a release,
about filming or about something else, what makes a capitalised name a show's title or
a person's, a network's or a place's, and how seasons are named. The code in
statements.py, titles.py, seasons.py and layout.py only combines them; adding a word is
adding it here."""

from __future__ import annotations

import re

from showtrack.windows.vocabulary import MONTHS, SEASON_NAMES, WEEKDAYS_IN_FULL


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, a space between them."""
    return frozenset(text.split())


def _numbered(text: str) -> dict[str, int]:
    """Words written in order as one string, each with its place (from 1)."""
    return {word: n for n, word in enumerate(text.split(), 1)}


# ----------------------------------------------------------------------------- sentences

#: Words a full stop may follow inside a sentence ("Sept. 25", "Mr. Coker").
ABBREVIATIONS = _words(
    "mr mrs ms dr st jr sr inc co corp ltd vs no vol ep eps prof gen sen rep gov det sgt "
    "insp lt col capt jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed "
    "thu thurs fri sat sun approx est"
)
#: Words that open a sentence after dotted letters ("...in the U.S. The network said").
SENTENCE_OPENERS = _words(
    "the a an this that these those it its he she they we i you but and so meanwhile "
    "however in on at for after before when while if as there here"
)

#: The start of a "Label: value" line that says when ("Premiere: April 13, 2018",
#: "When can I watch it? July 20", "Screening: Saturday September 2").
LABEL_KEYS = (
    "premieres?",
    "premiere date",
    "release date",
    "released?",
    "air ?date",
    "airs",
    "airing",
    "on air",
    "screening",
    "screens",
    "streaming",
    "streams",
    "returns?",
    "return date",
    "launch(?:es)?",
    "launch date",
    "debuts?",
    "when [^:?]{0,30}",
    "out",
    "available",
    "start date",
    "starts",
    "broadcast",
    "tx(?: date)?",
)
LABEL_LINE = re.compile(
    rf"^(?:[•*·-]\s*)?(?P<key>(?:{'|'.join(LABEL_KEYS)}))\s*[:?]\s+(?P<value>\S.*)$",
    re.IGNORECASE,
)

# ----------------------------------------------------------------------------- kinds

#: Verbs and nouns of a release coming (any tense but the past: PAST_RELEASE).
RELEASE_WORDS = _words(
    """
    return returns returning back comeback premiere premieres premiering premiere's
    debut debuts debuting drop drops dropping air airs airing arrive arrives arriving
    launch launches launching release releases releasing released bow bows bowing land lands
    landing stream streams streaming available binge watch screen screens
    screened screening broadcast broadcasts transmission tx reboot revival relaunch
    kicks kick begins begin starts start starting beginning opens open slot lineup
    schedule expected slated due set scheduled dated penciled pencilled coming come
    comes seen airdate episodes instalment installment
    """
)
#: Release verbs that say nothing of release when a word of production is near them
#: ("begins filming", "starts shooting").
WEAK_RELEASE_WORDS = _words(
    "begins begin starts start starting beginning kicks kick opens open set due expected "
    "slated scheduled coming come comes seen episodes"
)

#: Words that make a window one of production, not of release.
FILMING_WORDS = _words(
    """
    filming film filmed films shooting shoot shoots shot production produce produced
    pre-production preproduction post-production writing writers writers' write scripts
    scripting cameras wrap wraps wrapped wrapping principal photography table read
    restart resume resumes resuming reshoots casting rehearsals
    """
)

#: Release verbs in the past: a date they govern is history, not news.
PAST_RELEASE = _words(
    """
    aired premiered debuted returned dropped released launched arrived bowed landed
    ended concluded finished wrapped streamed broadcast screened began started kicked
    opened bowed rebooted
    """
)

#: Words of what is not a season's release: an episode, a finale, a move of timeslot.
OTHER_WORDS = _words(
    """
    finale finales episode encore encores repeat repeats rpt dbl rerun reruns marathon
    timeslot midseason-finale pilot trailer teaser panel
    """
)

#: Words of events, ratings, birthdays, films and money: a date near them is not a
#: release.
NOT_RELEASE = _words(
    """
    party parties convention comic-con festival awards award ceremony gala carpet
    upfront upfronts screenings globes emmys emmy oscars oscar viewers ratings rating
    nielsen audience viewership watched views birthday born turns anniversary
    anniversaries died theaters theatres cinemas cinema box-office movie film's figures
    numbers weekend grossed gross tickets podcast exhibition canceled cancelled axed
    cancellation
    """
)

#: What a listing's description says of a one-off, not a season of a series.
NOT_SERIES = _words(
    """
    special specials documentary documentaries movie movies film films telemovie telefilm
    concert biopic feature tv-movie
    """
)

#: Words of sport: a broadcast of a game or a tournament is no season of a series.
SPORTS = _words(
    """
    football nfl nba mlb nhl basketball baseball hockey soccer olympics olympic cup
    tournament championship championships prix league playoffs bowl
    """
)

#: Words before a schedule that say its rows are premieres and returns.
PREMIERE_CONTEXT = _words(
    """
    premiere premieres premiering debut debuts returning returns return launch launches
    new
    """
)

#: Verbs of reporting: a bare weekday near them is when the news broke, not a release.
REPORTING_WORDS = _words(
    """
    said says told confirmed announced revealed reported tweeted posted wrote shared
    added explained noted stated
    """
)

#: Verbs that move a release ("pushed to", "delayed until"): the window is the new plan.
MOVED_WORDS = _words("delayed postponed pushed moved rescheduled bumped shifted pushes delays")

#: Verbs that say a release leaves a span out ("skipping 2026 entirely"): it comes after.
SKIP_WORDS = _words("skip skips skipping skipped sit sits sitting miss misses missing")

#: Verbs after a name that make it the subject of its clause ("Night Ferry has ...").
SUBJECT_VERBS = _words(
    """
    is are was will won't has have had gets returns premieres debuts arrives airs
    launches lands drops comes moves begins starts kicks takes
    """
)

#: A clause in the past ("It was the hit of the summer") speaks of what was, unless it
#: also looks ahead ("was expected to return").
PAST_STATE_WORDS = frozenset(["was", "were", "had", "did", "didn't", "took"])
FUTURE_WORDS = _words(
    """
    will 'll expected slated set due scheduled planned going pushed moved delayed
    postponed should could would might may hope hoped aims aim
    """
)

#: Words after a time that make it relative to something else ("two years after").
RELATIVE_WORDS = ("after", "before", "ago", "since", "later", "earlier", "between")

#: Words that make the time after them a plan given up ("once slated for this fall").
FORMER_WORDS = ("once", "originally", "previously", "initially", "formerly")

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

# ----------------------------------------------------------------------------- seasons

NUMBER_WORDS = _numbered("one two three four five six seven eight nine ten eleven twelve")
ORDINAL_WORDS = _numbered(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
)
#: Season words that name a number: "sophomore season" is the second.
NAMED_SEASONS = {"freshman": 1, "debut": 1, "sophomore": 2, "inaugural": 1}
#: "the new season": the show's next season.
NEXT_SEASON_WORDS = ("new", "next", "upcoming", "final", "forthcoming", "latest", "last")
#: What a season is called besides "season".
SEASON_NOUNS = ("season", "instalment", "installment", "chapter", "series", "batch", "run")
#: Descriptions that make a show's season its first: "new drama Colony".
FIRST_SEASON_WORDS = ("new series", "new drama", "new comedy", "series premiere", "newcomer")

# ----------------------------------------------------------------------------- titles

#: Small words a title may hold in lower case ("Game of Thrones").
TITLE_SMALL_WORDS = _words(
    "of the and in on a an to for at with from or by vs is are it de la le du von"
)

#: Nouns that describe a show; a capitalised name right after one is its title
#: ("the drama The Durrells", "new series Winter").
DESCRIPTORS = _words(
    """
    series drama comedy sitcom thriller miniseries mini-series docuseries docudrama show
    spinoff spin-off reboot programme program dramedy procedural anthology soap
    rom-com romcom comedy-drama saga adaptation prequel sequel revival animation
    cartoon serial whodunnit whodunit epic caper mystery romance western fantasy
    horror sci-fi
    """
)

#: Capitalised words that start a sentence, or name no show, never the first word of
#: a title found by its place in a sentence.
NOT_TITLE_WORDS = _words(
    """
    but and also meanwhile however now then so still yet while as when after before if
    the a an this that these those it its he she they we i you his her their our my
    your there here season seasons series episode episodes part chapter netflix tv
    update updated exclusive breaking news report reports watch trailer review recap
    first new all more most some every each other another one two three four five
    both either neither what why how who where which whose with without from for in
    on at by of to into over under about since until than like just only even not no
    yes please thanks thank let let's sources source fans critics viewers status
    streaming premiere premieres network starring description genre cast format
    screening synopsis plot release date airdate returning canceled cancelled renewed
    comments comment reply share production filming shooting writing casting work
    plans reports rumours rumors news word
    """
) | frozenset((*MONTHS, *SEASON_NAMES, *WEEKDAYS_IN_FULL))

#: Headline words before a title ("Why X's third season is worth the wait").
HEADLINE_WORDS = _words(
    "why how what who where when here here's inside exclusive watch review first look "
    "report confirmed confirms breaking"
)

#: Networks, streamers, studios and publications: names that are not shows.
NETWORKS = _words(
    """
    netflix hbo hbo max max amazon prime prime video amazon prime video apple apple tv
    apple tv+ hulu disney disney+ disney plus peacock paramount paramount+ paramount
    network showtime starz amc fx fxx abc nbc cbs fox the cw cw bbc bbc one bbc two
    bbc1 bbc2 bbc three itv itv1 itv2 itvx channel 4 channel 5 e4 sky sky atlantic now
    britbox acorn tv stan foxtel binge kayo seven nine ten network 10 channel nine
    channel seven sbs abc tv tvnz tvnz 1 tvnz+ three rte rté rté one rte one tg4
    virgin media cbc ctv global crave citytv usa usa network tbs tnt syfy bravo
    lifetime own bet bet+ hallmark a&e history tlc freeform sundance tv sundancetv
    shudder tubi roku youtube quibi espn the hollywood reporter hollywood reporter
    variety deadline tvline vulture ew entertainment weekly digital spy the sun the
    guardian guardian tv guide tv squad productionweekly reuters wenn nme empire
    collider screen rant cbs all access all access pluto pluto tv allblk bounce tv
    adult swim cartoon network nickelodeon comedy central mtv vh1 oxygen e! epix
    mgm+ mgm warner bros warner bros. wbtv sony universal lionsgate a24 studiocanal
    """
) | frozenset(
    [
        "prime video",
        "amazon prime video",
        "apple tv",
        "apple tv+",
        "disney plus",
        "paramount network",
        "the cw",
        "bbc one",
        "bbc two",
        "bbc three",
        "channel 4",
        "channel 5",
        "sky atlantic",
        "acorn tv",
        "network 10",
        "channel nine",
        "channel seven",
        "abc tv",
        "tvnz 1",
        "rté one",
        "rte one",
        "virgin media",
        "usa network",
        "sundance tv",
        "the hollywood reporter",
        "hollywood reporter",
        "entertainment weekly",
        "digital spy",
        "the sun",
        "the guardian",
        "tv guide",
        "tv squad",
        "screen rant",
        "cbs all access",
        "all access",
        "pluto tv",
        "bounce tv",
        "adult swim",
        "cartoon network",
        "comedy central",
        "warner bros",
        "hbo max",
    ]
)

#: Places: a capitalised name that is one is no show ("the U.K. version").
PLACES = _words(
    """
    u.s. us u.s.a. usa uk u.k. america britain england scotland wales ireland canada
    australia new zealand nz europe france germany italy spain japan india china
    hollywood london new york los angeles la chicago atlanta toronto vancouver sydney
    melbourne dublin belfast paris berlin
    """
) | frozenset(["new zealand", "new york", "los angeles", "united states", "united kingdom"])

#: Words right before a name that make it a person's ("star Jane Doe", "by Jane Doe").
PERSON_BEFORE = _words(
    """
    actor actress actors star stars co-star costar showrunner showrunners creator
    creators co-creator producer producers director directors host hosts boss writer
    writers executive president chief ceo coo chairman chairwoman head by author
    novelist comedian singer rapper model presenter anchor journalist reporter critic
    cast alum sir dame lord lady agent detective officer captain inspector
    sergeant doctor nurse professor judge senator governor king queen prince princess
    """
)
#: Words right after a name that make it a person's ("Jane Doe said", "Jane Doe (left)").
PERSON_AFTER = _words(
    """
    said says told explained added revealed admitted teased wrote tweeted posted
    confirmed noted stated shared insisted hinted joked recalled who whose herself
    himself
    """
)

#: "the series", "the spy caper", "the sci-fi drama's": a description that stands for the
#: show the text is about is one of the DESCRIPTORS.
#: Words that stand for all the shows the last sentence named ("Those series arrive").
PLURAL_REFERENCES = (
    "those series",
    "these series",
    "those shows",
    "these shows",
    "both shows",
    "both series",
    "the two shows",
    "the two series",
    "all three",
    "they",
    "both",
)
