"""Stage 5, dates: re-render recognised dates in the reader's pattern and time zone,
and check them (weekday against date, impossible and ambiguous dates, seasons, weekday
references that move with the zone).

Recognition (localize.recognize.dates) and rendering (localize.render.dates) are
separate layers; this module is only the policy that joins them, and the policy is
profile data (`dates:`).
"""
from __future__ import annotations

from ...profiles import Profile
from .. import Pass
from .rules import RULES

__all__ = ["RULES", "passes"]


def passes(profile: Profile) -> list[Pass]:
    from .policy import run
    return [Pass("dates", "dates", run)]
