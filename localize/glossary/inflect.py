"""English inflection and capitalisation for glossary terms.

Only regular forms: a glossary that needs an irregular plural lists it as a term of its
own. Possessives need nothing here: the matcher stops a term before "'s" / "s'", so the
ending stays in the text untouched.
"""
from __future__ import annotations

_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")
_VOWELS = "aeiou"
# Words Title Case leaves lower-case inside a heading ("Cost of Living").
_SMALL_WORDS = frozenset("a an and as at but by for in nor of on or the to via with".split())


def plural(text: str) -> str:
    """The regular plural of a term (its last word): colour -> colours, company ->
    companies, tax -> taxes, LLM -> LLMs."""
    if not text or not text[-1].isalpha():
        return text
    head, _, last = text.rpartition(" ")
    prefix = head + " " if head else ""
    if last.isupper() and len(last) > 1:     # an acronym: LLM -> LLMs, never LLMES
        return f"{prefix}{last}s"
    lower = last.lower()
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
        return f"{prefix}{last[:-1]}ies"
    if lower.endswith(_SIBILANT_ENDINGS):
        return f"{prefix}{last}es"
    return f"{prefix}{last}s"


def ies_stem(text: str) -> str | None:
    """For a term whose plural replaces a final y ("company"), the part the plural shares
    with it ("compani" + "es"); None when the plural just adds an ending."""
    p = plural(text)
    if p.endswith("ies") and not text.endswith("ies") and text.lower().endswith("y"):
        return p[:-2]
    return None


def plural_suffixes(text: str) -> tuple[str, ...]:
    """Endings that, right after the term, make its regular plural."""
    lower = text.lower()
    if not lower or not lower[-1].isalpha():
        return ()
    if text.isupper() and len(text) > 1:
        return ("s",)
    if lower.endswith(_SIBILANT_ENDINGS):
        return ("es",)
    return ("s",)


def _letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def _is_all_caps(text: str) -> bool:
    letters = _letters(text)
    return len(letters) > 1 and letters.isupper()


def _title(text: str) -> str:
    words = text.split(" ")
    out = []
    for i, w in enumerate(words):
        if w and w[0].islower() and (i == 0 or w not in _SMALL_WORDS):
            w = w[0].upper() + w[1:]
        out.append(w)
    return " ".join(out)


def match_case(original: str, listed: str, replacement: str) -> str:
    """`replacement` written with the capitalisation `original` gives `listed`: ALL CAPS,
    Title Case (several words), or a capital first letter (sentence start). Capitals
    the glossary itself writes (AI, Anthropic) are kept."""
    if original == listed or not original:
        return replacement
    if _is_all_caps(original) and not _is_all_caps(listed):
        return replacement.upper()
    words = original.split()
    if len(words) > 1 and all(w[0].isupper() for w in words if w[0].isalpha()) \
            and not all(w[0].isupper() for w in listed.split() if w[0].isalpha()):
        return _title(replacement)
    if original[0].isupper() and not listed[0].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement
