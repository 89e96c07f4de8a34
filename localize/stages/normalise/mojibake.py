"""Repair mojibake (UTF-8 read as Windows-1252 or Latin-1) with ftfy.

ftfy costs ~0.1 s to import, so a cheap pattern first looks for the tell-tale pair a
mis-decoded UTF-8 sequence always leaves: a lead byte (Â..ô) followed by a
continuation byte as cp1252/Latin-1 shows it. Clean text never pays for ftfy.
"""
from __future__ import annotations

import re

from ...edits import Edit, Severity
from ...profiles import Profile
from ...rules import Example, Rule
from ...textdiff import minimal_edits
from .. import Pass, PassOutput

RULE = "normalise.mojibake"
_CP1252_CONTINUATION = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_SUSPECT = re.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_CONTINUATION}]")

RULES = (
    Rule(RULE, "normalise", Severity.ERROR, "Mojibake (mis-decoded UTF-8)",
         "The text contains character sequences that are UTF-8 bytes decoded with the wrong "
         "encoding, such as 'â€™' for '’' or 'Ã©' for 'é'. They are repaired with ftfy, which "
         "only changes a sequence when re-encoding it gives valid, more plausible text.",
         (Example("Anthropicâ€™s model\n", "Anthropic’s model\n"),
          Example("CafÃ© culture\n", "Café culture\n"),
          Example("Café culture, déjà vu, naïve, Ærø\n", None, locale="fr-FR"))),
)


def passes(profile: Profile, recheck: bool = False) -> list[Pass]:
    if not profile.get("normalise.mojibake", True):
        return []
    return [Pass("normalise", "mojibake-recheck" if recheck else "mojibake", _run)]


def _run(doc, ctx) -> PassOutput:
    out = PassOutput()
    text = doc.text
    if not _SUSPECT.search(text):
        return out
    import ftfy  # lazily: only text that looks mis-decoded pays for it

    for start, end in doc.prose_lines():
        piece = text[start:end]
        if not _SUSPECT.search(piece):
            continue
        fixed = ftfy.fix_encoding(piece)
        for s, e, repl in minimal_edits(piece, fixed, start):
            out.edits.append(Edit(s, e, repl, RULE,
                                  f"repaired mojibake {text[s:e]!r} -> {repl!r} (UTF-8 decoded as cp1252)"))
    return out
