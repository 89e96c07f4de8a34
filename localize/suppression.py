"""Switching rules off: inline comments in the article, and selectors from the command
line and configuration.

    <!-- localize-disable validate.quotes -->  ...  <!-- localize-enable validate.quotes -->
    <!-- localize-disable-next-line validate.sentence-length -->
    <!-- localize-disable-line money -->      (the line the comment is on)
    <!-- localize-disable -->                 (every rule, to the next enable or the end)

A selector is a rule id, a stage name (`money`), a prefix with `*` (`validate.*`), or
`*`. Comments are HTML comments, so readers never see them and no rule reads them; a
comment inside code is an example, not a directive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from .document import Document

MARKER = "localize-"
_DIRECTIVE = re.compile(
    r"<!--\s*localize-(?P<verb>disable-next-line|disable-line|disable|enable)\b(?P<rules>[^>]*?)\s*-->")
_CODE = ("code_block", "code_span")


def selected(selector: str, rule: str, stage: str) -> bool:
    """Does `selector` name this rule?"""
    if selector in ("*", rule, stage):
        return True
    return selector.endswith("*") and rule.startswith(selector[:-1])


def any_selected(selectors: Iterable[str], rule: str, stage: str) -> bool:
    return any(selected(s, rule, stage) for s in selectors)


class RuleFilter:
    """Selectors from --disable-rule, `disable_rules` and `per_file_ignores`, with the
    answer per (rule, stage) remembered: a run asks about the same few rules often."""

    def __init__(self, selectors: Iterable[str]):
        self.selectors = tuple(dict.fromkeys(selectors))
        self._answers: dict[tuple[str, str], bool] = {}

    def __bool__(self) -> bool:
        return bool(self.selectors)

    def off(self, rule: str, stage: str) -> bool:
        key = (rule, stage)
        answer = self._answers.get(key)
        if answer is None:
            answer = self._answers[key] = any_selected(self.selectors, rule, stage)
        return answer


@dataclass(frozen=True)
class Suppressions:
    """Spans of the text where some rules are off."""
    spans: tuple[tuple[int, int, tuple[str, ...]], ...]

    def covers(self, rule: str, stage: str, offset: int) -> bool:
        for start, end, selectors in self.spans:
            if start <= offset < end and any_selected(selectors, rule, stage):
                return True
        return False


def scan(doc: "Document") -> Suppressions | None:
    """The suppressions a document's comments declare; None when it has none."""
    text = doc.text
    if MARKER not in text:
        return None
    spans: list[tuple[int, int, tuple[str, ...]]] = []
    open_at: dict[str, int] = {}
    for m in _DIRECTIVE.finditer(text):
        region = doc.touches_protected(m.start(), m.end())
        if region is not None and region.kind in _CODE:
            continue
        verb = m.group("verb")
        names = tuple(re.split(r"[\s,]+", m.group("rules").strip())) if m.group("rules").strip() else ("*",)
        if verb == "disable":
            for name in names:
                open_at.setdefault(name, m.end())
        elif verb == "enable":
            for name in (list(open_at) if names == ("*",) else names):
                if name in open_at:
                    spans.append((open_at.pop(name), m.start(), (name,)))
        else:
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = _line_end(text, m.end())
            if verb == "disable-line":
                spans.append((line_start, line_end, names))
            elif line_end < len(text):
                spans.append((line_end + 1, _line_end(text, line_end + 1), names))
    for name, start in open_at.items():
        spans.append((start, len(text), (name,)))
    return Suppressions(tuple(sorted(spans))) if spans else None


def _line_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl == -1 else nl
