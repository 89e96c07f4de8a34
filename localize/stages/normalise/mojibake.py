"""Repair mojibake (UTF-8 read as Windows-1252 or Latin-1) with ftfy.

ftfy costs ~0.1 s to import, so a cheap pattern first looks for the tell-tale pair a
mis-decoded UTF-8 sequence always leaves: a lead byte (Â..ô) followed by a
continuation byte as cp1252/Latin-1 shows it. Clean text never pays for ftfy.
"""
from __future__ import annotations

import re

from ...edits import Diagnostic, Edit, Severity
from ...profiles import Profile
from ...rules import Example, Rule
from ...textdiff import minimal_edits
from .. import Pass, PassOutput

RULE = "normalise.mojibake"
LEFT_RULE = "normalise.mojibake-left"
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
    Rule(LEFT_RULE, "normalise", Severity.WARNING, "Possible mojibake left unrepaired",
         "A sequence that looks like mis-decoded UTF-8 is still in the text after repair: ftfy "
         "declined to change it (its evidence is per line, and clean accented text nearby makes it "
         "cautious), or the sequence lost a byte on the way (a closing quote ” often arrives as "
         "'â€' followed by a space, because its last byte is undefined in cp1252; repairing that as "
         "'†' would be wrong). Check the spot by hand; the suggested fix is the most likely reading.",
         (Example("The café sold Â¥920 of coffee.\n", None, flags=True),
          Example("“Quoteâ€ with a lost byte.\n", None, flags=True),
          Example("The café sold ¥920 of coffee.\n", None)),
         fixable=False),
)

# A closing quote ” is E2 80 9D; 9D is undefined in cp1252, so scrapers drop it and leave
# "â€" before ordinary text. ftfy reads "â€ " as a dagger (E2 80 A0 with the no-break
# space restored); in news text the lost quote is far likelier.
_LOST_QUOTE = re.compile(r"â€(?=[\s.,;:!?)]|$)")


def passes(profile: Profile, recheck: bool = False) -> list[Pass]:
    if not profile.get("normalise.mojibake", True):
        return []
    if recheck:
        return [Pass("normalise", "mojibake-recheck", _run), Pass("normalise", "mojibake-left", _report_leftovers)]
    return [Pass("normalise", "mojibake", _run)]


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
            if "†" in repl and _LOST_QUOTE.search(text, s, min(e + 1, end)):
                continue  # not a dagger: _report_leftovers names it once, at the end
            out.edits.append(Edit(s, e, repl, RULE,
                                  f"repaired mojibake {text[s:e]!r} -> {repl!r} (UTF-8 decoded as cp1252)"))
    return out


def _report_leftovers(doc, ctx) -> PassOutput:
    """After the last repair: what still looks mis-decoded is reported, not guessed at."""
    out = PassOutput()
    text = doc.text
    if not _SUSPECT.search(text):
        return out
    for start, end in doc.prose_lines():
        for m in _SUSPECT.finditer(text, start, end):
            lost = _LOST_QUOTE.match(text, m.start())
            out.diagnostics.append(Diagnostic(
                LEFT_RULE, Severity.WARNING,
                f"{m.group()!r} still looks like mis-decoded UTF-8"
                + ("; most likely a closing quote ” that lost its last byte" if lost else ""),
                m.start(), m.end(), fix="”" if lost else None))
    return out
