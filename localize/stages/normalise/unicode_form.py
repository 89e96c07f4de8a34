"""Unicode NFC: one code point sequence for one visible text, so matching and
comparison downstream behave (a decomposed "é" never matches a glossary "é")."""
from __future__ import annotations

import unicodedata

from ...edits import Edit, Severity
from ...profiles import Profile
from ...rules import Example, Rule
from ...textdiff import minimal_edits
from .. import Pass, PassOutput

RULE = "normalise.nfc"
RULES = (
    Rule(RULE, "normalise", Severity.WARNING, "Text not in Unicode NFC",
         "Some characters are written as a base letter plus combining marks (e.g. 'e' + U+0301) "
         "instead of the precomposed character. They look the same but compare differently, so "
         "search and terminology matching miss them. The text is composed to NFC.",
         (Example("Cafe\u0301 Ame\u0301lie\n", "Café Amélie\n"),
          Example("Café Amélie\n", None))),
)


def passes(profile: Profile) -> list[Pass]:
    if profile.get("normalise.unicode_form", "NFC") != "NFC":
        return []
    return [Pass("normalise", "nfc", _run)]


def _run(doc, ctx) -> PassOutput:
    out = PassOutput()
    text = doc.text
    if unicodedata.is_normalized("NFC", text):
        return out
    for start, end in doc.prose_lines():
        piece = text[start:end]
        if unicodedata.is_normalized("NFC", piece):
            continue
        for s, e, repl in minimal_edits(piece, unicodedata.normalize("NFC", piece), start, merge_gap=0):
            out.edits.append(Edit(s, e, repl, RULE, f"composed {text[s:e]!r} to NFC {repl!r}"))
    return out
