"""Glossaries: the model, YAML/TBX/CSV formats, layering and the checker."""
from __future__ import annotations

from .model import (STATUSES, Concept, Glossary, GlossaryError, Status, Term, content_hash,
                    dump_glossary, format_of, layered, load_glossary, normalise_language,
                    parse_glossary, save_glossary)

__all__ = ["STATUSES", "Concept", "Glossary", "GlossaryError", "Status", "Term", "content_hash",
           "dump_glossary", "format_of", "layered", "load_glossary", "normalise_language",
           "parse_glossary", "save_glossary"]
