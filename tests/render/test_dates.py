"""Date rendering, table-driven per first-class locale (tests/render/cases/dates_*.yaml)."""
from __future__ import annotations

import datetime as _dt

import pytest

from localize.profiles import load_profile
from localize.render import dates as render

from .dates_cases_lib import REFERENCE, data_for, load

LOCALES = ("en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "ja-JP", "zh-CN")
CASES = [pytest.param(loc, case, id=f"{loc}[{i}]:{case['in']}")
         for loc in LOCALES for i, case in enumerate(load(loc))]


@pytest.mark.parametrize("locale, case", CASES)
def test_rendering_case(locale, case):
    shown = render.render(data_for(case), load_profile(locale), reference=REFERENCE)
    assert (shown.text if shown else None) == case["expect"]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_has_enough_cases(locale):
    assert len(load(locale)) >= 15


def test_issue_examples():
    data = data_for({"in": "2026-06-14T02:46Z", "zone": "UTC"})
    got = {loc: render.render(data, load_profile(loc)).text for loc in ("en-US", "en-GB", "ja-JP")}
    assert got == {"en-US": "June 13, 2026, 10:46 p.m. EDT", "en-GB": "14 June 2026, 03:46 BST",
                   "ja-JP": "2026年6月14日 11:46（日本時間）"}
    assert render.render(data, load_profile("en-US")).day_shift == -1


def test_precision_is_never_raised():
    profile = load_profile("en-US")
    assert render.render(data_for({"in": "2026-06"}), profile).text == "June 2026"
    minute = render.render(data_for({"in": "2026-06-14T09:05"}), profile).text
    assert minute == "June 14, 2026, 9:05 a.m." and "Sunday" not in minute
    assert render.render({"precision": "year", "year": 2026}, profile) is None


def test_nothing_rendered_for_what_cannot_be():
    profile = load_profile("de-DE")
    assert render.render({"precision": "day", "year": 2026, "month": 2, "day": 30}, profile) is None
    assert render.render({"precision": "day", "year": 2026, "month": 2, "day": 28, "valid": False}, profile) is None
    assert render.render({"precision": "day", "relative": "weekday", "weekday": 4}, profile) is None
    # A zoned time alone needs the article date for summer time, and may not cross midnight.
    t = data_for({"in": "T02:46Z"})
    assert render.render(t, load_profile("ja-JP")) is None
    assert render.render(t, load_profile("ja-JP"), reference=REFERENCE).text == "11:46（日本時間）"
    assert render.render(t, load_profile("en-US"), reference=REFERENCE) is None


def test_no_reader_zone_keeps_the_writers_zone():
    data = data_for({"in": "2026-06-14T02:46Z", "zone": "UTC"})
    assert render.render(data, load_profile("en-AU")).text.endswith("UTC")
    assert not render.render(data, load_profile("en-AU")).converted


def test_zone_is_configurable():
    profile = load_profile("en-GB").with_overrides({"dates": {"zone": "Asia/Tokyo"}})
    data = data_for({"in": "2026-06-14T02:46Z", "zone": "UTC"})
    # en-GB has no CLDR abbreviation for Japan: the location name stands in.
    assert render.render(data, profile).text == "14 June 2026, 11:46 Japan Time"


def test_clock_and_markers_are_profile_style():
    data = data_for({"in": "2026-06-14T14:30"})
    us = load_profile("en-US")
    assert render.render(data, us).text == "June 14, 2026, 2:30 p.m."
    assert render.render(data, us.with_overrides({"dates": {"clock": 24}})).text == "June 14, 2026, 14:30"
    assert render.render(data, us.with_overrides({"dates": {"am_pm": ["AM", "PM"]}})).text == \
        "June 14, 2026, 2:30 PM"
    assert render.render(data, load_profile("en-GB").with_overrides({"dates": {"clock": 12}})).text == \
        "14 June 2026, 2.30pm"


def test_zone_styles():
    moment = _dt.datetime(2026, 1, 15, 12, 0, tzinfo=_dt.timezone.utc)
    gb = load_profile("en-GB")
    assert render.zone_label("Europe/London", moment, gb) == "GMT"
    assert render.zone_label("Europe/Paris", moment, load_profile("fr-FR")) == "heure de Paris"
    assert render.zone_label("America/New_York", moment, gb.with_overrides({"dates": {"zone_style": "long"}})) == \
        "Eastern Standard Time"
    # No abbreviation in CLDR: the city reads better than "+0100".
    assert "+" not in render.zone_label("Europe/Paris", moment, load_profile("fr"))


def test_weekday_words_keep_width_and_case():
    us = load_profile("en-US")
    assert render.weekday_word(6, us, like="Fri") == "Sun"
    assert render.weekday_word(6, us, like="FRIDAY") == "SUNDAY"
    assert render.weekday_word(0, load_profile("de-DE")) == "Montag"
    assert render.weekday_word(6, load_profile("ja-JP")) == "日曜日"


def test_numeric_order_comes_from_cldr():
    assert render.numeric_order(load_profile("en-US")) == "MDY"
    assert render.numeric_order(load_profile("en-GB")) == "DMY"
    assert render.numeric_order(load_profile("de-DE")) == "DMY"
    assert render.numeric_order(load_profile("ja-JP")) == "YMD"
    assert render.numeric_order(load_profile("zh-CN")) == "YMD"


def test_hemisphere():
    assert render.hemisphere(load_profile("en-AU")) == "south"
    assert render.hemisphere(load_profile("pt-BR")) == "south"
    assert render.hemisphere(load_profile("es-AR")) == "south"
    assert render.hemisphere(load_profile("en-GB")) == "north"
    assert render.hemisphere(load_profile("en")) == "north"


def test_pattern_literals_are_quoted_when_markers_are_swapped():
    assert render._replace_field("h:mm a", "a", "p.m.") == "h:mm 'p.m.'"
    assert render._replace_field("h 'at' a", "a", "o'clock") == "h 'at' 'o''clock'"
