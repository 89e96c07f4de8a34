"""Character width rules for CJK text, switched on per profile (ja, zh).

Full-width Latin letters and digits become half-width (JTF 2.1.8-2.1.10); half-width
katakana and the half-width 。「」、 become full-width. Each is its own rule so a house
style can keep one and drop another.
"""
from __future__ import annotations

import re
import unicodedata

from ...edits import Edit, Severity
from ...profiles import Profile
from ...rules import Example, Rule
from .. import Pass, PassOutput

ALNUM_RULE = "normalise.fullwidth-alnum"
KATAKANA_RULE = "normalise.halfwidth-katakana"
PUNCT_RULE = "normalise.halfwidth-punctuation"

# Digits may carry a full-width separator between them ("１，０００", "３．５").
_FULLWIDTH_ALNUM = re.compile(r"[Ａ-Ｚａ-ｚ０-９](?:[Ａ-Ｚａ-ｚ０-９]|[，．](?=[０-９])(?<=[０-９][，．]))*")
_HALFWIDTH_KATAKANA = re.compile(r"[\uff65-\uff9f]+")
_HALFWIDTH_PUNCT = re.compile(r"[\uff61-\uff64]")
_PUNCT_MAP = {"\uff61": "。", "\uff62": "「", "\uff63": "」", "\uff64": "、"}

RULES = (
    Rule(ALNUM_RULE, "normalise", Severity.WARNING, "Full-width Latin letters or digits",
         "In Japanese and Chinese text, Latin letters and Arabic numerals are written "
         "half-width (JTF 2.1.8-2.1.10, GB/T 15835). Full-width forms, with any full-width "
         "separators between digits, are converted.",
         (Example("ＡＩ市場は１，０００億円規模\n", "AI市場は1,000億円規模\n", locale="ja-JP"),
          Example("ＡＩ\n", None, locale="en-US"),
          Example("AI市場は1,000億円規模\n", None, locale="ja-JP"))),
    Rule(KATAKANA_RULE, "normalise", Severity.WARNING, "Half-width katakana",
         "Half-width katakana (ｶﾀｶﾅ) are a legacy of old terminals; Japanese text uses "
         "full-width katakana. Voiced marks are combined (ｶﾞ -> ガ).",
         (Example("ｸﾗｳﾄﾞｻｰﾋﾞｽ\n", "クラウドサービス\n", locale="ja-JP"),
          Example("クラウドサービス\n", None, locale="ja-JP"))),
    Rule(PUNCT_RULE, "normalise", Severity.WARNING, "Half-width Japanese punctuation",
         "The half-width forms ｡ ､ ｢ ｣ are converted to 。、「」 (JTF 1.2, 4.x).",
         (Example("発表した｡\n", "発表した。\n", locale="ja-JP"),
          Example("発表した。\n", None, locale="ja-JP"))),
)


def passes(profile: Profile) -> list[Pass]:
    jobs = []
    if profile.get("normalise.width.fullwidth_alnum_to_halfwidth"):
        jobs.append((_FULLWIDTH_ALNUM, ALNUM_RULE, _to_halfwidth, "half-width"))
    if profile.get("normalise.width.halfwidth_katakana_to_fullwidth"):
        jobs.append((_HALFWIDTH_KATAKANA, KATAKANA_RULE, lambda s: unicodedata.normalize("NFKC", s),
                     "full-width katakana"))
    if profile.get("normalise.width.halfwidth_punctuation_to_fullwidth"):
        jobs.append((_HALFWIDTH_PUNCT, PUNCT_RULE, lambda s: _PUNCT_MAP[s], "full-width punctuation"))
    if not jobs:
        return []

    def run(doc, ctx) -> PassOutput:
        out = PassOutput()
        text = doc.text
        for start, end in doc.prose():
            for pattern, rule, convert, what in jobs:
                for m in pattern.finditer(text, start, end):
                    repl = convert(m.group())
                    out.edits.append(Edit(m.start(), m.end(), repl, rule,
                                          f"{m.group()!r} -> {repl!r} ({what}, profile {ctx.locale})"))
        return out

    return [Pass("normalise", "width", run)]


def _to_halfwidth(s: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) for c in s)
