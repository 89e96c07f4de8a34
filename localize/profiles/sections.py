"""What a locale profile may say. One entry per stage; later stages add their section.

Keep this the single source of truth: the loader validates against it, `localize
locales --show TAG` prints the merged result, and the README documents it.
"""
from __future__ import annotations

from typing import Any

from .schema import BOOL, INT, NUMBER, OPT_STR, STR, ListOf, MapOf, Scalar, enum

STAGE_NAMES = ("normalise", "money", "units", "terminology", "dates", "validate")


def _compiles(module_name: str):
    """A schema check: the value is a pattern `module_name` (re or regex) compiles."""
    def check(pattern: object) -> str | None:
        import importlib
        module = importlib.import_module(module_name)
        try:
            module.compile(str(pattern))
        except module.error as exc:
            return f"invalid regular expression {pattern!r}: {exc}"
        return None
    return check


PATTERN = Scalar((str,), check=_compiles("re"))

NORMALISE = {
    "mojibake": BOOL,
    "unicode_form": enum("NFC", "none"),
    "control_chars": BOOL,
    # Characters removed wherever they occur in prose (zero-width space, word joiner,
    # a BOM that is not at the start of the file). Soft hyphens and joiners are
    # deliberately not in the root list: they carry meaning in some scripts.
    "invisible_chars": ListOf(STR),
    "whitespace": {
        "trailing": BOOL,
        "space_runs": BOOL,
        "blank_lines": BOOL,
    },
    "width": {
        "fullwidth_alnum_to_halfwidth": BOOL,
        "halfwidth_katakana_to_fullwidth": BOOL,
        "halfwidth_punctuation_to_fullwidth": BOOL,
    },
    # Whole lines matching one of these (after stripping) are scraped page residue.
    "boilerplate": ListOf(PATTERN),
}

_SCALE = {"power": INT, "word": STR, "plural": OPT_STR}

# How numbers are written, beyond what CLDR gives (see render/numbers.py).
NUMBERS = {
    "decimal_symbol": OPT_STR,
    "group_symbol": OPT_STR,
    "min_grouping_digits": INT,
    "myriad_units": ListOf({"power": INT, "word": STR}),
    "myriad_mixed": BOOL,
}

_CURRENCY_STYLE = {"symbol": OPT_STR, "name": OPT_STR, "plural": OPT_STR}

# Money policy and news style (see stages/money and render/money.py).
MONEY = {
    "currency": STR,
    "annotate": enum("first", "all", "none"),
    "rewrite_annotations": BOOL,
    "drop_redundant_annotations": BOOL,
    "restyle_primary": BOOL,
    "significant_figures": INT,
    "tolerance": {"approximate": NUMBER, "exact": NUMBER},
    "error_factor": NUMBER,
    "stale_rate_days": INT,
    "rates": ListOf(STR),
    # Scale words of the source language written as they are (English lower-case
    # "billion" in German text, where "Billion" means 10^12): an amount with one is an
    # untranslated leftover, left as it is for validate's leftover rules to report.
    "foreign_scale_words": ListOf(STR),
    "render": {
        "scales": ListOf(_SCALE),
        "scale_min_power": INT,
        "symbol_pattern": STR,
        "name_pattern": STR,
        "of": {"with_scale": STR, "before_vowel": STR},
        "approximate": STR,
        "annotation": STR,
        "max_decimals": INT,
        "currencies": MapOf(_CURRENCY_STYLE),
    },
}

# Words and signs the recognisers (localize.recognize) read in this language. CLDR
# currency names and symbols come from Babel; these lists add the news forms and
# decide the ambiguous cases. Currency values are ISO 4217 codes, or null for "a
# currency, but which one is not known" (recognised, never guessed).
LEXICON = {
    "symbols": MapOf(OPT_STR),        # signs and codes written next to the figure: "$": USD
    "names": MapOf(OPT_STR),          # currency words after the figure: dollars: USD, 円: JPY
    "prefix_names": MapOf(OPT_STR),   # currency words that may precede it: 人民币: CNY
    "excluded_codes": ListOf(STR),    # ISO codes that are ordinary capitalised words here
    "magnitudes": MapOf(INT),         # scale word -> power of ten: billion: 9, billones: 12
    "of_words": ListOf(STR),          # between scale word and currency: de, d'
    "approx_before": ListOf(STR),     # about, 約, rund, environ, unos, 约合
    "approx_after": ListOf(STR),      # or so, 程度, 左右
    "approx_infix": ListOf(STR),      # 40多亿: between the figure and its unit
    "upper_before": ListOf(STR),      # up to, 最大, bis zu, jusqu'à, hasta
    "upper_after": ListOf(STR),       # まで, 以内
    "neutral_after": ListOf(STR),     # 相当: part of the mention, no flag
    "range_words": ListOf(STR),       # to, bis, à, 至 (a dash always joins a range)
    "range_pairs": ListOf(ListOf(STR)),  # [between, and]: "and" joins only after "between"
    "vague_before": ListOf(STR),      # 数十億円: not a figure
    "year_before": ListOf(STR),       # "in 2023 dollars": a year, not an amount
    "annotation_lead": ListOf(STR),   # may open a parenthetical equivalent: "or", soit
    "number": {
        "decimal": STR,
        "group": STR,
        "space_group": BOOL,          # a plain space may group digits (3 000 euros)
        "han": BOOL,                  # Han numerals and 万/億/兆 units
    },
}

# Date rendering and date checks (see stages/dates and render/dates.py). Patterns are
# CLDR date-field patterns (Babel's format_datetime); anything absent falls back to
# the locale's CLDR formats, so a locale without this section still renders.
DATES = {
    "zone": OPT_STR,                  # the reader's IANA zone; null: times are not converted
    "zone_style": enum("short", "long", "location", "names"),
    "zone_names": MapOf(STR),         # IANA zone -> the words for it: Asia/Tokyo: 日本時間
    "zone_pattern": STR,              # "{time} {zone}", "{time}（{zone}）"
    "clock": enum(12, 24),
    "am_pm": ListOf(STR),             # house markers for the 12-hour clock: [a.m., p.m.]
    "patterns": {
        "day": STR, "day_weekday": STR, "day_no_year": STR, "day_no_year_weekday": STR,
        "month": STR, "time_12": STR, "time_24": STR, "seconds_12": STR, "seconds_24": STR,
        "datetime": STR,
    },
    "first_day": OPT_STR,             # the first of the month where it is an ordinal: fr "1er"
    "rewrite_numeric": BOOL,          # 14/06/2026 -> the long pattern (never when ambiguous)
    "rewrite_iso": BOOL,              # 2026-06-14 is kept by default: often deliberate
    "keep_era": BOOL,                 # 令和8年 stays an era year
    "fix_weekday": BOOL,              # `run` corrects a weekday that contradicts its date
    "season_rewrite": MapOf(STR),     # season word as written -> the reader's word: fall: autumn
    "hemisphere": Scalar((str,), choices=("north", "south"), nullable=True),
    "southern_territories": ListOf(STR),
    "checks": {
        "weekday": BOOL, "impossible": BOOL, "ambiguous": BOOL, "weekday_shift": BOOL,
        "southern_season": BOOL,
    },
}

# Date and time words the date recogniser (localize.recognize.dates) reads, beyond the
# month and weekday names CLDR gives through Babel. Offsets are minutes east of UTC.
DATE_WORDS = {
    "order": enum("MDY", "DMY", "YMD"),       # how an ambiguous 03/04/2026 is read here
    "seasons": MapOf(enum("spring", "summer", "autumn", "winter")),  # word -> season
    "season_of": ListOf(STR),                # between season and year: of, de
    "year_before": ListOf(STR),              # a four-digit number after these is a year
    "weekday_before": ListOf(STR),           # frames a bare weekday: on, am, el
    "weekday_after": ListOf(STR),            # 金曜日に, 周五的
    "weekday_extra": MapOf(INT),             # forms CLDR lacks: 礼拜五: 4, Fri: 4
    "month_extra": MapOf(INT),               # forms CLDR lacks: Sept: 9
    "date_of": ListOf(STR),                  # 14 de junio de 2026
    "time_joiners": ListOf(STR),             # between a date and its time: at, um, à
    "am": ListOf(STR),                       # a.m., 午前, 上午
    "pm": ListOf(STR),
    "hour_words": ListOf(STR),               # after the clock figure: Uhr, h, horas
    # A fixed offset (UTC, JST, EDT), or only an IANA zone for words whose offset moves
    # with daylight saving ("heure de Paris"): the offset is then taken on the date.
    "zones": MapOf({"offset": Scalar((int,), nullable=True), "tz": OPT_STR}),  # UTC, JST, EDT, 日本時間
    "eras": MapOf({"name": STR, "start": INT}),      # 令和: {name: reiwa, start: 2019}
    "not_weekday_before": ListOf(STR),       # Black Friday, Good Friday: not a date
}

# Glossaries the terminology stage applies by default (see stages/terminology): a name
# is a shipped glossaries/<name>.yaml, anything else a path (YAML, TBX or CSV).
TERMINOLOGY = {
    "glossaries": ListOf(STR),
    # Concept domains this house style does not apply, e.g. [ize-ise] for Oxford
    # spelling (organize) in en-GB, where most of the UK press writes organise.
    "exclude_domains": ListOf(STR),
    # Domains a house-style option switches off: {spelling: {ize: [ize-ise]}}.
    "exclude_domains_by_style": MapOf(MapOf(ListOf(STR))),
}


# Validate rules run on the `regex` module (Unicode properties, variable-length
# lookbehind, timeouts), so their patterns are checked with it too.
RULE_PATTERN = Scalar((str,), check=_compiles("regex"))

# House styles that disagree are options here, not forks of a profile; rules select
# themselves with `when: {style.KEY: VALUE}` (see stages/validate).
STYLE = {
    # Space between CJK and Latin letters or digits: JTF writes none ("Wordを使用"),
    # the Microsoft and Mozilla Japanese guides a half-width space ("Word を使用").
    "cjk_latin_space": enum("jtf", "microsoft"),
    # en-GB: -ise (most UK papers) or -ize (Oxford spelling).
    "spelling": enum("ise", "ize"),
}

_EXAMPLE = {
    "text": STR,
    "fixed": STR,            # what `run` must make of text (the rule fixes)
    "flags": BOOL,           # true: reported, not changed; absent with no fixed: left alone
    "locale": STR,           # default: the profile that defines the rule
    "format": enum("markdown", "text"),
    "config": Any,           # a configuration mapping the example needs (e.g. a style option)
}

# One style rule, as data (stages/validate). Keys beyond the common ones belong to a
# type; stages/validate/spec.py says which type needs which.
def _rule_schema(pattern: Scalar) -> dict:
    return {
        "type": enum("existence", "substitution", "script", "spacing", "punctuation", "quotes",
                     "number_format", "repetition", "sentence_length", "consistency", "leftover"),
        "enabled": BOOL,
        "severity": enum("error", "warning", "info"),
        "title": STR,
        "message": STR,          # the finding; may use {match}, {fix} and the type's own fields
        "explanation": STR,
        "link": STR,
        "scope": enum("prose", "headings", "all"),
        "order": INT,            # when the rule fixes: default 10 x its type's place (spec.py)
        "when": MapOf(Any),      # profile path -> value (or list of values): style.spelling: ise
        "ignorecase": BOOL,
        "tokens": ListOf(STR),   # literal words or phrases
        "patterns": ListOf(pattern),
        "exceptions": ListOf(STR),
        "swap": MapOf(STR),      # token (or pattern, with regex: true) -> replacement
        "regex": BOOL,
        "chars": pattern,   # script: a character class
        "convert": enum("halfwidth", "fullwidth", "nfkc", "map"),
        "map": MapOf(STR),
        "before": pattern,  # context the match must follow...
        "after": pattern,   # ...and precede
        "left": pattern,    # spacing: what is on either side of the space
        "right": pattern,
        "space": Scalar((str,)),  # spacing: the wanted space ("" for none)
        "open": STR,             # quotes: the locale's pair
        "close": STR,
        "inner_space": STR,      # quotes: fr « and » take a no-break space inside
        "wrong": ListOf(STR),    # quotes: other pairs, each written as two characters
        "grouping": {"min_digits": INT, "skip_before": pattern, "skip_after": pattern},
        "max": INT,              # sentence_length
        "unit": enum("words", "chars"),
        "terminators": pattern,
        "ignore_brackets": BOOL,  # sentence_length: bracketed equivalents do not count
        "words": BOOL,           # repetition: the patterns repeat whole words (a fast prefilter)
        "variants": ListOf(ListOf(STR)),
        "examples": ListOf(_EXAMPLE),
    }

# Configuration rules (a house's own) have their patterns compiled when the file is
# loaded, so a bad one is an error naming the file, line and rule. Shipped rule files
# are compiled when a run builds its passes (the suite runs every rule's examples):
# checking them at load would put the regex module on every start-up path.
VALIDATE_RULE = _rule_schema(RULE_PATTERN)
PROFILE_RULE = _rule_schema(Scalar((str,)))

VALIDATE = {
    # Rule files (relative to locales/) merged under this profile's own `rules`.
    "include": ListOf(STR),
    "rules": MapOf(PROFILE_RULE),
    "timeout": NUMBER,       # seconds one rule may spend on one document
}

RULE_FILE_SCHEMA = {"rules": MapOf(PROFILE_RULE)}

PROFILE_SCHEMA = {
    "name": STR,
    "inherits": OPT_STR,
    "language": STR,
    "script": OPT_STR,
    "stages": {name: BOOL for name in STAGE_NAMES},
    "normalise": NORMALISE,
    "language_check": {
        "stopwords": ListOf(STR),
        "min_stopword_share": NUMBER,
        "min_cjk_share": NUMBER,
    },
    "numbers": NUMBERS,
    "money": MONEY,
    "terminology": TERMINOLOGY,
    "lexicon": LEXICON,
    "dates": DATES,
    "date_words": DATE_WORDS,
    "style": STYLE,
    "validate": VALIDATE,
}

# Config files may override any part of a profile, per locale tag or for all ("*").
PROFILE_OVERRIDE_SCHEMA = {k: v for k, v in PROFILE_SCHEMA.items() if k not in ("inherits", "name")}
OVERRIDES_SCHEMA = MapOf(PROFILE_OVERRIDE_SCHEMA)
