"""Stage 1, normalise: repair what the article picked up on its way here.

Each concern is its own pass, applied in this order, so that later passes see the
repaired text (boilerplate removal first, whitespace tidy-up last, which keeps the
stage idempotent: nothing a later pass leaves behind is work for an earlier one).
"""
from __future__ import annotations

from ...profiles import Profile
from .. import Pass
from . import boilerplate, invisible, mojibake, unicode_form, whitespace, width

STAGE = "normalise"
_MODULES = (boilerplate, mojibake, invisible, unicode_form, width, whitespace)
RULES = tuple(rule for module in _MODULES for rule in module.RULES)


def passes(profile: Profile) -> list[Pass]:
    out: list[Pass] = []
    for module in _MODULES:
        out.extend(module.passes(profile))
    return out
