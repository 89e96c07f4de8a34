"""Is the text written in the target locale's language?

`localize` adapts an article that is already in the reader's language. Run on text in
another language, the language-specific stages would misread it (German reads the
English "billion" as 10^12) and write the wrong language into it, so the pipeline
skips them and says why. The evidence is cheap and comes from profile data
(`language_check`): front matter first, then the share of the profile's script
(ja, zh) or of its most common function words (en, de, fr, es).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_WORD = re.compile(r"[^\W\d_]+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_LETTER = re.compile(r"[^\W\d_]")
_SAMPLE = 20_000  # characters of prose are plenty to tell languages apart


@dataclass(frozen=True)
class LanguageVerdict:
    matches: bool
    language: str | None   # what the text seems to be in, when known
    evidence: str


def check_language(doc: Any, profile: Any) -> LanguageVerdict:
    target = profile.language
    declared = doc.metadata.locale
    if declared:
        lang = str(declared).replace("_", "-").split("-")[0].lower()
        return LanguageVerdict(lang == target, lang, f"front matter says {declared!r}")
    check = profile.get("language_check") or {}
    sample = _prose_sample(doc)
    letters = len(_LETTER.findall(sample))
    if letters < 200:
        return LanguageVerdict(True, None, "too little text to judge")
    min_cjk = check.get("min_cjk_share")
    if min_cjk is not None:
        share = len(_CJK.findall(sample)) / letters
        ok = share >= float(min_cjk)
        return LanguageVerdict(ok, None if ok else "not " + target,
                               f"{share:.0%} of letters are CJK characters (at least {float(min_cjk):.0%} expected)")
    stopwords = check.get("stopwords")
    if stopwords:
        words = [w.lower() for w in _WORD.findall(sample)]
        if _CJK.search(sample) and len(_CJK.findall(sample)) > letters / 2:
            return LanguageVerdict(False, None, "most letters are CJK characters")
        hits = sum(1 for w in words if w in set(stopwords))
        share = hits / max(1, len(words))
        minimum = float(check.get("min_stopword_share", 0.05))
        return LanguageVerdict(share >= minimum, None if share >= minimum else "not " + target,
                               f"{share:.0%} of words are common {target} function words "
                               f"(at least {minimum:.0%} expected)")
    return LanguageVerdict(True, None, "no language check in the profile")


def _prose_sample(doc: Any) -> str:
    parts: list[str] = []
    size = 0
    for start, end in doc.prose():
        piece = doc.text[start:end]
        parts.append(piece)
        size += len(piece)
        if size >= _SAMPLE:
            break
    return "".join(parts)[:_SAMPLE]
