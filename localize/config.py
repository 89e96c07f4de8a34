"""Project configuration: `localize.yaml` (or `.localize.yaml`) or `[tool.localize]` in
`pyproject.toml`, found by searching upward from the working directory."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from .errors import ConfigError
from .profiles.schema import BOOL, STR, ListOf, MapOf, enum, load_validated, validate
from .profiles.sections import OVERRIDES_SCHEMA, PATTERN, STAGE_NAMES, VALIDATE_RULE

CONFIG_FILES = ("localize.yaml", ".localize.yaml", "localize.yml")

CONFIG_SCHEMA = {
    "locale": STR,
    "stages": {name: BOOL for name in STAGE_NAMES},
    "disable_rules": ListOf(STR),
    "glossaries": ListOf(STR),
    "boilerplate": ListOf(PATTERN),
    "paths": MapOf(STR),
    "include": ListOf(STR),
    "exclude": ListOf(STR),
    "fail_on": enum("error", "warning", "info", "never"),
    "rates": ListOf(STR),
    "overrides": OVERRIDES_SCHEMA,
    # House style rules, added to every locale's validate rules (same format as
    # locales/rules/*.yaml); a shipped rule's key here changes that rule.
    "rules": MapOf(VALIDATE_RULE),
    # Rules (ids, stage names, prefix.*) switched off for paths matching a glob.
    "per_file_ignores": MapOf(ListOf(STR)),
}

DEFAULT_INCLUDE = ("**/*.md", "**/*.markdown", "**/*.txt")
DEFAULT_EXCLUDE = (".git/**", ".venv/**", "venv/**", "node_modules/**", "**/.git/**",
                   "**/node_modules/**", "**/.venv/**")


@dataclass(frozen=True)
class Config:
    path: str | None = None
    locale: str | None = None
    stages: Mapping[str, bool] = field(default_factory=dict)
    disable_rules: tuple[str, ...] = ()
    glossaries: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    paths: tuple[tuple[str, str], ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    fail_on: str = "warning"
    rates: tuple[str, ...] = ()             # house exchange-rate files, resolved against the config's folder
    overrides: Mapping[str, Any] = field(default_factory=dict)
    rules: Mapping[str, Any] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def root(self) -> Path:
        return Path(self.path).resolve().parent if self.path else Path.cwd()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], path: str | None = None) -> "Config":
        if not isinstance(data, Mapping):
            raise ConfigError("configuration must be a mapping", path=path)
        import yaml
        try:  # validate plain data (pyproject, or a dict from a CMS) with the same schema
            dumped = yaml.safe_dump(_plain(data))
        except yaml.YAMLError as exc:
            raise ConfigError(f"configuration holds a value that is not plain data: {exc}",
                              path=path) from None
        try:
            validate(yaml.compose(dumped), CONFIG_SCHEMA, path or "<config>", error=ConfigError)
        except ConfigError as exc:
            exc.line = exc.column = None  # lines of the re-serialised text mean nothing
            raise
        return cls._build(data, path)

    @classmethod
    def load(cls, path: Path) -> "Config":
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read configuration: {exc}", path=str(path)) from None
        if path.name == "pyproject.toml":
            import tomllib
            try:
                table = tomllib.loads(text).get("tool", {}).get("localize", {})
            except tomllib.TOMLDecodeError as exc:
                m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
                raise ConfigError(f"invalid TOML: {exc}", path=str(path),
                                  line=int(m.group(1)) if m else None) from None
            try:
                return cls.from_mapping(table, str(path))
            except ConfigError as exc:
                exc.line = _pyproject_line(text, exc.message)
                raise
        data = load_validated(text, str(path), CONFIG_SCHEMA, error=ConfigError)
        return cls._build(data, str(path))

    @classmethod
    def _build(cls, data: Mapping[str, Any], path: str | None) -> "Config":
        return cls(
            path=path,
            locale=data.get("locale"),
            stages=dict(data.get("stages") or {}),
            disable_rules=tuple(data.get("disable_rules") or ()),
            glossaries=tuple(_resolve_glossary(path, g) for g in data.get("glossaries") or ()),
            boilerplate=tuple(data.get("boilerplate") or ()),
            paths=tuple((data.get("paths") or {}).items()),
            include=tuple(data.get("include") or DEFAULT_INCLUDE),
            exclude=DEFAULT_EXCLUDE + tuple(data.get("exclude") or ()),
            fail_on=data.get("fail_on", "warning"),
            rates=tuple(_resolve(path, r) for r in data.get("rates") or ()),
            overrides=dict(data.get("overrides") or {}),
            rules=dict(data.get("rules") or {}),
            per_file_ignores=tuple((glob, tuple(sel)) for glob, sel in
                                   (data.get("per_file_ignores") or {}).items()),
        )

    def locale_for_path(self, path: str | Path) -> str | None:
        rel = _relative(Path(path), self.root)
        for pattern, tag in self.paths:
            if glob_match(rel, pattern):
                return tag
        return None

    def profile_overrides(self, tag: str) -> dict[str, Any]:
        from .profiles.loader import deep_merge, thaw
        merged: dict[str, Any] = {}
        for key in ("*", tag.split("-")[0], tag):
            if key in self.overrides:
                merged = deep_merge(merged, thaw(self.overrides[key]))
        if self.boilerplate:
            merged = deep_merge(merged, {"normalise": {"boilerplate": list(self.boilerplate)}})
        if self.stages:
            merged = deep_merge(merged, {"stages": dict(self.stages)})
        if self.rules:
            # Tagged with this file, so a rule's error or timeout names where it lives.
            origin = self.path or "the configuration"
            rules = {k: {**_plain(v), "origin": origin} for k, v in self.rules.items()}
            merged = deep_merge(merged, {"validate": {"rules": rules}})
        return merged

    def ignored_for_path(self, path: str | Path) -> tuple[str, ...]:
        """Rule selectors `per_file_ignores` switches off for this file."""
        rel = _relative(Path(path), self.root)
        return tuple(sel for pattern, selectors in self.per_file_ignores
                     if glob_match(rel, pattern) for sel in selectors)


def _resolve(config_path: str | None, target: str) -> str:
    """Paths in a config file are relative to that file, not to the working directory."""
    if config_path is None or Path(target).is_absolute():
        return target
    return str(Path(config_path).resolve().parent / target)


GLOSSARY_EXTENSIONS = (".yaml", ".yml", ".tbx", ".xml", ".csv")


def is_glossary_name(item: str) -> bool:
    """A bare name (`tech-news`) means a shipped glossary; anything with a folder or a
    glossary file extension is a path."""
    return "/" not in item and "\\" not in item and not item.lower().endswith(GLOSSARY_EXTENSIONS)


def _resolve_glossary(config_path: str | None, name: str) -> str:
    """Glossary paths in a config are relative to the config; names stay names."""
    return name if is_glossary_name(name) else _resolve(config_path, name)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def glob_match(rel: str, pattern: str) -> bool:
    """Match a path relative to the config's folder, as .gitignore does: a pattern with a
    slash is anchored there (`drafts/**` is not `site/drafts/x`), one without matches in
    any folder (`*.md`); `**` crosses folders, `*` and `?` do not."""
    if pattern.endswith("/**") and _glob_regex(pattern[:-3]).fullmatch(rel):
        return True  # the folder itself, not only what is in it
    return bool(_glob_regex(pattern).fullmatch(rel))


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> "re.Pattern[str]":
    # fnmatch lets `*` cross folders and cannot make `**/` match no folder at all
    # ("content/**/*.md" must match "content/a.md"), so translate the glob ourselves.
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.lstrip("/")
    out, i, n = ([] if anchored else ["(?:.*/)?"]), 0, len(pattern)
    while i < n:
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2:]:
            close = pattern.index("]", i + 2)
            body = pattern[i + 1:close]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def discover(start: Path | None = None) -> Config:
    """The nearest config file at or above `start`; defaults if there is none."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                return Config.load(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return Config.load(pyproject)
    return Config()


def _has_tool_table(pyproject: Path) -> bool:
    text = pyproject.read_text(encoding="utf-8", errors="replace")
    if "localize" not in text:  # most pyproject files: no need to parse them
        return False
    import tomllib
    try:
        return "localize" in tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return "[tool.localize" in text  # let Config.load report the error with its line


def _plain(value: Any) -> Any:
    """Mappings and sequences as dicts and lists, so safe_dump can write them."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _pyproject_line(text: str, message: str) -> int | None:
    """Best effort: the line of [tool.localize...] where the key an error names is set."""
    m = re.match(r"unknown key '([^']+)'", message)
    label = m.group(1) if m else message.split(" ", 1)[0].rstrip(":")
    key = re.sub(r"\[.*", "", label).split(".")[-1]
    in_table = False
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = stripped.startswith("[tool.localize]") or stripped.startswith("[tool.localize.")
            if in_table and stripped.rstrip("]").endswith(f".{key}"):
                return number
            continue
        if in_table and re.match(rf"[\"']?{re.escape(key)}[\"']?\s*=", stripped):
            return number
    return None


def coerce(config: "Config | Mapping[str, Any] | str | Path | None") -> Config:
    """What the library accepts as `config=`: a Config, a mapping, or a file path."""
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, (str, Path)):
        return Config.load(Path(config))
    return Config.from_mapping(config)
