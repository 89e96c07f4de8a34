"""Stage 2, money: find amounts and their equivalents, check the equivalents against
the reference rate of the article's date, and give foreign amounts an equivalent in
the reader's currency, all in the locale's news style.

Recognition (localize.recognize), rates (localize.rates) and rendering
(localize.render.money) are separate layers; this module is only the policy that
joins them, and the policy is profile data (`money:`).
"""
from __future__ import annotations

from ...profiles import Profile
from .. import Pass
from .rules import RULES

__all__ = ["RULES", "passes"]


def passes(profile: Profile) -> list[Pass]:
    from .policy import run
    return [Pass("money", "money", run)]
