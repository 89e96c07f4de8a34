"""Rule documentation for the money stage (examples are checked by the test suite)."""
from __future__ import annotations

from ...edits import Severity
from ...rules import Example, Rule

ADD = "money.add-annotation"
REWRITE = "money.rewrite-annotation"
REDUNDANT = "money.redundant-annotation"
MISMATCH = "money.annotation-mismatch"
MAGNITUDE = "money.annotation-magnitude"
STYLE = "money.style"
MISSING_RATE = "money.missing-rate"
NO_DATE = "money.no-date"
STALE_RATE = "money.stale-rate"
UNKNOWN_CURRENCY = "money.unknown-currency"

_DATED = "---\ndate: 2026-06-14\n---\n"

RULES = (
    Rule(ADD, "money", Severity.WARNING, "Foreign amount without a local equivalent",
         "The first mention of an amount in a foreign currency gets an equivalent in the reader's "
         "currency, converted at the reference rate of the article's date (the latest rate on or "
         "before it) and rounded to the profile's significant figures. Policy: `money.annotate` "
         "(first, all, none).",
         (Example(_DATED + "The group raised €3 billion.\n",
                  _DATED + "The group raised €3 billion (about $3.5 billion).\n", locale="en-US"),
          Example(_DATED + "The group raised $3 billion.\n", None, locale="en-US"))),
    Rule(REWRITE, "money", Severity.WARNING, "Equivalent given in a third currency",
         "A parenthetical equivalent is in neither the amount's currency nor the reader's (for "
         "example a yen figure left over from a Japanese source in a British article). It is "
         "recomputed in the reader's currency at the dated reference rate.",
         (Example(_DATED + "It will invest up to $4 billion (approximately 600 billion yen).\n",
                  _DATED + "It will invest up to $4bn (about £3bn).\n", locale="en-GB"),
          Example(_DATED + "It will invest up to $4bn (about £3bn).\n", None, locale="en-GB"))),
    Rule(REDUNDANT, "money", Severity.WARNING, "Equivalent that repeats the amount's own currency",
         "An equivalent that adds nothing is removed: one in the same currency as the amount it "
         "follows (often left over after a translation converted the figure), or one after an "
         "amount already in the reader's currency. When the amount is foreign and due an "
         "equivalent (`money.annotate`), the reader's-currency equivalent takes its place.",
         (Example(_DATED + "It will invest $4 billion (approximately 600 billion yen).\n",
                  _DATED + "It will invest $4 billion.\n", locale="en-US"),
          Example(_DATED + "The group raised €3 billion (€3 billion).\n",
                  _DATED + "The group raised €3 billion (about $3.5 billion).\n", locale="en-US"),
          Example(_DATED + "It will invest $4 billion.\n", None, locale="en-US"))),
    Rule(MISMATCH, "money", Severity.WARNING, "Equivalent disagrees with the reference rate",
         "An existing equivalent implies an exchange rate that differs from the reference rate on "
         "the article's date by more than the tolerance (10% for approximate figures, 2% for exact "
         "ones; `money.tolerance`). The message gives the implied rate, the reference rate and its "
         "date. Not changed automatically: the writer may have used a deliberate rate.",
         (Example(_DATED + "40億ドル（約5000億円）を投資する。\n", None, locale="ja-JP", flags=True),
          Example(_DATED + "40億ドル（約6300億円）を投資する。\n", None, locale="ja-JP"))),
    Rule(MAGNITUDE, "money", Severity.ERROR, "Equivalent off by an order of magnitude",
         "An existing equivalent is wrong by more than a factor of `money.error_factor` (3): "
         "almost always a 億/billion or million/milliard slip in translation. `localize run` "
         "replaces it with the computed figure.",
         (Example(_DATED + "40億ドル（約600億円）を投資する。\n",
                  _DATED + "40億ドル（約6400億円）を投資する。\n", locale="ja-JP"),
          Example(_DATED + "40億ドル（約6400億円）を投資する。\n", None, locale="ja-JP"))),
    Rule(STYLE, "money", Severity.INFO, "Amount not in the house style",
         "The profile restyles amounts (`money.restyle_primary`), for example British news style "
         "writes $4bn rather than $4 billion. The value is kept exactly.",
         (Example(_DATED + "It will invest £4 billion.\n", _DATED + "It will invest £4bn.\n", locale="en-GB"),
          Example(_DATED + "It will invest £4bn.\n", None, locale="en-GB"),
          Example(_DATED + "It will invest $4 billion.\n", None, locale="en-US"))),
    Rule(MISSING_RATE, "money", Severity.WARNING, "No exchange rate",
         "No reference rate is known for this currency pair on or before the article's date, so "
         "nothing was converted or checked. Supply a house rate file (`money.rates` in the profile "
         "or `rates:` in localize.yaml, CSV or YAML with date, base, quote, rate).",
         (Example(_DATED + "The chipmaker spent NT$30 billion on the plant.\n", None, flags=True),
          Example(_DATED + "The chipmaker spent $30 billion on the plant.\n", None)),
         fixable=False),
    Rule(NO_DATE, "money", Severity.WARNING, "Article has no date",
         "Exchange rates depend on the date, and the article gives none (front matter `date:` or "
         "`--date`). The newest rate in the data was used; set the date to make the conversion "
         "reproducible.",
         (Example("The group raised $3 billion.\n", None, flags=True),
          Example(_DATED + "The group raised $3 billion.\n", None)),
         fixable=False),
    Rule(STALE_RATE, "money", Severity.WARNING, "Newest rate is older than the article",
         "The latest reference rate on or before the article date is more than "
         "`money.stale_rate_days` days older than the article. Update the rate data or supply a "
         "house rate.",
         # A date far beyond any shipped data keeps this example true as the data grows.
         (Example("---\ndate: 2100-01-01\n---\nThe group raised €3 billion (about $3.4 billion).\n",
                  None, flags=True),
          Example(_DATED + "The group raised €3 billion (about $3.5 billion).\n", None)),
         fixable=False),
    Rule(UNKNOWN_CURRENCY, "money", Severity.INFO, "Unknown or obsolete currency",
         "The amount is in a currency that is obsolete (e.g. DEM) or not in ISO 4217, so it is "
         "left as it is.",
         (Example(_DATED + "The estate was valued at DEM 40 million in the old filing.\n", None, flags=True),
          Example(_DATED + "The estate was valued at €40 million in the old filing.\n", None)),
         fixable=False),
)
