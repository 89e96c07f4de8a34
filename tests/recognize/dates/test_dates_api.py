"""Behaviour of find_dates beyond the case tables: names from CLDR, the reference date,
JSON-ready data, and the profile section it reads."""
from __future__ import annotations

import datetime as _dt
import json

import pytest
from babel.dates import get_month_names

from localize.profiles.loader import load_profile
from localize.recognize import Entity
from localize.recognize.dates import find_dates

LATIN_FORMS = {"en": "{m} 5, 2026", "de": "5. {m} 2026", "fr": "5 {m} 2026", "es": "5 de {m} de 2026"}


@pytest.mark.parametrize("language", sorted(LATIN_FORMS))
def test_every_cldr_month_name_reads(language):
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale=language).items():
            text = "Seen " + LATIN_FORMS[language].format(m=name) + " here"
            found = find_dates(text, language)
            assert [e.data["iso"] for e in found] == [f"2026-{number:02d}-05"], (text, found)


def test_weekday_reference_needs_a_reference_date():
    (ent,) = find_dates("The minister resigned on Friday.", "en")
    assert ent.data["relative"] == "weekday" and ent.data["resolved"] is None
    (ent,) = find_dates("The minister resigned on Friday.", "en", _dt.date(2026, 6, 12))
    assert ent.data["resolved"] == "2026-06-12"  # the day itself counts


def test_entity_shape_and_json():
    text = "Jun 14, 2026 02:46 UTC"
    (ent,) = find_dates(text, "en")
    assert isinstance(ent, Entity) and ent.kind == "date" and ent.value is None
    assert (ent.start, ent.end) == (0, len(text))
    data = json.loads(json.dumps(ent.to_dict()))["data"]
    assert data["iso"] == "2026-06-14T02:46+00:00" and data["precision"] == "minute"
    assert data["zone"] == "UTC" and data["utc_offset_minutes"] == 0 and data["tz"] is None


def test_impossible_date_says_why():
    (ent,) = find_dates("It was dated February 30, 2026.", "en")
    assert ent.data["valid"] is False
    assert "February 2026 has only 28 days" in ent.data["problem"]


def test_dates_found_deterministically_in_a_long_text():
    text = "\n".join(["Prices rose 1.5% on 2,026 units."] * 50 + ["It opened on 3 May 2026."])
    first = find_dates(text, "en")
    assert [e.text for e in first] == ["3 May 2026"]
    assert [e.to_dict() for e in find_dates(text, "en")] == [e.to_dict() for e in first]


@pytest.mark.parametrize("tag", ["en", "en-US", "de-DE", "fr-FR", "es-ES", "ja-JP", "zh-CN"])
def test_profiles_carry_date_words(tag):
    words = load_profile(tag).get("date_words")
    assert words["order"] in ("MDY", "DMY", "YMD") and words["zones"]


def test_unknown_language_falls_back_without_crashing():
    found = find_dates("Le 14 juin 2026.", "fr-CA")
    assert [e.data["iso"] for e in found] == ["2026-06-14"]
