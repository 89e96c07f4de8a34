"""The terminology policy: what to do with each term the glossaries' matcher finds."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ...edits import Diagnostic, Edit, Severity
from .. import PassOutput
from . import rules as R

_ARTICLE = re.compile(r"(?:^|(?<=[^\w]))(an?|An?|AN?)([ \t]+)$")


def _wants_an(word: str) -> bool:
    return word[:1].lower() in "aeiou"


def _article_fix(doc: Any, start: int, old: str, new: str) -> tuple[int, str] | None:
    """"an apartment" -> "a flat": when the English article before the term agreed with
    it by spelling (a vowel letter takes "an"), make it agree with the replacement.
    An article that did not agree by that rule (an hour, a unit) is the writer's
    choice and stays."""
    m = _ARTICLE.search(doc.text, max(0, start - 4), start)
    if m is None or _wants_an(old) == _wants_an(new):
        return None
    article = m.group(1)
    if (article.lower() == "an") != _wants_an(old) or doc.touches_protected(m.start(), start):
        return None
    fixed = ("an" if _wants_an(new) else "a")
    fixed = fixed.upper() if article.isupper() and len(article) > 1 else \
        (fixed.capitalize() if article[0].isupper() else fixed)
    return m.start(), fixed + m.group(2)


def glossary_paths(ctx: Any) -> list[str]:
    """The glossary files for this run, highest precedence first: the configuration's
    (house glossaries, and per-run ones the caller put there) before the profile's.
    A bare name is a shipped glossary; anything else a path, relative to the
    configuration file's folder."""
    from ...config import is_glossary_name
    from ...data_paths import data_dir
    from ...glossary.model import GlossaryError
    listed = tuple(getattr(ctx.config, "glossaries", ()) or ()) + \
        tuple(ctx.profile.get("terminology.glossaries") or ())
    out: list[str] = []
    for item in listed:
        if is_glossary_name(item):
            path = data_dir("glossaries") / f"{item}.yaml"
            if not path.is_file():
                shipped = sorted(p.stem for p in data_dir("glossaries").glob("*.yaml"))
                raise GlossaryError(f"no shipped glossary named {item!r} (shipped: "
                                    f"{', '.join(shipped) or 'none'}); give a path to use your own",
                                    path=item)
        else:
            path = Path(item).expanduser()
            if not path.is_absolute():
                path = ctx.config.root / path
        resolved = str(path.resolve())
        if resolved not in out:
            out.append(resolved)
    return out


def _display(file: str | None) -> str | None:
    """How a change names its glossary: shipped ones as `glossaries/NAME` wherever the
    package is installed, others relative to the working directory when under it, so
    the same run reports the same evidence on every machine."""
    if not file:
        return file
    from ...data_paths import data_dir
    path = Path(file)
    try:
        return f"glossaries/{path.resolve().relative_to(data_dir('glossaries').resolve()).as_posix()}"
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _where(concept: Any, term: Any = None) -> str:
    if not concept.file:
        return concept.id
    line = (term.line if term is not None else None) or concept.line
    return f"{concept.id}, {Path(concept.file).name}" + (f":{line}" if line else "")


def run(doc: Any, ctx: Any) -> PassOutput:
    from ...glossary.cache import load_matcher
    from ...glossary.inflect import match_case, plural

    out = PassOutput()
    paths = glossary_paths(ctx)
    if not paths:
        return out
    matcher = load_matcher(paths, ctx.locale,
                           exclude_domains=excluded_domains(ctx.profile))
    # Per concept, the names the document uses (after fixes), first occurrence of each.
    used: dict[str, dict[str, Any]] = {}
    for m in matcher.find(doc.text, list(doc.prose())):
        concept, term = m.concept, m.term
        if term.status == "other":
            continue
        names = used.setdefault(concept.id, {})
        if term.status in ("preferred", "admitted"):
            names.setdefault(term.text.casefold(), (m.text, m))
            continue
        preferred = concept.preferred
        if concept.do_not_translate:
            rule = R.DO_NOT_TRANSLATE
        else:
            rule = R.FORBIDDEN if term.status == "forbidden" else R.DEPRECATED
        severity = Severity.ERROR if rule != R.DEPRECATED else Severity.WARNING
        sibling = term.language.lower() not in (ctx.locale.lower(), ctx.language.lower())
        why = (f"listed for {term.language}, not {ctx.locale}" if sibling
               else f"{term.status} in {term.language}")
        data = {"concept": concept.id, "glossary": _display(concept.file), "line": term.line or concept.line,
                "term": term.text, "status": term.status, "listed_for": term.language}
        if preferred is None:
            out.diagnostics.append(Diagnostic(
                rule, severity, f"{m.text!r} is {why} ({_where(concept, term)}), and the glossary gives "
                f"no preferred term for {ctx.locale}", m.start, m.end, data=data))
            continue
        names.setdefault(preferred.text.casefold(), (preferred.text, m))
        listed = plural(term.text) if m.plural else term.text
        wanted = plural(preferred.text) if m.plural else preferred.text
        if not preferred.case_sensitive:
            wanted = match_case(m.text, listed, wanted)
        if wanted == m.text:
            continue
        data["preferred"] = preferred.text
        start, replacement = m.start, wanted
        if ctx.language == "en":
            article = _article_fix(doc, m.start, m.text, wanted)
            if article is not None:
                start, replacement = article[0], article[1] + wanted
        out.edits.append(Edit(start, m.end, replacement, rule,
                              f"{m.text!r} is {why} ({_where(concept, term)}): use {wanted!r}",
                              data=data))
    for cid, names in used.items():
        if len(names) < 2:
            continue
        (first_name, first), *others = sorted(names.values(), key=lambda pair: pair[1].start)
        preferred = first.concept.preferred
        advice = f"; the glossary prefers {preferred.text!r}" if preferred else ""
        for name, m in others:
            out.diagnostics.append(Diagnostic(
                R.CONSISTENCY, Severity.WARNING,
                f"{name!r} and {first_name!r}, used earlier, name the same concept "
                f"({_where(m.concept)}){advice}: pick one",
                m.start, m.end, data={"concept": cid, "glossary": _display(m.concept.file),
                                      "terms": [first_name, name]}))
    return out


def excluded_domains(profile) -> tuple[str, ...]:
    """`terminology.exclude_domains`, plus the domains a house-style option switches
    off (`exclude_domains_by_style`): en-GB with `style.spelling: ize` keeps Oxford
    -ize spellings, so the ize-ise concepts must not turn them back into -ise."""
    domains = list(profile.get("terminology.exclude_domains") or ())
    for option, by_value in (profile.get("terminology.exclude_domains_by_style") or {}).items():
        domains += by_value.get(str(profile.get(f"style.{option}")), ())
    return tuple(dict.fromkeys(domains))
