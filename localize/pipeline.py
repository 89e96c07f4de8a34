"""The staged pipeline: run passes in order, apply their edits, keep the offset maps,
and report every change and finding at line:column of the input and of the output.

A `Pipeline` holds only immutable settings, so one instance can serve many threads.
"""
from __future__ import annotations

import datetime as _dt
import importlib
import threading
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .config import Config, coerce
from .document import Document, Format, parse_date
from .edits import (CONFLICT_RULE, LANGUAGE_RULE, PROTECTED_RULE, Change, Diagnostic, Edit, Severity,
                    apply_edits, resolve_conflicts)
from .errors import LocalizeError, ProfileError
from .offsets import EditMap, LineIndex, map_spans
from .profiles import Profile, load_profile
from .source import Source
from .suppression import RuleFilter, scan as scan_suppressions
from .stages import LANGUAGE_SENSITIVE, STAGE_MODULES, STAGE_ORDER, Pass


# How many times the passes may run over one document (see Pipeline._execute). Two
# suffice for every case seen; the third is a guard, and a pass that still changes
# the text then is a bug the idempotence tests report.
MAX_ROUNDS = 3


@dataclass(frozen=True)
class Context:
    """What a pass may know beyond the document: the target profile and the run's facts."""
    profile: Profile
    config: Config
    date: _dt.date | None = None
    date_source: str | None = None      # "front matter" or "argument"
    moment: _dt.datetime | None = None  # publication time, when front matter gives one

    @property
    def locale(self) -> str:
        return self.profile.tag

    @property
    def language(self) -> str:
        return self.profile.language


@dataclass
class Result:
    """The outcome of one run: the output text, what changed and why, what was found."""
    text: str
    changes: list[Change]
    diagnostics: list[Diagnostic]
    locale: str
    input: str
    path: str | None = None
    date: _dt.date | None = None

    @property
    def changed(self) -> bool:
        return self.text != self.input

    def findings(self) -> list[Diagnostic]:
        """Diagnostics plus one finding for each change `run` would make (for `check`)."""
        from .rules import rule_for
        pending = []
        for c in self.changes:
            severity = c.severity
            if severity is None:
                rule = rule_for(c.stage, c.rule)
                severity = rule.severity if rule else Severity.WARNING
            pending.append(Diagnostic(
                rule=c.rule, severity=severity,
                message=c.reason, start=c.original_start.offset, end=c.original_end.offset,
                stage=c.stage, fix=c.after, data=dict(c.data),
                original_start=c.original_start, original_end=c.original_end,
                output_start=c.output_start, output_end=c.output_end))
        return sorted(self.diagnostics + pending, key=_diag_key)

    def diff(self, name: str = "input") -> str:
        from .reports.diff import unified
        return unified(self.input, self.text, name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "locale": self.locale,
            "date": self.date.isoformat() if self.date else None,
            "changed": self.changed,
            "text": self.text,
            "changes": [c.to_dict() for c in self.changes],
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }


def _diag_key(d: Diagnostic) -> tuple:
    pos = d.original_start.offset if d.original_start else d.start
    return (pos, -d.severity.rank, d.rule, d.message)


@dataclass
class _Trace:
    """Running record of one pipeline run, in per-pass coordinates."""
    maps: list[EditMap] = field(default_factory=list)
    changes: list[tuple[int, Edit, str, int, int]] = field(default_factory=list)
    diagnostics: list[tuple[int, Diagnostic]] = field(default_factory=list)


class Pipeline:
    """Reusable, thread-safe localisation pipeline.

    >>> Pipeline(locale="en-GB").run("Hello  world\\n").text
    'Hello world\\n'
    """

    def __init__(self, locale: str | None = None, *,
                 config: "Config | Mapping[str, Any] | str | None" = None,
                 stages: Iterable[str] | None = None, skip: Iterable[str] = (),
                 disable_rules: Iterable[str] = (), format: Format = "markdown",
                 glossaries: Iterable[str] = ()) -> None:
        self.config = coerce(config)
        if glossaries:
            # Per-run glossaries come first: earlier glossaries take precedence.
            from dataclasses import replace
            self.config = replace(self.config, glossaries=tuple(str(g) for g in glossaries)
                                  + tuple(self.config.glossaries))
        self.locale = locale
        self.format = format
        chosen = tuple(stages) if stages is not None else None
        for name in (*(chosen or ()), *skip):
            if name not in STAGE_ORDER:
                raise LocalizeError(f"unknown stage {name!r}; stages are {', '.join(STAGE_ORDER)}")
            if chosen is not None and name in chosen and name not in STAGE_MODULES:
                raise LocalizeError(f"stage {name!r} is not available in this version of localize")
        self._only = frozenset(chosen) if chosen is not None else None
        self._skip = frozenset(skip)
        self._filter = RuleFilter((*disable_rules, *self.config.disable_rules))
        self._lock = threading.Lock()
        self._profiles: dict[str, Profile] = {}
        self._pass_cache: dict[int, tuple[Profile, list[Pass]]] = {}
        if self.locale is not None:
            load_profile(self.locale)  # fail early on an unknown tag
        if any(rule.get("examples") for rule in self.config.rules.values()):
            from .stages.validate.catalogue import verify_house_examples
            verify_house_examples(self.config)

    # -- public entry points -------------------------------------------------------
    def run(self, text: str, *, locale: str | None = None, format: Format | None = None,
            date: "_dt.date | str | None" = None, path: str | None = None,
            fallback_locale: str | None = None) -> Result:
        """Localise `text`. The locale is `locale`, else the pipeline's, else front
        matter's, else `fallback_locale` (e.g. from the file name), else the config's."""
        source = Source.from_text(text)
        doc = Document(source.body, format or self.format, path)
        tag = locale or self.locale or doc.metadata.locale or fallback_locale or self.config.locale
        if not tag:
            raise ProfileError("no locale: pass --locale, set `locale:` in front matter, "
                               "name the file like article.ja-JP.md, or set `locale` in localize.yaml",
                               path=path)
        try:
            profile = self._profile(tag)
        except ProfileError as exc:
            if tag == doc.metadata.locale and not (locale or self.locale):
                from .document import _key_line
                exc.path = exc.path or path
                body = doc.text.split("\n", 1)[-1]  # _key_line counts from the line after ---
                exc.line = next((ln for key in ("locale", "lang", "language")
                                 if (ln := _key_line(body, key)) is not None), None)
            raise
        ctx = self._context(profile, doc, date, path)
        body, trace = self._execute(doc, ctx, self._rule_filter(path))
        if body == source.body:
            output = text  # nothing changed: hand back the very same string
        else:
            output = source.restore(body)
        changes, diagnostics = self._positions(source.body, body, trace)
        return Result(output, changes, diagnostics, profile.tag, text, path, ctx.date)

    def check(self, text: str, **kwargs: Any) -> list[Diagnostic]:
        return self.run(text, **kwargs).findings()

    # -- internals -----------------------------------------------------------------
    def _profile(self, tag: str) -> Profile:
        # Profiles and the passes built from them are immutable, so each pipeline keeps
        # them per tag: a CMS calling run() per article pays for them once.
        cached = self._profiles.get(tag)
        if cached is None:
            profile = load_profile(tag)
            cached = profile.with_overrides(self.config.profile_overrides(profile.tag))
            with self._lock:
                cached = self._profiles.setdefault(tag, cached)
        return cached

    def _context(self, profile: Profile, doc: Document, date: Any, path: str | None) -> Context:
        meta = doc.metadata
        if meta.date is not None:
            return Context(profile, self.config, meta.date, "front matter", meta.datetime)
        if date is not None:
            try:
                day, moment = parse_date(date, where="--date")
            except ValueError as exc:
                raise LocalizeError(str(exc), path=path) from None
            return Context(profile, self.config, day, "argument", moment)
        return Context(profile, self.config)

    def _passes(self, profile: Profile) -> list[Pass]:
        key = id(profile)
        cached = self._pass_cache.get(key)
        if cached is not None and cached[0] is profile:
            return cached[1]
        passes = self._build_passes(profile)
        with self._lock:
            self._pass_cache[key] = (profile, passes)
        return passes

    def _build_passes(self, profile: Profile) -> list[Pass]:
        passes: list[Pass] = []
        for stage in STAGE_ORDER:
            if stage not in STAGE_MODULES or stage in self._skip:
                continue
            if self._only is not None:
                if stage not in self._only:
                    continue
            elif not profile.stage_enabled(stage):
                continue
            module = importlib.import_module(STAGE_MODULES[stage])
            passes.extend(module.passes(profile))
        return passes

    def _rule_filter(self, path: str | None) -> RuleFilter:
        if path is None or not self.config.per_file_ignores:
            return self._filter
        extra = self.config.ignored_for_path(path)
        return RuleFilter(self._filter.selectors + extra) if extra else self._filter

    def _execute(self, doc: Document, ctx: Context, rules_off: RuleFilter) -> tuple[str, _Trace]:
        trace = _Trace()
        suppressions, scanned = None, None
        steps = self._passes(ctx.profile)
        if any(step.stage in LANGUAGE_SENSITIVE for step in steps):
            from .language import check_language
            verdict = check_language(doc, ctx.profile)
            if not verdict.matches:
                skipped = sorted({s.stage for s in steps if s.stage in LANGUAGE_SENSITIVE},
                                 key=STAGE_ORDER.index)
                steps = [s for s in steps if s.stage not in LANGUAGE_SENSITIVE]
                trace.diagnostics.append((0, Diagnostic(
                    LANGUAGE_RULE, Severity.WARNING,
                    f"the text does not look like {ctx.profile.language} ({verdict.evidence}), the "
                    f"language of {ctx.locale}; localize adapts text already in the reader's "
                    f"language, so {', '.join(skipped)} did not run. Translate first, or pass the "
                    f"locale that matches the text.", 0, 0, stage="pipeline")))
        # A later stage's fix can make text an earlier stage reads ("4 月28日" becomes a
        # date once validate takes the space out), so the passes run again until a round
        # changes nothing: `run` on its own output then changes nothing either. Every
        # change is kept; a later round adds only findings the earlier ones did not make.
        reported: set[tuple[str, str]] = set()
        first_stage = steps[0].stage if steps else ""
        for _round in range(MAX_ROUNDS):
            round_start = len(trace.diagnostics)
            edited: set[str] = set()
            for step in steps:
                out = step.run(doc, ctx)
                layer = len(trace.maps)
                if scanned is not doc:  # comments move with the text: rescan after edits
                    suppressions, scanned = scan_suppressions(doc), doc

                def silenced(rule: str, offset: int) -> bool:
                    return bool((rules_off and rules_off.off(rule, step.stage)) or
                                (suppressions and suppressions.covers(rule, step.stage, offset)))
                for d in out.diagnostics:
                    if not silenced(d.rule, d.start):
                        d.stage = d.stage or step.stage
                        trace.diagnostics.append((layer, d))
                edits = []
                for e in out.edits:
                    if silenced(e.rule, e.start):
                        continue
                    outside = not (0 <= e.start <= e.end <= len(doc.text))
                    region = None if outside else doc.touches_protected(e.start, e.end)
                    joined = None if outside or region else doc.breaks_block(e.start, e.end, e.replacement)
                    if outside or region or joined:
                        where = (f"inside {region.kind}" if region else
                                 f"joining text onto a line of {joined.kind}" if joined else
                                 "outside the document")
                        trace.diagnostics.append((layer, Diagnostic(
                            PROTECTED_RULE, Severity.WARNING,
                            f"{e.rule} wanted to change {doc.text[e.start:e.end]!r} {where}; not applied",
                            max(0, min(e.start, len(doc.text))), max(0, min(e.end, len(doc.text))),
                            stage=step.stage)))
                        continue
                    edits.append(e if e.stage else _with_stage(e, step.stage))
                winners, losers = resolve_conflicts(edits)
                for loser, winner in losers:
                    trace.diagnostics.append((layer, Diagnostic(
                        CONFLICT_RULE, Severity.INFO,
                        f"{loser.rule} wanted {doc.text[loser.start:loser.end]!r} -> {loser.replacement!r} "
                        f"({loser.reason}), but {winner.rule} changed overlapping text first",
                        loser.start, loser.end, stage=step.stage, fix=loser.replacement,
                        data={"lost": loser.rule, "kept": winner.rule})))
                winners = [e for e in winners if doc.text[e.start:e.end] != e.replacement]
                if not winners:
                    continue
                edit_map = EditMap((e.start, e.end, len(e.replacement)) for e in winners)
                for i, e in enumerate(winners):
                    trace.changes.append((layer, e, doc.text[e.start:e.end], *edit_map.new_span(i)))
                trace.maps.append(edit_map)
                edited.add(step.stage)
                doc = doc.with_edits(apply_edits(doc.text, winners), edit_map)
            if _round:
                fresh = [(layer, d) for layer, d in trace.diagnostics[round_start:]
                         if (d.rule, d.message) not in reported]
                trace.diagnostics[round_start:] = fresh
            reported.update((d.rule, d.message) for _layer, d in trace.diagnostics[round_start:])
            # Only a change made after the first stage can give an earlier one something
            # new to read; the passes of one stage are ordered to settle in one go.
            if not edited - {first_stage}:
                break
        return doc.text, trace

    @staticmethod
    def _positions(original: str, output: str, trace: _Trace) -> tuple[list[Change], list[Diagnostic]]:
        maps = trace.maps
        # Every span is carried back to the input and forward to the output first, so
        # the line and column lookups run as two batches (LineIndex.positions).
        # (layer, span, maps back to the input, maps on to the output) of each item,
        # grouped by layer so each group is carried in a few walks (offsets.map_spans).
        items = [(layer, (e.start, e.end), (new_start, new_end), layer + 1)
                 for layer, e, _before, new_start, new_end in trace.changes]
        items += [(layer, (d.start, d.end), (d.start, d.end), layer) for layer, d in trace.diagnostics]
        spans: list[tuple[int, int, int, int]] = [(0, 0, 0, 0)] * len(items)
        groups: dict[tuple[int, int], list[int]] = {}
        for i, (layer, _old, _new, onward) in enumerate(items):
            groups.setdefault((layer, onward), []).append(i)
        for (layer, onward), members in groups.items():
            back = map_spans(maps[:layer], [items[i][1] for i in members], back=True)
            forward = map_spans(maps[onward:], [items[i][2] for i in members], back=False)
            for i, b, f in zip(members, back, forward):
                spans[i] = (*b, *f)
        src = LineIndex(original).positions([o for span in spans for o in span[:2]])
        dst = LineIndex(output).positions([o for span in spans for o in span[2:]])
        changes = []
        for i, (_layer, e, before, _s, _e) in enumerate(trace.changes):
            changes.append(Change(e.stage, e.rule, before, e.replacement, e.reason, src[2 * i], src[2 * i + 1],
                                  dst[2 * i], dst[2 * i + 1], dict(e.data), e.severity))
        changes.sort(key=lambda c: (c.original_start.offset, c.original_end.offset))
        diagnostics = []
        for i, (_layer, d) in enumerate(trace.diagnostics, start=len(trace.changes)):
            d.original_start, d.original_end = src[2 * i], src[2 * i + 1]
            d.output_start, d.output_end = dst[2 * i], dst[2 * i + 1]
            diagnostics.append(d)
        diagnostics.sort(key=_diag_key)
        return changes, diagnostics


def _with_stage(e: Edit, stage: str) -> Edit:
    return Edit(e.start, e.end, e.replacement, e.rule, e.reason, stage, e.data, e.priority, e.severity)
