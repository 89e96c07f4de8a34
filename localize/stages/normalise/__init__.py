"""Stage 1, normalise: repair what the article picked up on its way here.

Each concern is its own pass, applied in this order, so that later passes see the
repaired text (boilerplate removal first, whitespace tidy-up last, which keeps the
stage idempotent: nothing a later pass leaves behind is work for an earlier one).

Two orderings matter. Width runs before NFC because a lone half-width voiced mark
(U+FF9E) widens to a combining mark that NFC must then compose with the kana before it.
Mojibake runs first (C1 controls are part of Latin-1 mojibake, so the control-character
pass must not see them first) and is checked once more at the very end: the later
passes can bring the two halves of a mis-decoded pair together ("Ã" U+200B "©", or a
decomposed "A" U+0303 "©"), and ftfy's verdict on a line depends on its context
("à  Â\xa0" is left alone, "à Â\xa0" repaired once the space run is gone). On clean
text the recheck is one regex search.
"""
from __future__ import annotations

from ...profiles import Profile
from .. import Pass
from . import boilerplate, invisible, mojibake, unicode_form, whitespace, width

STAGE = "normalise"
_MODULES = (boilerplate, mojibake, invisible, width, unicode_form, whitespace)
RULES = tuple(rule for module in _MODULES for rule in module.RULES)


def passes(profile: Profile) -> list[Pass]:
    out: list[Pass] = []
    for module in _MODULES:
        out.extend(module.passes(profile))
    out.extend(mojibake.passes(profile, recheck=True))
    return out
