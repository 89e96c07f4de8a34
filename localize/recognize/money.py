"""Money mentions: `$4bn`, `US$4 billion`, `4 Mrd. $`, `4 milliards de dollars`,
`4000 millones de dólares`, `40億ドル`, `2兆4000億円`, `四十億円`, `40亿美元`, ranges
(`$3–4 billion`, `3億～4億円`) and their qualifiers (about, up to, 約, 最大, 约合).

How the scan works, and why:
- Every money mention holds a figure, so a character-class search (C speed) finds
  where figures start; nothing else in the text is looked at.
- At each figure, ONE compiled pattern per language (built from the lexicon and CLDR
  data, longest alternatives first, cached) is tried, starting at the figure or at a
  currency sign or code written right before it (found by a backward match). The
  pattern reads: [sign|code] figure [scale word] [range rest] [of-word] [currency].
- Currency words (600+ per language with CLDR's singular and plural names) are not
  alternatives inside the pattern: compiling that many would take seconds. The
  pattern captures a run of letters and a dictionary finds the longest currency word
  at its start, case-insensitively.
- Qualifiers (about, up to, 約, 约合; 相当, 左右 after) are read with small patterns
  anchored at the amount, so they cost nothing where there is no money.
- The patterns are plain `re` (no import cost), with Unicode classes written out
  (localize.recognize.uniclass), and their compiled code is kept in the user cache
  (localize.recognize.patterns), so a warm start builds a language's matcher in a few
  milliseconds. A group that two alternatives both need gets a numbered twin
  (`num`, `num__1`); `_Match` reads whichever took part.
"""
from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType
from typing import Callable, Iterable, Iterator, Mapping

from ..numbers import (BIG_UNITS, DASHES, HAN_DIGITS, SMALL_UNITS, SPACE, NumberError,
                       exact, numeral_pattern, parse_numeral, range_low, scaled)
from ..numbers.digits import DIGITS, GROUP_SPACES
from ..numbers.han import HAN_DIGIT_CLASS, SMALL_UNIT_CLASS
from . import Entity
from .lexicon import Lexicon, is_latin, key, sym_key
from .patterns import Backward, compile_all
from .uniclass import CASE_FIX, LATIN, LETTER, MARK, NUMBER, fold_char

SP = SPACE
SPACE_CHARS = " " + GROUP_SPACES   # the characters SP matches
# Character-class bodies for word boundaries (explicit ranges: `re` has no \p{...}).
LATIN_M = LATIN + MARK               # only Latin letters make a word longer
LATIN_N_SLASH = LATIN + NUMBER + "/"
LATIN_N = LATIN + NUMBER
LETTER_N = LETTER + NUMBER
LETTER_M = LETTER + MARK
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _class_escape(chars: Iterable[str]) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


def _first_chars(items: Iterable[str], *, fold: bool = False) -> str:
    """A character-class body holding the first character of each item (both cases
    when matching is case-insensitive)."""
    chars = set()
    for t in items:
        if t:
            chars.add(t[0])
            if fold:
                chars.update((t[0].upper(), t[0].lower(), t[0].title()))
    return _class_escape(sorted(chars)) or "\\x00"


def _escape(token: str, fold: bool) -> str:
    """A literal token; a space in it matches any run of spaces."""
    out = []
    for ch in token:
        if ch == " ":
            out.append(f"{SP}+")
        elif fold and (fixed := fold_char(ch)) is not None:
            out.append(fixed)   # `re` and `regex` differ on this one (i, ı, İ, ß...)
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _tokens(items: Iterable[str], *, fold: bool, left: str = LATIN_M, right: str = LATIN_M,
            reverse: bool = False) -> str:
    """An alternation of literal tokens, longest first, with word boundaries only
    where a token starts or ends with a Latin letter (CJK words have none: `40億円で`).
    `left`/`right`: the class that must not touch the token on that side.

    With `reverse`, the pattern is for reversed text (see patterns.Backward): each
    token reversed, the boundary checks swapped, the alternatives in the same order.

    Alternatives that can match at one place begin with the same character (in some
    case), so the tokens are split by whether they begin with a Latin letter on the
    side matching starts from, without changing which one wins; each boundary check
    is then written once per run of tokens, not once per token."""
    ordered = sorted(set(t for t in items if t), key=lambda t: (-len(t), t))
    if not ordered:
        return "(?!)"

    def first(t: str) -> str:   # where matching starts: the end of a reversed token
        return t[-1] if reverse else t[0]

    def last(t: str) -> str:
        return t[0] if reverse else t[-1]

    lead_check = f"(?<![{right}])" if reverse else f"(?<![{left}])"
    trail_check = f"(?![{left}])" if reverse else f"(?![{right}])"

    def alternative(run: list[str], latin_end: bool) -> str:
        body = "|".join(_escape(t[::-1] if reverse else t, fold) for t in run)
        return (f"(?i:{body})" if fold else f"(?:{body})") + (trail_check if latin_end else "")

    if not _separable(ordered, first):   # cannot happen with real words; stay exact
        return "|".join((lead_check if is_latin(first(t)) else "")
                        + alternative([t], is_latin(last(t))) for t in ordered)
    parts = []
    for latin_start in (True, False):
        runs: list[tuple[bool, list[str]]] = []
        for t in ordered:
            if is_latin(first(t)) != latin_start:
                continue
            if runs and runs[-1][0] == is_latin(last(t)):
                runs[-1][1].append(t)
            else:
                runs.append((is_latin(last(t)), [t]))
        if not runs:
            continue
        alts = [alternative(run, latin_end) for latin_end, run in runs]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        parts.append((lead_check if latin_start else "") + body)
    return "|".join(parts)


def _separable(ordered: list[str], first: Callable[[str], str]) -> bool:
    """No token beginning with a Latin letter can match where one beginning with
    something else does: their first characters differ in every case form."""
    def forms(c: str) -> set[str]:
        return {c, c.lower(), c.upper(), c.title(), c.casefold()} | set(CASE_FIX.get(c, ""))
    latin: set[str] = set()
    other: set[str] = set()
    for t in ordered:
        (latin if is_latin(first(t)) else other).update(forms(first(t)))
    return not (latin & other)


def _width(*token_lists: Iterable[str]) -> int:
    """For patterns.Backward: the longest token, plus the character before it."""
    return max((len(t) for tokens in token_lists for t in tokens), default=0) + 1


# A run of letters that may be a currency word (`dollars`, `US dollars`, `d'euros`
# after the "of" word, `ドルを…`, `元人民币`); the dictionary decides how much of it is one.
_LETTERS = f"[{LETTER_M}][{LETTER_M}.'\u2019-]*"
_SLOT = f"(?>{_LETTERS}(?:[ \u00a0]{_LETTERS}){{0,WORDS}})"
# The currency word of a range's low end (`3億円～4億円`): one word, no backtracking.
_LOW_SLOT = f"(?>[{LETTER_M}]{{1,16}})"
_CODE = f"[A-Z]{{3}}(?![{LATIN}])"
_CODE_REVERSED = f"(?<![{LATIN}])[A-Z]{{3}}"


class _Names:
    """Unique group names for a pattern that needs one group in several places."""

    def __init__(self) -> None:
        self.used: dict[str, int] = {}

    def __call__(self, base: str) -> str:
        n = self.used.get(base, 0)
        self.used[base] = n + 1
        return base if n == 0 else f"{base}__{n}"


class _Scan:
    """The scan pattern, whose matches are read through _Match."""

    __slots__ = ("pattern", "names")

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        names: dict[str, list[str]] = {}
        for name, _index in sorted(pattern.groupindex.items(), key=lambda item: item[1]):
            names.setdefault(name.split("__")[0], []).append(name)
        self.names = {k: tuple(v) for k, v in names.items()}

    def match(self, text: str, pos: int) -> "_Match | None":
        m = self.pattern.match(text, pos)
        return None if m is None else _Match(m, self.names)


class _Match:
    """A scan match read by group names without their numbered twins."""

    __slots__ = ("m", "names")

    def __init__(self, m: re.Match, names: Mapping[str, tuple[str, ...]]) -> None:
        self.m = m
        self.names = names

    def group(self, base: str) -> str | None:
        names = self.names.get(base, ())
        if len(names) == 1:
            return self.m.group(names[0])
        for name in names:
            value = self.m.group(name)
            if value is not None:
                return value
        return None

    def start(self, base: str | None = None) -> int:
        if base is None:
            return self.m.start()
        for name in self.names.get(base, ()):
            if self.m.start(name) >= 0:
                return self.m.start(name)
        return -1

    def end(self, base: str | None = None) -> int:
        if base is None:
            return self.m.end()
        for name in self.names.get(base, ()):
            if self.m.start(name) >= 0:
                return self.m.end(name)
        return -1


class Matcher:
    """What one lexicon's scan needs, built once per lexicon and then only read.
    (A plain class: a dataclass costs ~2 ms to define at import.)"""

    __slots__ = (
        "lexicon",
        "anchors",       # where figures start: the cheap prefilter
        "scan",          # _Scan: the one pattern, ranges included
        "build",         # build(False) -> _Scan without ranges, for a rejected range
        "prefix",        # Backward: a currency sign or code ending at a figure
        "before",        # Backward: qualifiers ending where an amount starts
        "after",         # qualifiers starting where an amount ends
        "slot",          # the run of letters a currency word is looked up in
        "vague",         # Backward or None: 数十億円
        "year_before",   # Backward or None: "in 2023 dollars"
        "openers",       # range word -> Backward for what must precede the low end
        "name_lengths",  # first letter (folded) -> lengths of currency names
        "prefix_ends",   # last characters of signs, codes and prefix words
    )

    def __init__(self, **parts: object) -> None:
        for name in self.__slots__:
            setattr(self, name, parts[name])


def _kind(prefix: str, lx: Lexicon) -> str:
    return f"{prefix}-" + re.sub(r"[^A-Za-z0-9_-]", "_", lx.language)[:40]


@lru_cache(maxsize=64)
def matcher(lexicon: Lexicon) -> Matcher:
    lx = lexicon
    fmt = lx.number
    num = numeral_pattern(fmt, lx.approx_infix)

    signs = [s for s in lx.symbols if s not in lx.codes]
    # A code or sign standing before the figure must not continue a word or a pair
    # such as EUR/USD.
    pre_left = f"(?<![{LATIN_N_SLASH}])"

    def pre_pattern(reverse: bool) -> str:
        code = _CODE_REVERSED + f"(?![{LATIN_N_SLASH}])" if reverse else pre_left + _CODE
        return "|".join(p for p in (
            code,
            _tokens(signs, fold=False, left=LATIN_N_SLASH, reverse=reverse),
            _tokens(lx.prefix_names, fold=True, left=LATIN_N_SLASH, reverse=reverse)) if p != "(?!)")

    pre = pre_pattern(False)
    # Each alternative after a figure opens with a one-character look-ahead, so that
    # the usual case (a figure that is no money) fails in a step or two.
    sign_after = (f"(?=[{_first_chars(signs)}])(?:"
                  + _tokens(signs, fold=False, right=LATIN_N) + ")")
    words_in_name = max((k.count(" ") for k in lx.names), default=0)
    # Where a currency word may start; how far its run of letters goes is read by the
    # separate `slot` pattern (Matcher.slot), so the long letter classes are compiled
    # once, not in every place the scan pattern needs a currency word.
    slot_start = f"(?=[{_first_chars(lx.names, fold=True)}])(?=[{LETTER_M}])"

    multi = [w for w in lx.magnitudes if len(w) > 1]
    one_letter = [w for w in lx.magnitudes if len(w) == 1]
    mag_multi = f"(?=[{_first_chars(multi, fold=True)}])(?:{_tokens(multi, fold=True)})"
    # One-letter scale words (m, k, b, M) touch the digits (`$4m`, `£2.5m`) or, after a
    # space, a currency sign (`80 M€`, `50 k€`); `$4 m` and `4 M&A` are no scale.
    one = "(?i:" + "|".join(_escape(w, True) for w in sorted(set(one_letter))) + ")"
    mag_single = (f"(?:(?<=[{DIGITS}]){one}(?![{LETTER_N}])"
                  f"|(?<=[{DIGITS}]{SP}){one}(?=[{_first_chars(signs)}]))" if one_letter else "(?!)")
    dash = "|".join(re.escape(d) for d in DASHES)
    words = list(lx.range_words) + [second for _first, second in lx.range_pairs]
    conn_word = _tokens(words, fold=True)
    of = _tokens(lx.of_words, fold=True, right=LATIN)
    pre_first = _class_escape(sorted({t[0] for t in signs} | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                                     | {t[0] for t in lx.prefix_names}
                                     | {t[0].upper() for t in lx.prefix_names}))

    def scan_pattern(ranges: bool) -> str:
        name = _Names()

        def mag(base: str) -> str:
            return (f"(?:(?:{SP}|-)?(?P<{name(base)}>{mag_multi})"
                    f"|{SP}?(?P<{name(base)}>{mag_single}))")

        def figure() -> str:
            out = f"(?P<{name('num')}>{num}){mag('mag')}?"
            if not ranges:   # the range groups are simply absent: _Match reads None
                return out

            def pre2() -> str:   # `$2bn-$3bn`: the same sign again
                return f"(?:(?P<{name('pre2')}>(?P=pre)){SP}?)?"
            losuf = f"{_CODE}|{_LOW_SLOT}"
            rest = (f"(?=[^{DIGITS}\\n])"
                    f"(?:(?:{SP}?(?P<{name('losuf')}>{losuf}))?"
                    f"{SP}*(?P<{name('conn')}>{dash}){SP}*{pre2()}"
                    f"|{SP}*(?P<{name('conn')}>{conn_word}){SP}*{pre2()})"
                    f"(?P<{name('hi')}>{num}){mag('himag')}?")
            return out + f"(?:{rest})?"

        def tail() -> str:
            suf = (f"(?P<{name('sufsign')}>{sign_after})|(?P<{name('sufcode')}>{_CODE})"
                   f"|(?P<{name('sufname')}>{slot_start})")
            return f"(?:{SP}+(?P<{name('of')}>{of}))?{SP}?(?:{suf})"

        # [sign or code] a figure and its scale word, then optionally the rest of a range
        # (`3–4 billion`, `3億円～4億円`, `3 to 4 billion`), then the currency: optional
        # after a sign or code (`(?(pre)|(?!))`: nothing, if there was one), required
        # without one. The low end is parsed once: when a range follows, `num`/`mag`
        # are its low end and `hi`/`himag` its high end. (The same as `signed|unsigned`
        # with everything written twice: the optional sign is tried first with, then
        # without.)
        return f"(?:(?=[{pre_first}])(?P<pre>{pre}){SP}?)?{figure()}(?:{tail()}|(?(pre)|(?!)))"

    # Qualifiers: Latin ones are whole words; a Han one may touch the figure (約40億).
    def qual(words: Iterable[str], reverse: bool = False) -> str:
        return _tokens(words, fold=True, reverse=reverse)

    after_words = []
    for group, words_ in (("approx", lx.approx_after), ("upper", lx.upper_after),
                          ("neutral", lx.neutral_after)):
        latin = [w for w in words_ if is_latin(w[0])]
        other = [w for w in words_ if not is_latin(w[0])]
        alts = []
        if latin:
            alts.append(f"{SP}+(?:{qual(latin)})")
        if other:
            alts.append(f"{SP}*(?:{qual(other)})")
        after_words.append(f"(?P<{group}>{'|'.join(alts) or '(?!)'})")

    # What stands before an amount is matched backwards from it (patterns.Backward):
    # these are the patterns for the reversed text, spaces first.
    texts = {
        "scan": scan_pattern(True),
        "slot": _SLOT.replace("WORDS", str(words_in_name)),
        "after": "|".join(after_words),
        "anchors": f"[{DIGITS + (HAN_DIGIT_CLASS + SMALL_UNIT_CLASS if fmt.han else '')}]+",
        "prefix": f"{SP}?(?:{pre_pattern(True)})",
        "before": (f"{SP}*(?:(?P<approx>{qual(lx.approx_before, True)})"
                   f"|(?P<upper>{qual(lx.upper_before, True)}))"),
    }
    if lx.vague_before:
        texts["vague"] = f"(?:{qual(lx.vague_before, True)})"
    if lx.year_before:
        texts["year_before"] = f"{SP}+(?:{qual(lx.year_before, True)})"
    pairs = list(lx.range_pairs)
    for i, (first, _second) in enumerate(pairs):
        texts[f"opener{i}"] = f"{SP}+(?:{qual([first], True)})"
    compiled = compile_all(_kind("money", lx), texts)

    prefix_width = max(3 + 1, _width(signs, lx.prefix_names))
    prefix = Backward(compiled["prefix"], prefix_width, SPACE_CHARS)
    before = Backward(compiled["before"], _width(lx.approx_before, lx.upper_before), SPACE_CHARS)
    vague = (Backward(compiled["vague"], _width(lx.vague_before), SPACE_CHARS)
             if lx.vague_before else None)
    year_before = (Backward(compiled["year_before"], _width(lx.year_before), SPACE_CHARS)
                   if lx.year_before else None)
    openers = {key(second): Backward(compiled[f"opener{i}"], _width([first]), SPACE_CHARS)
               for i, (first, second) in enumerate(pairs)}
    scan = _Scan(compiled["scan"])

    @lru_cache(maxsize=2)
    def build(ranges: bool) -> _Scan:
        if ranges:
            return scan
        return _Scan(compile_all(_kind("money-noranges", lx), {"scan": scan_pattern(False)})["scan"])

    by_first: dict[str, set[int]] = {}
    for k in lx.names:
        by_first.setdefault(k[0], set()).add(len(k))
    lengths = {c: tuple(sorted(ns, reverse=True)) for c, ns in by_first.items()}
    ends = frozenset({t[-1] for t in signs} | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                     | {t[-1] for t in lx.prefix_names} | {t[-1].upper() for t in lx.prefix_names})
    return Matcher(lexicon=lx, anchors=compiled["anchors"], scan=scan, build=build, prefix=prefix,
                   before=before, after=compiled["after"], slot=compiled["slot"], vague=vague,
                   year_before=year_before, openers=openers, name_lengths=lengths,
                   prefix_ends=ends)


_REJECT = object()
_RANGE_REJECTED = object()


def find_money(text: str, lexicon: Lexicon) -> list[Entity]:
    return list(iter_money(text, lexicon))


def iter_money(text: str, lexicon: Lexicon) -> Iterator[Entity]:
    """Scan: every money mention contains a figure, so only the places where a figure
    starts are examined (a C-speed character-class search finds them); the pattern is
    tried there, or at a currency sign or code written right before the figure."""
    mt = matcher(lexicon)
    done = 0                      # nothing before this offset is looked at again
    for anchor in mt.anchors.finditer(text):
        a = anchor.start()
        if a < done:
            continue
        starts = []
        b = a - 1 if a and text[a - 1] in SPACE_CHARS else a
        if b and text[b - 1] in mt.prefix_ends:   # a sign or code may end here: look back
            p = mt.prefix.match(text, a)
            if p is not None and p.start() >= done:
                starts.append(p.start())
        starts.append(a)
        for s in starts:
            entity, end = _try(text, s, mt)
            if entity is not None:
                yield entity
                done = end
                break


def _without_ranges(mt: Matcher) -> _Scan:
    return mt.build(False)   # compiled (or read from the cache) on first need


def _try(text: str, start: int, mt: Matcher) -> tuple[Entity | None, int]:
    m = mt.scan.match(text, start)
    if m is None:
        return None, 0
    entity = _entity(m, text, mt)
    if entity is _RANGE_REJECTED:
        # Not a range after all (`from $3 billion to …`): take the first amount alone.
        m = _without_ranges(mt).match(text, start)
        entity = _entity(m, text, mt) if m else _REJECT
    if isinstance(entity, Entity):
        return entity, entity.end
    return None, 0


def _name_end(text: str, start: int, end: int, mt: Matcher) -> int | None:
    """End of the longest currency word at text[start:end], or None: a longest-prefix
    look-up in the dictionary of lexicon and CLDR names (case-insensitive)."""
    names = mt.lexicon.names
    slot = text[start:end]
    folded = slot.casefold().replace("\u00a0", " ")
    if len(folded) != len(slot):   # a letter whose case folding is longer (ß): slow path
        return _name_end_slow(text, start, end, mt)
    size = len(slot)
    for n in mt.name_lengths.get(folded[0], ()):
        if n > size:
            continue
        if folded[:n] in names:
            if n < size and _latin_letter(slot[n - 1]) and _latin_letter(slot[n]):
                continue   # `dollar` inside `dollars…`: a longer form or no currency word
            stop = start + n
            if text[stop:stop + 1] == "-" and text[stop + 1:stop + 2].isalpha():
                return None   # `3 Euro-Länder`: the word is part of a compound
            return stop
    return None


def _latin_letter(ch: str) -> bool:
    return ch < "\u0250" and ch.isalpha()


def _name_end_slow(text: str, start: int, end: int, mt: Matcher) -> int | None:
    for stop in range(end, start, -1):
        if stop < len(text) and is_latin(text[stop - 1]) and is_latin(text[stop]):
            continue
        if key(text[start:stop]) in mt.lexicon.names:
            return stop
    return None


def _entity(m: _Match, text: str, mt: Matcher):  # noqa: C901 - one decision list
    lx = mt.lexicon
    g = m.group
    pre, of = g("pre"), g("of")
    if g("hi") is not None:       # a range: num/mag are its low end
        lo_text, lomag, num_text, mag = g("num"), g("mag"), g("hi"), g("himag")
        num_end = m.end("himag") if mag else m.end("hi")
    else:
        lo_text, lomag, num_text, mag = None, None, g("num"), g("mag")
        num_end = m.end("mag") if mag else m.end("num")
    end = m.end()
    suf = None
    if g("sufname") is not None:
        slot_start = m.start("sufname")
        stop = _name_end(text, slot_start, mt.slot.match(text, slot_start).end(), mt)
        if stop is not None:
            suf, end = text[slot_start:stop], stop
        elif pre:                       # `USD 4 billion people`: the tail is no currency
            end, of = num_end, None
        else:
            return _REJECT
    elif g("sufcode") is not None:
        if g("sufcode") in lx.codes:
            suf = g("sufcode")
        elif pre:
            end, of = num_end, None
        else:
            return _REJECT
    else:
        suf = g("sufsign")
        if suf is not None and _opens_next_figure(text, m.end("sufsign")):
            # `X 5 €5`, `$4bn $4bn`: a sign that runs into a digit belongs to the next
            # amount, not to this one.
            if not pre:
                return _REJECT
            suf, end = None, num_end
    if pre and _is_code_like(pre) and pre not in lx.codes and pre not in lx.symbols:
        return _REJECT
    if of and not mag:  # "de" joins a scale word to the currency, never a bare figure
        return _REJECT
    designator = pre or suf
    suffix_currency = None
    currency, source = lx.currency_for(designator)
    if pre and suf:
        other, other_source = lx.currency_for(suf)
        if currency is None:
            currency, source = other, other_source
        elif other is not None and other != currency:
            # 新台币3000亿元: the generic 元 after the figure, the currency before it.
            suffix_currency = other
    number, approx_infix = _strip_infix(num_text, lx)
    try:
        value = parse_numeral(number, lx.number)
    except NumberError:
        return _REJECT
    exp = lx.magnitudes.get(key(mag), 0) if mag else 0
    value = exact(scaled(value, exp))
    start = m.start()
    first = lo_text or num_text
    han_start = first[0] in HAN_DIGITS or first[0] in SMALL_UNITS

    quals = _qualifiers_before(text, start, mt)
    if han_start:
        if not quals and mt.vague and mt.vague.match(text, start):
            return _REJECT     # 数十億円: "several billion yen" is no figure
        if len(first) == 1 and first in HAN_DIGITS:
            return _REJECT     # 関東一円, 一元化: a lone Han digit is part of a word
    if not (pre or mag or lo_text) and _is_year(start, lx, mt, text, number, suf):
        return _REJECT

    low = None
    data: dict = {}
    if lo_text:
        conn = g("conn")
        if conn not in DASHES and (lomag or g("losuf")):
            return _RANGE_REJECTED   # `$3 billion to $4 billion` is a change, not a range
        opener = mt.openers.get(key(conn))
        if opener is not None and not opener.match(text, start):
            return _RANGE_REJECTED
        losuf = g("losuf")
        if losuf is not None and not (losuf in lx.symbols or key(losuf) in lx.names):
            return _RANGE_REJECTED
        for side in (losuf, g("pre2")):
            if side and lx.currency_for(side)[0] != currency:
                return _RANGE_REJECTED
        lo_number, lo_infix = _strip_infix(lo_text, lx)
        approx_infix = approx_infix or lo_infix
        try:
            lo_value = parse_numeral(lo_number, lx.number)
        except NumberError:
            return _RANGE_REJECTED
        lo_exp = lx.magnitudes.get(key(lomag)) if lomag else None
        low = exact(range_low(lo_value, lo_exp, value, exp))
        if low >= value:
            return _RANGE_REJECTED
        data.update(low_text=lo_text, connector=conn)
        if lomag:
            data["low_magnitude_word"] = lomag

    approximate = approx_infix
    upper = False
    q_start = start
    for kind, word, s, e in quals:
        q_start = min(q_start, s)
        if kind == "approx":
            approximate = True
            data.setdefault("approx_word", word)
            data.setdefault("approx_span", (s, e))
        else:
            upper = True
            data.setdefault("bound_word", word)
            data.setdefault("bound_span", (s, e))
    q_end = end
    a = mt.after.match(text, end)
    if a is not None:
        word = a.group().strip(SPACE_CHARS)
        data["after_word"], data["after_span"] = word, (a.end() - len(word), a.end())
        q_end = a.end()
        if a.lastgroup == "approx":
            approximate = True
        elif a.lastgroup == "upper":
            upper = True

    style = "code" if designator in lx.codes else (
        "symbol" if sym_key(designator) in lx.symbols else "word")
    data.update(
        number_text=num_text,
        symbol=designator,
        style=style,
        currency_position="prefix" if pre else "suffix",
        currency_source=source,
        magnitude=exp,
        numeral=_numeral_kind(num_text),
    )
    if mag:
        data["magnitude_word"] = mag
    if of:
        data["of_word"] = of
    if pre and suf:
        data["suffix"] = suf
    if suffix_currency:
        data["suffix_currency"] = suffix_currency
    if approx_infix:
        data["approx_infix"] = True
    if currency is not None and currency not in lx.current:
        data["obsolete"] = True
    if currency is None:
        data["currency_unknown"] = designator
    data["qualified_span"] = (q_start, q_end)
    if end < len(text) and text[end].isascii() and text[end].isalpha():
        # `$4bn` in German text, where `bn` is no scale word: the figure would be read
        # as $4. Finding nothing beats reporting a wrong amount.
        return _REJECT
    return Entity("money", start, end, text[start:end], value, currency, approximate, upper, low,
                  MappingProxyType(data))


def _opens_next_figure(text: str, at: int) -> bool:
    # Only a digit glued to the sign: `5 € 2026` keeps its euro.
    return at < len(text) and text[at].isdigit()


def _is_code_like(text: str) -> bool:
    return len(text) == 3 and text.isupper() and text.isalpha()


def _strip_infix(numeral: str, lx: Lexicon) -> tuple[str, bool]:
    """`40多亿` -> (`40亿`, True): 多/余 make a figure approximate."""
    if not lx.approx_infix:
        return numeral, False
    out = numeral
    for w in lx.approx_infix:
        out = out.replace(w, "")
    return out, out != numeral


def _qualifiers_before(text: str, start: int, mt: Matcher) -> list[tuple[str, str, int, int]]:
    """("approx"|"upper", word, start, end) for each qualifier right before `start`,
    nearest first: `up to about $4bn` gives about, then up to."""
    found = []
    pos = start
    for _ in range(3):
        q = mt.before.match(text, pos)
        if q is None:
            break
        kind = "approx" if q.group("approx") is not None else "upper"
        found.append((kind, q.group(kind), q.start(kind), q.end(kind)))
        pos = q.start()
    return found


def _is_year(start: int, lx: Lexicon, mt: Matcher, text: str, number: str,
             suf: str | None) -> bool:
    """`in 2023 dollars` (constant dollars of a year) is no amount of 2023 dollars."""
    if mt.year_before is None or suf is None:
        return False
    if not _YEAR.fullmatch(number) or sym_key(suf) in lx.symbols:
        return False
    return mt.year_before.match(text, start) is not None


def _numeral_kind(numeral: str) -> str:
    han = any(c in HAN_DIGITS or c in SMALL_UNITS or c in BIG_UNITS for c in numeral)
    digits = any(c.isdigit() for c in numeral)
    return "mixed" if han and digits else ("han" if han else "arabic")
