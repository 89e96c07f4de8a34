"""Pieces every rule type shares: literal tokens as patterns with word edges that work
in every script, and replacements that keep the case of what they replace."""
from __future__ import annotations

from typing import Iterable

import regex

# A word character, in any script. "_" is not one: snake_case never reaches prose.
WORD = r"[\p{L}\p{M}\p{N}]"
_APOSTROPHE = "['\u2019]"


def is_word_char(ch: str) -> bool:
    return bool(regex.match(WORD, ch))


# A line break a phrase may run over: within a paragraph, and not before a line that
# starts a block (a heading, list item, quotation or table row), which a replacement
# joining the two lines would swallow.
LINE_BREAK = r"[ \t]*\n(?![ \t]*(?:\n|#{1,6}[ \t]|[-*+>|][ \t]|\d+[.)][ \t]))[ \t]*"


def token_pattern(token: str, multiline: bool = True) -> str:
    """A literal token, bounded at a word edge only where the token has one.

    "\\bUSD\\b" fails on CJK and on tokens that end in punctuation (Vale's gap): a Han
    token needs no boundary at all, "etc." needs one only before it. An apostrophe
    continues a word ("don" never matches in "don't"), except a possessive 's.
    """
    body = regex.escape(token, special_only=True)
    # Spaces inside a phrase match a run of spaces, or one line break inside a paragraph.
    space = f"(?:[ \\t\\u00a0]+|{LINE_BREAK})" if multiline else "[ \\t\\u00a0\\u3000]+"
    body = regex.sub(r"(?:\\ )+", lambda _m: space, body)
    first, last = token[:1], token[-1:]
    # \b rather than a lookbehind: the regex module still scans ahead for the literal
    # with \b in front, which made token rules three times faster.
    head = r"\b" if needs_edge(first) else ""
    tail = f"\\b(?!{_APOSTROPHE}(?![sS](?!\\p{{L}}))\\p{{L}})" if needs_edge(last) else ""
    return head + body + tail


def alternation(tokens: Iterable[str], multiline: bool = True) -> str:
    """Tokens as one alternation, longest first so a phrase beats its first word."""
    unique = sorted(set(tokens), key=lambda t: (-len(t), t))
    return "|".join(token_pattern(t, multiline) for t in unique)


def needs_edge(ch: str) -> bool:
    """Whether a token starting or ending with `ch` needs a word boundary there: a
    letter or digit of a spaced script does; CJK and punctuation do not."""
    return bool(ch) and is_word_char(ch) and not _cjk(ch)


def _cjk(ch: str) -> bool:
    # The prolonged sound mark ー and the iteration marks 々 〆 are script Common, but
    # they are part of CJK words, which take no word edges.
    return bool(regex.match(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u30fc\uff70\u3005\u3006]", ch))


def match_case(found: str, replacement: str) -> str:
    """Give `replacement` the case pattern of `found`: Utilize -> Use, UTILIZE -> USE."""
    letters = [c for c in found if c.isalpha()]
    if not letters or not any(c.isalpha() for c in replacement):
        return replacement
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters[0].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def fold(text: str) -> str:
    """The key a token is looked up by: case-folded, inner spaces normalised."""
    return " ".join(text.split()).casefold()
