"""The records showtrack keeps and the views its writers print, by kind: `records`
(shows, releases, windows, history, episodes), `checks` (the stored values every reader
parses, checked), `news` (what articles propose, feeds, the inbox), `views` (what
listings print). Everything is imported from here."""

from showtrack.models.checks import (
    episodes_problem as episodes_problem,
)
from showtrack.models.checks import (
    first_release_problem as first_release_problem,
)
from showtrack.models.checks import (
    history_problem as history_problem,
)
from showtrack.models.checks import (
    release_problem as release_problem,
)
from showtrack.models.checks import (
    show_problem as show_problem,
)
from showtrack.models.checks import (
    whole_release_problem as whole_release_problem,
)
from showtrack.models.news import (
    FEED_STATES as FEED_STATES,
)
from showtrack.models.news import (
    INBOX_STATES as INBOX_STATES,
)
from showtrack.models.news import (
    MAX_SEEN as MAX_SEEN,
)
from showtrack.models.news import (
    Feed as Feed,
)
from showtrack.models.news import (
    FeedOutcome as FeedOutcome,
)
from showtrack.models.news import (
    InboxItem as InboxItem,
)
from showtrack.models.news import (
    KnownShow as KnownShow,
)
from showtrack.models.news import (
    NewsSource as NewsSource,
)
from showtrack.models.news import (
    Proposal as Proposal,
)
from showtrack.models.news import (
    Statement as Statement,
)
from showtrack.models.records import (
    EPISODE_TYPES as EPISODE_TYPES,
)
from showtrack.models.records import (
    LEFT_OUT_STATES as LEFT_OUT_STATES,
)
from showtrack.models.records import (
    SHOW_STATUSES as SHOW_STATUSES,
)
from showtrack.models.records import (
    STAGES as STAGES,
)
from showtrack.models.records import (
    Episode as Episode,
)
from showtrack.models.records import (
    EpisodeFields as EpisodeFields,
)
from showtrack.models.records import (
    EpisodeMove as EpisodeMove,
)
from showtrack.models.records import (
    HistoryEntry as HistoryEntry,
)
from showtrack.models.records import (
    HistoryMark as HistoryMark,
)
from showtrack.models.records import (
    ImportedShow as ImportedShow,
)
from showtrack.models.records import (
    Link as Link,
)
from showtrack.models.records import (
    Release as Release,
)
from showtrack.models.records import (
    ReleaseFields as ReleaseFields,
)
from showtrack.models.records import (
    SeasonReport as SeasonReport,
)
from showtrack.models.records import (
    Show as Show,
)
from showtrack.models.records import (
    ShowName as ShowName,
)
from showtrack.models.records import (
    ShowReport as ShowReport,
)
from showtrack.models.records import (
    Source as Source,
)
from showtrack.models.records import (
    TvmazeLink as TvmazeLink,
)
from showtrack.models.records import (
    WindowRecord as WindowRecord,
)
from showtrack.models.records import (
    check_choice as check_choice,
)
from showtrack.models.records import (
    check_season as check_season,
)
from showtrack.models.records import (
    episodes_last_day as episodes_last_day,
)
from showtrack.models.records import (
    from_plain as from_plain,
)
from showtrack.models.records import (
    history_order as history_order,
)
from showtrack.models.records import (
    known_since as known_since,
)
from showtrack.models.records import (
    parse_season as parse_season,
)
from showtrack.models.records import (
    release_slug as release_slug,
)
from showtrack.models.records import (
    to_plain as to_plain,
)
from showtrack.models.views import (
    CalendarEntry as CalendarEntry,
)
from showtrack.models.views import (
    ChartRow as ChartRow,
)
from showtrack.models.views import (
    EpisodeMark as EpisodeMark,
)
from showtrack.models.views import (
    EpisodeRow as EpisodeRow,
)
from showtrack.models.views import (
    EpisodeView as EpisodeView,
)
from showtrack.models.views import (
    Mapped as Mapped,
)
from showtrack.models.views import (
    MonthRows as MonthRows,
)
from showtrack.models.views import (
    ReleaseRow as ReleaseRow,
)
from showtrack.models.views import (
    ReleaseView as ReleaseView,
)
from showtrack.models.views import (
    show_row as show_row,
)
