"""Project configuration: `localize.yaml` (or `.localize.yaml`) or `[tool.localize]` in
`pyproject.toml`, found by searching upward from the working directory."""
from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Mapping

from .errors import ConfigError
from .profiles.schema import BOOL, STR, ListOf, MapOf, enum, load_validated, validate
from .profiles.sections import OVERRIDES_SCHEMA, PATTERN, STAGE_NAMES

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
    "fail_on": enum("error", "warning", "info"),
    "overrides": OVERRIDES_SCHEMA,
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
    overrides: Mapping[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return Path(self.path).resolve().parent if self.path else Path.cwd()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], path: str | None = None) -> "Config":
        if not isinstance(data, Mapping):
            raise ConfigError("configuration must be a mapping", path=path)
        import yaml
        try:  # validate plain data (pyproject, or a dict from a CMS) with the same schema
            validate(yaml.compose(yaml.safe_dump(dict(data))), CONFIG_SCHEMA, path or "<config>",
                     error=ConfigError)
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
                raise ConfigError(f"invalid TOML: {exc}", path=str(path)) from None
            return cls.from_mapping(table, str(path))
        data = load_validated(text, str(path), CONFIG_SCHEMA, error=ConfigError)
        return cls._build(data, str(path))

    @classmethod
    def _build(cls, data: Mapping[str, Any], path: str | None) -> "Config":
        return cls(
            path=path,
            locale=data.get("locale"),
            stages=dict(data.get("stages") or {}),
            disable_rules=tuple(data.get("disable_rules") or ()),
            glossaries=tuple(data.get("glossaries") or ()),
            boilerplate=tuple(data.get("boilerplate") or ()),
            paths=tuple((data.get("paths") or {}).items()),
            include=tuple(data.get("include") or DEFAULT_INCLUDE),
            exclude=DEFAULT_EXCLUDE + tuple(data.get("exclude") or ()),
            fail_on=data.get("fail_on", "warning"),
            overrides=dict(data.get("overrides") or {}),
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
        return merged


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def glob_match(rel: str, pattern: str) -> bool:
    """`**` crosses folders, `*` does not; a pattern without a slash matches any folder."""
    if PurePosixPath(rel).match(pattern):
        return True
    if pattern.startswith("**/") and glob_match(rel, pattern[3:]):
        return True
    if pattern.endswith("/**"):
        prefix = pattern[:-3]
        return rel == prefix or rel.startswith(prefix + "/") or fnmatch.fnmatch(rel, prefix + "/*")
    return fnmatch.fnmatchcase(rel, pattern) if "**" in pattern else False


def discover(start: Path | None = None) -> Config:
    """The nearest config file at or above `start`; defaults if there is none."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                return Config.load(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "[tool.localize]" in pyproject.read_text(encoding="utf-8", errors="replace"):
            return Config.load(pyproject)
    return Config()


def coerce(config: "Config | Mapping[str, Any] | str | Path | None") -> Config:
    """What the library accepts as `config=`: a Config, a mapping, or a file path."""
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    if isinstance(config, (str, Path)):
        return Config.load(Path(config))
    return Config.from_mapping(config)
