"""Stage 4, terminology: enforce glossaries. Deprecated and forbidden terms become the
preferred term of the reader's locale, mixed variants of one concept are reported,
and a brand that must not be translated is restored.

Matching (localize.glossary.matcher) and the glossaries themselves (localize.glossary)
are separate layers; this module is only the policy that applies them. Which
glossaries apply is profile data (`terminology.glossaries`) plus `glossaries:` in the
configuration.
"""
from __future__ import annotations

from ...profiles import Profile
from .. import Pass
from .rules import RULES

__all__ = ["RULES", "passes"]


def passes(profile: Profile) -> list[Pass]:
    from .policy import run
    return [Pass("terminology", "terminology", run)]
