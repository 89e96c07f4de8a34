"""Find glossary terms in text with one Aho-Corasick automaton.

A `Matcher` is compiled for one target locale: each term gets the status it has for
that reader (a term listed only for a sibling locale, en-US when writing for en-GB,
counts as deprecated), and every surface form goes into a single automaton over
case-folded text. One scan of the text finds every candidate; the rules below then
keep the real ones, so the cost grows with the text and the hits, not with the size
of the glossary:

- whole words in space-delimited scripts (Latin, Greek, Cyrillic...): a term whose
  edge is a letter or digit needs a non-word character next to it there; a hyphen is
  a boundary, an apostrophe inside a word is not (no "don" in "don't"), but a
  possessive "'s"/"s'" after the term is allowed and left in place;
- CJK (Han, kana, Hangul) without boundaries, but never inside a longer listed term:
  of overlapping candidates the leftmost, then the longest, wins;
- case-insensitive unless the term is `case_sensitive` (then the text must equal it);
- English nouns also match their regular plural (-s, -es, -y -> -ies), reported as
  `plural` so the replacement can be inflected the same way;
- a term with a `context` pattern matches only where that pattern finds a match
  overlapping the term within CONTEXT_WINDOW characters either side (a named group
  `term`, if present, must be exactly the term): "in the fall", not "prices fall".

Word starts are made visible to the automaton itself. It scans a copy of the folded
text in which every character that cannot continue a word is a space (same length, so
offsets need no map), and a key that begins with a letter or digit is stored with a
space in front: such a key can only be reported at a word start, so the in-word hits a
large glossary would otherwise produce ("ate" in "separate") never reach Python. Keys
with CJK in them (no boundaries) and the rare key whose boundary form is already taken
by another ("net" and ".net" both read " net") go into a second automaton over the
plain folded text, which runs only when it can find something.

The compiled form (automata, plus compact tables decoded only for concepts that
actually match) pickles, so localize.glossary.cache can keep it on disk.
"""
from __future__ import annotations

import json
import pickle
import re
import unicodedata
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, Sequence

from .inflect import ies_stem, plural_suffixes

MATCHER_VERSION = 3
CONTEXT_WINDOW = 40

# Value layout in the automaton (STORE_INTS): key length | key flags | group index.
_LEN_BITS = 10
_MAX_KEY = (1 << _LEN_BITS) - 1
_PLURALISABLE = 1 << _LEN_BITS        # some term under this key takes -s/-es
_IES = 2 << _LEN_BITS                 # the key is an "-ies" stem (compani|es)
# The key's boundary form has spaces the text may fill with other separators ("sales
# tax" also reads "sales-tax"): the folded text must be compared with the key itself.
_LOOSE = 4 << _LEN_BITS
_GROUP_SHIFT = _LEN_BITS + 3
# Entry code: concept index | term index | ies-stem bit.
_TERM_BITS = 7
_MAX_TERMS = (1 << _TERM_BITS) - 1

APOSTROPHES = "'\u2019"
# Statuses a term can have for the target locale; "other" marks a term of another
# language kept only so that nothing matches inside it (CJK).
ACTIONABLE = ("deprecated", "forbidden")
_MAX_SUFFIX = 2    # "es", or "es" after an -ies stem


def is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return (0x2E80 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF
            or 0xFF66 <= cp <= 0xFF9F or 0x1100 <= cp <= 0x11FF or 0x20000 <= cp <= 0x3FFFF)


_WORD: dict[str, bool] = {}


def is_word(ch: str) -> bool:
    """A character that continues a word of a space-delimited script."""
    known = _WORD.get(ch)
    if known is None:
        known = (ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M")) \
            and not is_cjk(ch)
        _WORD[ch] = known
    return known


_CJK_CLASS = ("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\u1100-\u11ff"
              "\U00020000-\U0003ffff]")
_NOT_WORD = re.compile(r"[^\w ]")
_CJK = re.compile(_CJK_CLASS)
# What the automaton sees of an ASCII character: itself if it can be part of a word,
# else a space.
_ASCII_BOUNDARY = bytes(b if chr(b).isalnum() or b == 0x5F else 0x20 for b in range(128)) \
    + b" " * 128
_KEEP: dict[str, bool] = {}
# Above this share of non-ASCII characters, patching them one by one into the fast
# ASCII translation costs more than one regex pass over the whole text.
_SPARSE = 1 / 32


def _kept(ch: str) -> bool:
    known = _KEEP.get(ch)
    if known is None:
        known = _KEEP[ch] = (ch.isalnum() or ch == "_") and not is_cjk(ch)
    return known


def boundary_text(folded: str) -> tuple[str, bool]:
    """`folded` with every character that is not a letter, digit or underscore of a
    space-delimited script replaced by a space, and whether any CJK was replaced.

    The same function of each character whichever way it is computed, so a key and the
    text it occurs in always agree. Combining marks become spaces here, though is_word
    counts them in a word (the regex `\\w` leaves them out): a space too many only lets
    through a hit that the checks on the original text then reject."""
    if folded.isascii():
        return folded.encode("ascii").translate(_ASCII_BOUNDARY).decode("ascii"), False
    data = folded.encode("ascii", "replace")     # one "?" per non-ASCII character
    if data.count(b"?") > len(folded) * _SPARSE:
        spaced, cjk = _CJK.subn(" ", _NOT_WORD.sub(" ", folded))
        return spaced, cjk > 0
    # "?" translates to a space; put back the non-ASCII characters that stay.
    ascii_part = data.translate(_ASCII_BOUNDARY).decode("ascii")
    pieces, done, cjk = [], 0, False
    at = data.find(b"?")
    while at >= 0:
        ch = folded[at]
        if _kept(ch):
            pieces.append(ascii_part[done:at])
            pieces.append(ch)
            done = at + 1
        elif not cjk and is_cjk(ch):
            cjk = True
        at = data.find(b"?", at + 1)
    if not done:
        return ascii_part, cjk
    pieces.append(ascii_part[done:])
    return "".join(pieces), cjk


# French and Italian elided clitics: after them the apostrophe starts a new word
# (l'IA générative, d'AI générative, dell'intelligenza), unlike English o'clock or don't.
_ELISIONS = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
                       "quoiqu", "dell", "dall", "nell", "sull", "un", "quell"})


def _elided(text: str, apostrophe: int) -> bool:
    """Does the word before this apostrophe end in an elided clitic (and start a word)?"""
    start = apostrophe
    while start > 0 and is_word(text[start - 1]) and apostrophe - start < 7:
        start -= 1
    if start > 0 and is_word(text[start - 1]):
        return False
    return text[start:apostrophe].lower() in _ELISIONS


def fold(text: str) -> str:
    """Case folding that keeps every character at its offset (so a match in the folded
    text is a match at the same place in the original)."""
    low = text.lower()
    if len(low) != len(text):   # İ -> i̇: keep such characters as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("\u03c2", "\u03c3") if "\u03c2" in low else low


def language_of(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


@dataclass(frozen=True)
class TermInfo:
    text: str
    language: str           # the tag it was listed under
    status: str             # for the target locale (see ACTIONABLE; "other" = blocker)
    case_sensitive: bool
    context: str | None
    line: int | None
    pluralisable: bool


@dataclass(frozen=True)
class ConceptInfo:
    id: str
    do_not_translate: bool
    preferred: TermInfo | None
    file: str | None
    line: int | None
    terms: tuple[TermInfo, ...]


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    concept: ConceptInfo
    term: TermInfo
    plural: bool            # the text is the term's regular plural

    @property
    def status(self) -> str:
        return self.term.status


def _english_noun(term, concept) -> bool:
    return (language_of(term.language) == "en" and (term.pos or "noun") == "noun"
            and not concept.do_not_translate and term.text[-1:].isalpha())


def _infos_for(concept, locale: str) -> tuple[list[TermInfo], int | None]:
    """The concept's terms as the target reader sees them, and the preferred one's index."""
    tag, lang = locale.lower(), language_of(locale)
    own = [t for t in concept.terms if t.language.lower() in (tag, lang)]
    own_texts = {t.text.casefold() for t in own}
    infos: list[TermInfo] = []
    preferred = None
    # First the locale's own list, then the language's: the first preferred there wins.
    ordered = [t for t in own if t.language.lower() == tag] + \
        [t for t in own if t.language.lower() != tag]
    for t in concept.terms:
        if t in own:
            continue
        if language_of(t.language) == lang:
            if t.text.casefold() not in own_texts:
                ordered.append(t)
        elif any(is_cjk(c) for c in t.text):
            ordered.append(t)
    for t in ordered:
        listed = t.language.lower()
        if listed in (tag, lang):
            status = t.status
        elif language_of(listed) == lang:   # a sibling locale's word: not this reader's
            status = "forbidden" if t.status == "forbidden" else "deprecated"
        else:
            status = "other"
        line = t.source[1] if t.source else None
        infos.append(TermInfo(t.text, t.language, status, t.case_sensitive, t.context, line,
                              _english_noun(t, concept)))
        if preferred is None and status == "preferred":
            preferred = len(infos) - 1
    if preferred is None and concept.do_not_translate:
        # The brand as written in any language is what every language must keep.
        for t in concept.terms:
            if t.status == "preferred":
                line = t.source[1] if t.source else None
                infos.append(TermInfo(t.text, t.language, "preferred", t.case_sensitive,
                                      t.context, line, False))
                preferred = len(infos) - 1
                break
    if preferred is not None:
        folded = infos[preferred].text.casefold()
        # Never "replace" the preferred term by itself (a sibling listing the same word).
        infos = [i if (i.text.casefold() != folded or n == preferred or i.status not in ACTIONABLE)
                 else TermInfo(i.text, i.language, "admitted", i.case_sensitive, i.context, i.line,
                               i.pluralisable)
                 for n, i in enumerate(infos)]
    return infos, preferred


def _finished(automaton):
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


class Matcher:
    """Finds the terms of a set of concepts for one target locale."""

    def __init__(self, locale: str, automaton, raw, raw_always: bool, groups: array,
                 entries: array, blob: str, offsets: array, files: tuple = ()) -> None:
        self.locale = locale
        self._automaton = automaton     # boundary keys, over boundary_text()
        self._raw = raw                 # exact keys, over the folded text
        self._raw_always = raw_always   # raw has keys without CJK: scan every text
        self._groups = groups       # key group g: entries[groups[g]:groups[g + 1]]
        self._entries = entries
        self._blob = blob           # concept records, JSON, decoded on first use
        self._offsets = offsets
        self._files = files         # glossary paths, named by index in the records
        self._concepts: dict[int, ConceptInfo] = {}
        self._contexts: dict[str, re.Pattern] = {}
        self._keys: dict[int, str] = {}

    # -- building ----------------------------------------------------------------------------

    @classmethod
    def compile(cls, concepts: Iterable, locale: str) -> "Matcher":
        import ahocorasick

        keys: dict[str, list[int]] = {}
        pluralisable: set[str] = set()
        records: list[str] = []
        file_index: dict[str, int] = {}
        for concept in concepts:
            infos, preferred = _infos_for(concept, locale)
            infos = infos[:_MAX_TERMS]
            if not infos:
                continue
            index = len(records)
            file, line = concept.source if concept.source else (None, None)
            if file is not None:
                # An index: the path repeated in every record would bloat the cache entry.
                file = file_index.setdefault(file, len(file_index))
            records.append(json.dumps(
                [concept.id, concept.do_not_translate, preferred, file, line,
                 [[i.text, i.language, i.status, i.case_sensitive, i.context, i.line,
                   i.pluralisable] for i in infos]], ensure_ascii=False, separators=(",", ":")))
            for n, info in enumerate(infos):
                key = fold(info.text)
                if not key.strip() or len(key) > _MAX_KEY:
                    continue
                code = (index << (_TERM_BITS + 1)) | (n << 1)
                keys.setdefault(key, []).append(code)
                if info.pluralisable:
                    pluralisable.add(key)
                    stem = ies_stem(info.text)
                    if stem:
                        keys.setdefault(fold(stem), []).append(code | 1)
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        raw = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        raw_always = False
        groups, entries = array("q", [0]), array("q")
        for g, key in enumerate(sorted(keys)):   # sorted: the same glossary, the same bytes
            codes = keys[key]
            flags = _PLURALISABLE if key in pluralisable else 0
            if any(code & 1 for code in codes):
                flags |= _IES
            entries.extend(codes)
            groups.append(len(entries))
            value = len(key) | flags | (g << _GROUP_SHIFT)
            bounded = boundary_text(key)[0]
            cjk = any(is_cjk(c) for c in key)
            if cjk or not bounded.strip():
                # CJK has no boundaries to find; a key of punctuation only would make
                # every separator of the text a hit.
                raw.add_word(key, value)
                raw_always = raw_always or not cjk
                continue
            # Every boundary key starts with a space: the one before a word-initial key
            # stands for the separator it needs, a key's own first character is already one.
            boundary_key = " " + bounded if is_word(key[0]) else bounded
            if " " in bounded:
                value |= _LOOSE
            if boundary_key in automaton:
                # Taken by another key (sorted order decides which): one automaton
                # value cannot stand for two keys starting at different places.
                raw.add_word(key, value & ~_LOOSE)
                raw_always = True
                continue
            automaton.add_word(boundary_key, value)
        automaton = _finished(automaton)
        raw = _finished(raw)
        offsets = array("q", [0])
        pos = 0
        for r in records:
            pos += len(r)
            offsets.append(pos)
        return cls(locale, automaton, raw, raw_always, groups, entries, "".join(records),
                   offsets, tuple(file_index))

    # -- persistence -------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        return pickle.dumps((MATCHER_VERSION, self.locale, self._automaton, self._raw,
                             self._raw_always, self._groups, self._entries, self._blob,
                             self._offsets, self._files), protocol=5)

    @classmethod
    def from_bytes(cls, data: bytes) -> "Matcher | None":
        try:
            version, *fields = pickle.loads(data)
        except Exception:   # a damaged or foreign cache entry: compile again
            return None
        if version != MATCHER_VERSION or len(fields) != 9:
            return None
        return cls(*fields)

    @property
    def size(self) -> int:
        """Number of concepts the matcher knows."""
        return len(self._offsets) - 1

    def concept(self, index: int) -> ConceptInfo:
        info = self._concepts.get(index)
        if info is None:
            cid, dnt, preferred, file, line, terms = json.loads(
                self._blob[self._offsets[index]:self._offsets[index + 1]])
            infos = tuple(TermInfo(*t) for t in terms)
            info = ConceptInfo(cid, dnt, infos[preferred] if preferred is not None else None,
                               self._files[file] if file is not None else None, line, infos)
            self._concepts[index] = info
        return info

    # -- matching ----------------------------------------------------------------------------

    def find(self, text: str, spans: Sequence[tuple[int, int]] | None = None) -> list[Match]:
        """Every term occurrence in `text` (within `spans`, if given: each match lies
        inside one span), leftmost-longest, not overlapping, in text order."""
        if (self._automaton is None and self._raw is None) or not text:
            return []
        folded = fold(text)
        starts = [s for s, _ in spans] if spans is not None else None
        bounded, cjk = boundary_text(folded)
        # Hits come out ordered by their end; order them by start, longest first, and
        # check only those not covered by a match already kept: in a large glossary most
        # hits are shorter keys inside a longer term, and skipping them here keeps the
        # cost close to that of a small glossary. (-last: longest first in one plain
        # tuple sort. Two hits never tie on start and last: one of them would have to
        # be a raw key equal to the loose key of the other.)
        if self._automaton is not None:
            # The leading space is the separator before a word at the very start. It
            # shifts every position by one, which the stored length (without the
            # space a word-initial key got) makes up for. The trailing one is never
            # scanned: it only lets the test below look past the last character.
            padded = " " + bounded + " "
            # A key ending in a letter or digit that runs on into a word can still be
            # the start of its plural (-s, -es, -ies), nothing else: at word starts the
            # commonest rejected hit is such a prefix ("regi" of "regions"), dropped
            # here before it costs a call.
            hits = [(last - (value & _MAX_KEY), 1 - last, value)
                    for last, value in self._automaton.iter(padded, 0, len(padded) - 1)
                    if padded[last + 1] in " se" or padded[last] == " "]
        else:
            hits = []
        if self._raw is not None and (cjk or self._raw_always):
            hits += [(last - (value & _MAX_KEY) + 1, -last, value)
                     for last, value in self._raw.iter(folded)]
        hits.sort()
        kept: list[Match] = []
        reach, here, best, inside = 0, -1, None, False
        for start, neg_last, value in hits:
            if start < reach:
                continue
            if start != here:
                if best is not None:    # the previous start's longest match
                    kept.append(best)
                    reach, best = best.end, None
                    if start < reach:
                        continue
                here = start
                # Inside a word: what is left of the commonest hit of a large glossary.
                inside = start > 0 and is_word(text[start - 1]) and is_word(text[start])
            if inside:
                continue
            end = 1 - neg_last
            # A key shorter by more than the longest inflection (+"es") cannot beat or
            # tie the match already found.
            if best is not None and best.end > end + _MAX_SUFFIX:
                continue
            m = self._candidate(text, folded, start, end, value, spans, starts)
            if m is not None and (best is None or m.end > best.end):
                best = m
        if best is not None:
            kept.append(best)
        return kept

    def _candidate(self, text: str, folded: str, start: int, end: int, value: int,
                   spans, starts) -> Match | None:
        """The match a hit of the automaton stands for, if the rules above allow it."""
        if value & _LOOSE and folded[start:end] != self._key(value >> _GROUP_SHIFT):
            return None
        n = len(text)
        # A word-initial term must not continue a word (or follow "o'" in "o'clock").
        if is_word(text[start]) and start > 0:
            before = text[start - 1]
            if is_word(before) or (before in APOSTROPHES and start > 1 and is_word(text[start - 2])
                                   and not _elided(text, start - 1)):
                return None
        suffix = ""
        if value & _IES:
            if not folded.startswith("es", end):
                return None
            end += 2
            suffix = "ies"
        if end < n and is_word(text[end - 1]):
            nxt = text[end]
            if is_word(nxt):
                if suffix or not value & _PLURALISABLE:
                    return None
                for ending in ("s", "es"):
                    stop = end + len(ending)
                    if folded.startswith(ending, end) and (stop == n or not is_word(text[stop])):
                        suffix, end = ending, stop
                        break
                else:
                    return None
                nxt = text[end] if end < n else ""
            if nxt and nxt in APOSTROPHES and end + 1 < n and is_word(text[end + 1]):
                # Only the possessive may follow: colour's, not don't.
                if folded[end + 1] != "s" or (end + 2 < n and is_word(text[end + 2])):
                    return None
        if starts is not None:
            i = bisect_right(starts, start) - 1
            if i < 0 or end > spans[i][1]:
                return None
        return self._resolve(text, start, end, value >> _GROUP_SHIFT, suffix)

    def _key(self, group: int) -> str:
        """The folded key of a group, as compile() put it in the automaton."""
        key = self._keys.get(group)
        if key is None:
            code = self._entries[self._groups[group]]
            text = self.concept(code >> (_TERM_BITS + 1)).terms[(code >> 1) & _MAX_TERMS].text
            key = self._keys[group] = fold(ies_stem(text)) if code & 1 else fold(text)
        return key

    def _resolve(self, text: str, start: int, end: int, group: int, suffix: str) -> Match | None:
        for code in self._entries[self._groups[group]:self._groups[group + 1]]:
            concept = self.concept(code >> (_TERM_BITS + 1))
            term = concept.terms[(code >> 1) & _MAX_TERMS]
            stem = bool(code & 1)
            if stem != (suffix == "ies"):
                continue
            if suffix in ("s", "es") and not (term.pluralisable and suffix in plural_suffixes(term.text)):
                continue
            surface = text[start:end]
            if term.case_sensitive:
                base = surface[:len(term.text) - 1] if stem else surface[:len(term.text)]
                if base != (term.text[:-1] if stem else term.text):
                    continue
            if term.context and not self._context_ok(term.context, text, start, end):
                continue
            return Match(start, end, surface, concept, term, bool(suffix))
        return None

    def _context_ok(self, pattern: str, text: str, start: int, end: int) -> bool:
        compiled = self._contexts.get(pattern)
        if compiled is None:
            try:
                compiled = re.compile(pattern)
            except re.error:      # the glossary checker reports it; never match on it
                compiled = re.compile(r"(?!)")
            self._contexts[pattern] = compiled
        lo = max(0, start - CONTEXT_WINDOW)
        window = text[lo:end + CONTEXT_WINDOW]
        s, e = start - lo, end - lo
        named = "term" in compiled.groupindex
        for m in compiled.finditer(window):
            if named:
                if m.span("term") == (s, e):
                    return True
            elif m.start() < e and m.end() > s:
                return True
        return False
