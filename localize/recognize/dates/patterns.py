"""One compiled pattern per language for dates, times, seasons, years and weekdays.

Each alternative names its groups `<alt>_<field>`; the parser reads fields by the part
after the underscore (trailing digits dropped), so alternatives may repeat a field.
Order matters: at one position the first alternative that matches wins, so dates
that may open with a weekday come before the bare weekday reference.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .vocab import Vocab, vocab_for


def alt(words) -> str:
    words = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in words) or r"(?!x)x"


def _sp(words) -> str:
    """Multi-word entries (`a las`, `im Jahr`) match any single space between words."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s") for w in
                    sorted({w for w in words if w}, key=lambda w: (-len(w), w))) or r"(?!x)x"


def _latin(v: Vocab) -> str:
    # A word of these languages ends before any non-word character, and before Han,
    # kana or Hangul, which follow Latin words without a space ("14:30 Uhr億"): read
    # as running on, the time would be read without its "Uhr" and get a second one.
    W = r"(?![^\W\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f])"
    mon = rf"(?:{alt(v.months)})"
    wd = rf"(?:{alt(v.weekdays)})"
    zones = alt(z for z in v.zones if z != "Z")
    mer = alt(v.am + v.pm)
    hw = _sp(v.hour_words)
    join = _sp(v.time_joiners)
    of = _sp(v.date_of)
    ord_ = {"en": r"(?:st|nd|rd|th)?", "de": r"\.", "fr": r"(?:er)?", "es": r"[º°]?"}.get(v.language, r"\.?")

    def year(p):
        return rf"(?P<{p}_y>[12]\d{{3}})(?![\d]|[.,/:-]\d)"

    def zone(p):
        return (rf"(?:\s?\(?(?P<{p}_z>(?:UTC|GMT)\s?[+\-−]\d{{1,2}}(?::?\d{{2}})?|[+\-−]\d{{2}}:?\d{{2}}"
                rf"|(?:{zones}){W})\)?)")

    def time(p):
        hws = rf"(?:\s?(?P<{p}_hw>{hw}){W})" if v.hour_words else "(?!x)x"
        return (rf"(?P<{p}_th>[01]?\d|2[0-4])(?:"
                rf":(?P<{p}_tm>[0-5]\d)(?::(?P<{p}_ts>[0-5]\d))?(?:\s?(?P<{p}_mer>{mer})(?![A-Za-z]))?"
                rf"(?:\s?(?P<{p}_hw1>{hw}){W})?"
                rf"|\.(?P<{p}_tm1>[0-5]\d)\s?(?P<{p}_hw2>{hw}){W}"
                rf"|\s?(?P<{p}_mer1>{mer})(?![A-Za-z])"
                + (rf"|\s?(?P<{p}_hw3>h)(?:\s?(?P<{p}_tm3>[0-5]\d))?{W}" if "h" in v.hour_words else "")
                + rf"|{hws.replace('_hw>', '_hw4>')})"
                rf"(?:{zone(p)})?")

    def tail(p):
        joiner = rf"(?:(?:{join})\s)?" if v.time_joiners else ""
        return rf"(?:(?:,\s?|\s){joiner}{time(p)})?"

    def wd_pre(p):
        return ""  # one shared weekday prefix opens the dates below (see the end)

    day = r"(?P<{p}_d>[0-3]?\d)"
    parts = []
    if v.language == "en":   # June 14, 2026
        parts.append(rf"{wd_pre('a')}(?P<a_mon>{mon})\s{day.format(p='a')}{ord_}(?!\d)"
                     rf"(?:,?\s{year('a')})?{tail('a')}")
    of_ = rf"(?:(?:{of})\s)?" if v.date_of else ""
    parts.append(rf"{wd_pre('b')}(?<![\d.]){day.format(p='b')}{ord_}\s{of_}(?P<b_mon>{mon}){W}"
                 rf"(?:,?\s{of_}{year('b')})?{tail('b')}")
    parts.append(rf"(?P<c_mon>{mon})\s{of_}{year('c')}")
    parts.append(rf"{wd_pre('i')}(?<![\d.,/-])(?P<i_y>[12]\d{{3}})-(?P<i_mo>[01]\d)-(?P<i_d>[0-3]\d)"
                 rf"(?:(?P<i_T>T|\s)(?P<i_th>[0-2]\d):(?P<i_tm>[0-5]\d)(?::(?P<i_ts>[0-5]\d))?"
                 rf"(?:(?P<i_z1>Z|[+\-]\d{{2}}:?\d{{2}})|{zone('i')})?)?(?![\d])")
    parts.append(rf"{wd_pre('n')}(?<![\d.,/-])(?P<n_a>[0-3]?\d)(?P<n_sep>[./-])(?P<n_b>[0-3]?\d)(?P=n_sep)"
                 rf"{year('n')}{tail('n')}")
    parts.append(rf"(?<![\d.,/-])(?P<k_y>[12]\d{{3}})/(?P<k_mo>[01]?\d)/(?P<k_d>[0-3]?\d)(?![\d]|[./]\d)")
    season_of = rf"\s(?:{_sp(v.season_of)})\s|\s" if v.season_of else r"\s"
    parts.append(rf"(?<![\w])(?P<s_w>{alt(v.seasons)})(?:{season_of}){year('s')}")
    parts.append(rf"(?<![\w])(?P<y_f>{_sp(v.year_before)})\s(?P<y_y>1[6-9]\d\d|2[01]\d\d)"
                 rf"(?![\d]|[.,/:\-]\d|\s?%)")
    parts.append(rf"(?<![\d.,:/])(?:(?P<t_join>{join})\s)?{time('t')}" if v.time_joiners
                 else rf"(?<![\d.,:/]){time('t')}")
    parts.append(rf"(?<![\w])(?P<r_wd>{alt(v.weekdays_free)}){W}")
    dated = [p for p in parts if _letter(p) in "abin"]
    rest = [p for p in parts if _letter(p) not in "abin"]
    return (rf"(?:(?P<w_wd>{wd}),?\s(?:(?:den|dem|le|el)\s)?)?(?:{'|'.join(_mark(p) for p in dated)})|"
            + "|".join(_mark(p) for p in rest))


def _mark(src: str) -> str:
    """Wrap an alternative in a group named after it, so Match.lastgroup names it."""
    return f"(?P<A_{_letter(src)}>{src})"


def _letter(src: str) -> str:
    return re.search(r"\(\?P<(\w)_", src).group(1)


def _cjk(v: Vocab) -> str:
    zones = alt(v.zones)
    wd_free = alt(v.weekdays_free)
    wd_any = alt(v.weekdays)
    mer = alt(v.am + v.pm)
    hw = alt(v.hour_words)

    def zpre(p):
        return rf"(?:(?P<{p}_z>{zones})\s?)?"

    def zpost(p):
        return (rf"(?:\s?[（(](?P<{p}_z1>{zones}|[+\-]\d{{2}}:\d{{2}})[)）]"
                rf"|\s?(?P<{p}_z2>{zones}|[+\-]\d{{2}}:\d{{2}}))?")

    def time(p):
        return (rf"(?:(?P<{p}_mer>{mer})\s?)?(?:(?P<{p}_th>[0-2]?\d)(?P<{p}_hw>{hw})"
                rf"(?:(?P<{p}_tm>[0-5]?\d)分(?:(?P<{p}_ts>[0-5]?\d)秒)?|(?P<{p}_half>半))?(?!間|间|半)"
                rf"|(?P<{p}_th1>[0-2]?\d):(?P<{p}_tm1>[0-5]\d)(?::(?P<{p}_ts1>[0-5]\d))?)")

    def wd(p):
        return (rf"(?:\s?[（(]\s?(?P<{p}_wd>{wd_any})\s?[)）]|\s?(?P<{p}_wd1>{wd_free}))?")

    def tail(p):
        return rf"{wd(p)}(?:\s?{time(p)})?{zpost(p)}"

    y = r"(?<!\d)(?P<{p}_y>[12]\d{{3}})年"
    parts = []
    if v.eras:
        parts.append(rf"{zpre('e')}(?P<e_era>{alt(v.eras)})(?P<e_ey>元|\d{{1,2}})年"
                     rf"(?:(?P<e_mo>\d{{1,2}})月(?:(?P<e_d>\d{{1,2}})日{tail('e')})?)?")
    parts.append(rf"(?<!\d)(?P<s_y>[12]\d{{3}})年(?:の)?(?P<s_w>{alt(v.seasons)})")
    parts.append(rf"{zpre('a')}{y.format(p='a')}(?:(?P<a_mo>[01]?\d)月(?:(?P<a_d>[0-3]?\d)日{tail('a')})?"
                 rf"|(?![度代間间初末]))")
    parts.append(rf"{zpre('b')}(?<![\d年])(?P<b_mo>[01]?\d)月(?P<b_d>[0-3]?\d)日{tail('b')}")
    parts.append(rf"(?<![\d.,/-])(?P<i_y>[12]\d{{3}})(?P<i_sep>[-/.])(?P<i_mo>[01]?\d)(?P=i_sep)"
                 rf"(?P<i_d>[0-3]?\d)(?![\d])(?:(?P<i_T>T|\s)(?P<i_th>[0-2]\d):(?P<i_tm>[0-5]\d)"
                 rf"(?::(?P<i_ts>[0-5]\d))?(?P<i_z3>Z|[+\-]\d{{2}}:?\d{{2}})?)?{zpost('i')}")
    parts.append(rf"{zpre('t')}(?<![\d.,:/]){time('t')}{zpost('t')}")
    parts.append(rf"(?P<r_wd>{wd_free})")
    return "|".join(_mark(p) for p in parts)


@lru_cache(maxsize=32)
def pattern_for(language: str) -> tuple[Vocab, re.Pattern[str], re.Pattern[str], dict]:
    """(vocabulary, the full pattern, a cheap prefilter that any match must contain,
    alternative letter -> ((group name, field), ...))."""
    v = vocab_for(language)
    body = _cjk(v) if v.cjk else _latin(v)
    # Most positions in prose cannot open a date: reject them on one character before
    # trying the alternatives (the set is every first character an alternative can take).
    starts = set("0123456789")
    for group in (v.weekdays, v.weekdays_free, v.seasons, v.zones, v.eras, v.am, v.pm,
                  v.year_before, v.time_joiners, v.months if not v.cjk else ()):
        starts.update(w[0] for w in group if w)
    first = "".join(sorted(starts)).replace("\\", "\\\\").replace("]", "\\]").replace("-", "\\-").replace("^", "\\^")
    body = (r"\b" if not v.cjk else "") + f"(?=[{first}])(?:{body})"
    words = list(v.weekdays_free) + list(v.seasons) + list(v.eras)
    # Compiled through the disk cache shared with money recognition: compiling this
    # pattern costs ~50 ms, reloading it a few.
    from ..patterns import compile_all
    made = compile_all(f"dates-{v.language}", {"pre": rf"\d|{alt(words)}", "body": body})
    pre, compiled = made["pre"], made["body"]
    fields: dict[str, list] = {}
    for name in compiled.groupindex:
        head, _, tail = name.partition("_")
        if head != "A":
            fields.setdefault(head, []).append((name, tail.rstrip("0123456789")))
    shared = fields.pop("w", [])
    table = {k: tuple(shared + g if k in "abin" else g) for k, g in fields.items()}
    return v, compiled, pre, table
