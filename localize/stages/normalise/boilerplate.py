"""Remove whole lines of scraped page residue ("Comments", "Log in to comment").

Only patterns the profile or config lists are removed: a newsroom knows its scraper.
"""
from __future__ import annotations

import re

from ...edits import Edit, Severity
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
        for start, end in doc.prose_lines():
            # Only whole lines: the piece must start and end at line boundaries.
            if (start and text[start - 1] != "\n") or (end < len(text) and text[end] != "\n"):
                continue
            line = text[start:end].strip()
            for pattern in compiled:
                if line and pattern.fullmatch(line):
                    stop = end + 1 if end < len(text) else end
                    out.edits.append(Edit(start, stop, "", RULE,
                                          f"removed boilerplate line matching /{pattern.pattern}/"))
                    break
        return out

    return [Pass("normalise", "boilerplate", run)]
