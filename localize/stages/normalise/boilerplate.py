"""Remove whole lines of scraped page residue ("Comments", "Log in to comment").

Only patterns the profile or config lists are removed: a newsroom knows its scraper.
"""
from __future__ import annotations

import re

from ...edits import Diagnostic, Edit, Severity
from ...profiles import Profile
from ...rules import Example, Rule
from .. import Pass, PassOutput

RULE = "normalise.boilerplate"
RULES = (
    Rule(RULE, "normalise", Severity.WARNING, "Scraped page residue",
         "A whole line matches one of the boilerplate patterns configured in the profile or "
         "localize.yaml (`boilerplate:`), such as the 'Comments' and 'Log in to comment' lines a "
         "scraper copies from the page furniture. The line is removed. Nothing is removed unless a "
         "pattern is configured.",
         (Example("Story.\n\nComments\nLog in to comment\n", "Story.\n",
                  config={"boilerplate": ["Comments", "Log in to comment"]}),
          Example("Comments from readers were mixed.\n", None,
                  config={"boilerplate": ["Comments", "Log in to comment"]}))),
)


def passes(profile: Profile) -> list[Pass]:
    patterns = profile.get("normalise.boilerplate") or ()
    if not patterns:
        return []
    compiled = [re.compile(p) for p in patterns]

    def run(doc, ctx) -> PassOutput:
        out = PassOutput()
        text = doc.text
        found: list[Edit] = []
        for start, end in doc.prose_lines():
            # Only whole lines: the piece must start and end at line boundaries.
            if (start and text[start - 1] != "\n") or (end < len(text) and text[end] != "\n"):
                continue
            line = text[start:end].strip()
            for pattern in compiled:
                if line and pattern.fullmatch(line):
                    stop = end + 1 if end < len(text) else end
                    found.append(Edit(start, stop, "", RULE,
                                      f"removed boilerplate line matching /{pattern.pattern}/"))
                    break
        # Consecutive lines go together. Removing a group must not change how the
        # Markdown around it is read (an indented paragraph line turning into code, two
        # code blocks merging into one, code becoming a list item's text): such a group
        # is kept, and said so.
        groups: list[list[Edit]] = []
        for edit in found:
            if groups and groups[-1][-1].end == edit.start:
                groups[-1].append(edit)
            else:
                groups.append([edit])
        kept: list[list[Edit]] = []
        if doc.format == "markdown" and groups and not _keeps_structure(doc, groups):
            accepted: list[list[Edit]] = []
            for group in groups:
                (accepted if _keeps_structure(doc, accepted + [group]) else kept).append(group)
            groups = accepted
        for group in groups:
            out.edits.extend(group)
        for group in kept:
            out.diagnostics.append(Diagnostic(
                RULE, Severity.INFO, "kept boilerplate line(s): removing them would change how "
                "the Markdown around them is read", group[0].start, group[-1].end))
        return out

    return [Pass("normalise", "boilerplate", run)]


def _keeps_structure(doc, groups: list[list[Edit]]) -> bool:
    """Does the text without these lines have the same protected regions?"""
    from ...document import Document
    from ...edits import apply_edits
    edits = sorted((e for g in groups for e in g), key=lambda e: e.start)
    after = Document(apply_edits(doc.text, edits), doc.format)
    texts = sorted((r.kind, doc.text[r.start:r.end]) for r in doc.protected)
    return texts == sorted((r.kind, after.text[r.start:r.end]) for r in after.protected)
