"""The stage with the real recogniser: its output is settled (a second run changes
nothing) and re-recognises to the value it rendered."""
from __future__ import annotations

import pytest

import localize

SENTENCES = {
    "en-US": "The first tremor hit on Jun 14, 2026 02:46 UTC, and a second one on 14 June 2026.\n",
    "en-GB": "The first tremor hit on Jun 14, 2026 02:46 UTC, and a second one on June 15, 2026.\n",
    "de-DE": "Das erste Beben kam am 14. Juni 2026 um 02:46 UTC, das zweite am 15.06.2026.\n",
    "fr-FR": "La première secousse a eu lieu le 14 juin 2026 à 2 h 46 UTC, la seconde le 15 juin 2026.\n",
    "es-ES": "El primer temblor fue el 14 de junio de 2026 a las 2:46 UTC y el segundo, el 15 de junio de 2026.\n",
    "ja-JP": "最初の揺れは2026年6月14日 2:46 UTCに観測され、2回目は2026年6月15日だった。\n",
    "zh-CN": "首次震动发生在2026年6月14日 2:46 UTC，第二次在2026年6月15日。\n",
}


@pytest.fixture
def dates_stage():
    def run(text, locale):
        return localize.localize(text, locale=locale, stages=["dates"])
    return run


@pytest.mark.parametrize("locale", sorted(SENTENCES))
def test_output_is_settled(dates_stage, locale):
    first = dates_stage(SENTENCES[locale], locale)
    again = dates_stage(first.text, locale)
    assert again.text == first.text, (first.text, again.text)


@pytest.mark.parametrize("locale, expected", [
    ("en-US", "June 13, 2026, 10:46 p.m. EDT"),
    ("en-GB", "14 June 2026, 03:46 BST"),
    ("ja-JP", "2026年6月14日 11:46（日本時間）"),
])
def test_converted_time_re_recognises_to_the_same_moment(dates_stage, locale, expected):
    from localize.recognize.dates import find_dates
    out = dates_stage(SENTENCES[locale], locale).text
    assert expected in out
    (e,) = [e for e in find_dates(out, locale) if e.text == expected]
    first = [c for c in dates_stage(SENTENCES[locale], locale).changes if c.rule == "dates.zone"]
    assert first and e.data["iso"][:16] == first[0].data["target"][:16]


def test_german_text_reads_english_clock_markers():
    text = "Die Sitzung beginnt um 2:30 p.m. im Rathaus, sagte der Sprecher am Montag.\n"
    result = localize.localize(text, locale="de-DE", date="2026-06-14", stages=["dates"])
    assert "um 14:30 Uhr im Rathaus" in result.text


def test_french_times_are_held_together_by_no_break_spaces():
    text = "La réunion commence à 14:30 à la mairie, a dit le porte-parole lundi.\n"
    result = localize.localize(text, locale="fr-FR", date="2026-06-14", stages=["dates"])
    assert "à 14\u00a0h\u00a030 à la mairie" in result.text
