"""Money mentions: `$4bn`, `US$4 billion`, `4 Mrd. $`, `4 milliards de dollars`,
`4000 millones de dólares`, `40億ドル`, `2兆4000億円`, `四十億円`, `40亿美元`, ranges
(`$3–4 billion`, `3億～4億円`) and their qualifiers (about, up to, 約, 最大, 约合).

How the scan works, and why:
- Every money mention holds a figure, so a character-class search (C speed) finds
  where figures start; nothing else in the text is looked at.
- At each figure, ONE compiled pattern per language (built from the lexicon and CLDR
  data, longest alternatives first, cached) is tried, starting at the figure or at a
  currency sign or code written right before it (found by a reverse match). The
  pattern reads: [sign|code] figure [scale word] [range rest] [of-word] [currency].
- Currency words (600+ per language with CLDR's singular and plural names) are not
  alternatives inside the pattern: compiling that many takes the regex engine over a
  second per language. The pattern captures a run of letters and a dictionary finds
  the longest currency word at its start, case-insensitively.
- Qualifiers (about, up to, 約, 约合; 相当, 左右 after) are read with small patterns
  anchored at the amount, so they cost nothing where there is no money.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Callable, Iterable, Iterator

import regex

from ..numbers import (BIG_UNITS, DASHES, HAN_DIGITS, SMALL_UNITS, SPACE, NumberError,
                       alternation, exact, numeral_pattern, parse_numeral, range_low, scaled)
from ..numbers.digits import DIGITS
from ..numbers.han import HAN_DIGIT_CLASS, SMALL_UNIT_CLASS
from . import Entity
from .lexicon import Lexicon, is_latin, key, sym_key

SP = SPACE
_WORD_BEFORE = r"(?<![\p{Latin}\p{M}])"   # only Latin letters make a word longer
_WORD_AFTER = r"(?![\p{Latin}\p{M}])"
_YEAR = regex.compile(r"(?:1[89]|20)\d\d")


def _first_chars(items: Iterable[str], *, fold: bool = False) -> str:
    """A character-class body holding the first character of each item (both cases
    when matching is case-insensitive)."""
    chars = set()
    for t in items:
        if t:
            chars.add(t[0])
            if fold:
                chars.update((t[0].upper(), t[0].lower(), t[0].title()))
    return "".join(regex.escape(c) for c in sorted(chars)) or "\\x00"


def _tokens(items: Iterable[str], *, fold: bool, left: str = _WORD_BEFORE,
            right: str = _WORD_AFTER) -> str:
    """An alternation of literal tokens, longest first, with word boundaries only
    where a token starts or ends with a Latin letter (CJK words have none: `40億円で`).
    Tokens of one length and boundary kind share one alternation, which the regex
    engine matches as a set."""
    ordered = sorted(set(t for t in items if t), key=lambda t: (-len(t), t))
    groups: list[tuple[tuple[bool, bool], list[str]]] = []
    for t in ordered:
        kind = (is_latin(t[0]), is_latin(t[-1]))
        if groups and groups[-1][0] == kind and len(groups[-1][1][0]) == len(t):
            groups[-1][1].append(t)
        else:
            groups.append((kind, [t]))
    parts = []
    for (latin_start, latin_end), words in groups:
        body = alternation(words)
        body = f"(?i:{body})" if fold else f"(?:{body})"
        parts.append((left if latin_start else "") + body + (right if latin_end else ""))
    return "|".join(parts) if parts else "(?!)"


# A run of letters that may be a currency word (`dollars`, `US dollars`, `d'euros`
# after the "of" word, `ドルを…`, `元人民币`); the dictionary decides how much of it is one.
_LETTERS = r"[\p{L}\p{M}][\p{L}\p{M}.'\u2019-]*"
_SLOT = rf"(?>{_LETTERS}(?:[ \u00a0]{_LETTERS}){{0,WORDS}})"
# The currency word of a range's low end (`3億円～4億円`): one word, no backtracking.
_LOW_SLOT = r"(?>[\p{L}\p{M}]{1,16})"
_CODE = r"[A-Z]{3}(?![\p{Latin}])"


@dataclass(frozen=True, eq=False)
class Matcher:
    lexicon: Lexicon
    anchors: "re.Pattern[str]"   # where figures start: the cheap prefilter
    scan: regex.Pattern          # the one pattern, ranges included
    build: Callable[[bool], regex.Pattern]   # build(False): no ranges, for a rejected range
    prefix: regex.Pattern        # reverse: a currency sign or code ending at a figure
    before: regex.Pattern        # qualifiers ending where an amount starts
    after: regex.Pattern         # qualifiers starting where an amount ends
    vague: regex.Pattern | None
    year_before: regex.Pattern | None
    openers: dict[str, regex.Pattern]   # range word -> what must precede the low end
    name_lengths: dict[str, tuple[int, ...]]   # first letter (folded) -> name lengths
    prefix_ends: frozenset[str]  # last characters of signs, codes and prefix words


@lru_cache(maxsize=64)
def matcher(lexicon: Lexicon) -> Matcher:
    lx = lexicon
    fmt = lx.number
    num = numeral_pattern(fmt, lx.approx_infix)

    signs = [s for s in lx.symbols if s not in lx.codes]
    # A code or sign standing before the figure must not continue a word or a pair
    # such as EUR/USD.
    pre_left = r"(?<![\p{Latin}\p{N}/])"
    pre = "|".join(p for p in (
        pre_left + _CODE,
        _tokens(signs, fold=False, left=pre_left),
        _tokens(lx.prefix_names, fold=True, left=pre_left)) if p != "(?!)")
    # Each alternative after a figure opens with a one-character look-ahead, so that
    # the usual case (a figure that is no money) fails in a step or two.
    sign_after = (f"(?=[{_first_chars(signs)}])(?:"
                  + _tokens(signs, fold=False, right=r"(?![\p{Latin}\p{N}])") + ")")
    words_in_name = max((k.count(" ") for k in lx.names), default=0)
    slot = (f"(?=[{_first_chars(lx.names, fold=True)}])"
            + _SLOT.replace("WORDS", str(words_in_name)))
    suf = f"(?P<sufsign>{sign_after})|(?P<sufcode>{_CODE})|(?P<sufname>{slot})"
    losuf = f"{_CODE}|{_LOW_SLOT}"

    multi = [w for w in lx.magnitudes if len(w) > 1]
    one_letter = [w for w in lx.magnitudes if len(w) == 1]
    mag_multi = f"(?=[{_first_chars(multi, fold=True)}])(?:{_tokens(multi, fold=True)})"
    # One-letter scale words (m, k, b, M) touch the digits (`$4m`, `£2.5m`) or, after a
    # space, a currency sign (`80 M€`, `50 k€`); `$4 m` and `4 M&A` are no scale.
    one = f"(?i:{alternation(one_letter)})"
    mag_single = (f"(?:(?<=[{DIGITS}]){one}(?![\\p{{L}}\\p{{N}}])"
                  f"|(?<=[{DIGITS}]{SP}){one}(?=[{_first_chars(signs)}]))" if one_letter else "(?!)")

    def mag(name: str) -> str:
        return f"(?:(?:{SP}|-)?(?P<{name}>{mag_multi})|{SP}?(?P<{name}>{mag_single}))"

    dash = "|".join(regex.escape(d) for d in DASHES)
    words = list(lx.range_words) + [second for _first, second in lx.range_pairs]
    conn_word = _tokens(words, fold=True)
    of = _tokens(lx.of_words, fold=True, right=r"(?![\p{Latin}])")

    # A figure and its scale word, then optionally the rest of a range (`3–4 billion`,
    # `3億円～4億円`, `3 to 4 billion`), then the currency. The low end is parsed once:
    # when a range follows, `num`/`mag` are its low end and `hi`/`himag` its high end.
    pre2 = f"(?:(?P<pre2>(?P=pre)){SP}?)?"   # `$2bn-$3bn`: the same sign again
    rest = (f"(?=[^{DIGITS}\\n])"
            f"(?:(?:{SP}?(?P<losuf>{losuf}))?{SP}*(?P<conn>{dash}){SP}*{pre2}"
            f"|{SP}*(?P<conn>{conn_word}){SP}*{pre2})"
            f"(?P<hi>{num}){mag('himag')}?")
    tail = f"(?:{SP}+(?P<of>{of}))?{SP}?(?:{suf})"
    pre_first = regex.escape("".join(sorted({t[0] for t in signs} | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                                            | {t[0] for t in lx.prefix_names}
                                            | {t[0].upper() for t in lx.prefix_names})))

    @lru_cache(maxsize=2)
    def build(ranges: bool) -> regex.Pattern:
        # Without ranges the range groups still exist (never set), so callers need no
        # second code path.
        none = "(?:(?!)(?P<hi>)(?P<himag>)(?P<conn>)(?P<losuf>)(?P<pre2>))?"
        figure = f"(?P<num>{num}){mag('mag')}?" + (f"(?:{rest})?" if ranges else none)
        pre_form = f"(?=[{pre_first}])(?P<pre>{pre}){SP}?{figure}(?:{tail})?"
        suf_form = f"{figure}{tail}"
        return regex.compile(f"{pre_form}|{suf_form}", regex.V0)

    # Qualifiers: Latin ones are whole words; a Han one may touch the figure (約40億).
    def qual(words: Iterable[str]) -> str:
        return _tokens(words, fold=True)

    # Patterns for what stands before an amount run backwards from it: one attempt each.
    before = regex.compile(
        f"(?r)(?:(?P<approx>{qual(lx.approx_before)})|(?P<upper>{qual(lx.upper_before)})){SP}*")
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
    after = regex.compile("|".join(after_words))
    vague = regex.compile(f"(?r)(?:{qual(lx.vague_before)})") if lx.vague_before else None
    year_before = regex.compile(f"(?r)(?:{qual(lx.year_before)}){SP}+") if lx.year_before else None
    openers = {key(second): regex.compile(f"(?r)(?:{qual([first])}){SP}+")
               for first, second in lx.range_pairs}
    starts = DIGITS + (HAN_DIGIT_CLASS + SMALL_UNIT_CLASS if fmt.han else "")
    anchors = re.compile(f"[{starts}]+")
    prefix = regex.compile(f"(?r)(?:{pre}){SP}?")
    by_first: dict[str, set[int]] = {}
    for k in lx.names:
        by_first.setdefault(k[0], set()).add(len(k))
    lengths = {c: tuple(sorted(ns, reverse=True)) for c, ns in by_first.items()}
    ends = frozenset({t[-1] for t in signs} | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                     | {t[-1] for t in lx.prefix_names} | {t[-1].upper() for t in lx.prefix_names})
    return Matcher(lx, anchors, build(True), build, prefix, before, after, vague,
                   year_before, openers, lengths, ends)


_REJECT = object()
_RANGE_REJECTED = object()
SPACE_CHARS = " \u00a0\u202f\u2009"


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
            p = mt.prefix.match(text, 0, a)
            if p is not None and p.start() >= done:
                starts.append(p.start())
        starts.append(a)
        for s in starts:
            entity, end = _try(text, s, mt)
            if entity is not None:
                yield entity
                done = end
                break


def _without_ranges(mt: Matcher) -> regex.Pattern:
    return mt.build(False)   # compiled on first need, then cached


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


def _entity(m: regex.Match, text: str, mt: Matcher):  # noqa: C901 - one decision list
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
        stop = _name_end(text, m.start("sufname"), m.end("sufname"), mt)
        if stop is not None:
            suf, end = text[m.start("sufname"):stop], stop
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
        if not quals and mt.vague and mt.vague.match(text, 0, start):
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
        if opener is not None and not opener.match(text, 0, start):
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
    return Entity("money", start, end, text[start:end], value, currency, approximate, upper, low,
                  MappingProxyType(data))


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
        q = mt.before.match(text, 0, pos)
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
    return mt.year_before.match(text, 0, start) is not None


def _numeral_kind(numeral: str) -> str:
    han = any(c in HAN_DIGITS or c in SMALL_UNITS or c in BIG_UNITS for c in numeral)
    digits = any(c.isdigit() for c in numeral)
    return "mixed" if han and digits else ("han" if han else "arabic")
