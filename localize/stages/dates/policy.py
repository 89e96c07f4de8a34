"""The dates policy: what to do with each recognised date, time, season and weekday."""
from __future__ import annotations

import datetime as _dt
from typing import Any, Mapping

from ...edits import Diagnostic, Edit, Severity
from ...render import dates as render
from .. import PassOutput
from . import rules as R

_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
_SOUTH = {"spring": "autumn", "summer": "winter", "autumn": "spring", "winter": "summer"}


def recognise(text: str, ctx: Any) -> list[Any]:
    """Date entities of `text` (tests replace this with hand-built entities)."""
    from ...recognize.dates import find_dates
    return list(find_dates(text, ctx.locale, reference=ctx.date, config=ctx.config))


def run(doc: Any, ctx: Any) -> PassOutput:
    out = PassOutput()
    entities = [e for e in recognise(doc.text, ctx)
                if e.kind == "date" and doc.touches_protected(e.start, e.end) is None]
    if not entities:
        return out
    profile = ctx.profile
    checks = profile.get("dates.checks") or {}
    relatives: list[Any] = []
    dateline: render.Rendered | None = _front_matter_dateline(ctx)
    for e in entities:
        d: Mapping[str, Any] = e.data
        if d.get("valid") is False:
            if checks.get("impossible", True):
                out.diagnostics.append(Diagnostic(
                    R.IMPOSSIBLE, Severity.ERROR,
                    f"{e.text!r} is not a date: {d.get('problem') or 'no such day'}", e.start, e.end))
            continue
        if d.get("relative"):
            relatives.append(e)
            continue
        readings = list(d.get("readings") or ())
        if len(readings) > 1:
            _ambiguous(e, readings, profile, checks, out)
            continue
        if d.get("season"):
            _season(e, profile, checks, out)
            continue
        if d.get("weekday") is not None and _weekday_wrong(e, profile, checks, out):
            continue
        if not _wants_render(d, profile):
            continue
        shown = render.render(d, profile, reference=ctx.date)
        if shown is None:
            continue
        if shown.converted and dateline is None:
            dateline = shown
        if shown.text == e.text:
            continue
        if shown.converted:
            moved = f" (the date moves {_days(shown.day_shift)})" if shown.day_shift else ""
            out.edits.append(Edit(
                e.start, e.end, shown.text, R.ZONE,
                f"{e.text!r} is {d.get('zone')} time; in {shown.zone} it is {shown.text!r}{moved}",
                data={"source": shown.source.isoformat(), "target": shown.target.isoformat(),
                      "zone": shown.zone}))
        else:
            out.edits.append(Edit(e.start, e.end, shown.text, R.REFORMAT,
                                  f"{profile.tag} writes {e.text!r} as {shown.text!r}",
                                  data={"iso": d.get("iso")}))
    if relatives and dateline is not None and dateline.day_shift and checks.get("weekday_shift", True):
        for e in relatives:
            _weekday_shift(e, dateline, profile, out)
    return out


def _days(shift: int) -> str:
    n = abs(shift)
    return f"{n} day{'s' if n != 1 else ''} {'back' if shift < 0 else 'forward'}"


def _wants_render(d: Mapping[str, Any], profile: Any) -> bool:
    style = d.get("style")
    if d.get("era") and profile.get("dates.keep_era", True):
        return False
    if style == "iso" and not profile.get("dates.rewrite_iso", False):
        return False
    if style == "numeric" and not profile.get("dates.rewrite_numeric", True):
        return False
    return True


def _front_matter_dateline(ctx: Any) -> render.Rendered | None:
    """The publication moment from front matter, when it carries a zone."""
    moment = getattr(ctx, "moment", None)
    zone = render.reader_zone(ctx.profile)
    if moment is None or moment.tzinfo is None or not zone:
        return None
    moved = moment.astimezone(render._zoneinfo(zone))
    shift = (moved.date() - moment.date()).days
    return render.Rendered("", True, shift, moment, moved, zone)


def _weekday_wrong(e: Any, profile: Any, checks: Mapping[str, Any], out: PassOutput) -> bool:
    """Report (and, by profile, fix) a weekday that contradicts its date; True when wrong."""
    d = e.data
    year, month, day = d.get("year"), d.get("month"), d.get("day")
    if year is None or month is None or day is None:
        return False
    try:
        actual = _dt.date(year, month, day).weekday()
    except ValueError:
        return False
    written = int(d["weekday"])
    if actual == written:
        return False
    if not checks.get("weekday", True):
        return True
    right = render.weekday_word(actual, profile)
    wrong = render.weekday_word(written, profile)
    when = render.format_date_part(_dt.date(year, month, day), "day", profile)
    message = f"{when} is a {right}, not a {wrong}"
    span = d.get("weekday_span")
    fix = None
    if span and profile.get("dates.fix_weekday", False):
        s, t = int(span[0]), int(span[1])
        fix = render.weekday_word(actual, profile, like=e.text[s - e.start:t - e.start] or None)
        out.edits.append(Edit(s, t, fix, R.WEEKDAY_MISMATCH,
                              f"{message}; weekday corrected (dates.fix_weekday)"))
        return True  # the change is reported as the finding
    out.diagnostics.append(Diagnostic(R.WEEKDAY_MISMATCH, Severity.ERROR, message, e.start, e.end,
                                      data={"written": written, "actual": actual}))
    return True


def _ambiguous(e: Any, readings: list[str], profile: Any, checks: Mapping[str, Any],
               out: PassOutput) -> None:
    order = render.numeric_order(profile)
    if e.data.get("order") == order or not checks.get("ambiguous", True):
        return  # written the way this reader reads it
    shown = []
    for iso in readings:
        try:
            shown.append(f"{render.format_date_part(_dt.date.fromisoformat(iso), 'day', profile)} ({iso})")
        except ValueError:
            shown.append(iso)
    out.diagnostics.append(Diagnostic(
        R.AMBIGUOUS, Severity.WARNING,
        f"{e.text!r} reads two ways: {' or '.join(shown)}; {profile.tag} reads numeric dates "
        f"{order}, the text was taken as {e.data.get('order') or 'unknown'}: write the month out",
        e.start, e.end, data={"readings": readings}))


def _season(e: Any, profile: Any, checks: Mapping[str, Any], out: PassOutput) -> None:
    d = e.data
    season = d["season"]
    if render.hemisphere(profile) == "south":
        if not checks.get("southern_season", True):
            return
        first, last = _SEASON_MONTHS.get(season, (None, None))
        meant = ""
        if first:
            from babel.dates import get_month_names
            names = get_month_names("wide", locale=profile.babel_locale)
            meant = f" (northern {season}: {names[first]} to {names[last]})"
        out.diagnostics.append(Diagnostic(
            R.SOUTHERN_SEASON, Severity.WARNING,
            f"{d.get('season_word') or e.text!r} is a northern-hemisphere season{meant}; readers in "
            f"{profile.tag} live in {_SOUTH.get(season, 'another season')} then: name the months",
            e.start, e.end))
        return
    word, span = d.get("season_word"), d.get("season_span")
    if not word or not span:
        return
    better = (profile.get("dates.season_rewrite") or {}).get(word.casefold())
    if not better or better.casefold() == word.casefold():
        return
    better = render.match_case(better, word)
    out.edits.append(Edit(int(span[0]), int(span[1]), better, R.SEASON,
                          f"{profile.tag} says {better!r} for {word!r}"))


def _weekday_shift(e: Any, dateline: render.Rendered, profile: Any, out: PassOutput) -> None:
    d = e.data
    written = d.get("weekday")
    if written is None:
        return
    other = (int(written) + dateline.day_shift) % 7
    src_day = render.format_date_part(dateline.source.date(), "day_weekday", profile)
    dst_day = render.format_date_part(dateline.target.date(), "day_weekday", profile)
    resolved = f" ({d['resolved']} in the writer's zone)" if d.get("resolved") else ""
    out.diagnostics.append(Diagnostic(
        R.WEEKDAY_SHIFT, Severity.WARNING,
        f"{e.text!r}{resolved} was counted in the dateline's zone, where it is {src_day}; in "
        f"{dateline.zone} the dateline is {dst_day}, so the day meant may be "
        f"{render.weekday_word(other, profile)} for readers there: check it",
        e.start, e.end, data={"shift_days": dateline.day_shift}))
