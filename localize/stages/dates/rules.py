"""Rule documentation for the dates stage (examples are checked by the test suite)."""
from __future__ import annotations

from ...edits import Severity
from ...rules import Example, Rule

REFORMAT = "dates.reformat"
ZONE = "dates.zone"
SEASON = "dates.season"
WEEKDAY_MISMATCH = "dates.weekday-mismatch"
IMPOSSIBLE = "dates.impossible"
AMBIGUOUS = "dates.ambiguous"
WEEKDAY_SHIFT = "dates.weekday-shift"
SOUTHERN_SEASON = "dates.southern-season"

_DATED = "---\ndate: 2026-06-14\n---\n"

RULES = (
    Rule(REFORMAT, "dates", Severity.INFO, "Date not in the reader's pattern",
         "A date is re-rendered in the locale's pattern (`dates.patterns`, else CLDR through "
         "Babel) at the precision it was written: a month and year stay a month and year, and no "
         "weekday, year or seconds are added. Numeric dates are written out when "
         "`dates.rewrite_numeric` is on (never an ambiguous one); ISO dates and era years are kept "
         "unless `dates.rewrite_iso` / `dates.keep_era` say otherwise.",
         (Example("The plant opened on June 14, 2026.\n",
                  "The plant opened on 14 June 2026.\n", locale="en-GB"),
          Example("Das Werk öffnete am 14.06.2026 seine Tore.\n",
                  "Das Werk öffnete am 14. Juni 2026 seine Tore.\n", locale="de-DE"),
          Example("The memo is dated 25/04/2026.\n", "The memo is dated 25 April 2026.\n",
                  locale="en-GB"),
          Example("The plant opened on 14 June 2026.\n", None, locale="en-GB"),
          Example("The plant opened on June 14, 2026.\n", None, locale="en-US"))),
    Rule(ZONE, "dates", Severity.INFO, "Time given in another time zone",
         "A time anchored in a zone (UTC, JST, EDT, +09:00) is converted to the reader's zone "
         "(`dates.zone`, an IANA name) and named in the profile's style (`dates.zone_style`, "
         "`dates.zone_names`), with the date rolling over when the conversion crosses midnight. "
         "The clock (`dates.clock`) and am/pm markers (`dates.am_pm`) are house style. A time "
         "without a zone is never converted.",
         (Example("The first tremor hit on Jun 14, 2026 02:46 UTC, the agency said.\n",
                  "The first tremor hit on June 13, 2026, 10:46 p.m. EDT, the agency said.\n",
                  locale="en-US"),
          Example("The first tremor hit on Jun 14, 2026 02:46 UTC, the agency said.\n",
                  "The first tremor hit on 14 June 2026, 03:46 BST, the agency said.\n",
                  locale="en-GB"),
          Example("The first tremor hit on June 13, 2026, 10:46 p.m. EDT, the agency said.\n",
                  None, locale="en-US"),
          Example("The first tremor hit on 14 June 2026, 02:46, the agency said.\n",
                  None, locale="en-GB"))),
    Rule(SEASON, "dates", Severity.INFO, "Season word of another variety",
         "Season words follow the reader's variety of the language (`dates.season_rewrite`): "
         "British English says autumn where American English says fall. The other direction is "
         "left alone, since autumn is also American usage.",
         (Example("Output should recover by the fall of 2026.\n",
                  "Output should recover by the autumn of 2026.\n", locale="en-GB"),
          Example("Output should recover by the fall of 2026.\n", None, locale="en-US"),
          Example("Output should recover by the autumn of 2026.\n", None, locale="en-US"))),
    Rule(WEEKDAY_MISMATCH, "dates", Severity.ERROR, "Weekday does not match the date",
         "The weekday written next to a date is not the weekday that date falls on. The message "
         "names the right weekday. Which of the two is wrong cannot be known, so by default the "
         "text is left for an editor and the date is not re-rendered; with "
         "`dates.fix_weekday: true`, `localize run` replaces the weekday.",
         (Example("The vote is set for Friday, June 14, 2026.\n", None, locale="en-US", flags=True),
          Example("The vote is set for Friday, June 14, 2026.\n",
                  "The vote is set for Sunday, June 14, 2026.\n", locale="en-US",
                  config={"overrides": {"*": {"dates": {"fix_weekday": True}}}}),
          Example("The vote is set for Sunday, June 14, 2026.\n", None, locale="en-US")),
         fixable=False),
    Rule(IMPOSSIBLE, "dates", Severity.ERROR, "Date that does not exist",
         "A date that no calendar has (February 30, April 31, a 13th month) is reported with "
         "the reason; it is never re-rendered or guessed at.",
         (Example("The filing is dated February 30, 2026.\n", None, locale="en-US", flags=True),
          Example("The filing is dated February 28, 2026.\n", None, locale="en-US")),
         fixable=False),
    Rule(AMBIGUOUS, "dates", Severity.WARNING, "Numeric date the reader may read the other way",
         "An all-digit date that is valid in both day-month and month-day order (03/04/2026) "
         "and was written in an order the reader's locale does not use (CLDR's short date "
         "pattern) is reported with both readings. It is not changed: write the month out.",
         (Example("The memo is dated 03/04/2026.\n", None, locale="en-GB", flags=True),
          Example("The memo is dated 03/04/2026.\n", None, locale="en-US"),
          Example("The memo is dated 25/04/2026.\n", None, locale="en-GB"))),
    Rule(WEEKDAY_SHIFT, "dates", Severity.WARNING, "Weekday reference may move with the time zone",
         "The article's dateline (the front matter's date-time, else the first date-time with a "
         "zone) falls on another calendar day in the reader's zone. A bare weekday reference "
         "(\"on Friday\") counted in the writer's zone may then name a different day for the "
         "reader: check it. Not changed automatically.",
         (Example(_DATED + "TOKYO, Jun 14, 2026 02:46 UTC: Exports rose, the ministry said on Friday.\n",
                  _DATED + "TOKYO, June 13, 2026, 10:46 p.m. EDT: Exports rose, the ministry said on Friday.\n",
                  locale="en-US"),
          Example(_DATED + "TOKYO, 14 June 2026, 03:46 BST: Exports rose, the ministry said on Friday.\n",
                  None, locale="en-GB")),
         fixable=False),
    Rule(SOUTHERN_SEASON, "dates", Severity.WARNING, "Season in a southern-hemisphere locale",
         "Seasons are reversed south of the equator: \"the fall of 2025\" is March to May for a "
         "reader in Australia or Brazil. For a southern locale (`dates.hemisphere`, else its "
         "territory in `dates.southern_territories`) a season is reported with the months it "
         "meant; it is not rewritten.",
         (Example("Sales slowed in the fall of 2025.\n", None, locale="en-AU", flags=True),
          Example("Sales slowed in the fall of 2025.\n", None, locale="en-US")),
         fixable=False),
)
