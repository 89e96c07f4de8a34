"""A warm start of the money recogniser: the on-disk cache (CLDR tables, compiled
patterns), backward matching without `regex`, and the Unicode tables that replace
`\\p{...}`. The cache may only ever save time: every result must be the same with a
cold cache, a warm one, a damaged one and none at all."""
from __future__ import annotations

import importlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
import regex

from localize import cache, cldr
from localize.recognize import extract, lexicon, money, patterns, uniclass
from localize.recognize.annotations import find_annotations

from .cases_lib import load

# (`from localize.recognize import annotations` would be the __future__ feature.)
annotations_module = importlib.import_module("localize.recognize.annotations")

LANGUAGES = ("en", "ja", "de", "fr", "es", "zh")
# Beyond the case tables: a rejected range (the second, range-free pattern), an
# annotation in each language, and a figure with no currency.
EXTRA = {
    "en": ["Sales rose from $3 billion to $4 billion.", "It cost $4bn (about £3bn), up to €2.5m.",
           "In 2023 dollars, 12 people paid US$1,250,000."],
    "de": ["Der Konzern investiert bis zu 4 Mrd. $ (rund 3,5 Milliarden Euro)."],
    "fr": ["Le groupe investira 4 milliards de dollars (environ 3,5 milliards d'euros)."],
    "es": ["La empresa invertirá 4000 millones de dólares (unos 3500 millones de euros)."],
    "ja": ["同社は最大40億ドル（約6000億円）を投資する。3億円～4億円。"],
    "zh": ["该公司将投资40亿美元（约合270亿元人民币）。"],
}


def _forget_in_memory() -> None:
    """Start over as a new process would (the on-disk cache stays)."""
    for fn in (lexicon._build, cldr.currency_tables, cldr.currency_periods, cldr.number_symbols,
               money.matcher, annotations_module._lead_pattern):
        fn.cache_clear()


def _texts() -> list[tuple[str, str]]:
    out = [(c.language, c.text) for c in load("money") + load("holdout")]
    out += [(lang, t) for lang, texts in EXTRA.items() for t in texts]
    return out


def _results(texts: list[tuple[str, str]]) -> list:
    _forget_in_memory()
    out = []
    for lang, text in texts:
        found = extract(text, language=lang)
        out.append(([e.to_dict() for e in found],
                    [a.to_dict(text) for a in find_annotations(text, found, lang)]))
    _forget_in_memory()
    return out


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    yield tmp_path / "localize"
    _forget_in_memory()


@pytest.fixture(scope="module")
def without_cache():
    """Every case text, recognised with no cache at all."""
    texts = _texts()
    mp = pytest.MonkeyPatch()
    mp.setattr(cache, "cache_dir", lambda: None)
    try:
        return texts, _results(texts)
    finally:
        mp.undo()


def test_results_are_the_same_without_a_cache_cold_and_warm(without_cache, cache_home, monkeypatch):
    texts, reference = without_cache
    assert not cache_home.exists()
    cold = _results(texts)
    names = sorted(p.name for p in cache_home.iterdir())
    for lang in LANGUAGES:
        assert any(n.startswith(f"cldr-{lang}-") for n in names), names
        assert any(n.startswith(f"money-{lang}-") for n in names), names
    assert any(n.startswith("money-noranges-en-") for n in names)
    assert not [n for n in names if n.endswith(".tmp")]
    assert cold == reference

    # Warm: nothing is derived again; Babel is not asked and no pattern is compiled.
    def refuse(*_args, **_kwargs):
        raise AssertionError("derived again although the cache holds it")
    monkeypatch.setattr(cldr, "_currency_tables_from_babel", refuse)
    monkeypatch.setattr(patterns, "_compile_parts", refuse)
    assert _results(texts) == reference


@pytest.fixture(scope="module")
def filled_cache(tmp_path_factory, without_cache):
    """A cache filled by recognising the English and Japanese case texts."""
    texts, reference = without_cache
    pairs = [(t, r) for t, r in zip(texts, reference) if t[0] in ("en", "ja")]
    sample, expected = [t for t, _ in pairs], [r for _, r in pairs]
    home = tmp_path_factory.mktemp("filled")
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(home))
    try:
        assert _results(sample) == expected
    finally:
        mp.undo()
    return home / "localize", sample, expected


def _damaged(blob: bytes, damage: str, suffix: str) -> bytes:
    magic = b"localize-cache 2\n"
    header_end = blob.index(b"\n", len(magic))
    if damage == "garbage":
        return random.Random(len(blob)).randbytes(len(blob))
    if damage == "truncated":
        return blob[: len(blob) // 2]
    if damage == "empty":
        return b""
    if damage == "payload_bit":
        return blob[:-10] + bytes([blob[-10] ^ 0x01]) + blob[-9:]
    if damage == "key_bit":
        i = header_end + 5
        return blob[:i] + bytes([blob[i] ^ 0x01]) + blob[i + 1:]
    # "wrong_shape": a well-formed entry for the right key whose payload makes no sense
    key_len = int(blob[len(magic):header_end].split(b" ")[0], 16)
    key = blob[header_end + 1:header_end + 1 + key_len]
    payload = b'{"names": 3}' if suffix == ".json" else b"\x00not marshal"
    return magic + b"%x %x %x\n" % (len(key), len(payload), zlib.crc32(payload)) + key + payload


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "payload_bit", "key_bit",
                                    "wrong_shape"])
def test_a_damaged_cache_file_is_ignored_and_rewritten(filled_cache, cache_home, damage):
    filled, sample, expected = filled_cache
    shutil.copytree(filled, cache_home)
    names = sorted(p.name for p in cache_home.iterdir())
    assert names and any(n.endswith(".json") for n in names) and any(n.endswith(".re") for n in names)
    for path in cache_home.iterdir():
        path.write_bytes(_damaged(path.read_bytes(), damage, path.suffix))
    assert _results(sample) == expected
    # ... and each damaged entry was replaced by a good one, under the same name.
    assert sorted(p.name for p in cache_home.iterdir()) == names
    for path in cache_home.iterdir():
        assert path.read_bytes() == (filled / path.name).read_bytes()


def test_an_unwritable_cache_folder_is_no_error(without_cache, tmp_path, monkeypatch):
    texts, reference = without_cache
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    sample = texts[:40]
    assert _results(sample) == reference[:40]
    assert blocker.is_file()


def test_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / ".cache" / "localize"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "localize"


def test_cache_entries_are_read_only_for_their_own_key(cache_home):
    name = cache.entry_name("unit", "key one")
    assert cache.write(name, "key one", b"payload")
    assert cache.read(name, "key one") == b"payload"
    assert cache.read(name, "key two") is None       # same file, another key
    assert cache.read("missing", "key one") is None
    assert cache.entry_name("unit", "key one") == name != cache.entry_name("unit", "key two")
    assert [p.name for p in cache_home.iterdir()] == [name]


def test_writing_an_entry_removes_stale_ones_of_the_same_kind(cache_home):
    cache_home.mkdir(parents=True)
    old = time.time() - (cache.STALE_DAYS + 1) * 86400
    files = {"stale": "money-en-0123456789abcdef.re", "recent": "money-en-fedcba9876543210.re",
             "other_kind": "money-en-GB-0123456789abcdef.re", "other_suffix": "money-en-0123456789abcdef.json",
             "tmp": ".money-en-x.re.abc.tmp"}
    for label, name in files.items():
        (cache_home / name).write_bytes(b"x")
        if label != "recent":
            os.utime(cache_home / name, (old, old))
    name = cache.entry_name("money-en", "k") + ".re"
    assert cache.write(name, "k", b"p")
    left = {p.name for p in cache_home.iterdir()}
    assert left == {name, files["recent"], files["other_kind"], files["other_suffix"]}


def test_a_warm_start_imports_neither_babel_nor_regex(tmp_path):
    script = ("import sys\n"
              "from localize.recognize import extract\n"
              "from localize.recognize.annotations import find_annotations\n"
              "text = 'It will invest up to $4bn (about £3bn), from $3 billion to $4 billion.'\n"
              "found = extract(text, language='en-GB')\n"
              "assert len(find_annotations(text, found, 'en-GB')) == 1, found\n"
              "print(sorted(m for m in ('babel', 'regex') if m in sys.modules))\n")
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path))
    runs = [subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                           check=True).stdout.strip() for _ in range(2)]
    assert "regex" not in runs[0]     # cold: CLDR tables came from Babel
    assert runs[1] == "[]"            # warm: from the cache only


def test_currency_periods_match_babel():
    from babel.core import get_global
    periods = cldr.currency_periods()
    for code, spans in periods.items():
        assert all(s is None or re.fullmatch(r"\d{4}-\d\d-\d\d", s) for span in spans for s in span)
    assert any(end is None for _start, end in periods["USD"])
    assert periods["DEM"] and all(end is not None for _start, end in periods["DEM"])
    expected = {}
    for entries in get_global("territory_currencies").values():
        for code, start, end, _tender in entries:
            expected.setdefault(code, []).append(
                tuple(None if not d else "%04d-%02d-%02d" % tuple(d) for d in (start, end)))
    assert {c: list(s) for c, s in periods.items()} == expected


# -- backward matching --------------------------------------------------------------

def _word_soup(rng: random.Random, words: list[str]) -> str:
    pieces = words + ["", " ", "  ", "\u00a0", "\u202f", "x", "é", "\u0301", "1", "/", "ı", "İ", "ア",
                      "$", "US", "-", "."]
    return "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_backward_matches_equal_regex_reverse_matches(lang):
    """patterns.Backward (reversed pattern on reversed text) finds what `regex` finds
    matching the forward pattern backwards with (?r)."""
    lx = lexicon.lexicon_for(lang)
    sp = money.SP
    fwd = (f"(?r)(?:(?P<approx>{money._tokens(lx.approx_before, fold=True)})"
           f"|(?P<upper>{money._tokens(lx.upper_before, fold=True)})){sp}*")
    reference = regex.compile(fwd, regex.V0)
    mt = money.matcher(lx)
    words = list(lx.approx_before) + list(lx.upper_before)
    words += [w.upper() for w in words] + [w.title() for w in words]
    rng = random.Random(lang)
    compared = matched = 0
    for _ in range(3000):
        text = _word_soup(rng, words)
        for end in range(len(text) + 1):
            want = reference.match(text, 0, end)
            got = mt.before.match(text, end)
            compared += 1
            if want is None:
                assert got is None, (text, end, got.start())
                continue
            matched += 1
            assert got is not None, (text, end, want.span())
            assert (got.start(), got.end()) == want.span(), (text, end)
            for group in ("approx", "upper"):
                assert got.group(group) == want.group(group), (text, end, group)
                assert (got.start(group), got.end(group)) == want.span(group), (text, end, group)
    assert matched > 100 and compared > matched


def test_prefix_backward_matches_equal_regex_reverse_matches():
    lx = lexicon.lexicon_for("en")
    signs = [s for s in lx.symbols if s not in lx.codes]
    pre = "|".join([f"(?<![{money.LATIN_N_SLASH}])" + money._CODE,
                    money._tokens(signs, fold=False, left=money.LATIN_N_SLASH),
                    money._tokens(lx.prefix_names, fold=True, left=money.LATIN_N_SLASH)])
    reference = regex.compile(f"(?r)(?:{pre}){money.SP}?", regex.V0)
    mt = money.matcher(lx)
    rng = random.Random(7)
    pieces = signs[:40] + ["USD", "EUR", "XYZ", "EUR/", "aUSD", "1USD", "RMB", "4", " ", "\u00a0", "x",
                           "é", "US", "S", "$", "HK", "¥"]
    matched = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
        for end in range(len(text) + 1):
            want = reference.match(text, 0, end)
            got = mt.prefix.match(text, end)
            assert (got is None) == (want is None), (text, end)
            if want is not None:
                matched += 1
                assert (got.start(), got.end()) == want.span(), (text, end)
    assert matched > 100


# -- the Unicode tables -------------------------------------------------------------

def test_unicode_tables_are_current_for_the_installed_regex():
    """_unidata.py must be what `python -m localize.recognize.uniclass` writes today."""
    chars = uniclass._all_chars()
    for name, prop in uniclass.PROPERTIES.items():
        assert getattr(uniclass, name) == uniclass.class_body(uniclass.property_ranges(prop, chars)), name
    assert uniclass.CASE_FIX == uniclass.case_differences(chars)


def test_class_bodies_match_like_the_properties():
    sample = "".join(chr(i) for i in range(0, 0x3100)) + "\U0001df95\U00010780𝐀😀"
    for name, prop in uniclass.PROPERTIES.items():
        ours = re.findall(f"[{getattr(uniclass, name)}]", sample)
        theirs = regex.findall(f"[{prop}]", sample)
        assert ours == theirs, name


def test_case_insensitive_tokens_match_what_regex_matched():
    words = ["million", "Milliarden", "groß", "İlk", "ılık", "in"]
    targets = ["MILLION", "mıllion", "mİllion", "MİLLİARDEN", "GROẞ", "GROSS", "ilk", "ILK", "İLK",
               "ILIK", "ılık", "IN", "ın", "İn"]
    for w in words:
        ours = re.compile("(?i:" + money._escape(w, True) + ")")
        theirs = regex.compile("(?i:" + regex.escape(w) + ")", regex.V0)
        for t in targets + [w]:
            assert bool(ours.fullmatch(t)) == bool(theirs.fullmatch(t)), (w, t)


def test_cldr_tables_come_from_babel_and_round_trip_through_json(cache_home):
    fresh = cldr._currency_tables_from_babel("en")
    assert json.loads(json.dumps(fresh)) == fresh
    assert cldr.currency_tables("en") == fresh
    _forget_in_memory()
    assert cldr.currency_tables("en") == fresh      # now from the cache file
    assert list(cldr.currency_tables("en")["names"]) == list(fresh["names"])   # order kept


def test_source_and_babel_fingerprints_key_the_tables():
    key = cldr._key("en")
    assert key is not None and "\nen" in key
    assert cldr._babel_fingerprint() in key and cldr._source_fingerprint() in key
    assert Path(cldr.__file__).name == "cldr.py"


@pytest.mark.parametrize("tag", ["en_GB", "de_DE", "fr_FR", "de_CH", "ja_JP", "xx_Nowhere"])
def test_number_symbols_match_babel_and_survive_the_cache(cache_home, tag):
    """For render.numbers (a proposed change): Babel's marks, without Babel when warm."""
    from babel.numbers import get_decimal_symbol, get_group_symbol
    try:
        expected = (get_decimal_symbol(tag), get_group_symbol(tag))
    except Exception:
        expected = None
    assert cldr.number_symbols(tag) == expected
    cldr.number_symbols.cache_clear()
    assert cldr.number_symbols(tag) == expected      # read back from the cache
    assert any(p.name.startswith("cldr-numbers-") for p in cache_home.iterdir())
    assert (expected is None) == (tag == "xx_Nowhere")
