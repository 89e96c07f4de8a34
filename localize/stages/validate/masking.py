"""The text a style rule sees: the document with everything out of its scope masked.

Masking keeps every offset (one mask character per character), so a rule scans one
string and its matches are already document offsets. The mask character is not a
letter, digit, space or punctuation, so it is a word boundary to every pattern and
lookarounds cannot read through code, URLs or markup: "`cmd` を" never looks like
Latin text next to Japanese. A quotation with inline code inside still pairs up.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from ...document import Document

MASK = "\ufffc"  # OBJECT REPLACEMENT CHARACTER: stands for something that is not text
SCOPES = ("prose", "headings", "all")


def masked(doc: "Document", scope: str) -> str:
    """`doc.text` with protected regions (and, per scope, headings or body) masked.

    Cached on the document: every rule of a pass over one document shares it.
    """
    cache = doc.__dict__.setdefault("_validate_masks", {})
    text = cache.get(scope)
    if text is None:
        text = cache[scope] = _build(doc, scope)
    # The prefilter scans one text per document for every scope (checks/gate.py).
    from .checks.memo import remember
    remember(text, "document", doc)
    return text


def _build(doc: "Document", scope: str) -> str:
    spans = [(r.start, r.end) for r in doc.protected]
    if scope == "prose":
        spans += [(h.start, h.end) for h in doc.headings]
    elif scope == "headings":
        # Everything but the headings: the gaps between them.
        pos, gaps = 0, []
        for h in sorted(doc.headings, key=lambda r: r.start):
            if h.start > pos:
                gaps.append((pos, h.start))
            pos = max(pos, h.end)
        gaps.append((pos, len(doc.text)))
        spans += gaps
    return _mask(doc.text, spans)


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        parts.append(text[pos:start])
        # Newlines stay: line structure (paragraphs, sentence ends) must survive.
        parts.append("".join(c if c == "\n" else MASK for c in text[start:end])
                     if "\n" in text[start:end] else MASK * (end - start))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
