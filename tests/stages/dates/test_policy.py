"""The dates policy on hand-built entities: what is rendered, converted, flagged."""
from __future__ import annotations

from localize.edits import Severity

from .conftest import entity

UTC_0246 = dict(precision="minute", iso="2026-06-14T02:46+00:00", year=2026, month=6, day=14,
                hour=2, minute=46, second=None, weekday=None, zone="UTC", utc_offset_minutes=0,
                tz=None, style="abbreviated", hour12=False)


def _rules(result):
    return [f.rule for f in result.findings()]


def test_zone_conversion_rolls_the_day_back_for_new_york(run_dates):
    text = "The first tremor hit on Jun 14, 2026 02:46 UTC, the agency said.\n"
    r = run_dates(text, [entity(text, "Jun 14, 2026 02:46 UTC", **UTC_0246)], "en-US")
    assert r.text == "The first tremor hit on June 13, 2026, 10:46 p.m. EDT, the agency said.\n"
    (change,) = r.changes
    assert change.rule == "dates.zone"
    assert "1 day back" in change.reason and "America/New_York" in change.reason


def test_zone_conversion_per_first_class_locale(run_dates):
    cases = {
        "ja-JP": ("最初の揺れは2026年6月14日 2:46 UTCに観測された。\n", "2026年6月14日 2:46 UTC",
                  "最初の揺れは2026年6月14日 11:46（日本時間）に観測された。\n"),
        "zh-CN": ("首次震动发生在2026年6月14日 2:46 UTC。\n", "2026年6月14日 2:46 UTC",
                  "首次震动发生在2026年6月14日 10:46（北京时间）。\n"),
        "de-DE": ("Das erste Beben kam am 14. Juni 2026, 02:46 UTC, und es war stark.\n",
                  "14. Juni 2026, 02:46 UTC",
                  "Das erste Beben kam am 14. Juni 2026, 04:46 Uhr MESZ, und es war stark.\n"),
        "fr-FR": ("La première secousse a eu lieu le 14 juin 2026 à 2 h 46 UTC, et elle était forte.\n",
                  "14 juin 2026 à 2 h 46 UTC",
                  "La première secousse a eu lieu le 14 juin 2026 à 4\u00a0h\u00a046 (heure de Paris), et elle était forte.\n"),
        "es-ES": ("El primer temblor fue el 14 de junio de 2026, 2:46 UTC, y fue fuerte.\n",
                  "14 de junio de 2026, 2:46 UTC",
                  "El primer temblor fue el 14 de junio de 2026, 4:46 (hora peninsular), y fue fuerte.\n"),
    }
    for locale, (text, fragment, expected) in cases.items():
        r = run_dates(text, [entity(text, fragment, **UTC_0246)], locale)
        assert r.text == expected, locale
        assert _rules(r) == ["dates.zone"], locale


def test_a_time_without_zone_is_not_converted(run_dates):
    text = "The meeting ended on June 14, 2026, 2:46 p.m. in Osaka.\n"
    data = dict(UTC_0246, zone=None, utc_offset_minutes=None, hour=14, style="long")
    r = run_dates(text, [entity(text, "June 14, 2026, 2:46 p.m.", **data)], "en-GB")
    assert r.text == "The meeting ended on 14 June 2026, 14:46 in Osaka.\n"
    assert _rules(r) == ["dates.reformat"]


def test_time_in_the_readers_zone_is_left_alone(run_dates):
    text = "It hit on June 13, 2026, 10:46 p.m. EDT, officials said.\n"
    data = dict(UTC_0246, day=13, hour=22, zone="EDT", utc_offset_minutes=-240, tz="America/New_York")
    r = run_dates(text, [entity(text, "June 13, 2026, 10:46 p.m. EDT", **data)], "en-US")
    assert r.text == text and not r.findings()


def test_precision_is_kept(run_dates):
    text = "Sales fell in June 2026 and again in 2027.\n"
    ents = [entity(text, "June 2026", precision="month", year=2026, month=6, day=None, style="long"),
            entity(text, "2027", precision="year", year=2027, month=None, day=None)]
    r = run_dates(text, ents, "en-GB")
    assert r.text == text and not r.changes


def test_month_year_reformatted_for_japanese(run_dates):
    text = "売上は June 2026 に減った。\n"
    e = entity(text, "June 2026", precision="month", year=2026, month=6, style="long")
    r = run_dates(text, [e], "ja-JP")
    assert r.text == "売上は 2026年6月 に減った。\n"


def test_weekday_mismatch_is_an_error_naming_the_right_day(run_dates):
    text = "The vote is set for Friday, June 14, 2026.\n"
    e = entity(text, "Friday, June 14, 2026", precision="day", year=2026, month=6, day=14,
               weekday=4, weekday_at="Friday", style="long")
    r = run_dates(text, [e], "en-US")
    assert r.text == text
    (d,) = r.findings()
    assert d.rule == "dates.weekday-mismatch" and d.severity is Severity.ERROR
    assert "Sunday" in d.message and "Friday" in d.message


def test_weekday_fixed_when_the_profile_says_so(run_dates):
    text = "The vote is set for Fri, June 14, 2026.\n"
    e = entity(text, "Fri, June 14, 2026", precision="day", year=2026, month=6, day=14,
               weekday=4, weekday_at="Fri", style="long")
    r = run_dates(text, [e], "en-US", config={"overrides": {"*": {"dates": {"fix_weekday": True}}}})
    assert r.text == "The vote is set for Sun, June 14, 2026.\n"
    assert [c.rule for c in r.changes] == ["dates.weekday-mismatch"]


def test_matching_weekday_is_rendered_with_the_date(run_dates):
    text = "The vote is set for Sunday, June 14, 2026.\n"
    e = entity(text, "Sunday, June 14, 2026", precision="day", year=2026, month=6, day=14,
               weekday=6, weekday_at="Sunday", style="long")
    assert run_dates(text, [e], "en-GB").text == "The vote is set for Sunday 14 June 2026.\n"
    assert run_dates(text, [e], "en-US").text == text


def test_impossible_date(run_dates):
    text = "The filing is dated February 30, 2026.\n"
    e = entity(text, "February 30, 2026", precision="day", year=2026, month=2, day=30,
               valid=False, problem="February 2026 has 28 days")
    r = run_dates(text, [e], "en-GB")
    assert r.text == text
    (d,) = r.findings()
    assert d.rule == "dates.impossible" and d.severity is Severity.ERROR and "28 days" in d.message


def test_ambiguous_numeric_date_read_the_other_way(run_dates):
    text = "The memo is dated 03/04/2026.\n"
    e = entity(text, "03/04/2026", precision="day", year=2026, month=3, day=4, style="numeric",
               readings=["2026-03-04", "2026-04-03"], order="MDY")
    r = run_dates(text, [e], "en-GB")
    assert r.text == text
    (d,) = r.findings()
    assert d.rule == "dates.ambiguous" and d.severity is Severity.WARNING
    assert "4 March 2026" in d.message and "3 April 2026" in d.message
    assert not run_dates(text, [e], "en-US").findings()


def test_unambiguous_numeric_date_is_written_out(run_dates):
    text = "Das Werk öffnete am 14.06.2026 seine Tore.\n"
    e = entity(text, "14.06.2026", precision="day", year=2026, month=6, day=14, style="numeric",
               readings=["2026-06-14"], order="DMY")
    assert run_dates(text, [e], "de-DE").text == "Das Werk öffnete am 14. Juni 2026 seine Tore.\n"
    off = {"overrides": {"*": {"dates": {"rewrite_numeric": False}}}}
    assert run_dates(text, [e], "de-DE", config=off).text == text


def test_iso_and_era_dates_are_kept(run_dates):
    text = "Filed 2026-06-14 in the registry.\n"
    e = entity(text, "2026-06-14", precision="day", year=2026, month=6, day=14, style="iso")
    assert run_dates(text, [e], "en-GB").text == text
    text = "令和8年6月14日に公布された。\n"
    e = entity(text, "令和8年6月14日", precision="day", year=2026, month=6, day=14, era="reiwa",
               era_year=8, style="cjk")
    assert run_dates(text, [e], "ja-JP").text == text


def _season(text, word, season="autumn"):
    return entity(text, f"the {word} of 2023", precision="season", year=2023, season=season,
                  season_word=word, season_at=word)


def test_season_follows_the_readers_variety(run_dates):
    text = "Output recovered in the fall of 2023.\n"
    r = run_dates(text, [_season(text, "fall")], "en-GB")
    assert r.text == "Output recovered in the autumn of 2023.\n"
    assert [c.rule for c in r.changes] == ["dates.season"]
    assert run_dates(text, [_season(text, "fall")], "en-US").text == text
    text2 = "Output recovered in the autumn of 2023.\n"
    assert run_dates(text2, [_season(text2, "autumn")], "en-US").text == text2


def test_season_capital_is_kept(run_dates):
    text = "Output recovered in the Fall of 2023.\n"
    assert run_dates(text, [_season(text, "Fall")], "en-GB").text == \
        "Output recovered in the Autumn of 2023.\n"


def test_southern_season_is_flagged_not_rewritten(run_dates):
    text = "Output recovered in the fall of 2023.\n"
    for locale in ("en-AU", "en-NZ"):
        r = run_dates(text, [_season(text, "fall")], locale)
        assert r.text == text
        (d,) = r.findings()
        assert d.rule == "dates.southern-season" and "September to November" in d.message


def test_hemisphere_from_profile_overrides_territory(run_dates):
    text = "Output recovered in the fall of 2023.\n"
    north = {"overrides": {"*": {"dates": {"hemisphere": "north"}}}}
    assert not run_dates(text, [_season(text, "fall")], "en-AU", config=north).findings()


def test_weekday_reference_moved_by_the_dateline_zone(run_dates):
    text = ("---\ndate: 2026-06-14\n---\n"
            "TOKYO, Jun 14, 2026 02:46 UTC: Exports rose, the ministry said on Friday.\n")
    ents = [entity(text, "Jun 14, 2026 02:46 UTC", **UTC_0246),
            entity(text, "Friday", precision="day", relative="weekday", weekday=4,
                   resolved="2026-06-12", weekday_at="Friday")]
    r = run_dates(text, ents, "en-US")
    assert "June 13, 2026, 10:46 p.m. EDT" in r.text and "on Friday" in r.text
    shift = [d for d in r.findings() if d.rule == "dates.weekday-shift"]
    assert len(shift) == 1 and "Thursday" in shift[0].message
    # London keeps the dateline on the same day: nothing to check.
    r = run_dates(text, ents, "en-GB")
    assert "dates.weekday-shift" not in _rules(r)


def test_dates_in_code_are_left_alone(run_dates):
    text = "Run `date --iso Jun 14, 2026 02:46 UTC` to see it.\n"
    r = run_dates(text, [entity(text, "Jun 14, 2026 02:46 UTC", **UTC_0246)], "en-US")
    assert r.text == text and not r.findings()


def test_stage_output_is_idempotent_on_its_own_rendering(run_dates):
    """Rendering the rendered value again gives the same text (the integration test with
    the real recogniser must also show that the output re-recognises to the same value)."""
    text = "It hit on Jun 14, 2026 02:46 UTC.\n"
    first = run_dates(text, [entity(text, "Jun 14, 2026 02:46 UTC", **UTC_0246)], "en-US")
    redone = dict(UTC_0246, day=13, hour=22, zone="EDT", utc_offset_minutes=-240)
    again = run_dates(first.text, [entity(first.text, "June 13, 2026, 10:46 p.m. EDT", **redone)], "en-US")
    assert again.text == first.text and not again.changes
