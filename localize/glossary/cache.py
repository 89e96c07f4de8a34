"""Compiled matchers, kept in memory for a run and on disk between runs.

Parsing a 100,000-entry glossary and building its automaton takes seconds; loading
the compiled form takes a fraction of that. The disk entry (in the user cache, see
localize.cache) is keyed by the glossaries' content hash, their order (precedence),
the target locale and the matcher and library versions, so an edited glossary is
compiled again and a stale entry is never used.
"""
from __future__ import annotations

import os
import threading
import sys
from typing import Sequence

from .matcher import MATCHER_VERSION, Matcher

_MEMO: dict[tuple, Matcher] = {}
_MEMO_SIZE = 8
_MEMO_LOCK = threading.Lock()


def _key(paths: Sequence[str], locale: str, exclude: tuple[str, ...] = ()) -> str:
    import ahocorasick

    from .model import MODEL_VERSION, content_hash
    # The library has no __version__; its binary's size and date stand in for it.
    try:
        st = os.stat(ahocorasick.__file__)
        version = f"{st.st_size}-{st.st_mtime_ns}"
    except (OSError, TypeError):
        version = "?"
    return "\n".join((f"terminology-matcher {MATCHER_VERSION} model {MODEL_VERSION} "
                      f"pyahocorasick {version} python {sys.version_info[0]}.{sys.version_info[1]}",
                      f"locale {locale}", f"exclude {' '.join(exclude)}", f"content {content_hash(paths)}",
                      *paths))


def compile_matcher(paths: Sequence[str], locale: str, exclude: tuple[str, ...] = ()) -> Matcher:
    from .model import layered, load_glossary
    concepts = layered([load_glossary(p) for p in paths])
    if exclude:
        # A house style switches a family off by domain (Oxford -ize: exclude ize-ise).
        concepts = tuple(c for c in concepts if not set(c.domain) & set(exclude))
    return Matcher.compile(concepts, locale)


def load_matcher(paths: Sequence[str], locale: str, *, use_disk: bool = True,
                 exclude_domains: Sequence[str] = ()) -> Matcher:
    """The matcher for these glossary files (earlier = higher precedence) and locale."""
    from .model import GlossaryError
    stamps = []
    for p in paths:
        try:
            st = os.stat(p)
        except OSError as exc:
            raise GlossaryError(f"cannot read glossary: {exc.strerror or exc}", path=str(p)) from None
        stamps.append((p, st.st_mtime_ns, st.st_size))
    exclude = tuple(sorted(exclude_domains))
    memo_key = (tuple(stamps), locale, use_disk, exclude)
    matcher = _MEMO.get(memo_key)
    if matcher is not None:
        return matcher
    if use_disk:
        from .. import cache
        key = _key(paths, locale, exclude)
        name = cache.entry_name("terminology", key) + ".pkl"
        payload = cache.read(name, key, view=True)
        matcher = Matcher.from_bytes(payload) if payload is not None else None
        if matcher is None:
            matcher = compile_matcher(paths, locale, exclude)
            cache.write(name, key, matcher.to_bytes())
    else:
        matcher = compile_matcher(paths, locale, exclude)
    with _MEMO_LOCK:  # shared by the threads of a CMS: evict and insert as one step
        if len(_MEMO) >= _MEMO_SIZE:
            _MEMO.pop(next(iter(_MEMO)), None)
        _MEMO[memo_key] = matcher
    return matcher
