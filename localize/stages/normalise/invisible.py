"""Remove control characters and invisible characters (zero-width space, word joiner,
a BOM in mid-text). Tab, newline and carriage return are never touched."""
from __future__ import annotations

import re
import unicodedata

from ...edits import Edit, Severity
from ...profiles import Profile
from ...rules import Example, Rule
from .. import Pass, PassOutput

CONTROL_RULE = "normalise.control-chars"
INVISIBLE_RULE = "normalise.invisible-chars"
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f"

RULES = (
    Rule(CONTROL_RULE, "normalise", Severity.WARNING, "Control characters",
         "C0 and C1 control characters (other than tab and line breaks) have no place in an "
         "article; they come from copy and paste or broken exports and can break renderers. "
         "They are removed.",
         (Example("Tokyo\x07 markets\n", "Tokyo markets\n"),
          Example("Tab\tseparated\n", None))),
    Rule(INVISIBLE_RULE, "normalise", Severity.WARNING, "Invisible characters",
         "Zero-width spaces, word joiners and byte-order marks inside the text are invisible "
         "but break search, word counts and terminology matching. They are removed. The list "
         "is profile data (`normalise.invisible_chars`); joiners that carry meaning in some "
         "scripts (ZWJ, ZWNJ) are not in it.",
         (Example("Open\u200bAI\n", "OpenAI\n"),
          Example("👩\u200d💻 developer\n", None))),
)


def _name(ch: str) -> str:
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'control character').lower()}"


def passes(profile: Profile) -> list[Pass]:
    classes = []
    if profile.get("normalise.control_chars", True):
        classes.append(_CONTROLS)
    chars = "".join(profile.get("normalise.invisible_chars") or ())
    if chars:
        classes.append(re.escape(chars))
    if not classes:
        return []
    pattern = re.compile(f"[{''.join(classes)}]+")
    invisible = frozenset(chars)

    def run(doc, ctx) -> PassOutput:
        out = PassOutput()
        text = doc.text
        for start, end in doc.prose():
            for m in pattern.finditer(text, start, end):
                found = m.group()
                rule = INVISIBLE_RULE if all(c in invisible for c in found) else CONTROL_RULE
                names = ", ".join(dict.fromkeys(_name(c) for c in found))
                out.edits.append(Edit(m.start(), m.end(), "", rule, f"removed {names}"))
        return out

    return [Pass("normalise", "invisible", run)]
