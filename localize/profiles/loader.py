"""Load `locales/<tag>.yaml`, follow `inherits` (default: tag -> language -> root),
merge, and freeze. Results are cached per process; they are immutable, so threads can
share them."""
from __future__ import annotations

import difflib
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from ..data_paths import data_dir
from ..errors import ProfileError
from .schema import load_validated
from .sections import PROFILE_SCHEMA, RULE_FILE_SCHEMA

ROOT = "root"


def freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


def deep_merge(base: dict, over: Mapping) -> dict:
    """Mappings merge key by key; anything else (lists included) replaces."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = deep_merge(dict(out[key]), value)
        else:
            out[key] = value
    return out


@dataclass(frozen=True)
class Profile:
    tag: str                 # the tag asked for, normalised (e.g. "en-AU")
    chain: tuple[str, ...]   # files merged, most specific first (e.g. ("en", "root"))
    data: Mapping[str, Any]

    @property
    def language(self) -> str:
        return self.data.get("language") or self.tag.split("-")[0]

    @property
    def name(self) -> str:
        return self.data.get("name") or self.tag

    @property
    def first_class(self) -> bool:
        return self.chain[0] == self.tag

    def get(self, dotted: str, default: Any = None) -> Any:
        node: Any = self.data
        for part in dotted.split("."):
            # Frozen profile data is MappingProxyType all the way down; checking that
            # concrete type avoids typing.Mapping's slow __instancecheck__ on a hot path.
            if not isinstance(node, (MappingProxyType, dict)) or part not in node:
                return default
            node = node[part]
        return node

    def stage_enabled(self, stage: str) -> bool:
        return bool(self.get(f"stages.{stage}", True))

    def with_overrides(self, overrides: Mapping[str, Any]) -> "Profile":
        if not overrides:
            return self
        return Profile(self.tag, self.chain, freeze(deep_merge(thaw(self.data), overrides)))

    @property
    def babel_locale(self) -> str:
        return self.tag.replace("-", "_")


def normalise_tag(tag: str) -> str:
    """`ja_jp`, `JA-JP` -> `ja-JP`; `zh-hans-cn` -> `zh-Hans-CN`."""
    parts = tag.strip().replace("_", "-").split("-")
    out = [parts[0].lower()]
    for p in parts[1:]:
        if len(p) == 4 and p.isalpha():
            out.append(p.title())
        elif len(p) in (2, 3):
            out.append(p.upper())
        else:
            out.append(p)
    return "-".join(out)


def _profiles_dir() -> Path:
    return data_dir("locales")


def available_profiles() -> list[str]:
    return sorted(p.stem for p in _profiles_dir().glob("*.yaml"))


@lru_cache(maxsize=None)
def _read(name: str) -> Mapping[str, Any]:
    path = _profiles_dir() / f"{name}.yaml"
    data = load_validated(path.read_text(encoding="utf-8"), str(path), PROFILE_SCHEMA)
    validate = data.get("validate") or {}
    if validate.get("include"):
        rules: dict = {}
        for item in validate["include"]:
            rules = deep_merge(rules, _rule_file(item, path))
        validate["rules"] = deep_merge(rules, validate.get("rules") or {})
    return freeze(data)


def _rule_file(item: str, profile_path: Path) -> dict:
    """A style-rule file a profile includes (`validate.include`), validated on its own so
    an error names that file and line."""
    path = _profiles_dir() / item
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ProfileError(f"validate.include: cannot read {item}: {exc.strerror or exc}",
                           path=str(profile_path)) from None
    rules = load_validated(text, str(path), RULE_FILE_SCHEMA).get("rules") or {}
    # Each rule remembers its file, so an error or a timeout can send the reader there.
    return {key: {**rule, "origin": f"locales/{item}"} for key, rule in rules.items()}


def _default_parent(name: str) -> str | None:
    if name == ROOT:
        return None
    if "-" in name:
        lang = name.split("-")[0]
        if (_profiles_dir() / f"{lang}.yaml").exists():
            return lang
    return ROOT


_lock = threading.Lock()

# Country codes people type for languages; a hint only, never silently applied.
_MISTAKES = {"jp": "ja-JP", "cn": "zh-CN", "en-uk": "en-GB", "kr": "ko-KR", "gr": "el-GR",
             "dk": "da-DK", "cz": "cs-CZ", "ua": "uk-UA", "ch": "de-CH", "zh-tw": "zh-Hant-TW"}


@lru_cache(maxsize=256)
def _load(tag: str) -> Profile:
    directory = _profiles_dir()
    if (directory / f"{tag}.yaml").exists():
        start = tag
    else:
        _require_cldr(tag)
        lang = tag.split("-")[0]
        start = lang if (directory / f"{lang}.yaml").exists() else ROOT
    chain: list[str] = []
    name: str | None = start
    while name is not None:
        if name in chain:
            raise ProfileError(f"profile inheritance loops: {' -> '.join(chain + [name])}",
                               path=str(directory / f"{chain[-1]}.yaml"))
        if not (directory / f"{name}.yaml").exists():
            raise ProfileError(f"profile {chain[-1]!r} inherits from {name!r}, which does not exist",
                               path=str(directory / f"{chain[-1]}.yaml"))
        chain.append(name)
        data = _read(name)
        name = data["inherits"] if "inherits" in data else _default_parent(name)
    merged: dict = {}
    for part in reversed(chain):
        merged = deep_merge(merged, thaw(_read(part)))
    merged.pop("inherits", None)
    if start != tag:
        merged["name"] = _cldr_name(tag)
        merged["language"] = tag.split("-")[0]
    return Profile(tag, tuple(chain), freeze(merged))


def load_profile(tag: str) -> Profile:
    """The merged profile for `tag`; raises ProfileError with suggestions if unknown."""
    tag = normalise_tag(tag)
    if not (_profiles_dir() / f"{tag}.yaml").exists():
        tag = _canonical(tag)
    with _lock:  # lru_cache may otherwise build one profile twice under contention
        return _load(tag)


@lru_cache(maxsize=256)
def _canonical(tag: str) -> str:
    """CLDR's own spelling of an alias: en-UK -> en-GB, iw -> he. Only a tag without a
    profile file is looked up, so the common case never imports Babel."""
    from babel import Locale, UnknownLocaleError
    try:
        loc = Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return tag
    canonical = "-".join(p for p in (loc.language, loc.script, loc.territory) if p)
    # Keep the script only when the input named one (zh-TW stays zh-TW, not zh-Hant-TW).
    if loc.script and loc.script not in tag:
        canonical = "-".join(p for p in (loc.language, loc.territory) if p)
    return canonical if (_profiles_dir() / f"{canonical}.yaml").exists() else tag


def _require_cldr(tag: str) -> None:
    from babel import Locale, UnknownLocaleError
    try:
        Locale.parse(tag.replace("-", "_"))
        return
    except (UnknownLocaleError, ValueError, TypeError):
        pass
    from babel.localedata import locale_identifiers
    profiles = available_profiles()
    known = profiles + [i.replace("_", "-") for i in locale_identifiers()]
    close = [t for t in (_MISTAKES.get(tag.lower()),) if t]
    close += [p for p in profiles if _read(p).get("name", "").lower().startswith(tag.lower())][:4]
    close += difflib.get_close_matches(tag, known, n=4, cutoff=0.6)
    close = list(dict.fromkeys(close))[:5]
    lower = {k.lower(): k for k in known}
    if tag.lower() in lower and lower[tag.lower()] not in close:
        close.insert(0, lower[tag.lower()])
    hint = f"; did you mean {', '.join(close)}?" if close else "; `localize locales` lists the profiles"
    raise ProfileError(f"unknown locale {tag!r}{hint}")


def _cldr_name(tag: str) -> str:
    from babel import Locale
    return Locale.parse(tag.replace("-", "_")).english_name or tag
