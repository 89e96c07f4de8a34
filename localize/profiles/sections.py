"""What a locale profile may say. One entry per stage; later stages add their section.

Keep this the single source of truth: the loader validates against it, `localize
locales --show TAG` prints the merged result, and the README documents it.
"""
from __future__ import annotations

import re

from .schema import BOOL, OPT_STR, STR, ListOf, MapOf, Scalar, enum

STAGE_NAMES = ("normalise", "money", "units", "terminology", "dates", "validate")


def _regex_ok(pattern: object) -> str | None:
    try:
        re.compile(str(pattern))
    except re.error as exc:
        return f"invalid regular expression {pattern!r}: {exc}"
    return None


PATTERN = Scalar((str,), check=_regex_ok)

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

PROFILE_SCHEMA = {
    "name": STR,
    "inherits": OPT_STR,
    "language": STR,
    "script": OPT_STR,
    "stages": {name: BOOL for name in STAGE_NAMES},
    "normalise": NORMALISE,
}

# Config files may override any part of a profile, per locale tag or for all ("*").
PROFILE_OVERRIDE_SCHEMA = {k: v for k, v in PROFILE_SCHEMA.items() if k not in ("inherits", "name")}
OVERRIDES_SCHEMA = MapOf(PROFILE_OVERRIDE_SCHEMA)
