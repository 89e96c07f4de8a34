"""A small schema language for YAML data, checked against YAML nodes so every error
can name the file and line. Used by locale profiles and by config files."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import yaml

from ..errors import ProfileError


@dataclass(frozen=True)
class Scalar:
    types: tuple[type, ...]
    choices: tuple[Any, ...] = ()
    nullable: bool = False
    check: Callable[[Any], str | None] | None = None  # returns an error text or None

    def describe(self) -> str:
        if self.choices:
            return "one of " + ", ".join(map(str, self.choices))
        names = {bool: "true/false", int: "an integer", float: "a number", str: "a string"}
        return " or ".join(names.get(t, t.__name__) for t in self.types)


@dataclass(frozen=True)
class ListOf:
    item: Any


@dataclass(frozen=True)
class MapOf:
    """A mapping with free keys (e.g. glob -> locale); values follow `value`."""
    value: Any


BOOL = Scalar((bool,))
STR = Scalar((str,))
OPT_STR = Scalar((str,), nullable=True)
INT = Scalar((int,))
NUMBER = Scalar((int, float))


def enum(*choices: Any) -> Scalar:
    return Scalar((type(choices[0]),), choices=choices)


def _fail(msg: str, node: yaml.Node, path: str, kind: type[Exception]) -> None:
    raise kind(msg, path=path, line=node.start_mark.line + 1, column=node.start_mark.column + 1)


def validate(node: yaml.Node, schema: Any, path: str, where: str = "",
             error: type[Exception] = ProfileError) -> None:
    """Raise `error` naming file:line for the first node that does not fit `schema`."""
    label = where or "the document"
    if isinstance(schema, dict):
        if not isinstance(node, yaml.MappingNode):
            _fail(f"{label} must be a mapping", node, path, error)
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                _fail(f"duplicate key {key!r} in {label}", key_node, path, error)
            seen.add(key)
            if key not in schema:
                known = ", ".join(sorted(schema))
                _fail(f"unknown key {key!r} in {label} (known keys: {known})", key_node, path, error)
            validate(value_node, schema[key], path, f"{where}.{key}" if where else key, error)
    elif isinstance(schema, MapOf):
        if not isinstance(node, yaml.MappingNode):
            _fail(f"{label} must be a mapping", node, path, error)
        for key_node, value_node in node.value:
            validate(value_node, schema.value, path, f"{label}[{key_node.value!r}]", error)
    elif isinstance(schema, ListOf):
        if not isinstance(node, yaml.SequenceNode):
            _fail(f"{label} must be a list", node, path, error)
        for i, item in enumerate(node.value):
            validate(item, schema.item, path, f"{label}[{i}]", error)
    elif isinstance(schema, Scalar):
        if not isinstance(node, yaml.ScalarNode):
            _fail(f"{label} must be {schema.describe()}", node, path, error)
        value = yaml.SafeLoader(  # construct one scalar with the safe resolver
            "").construct_object(node) if node.tag != "tag:yaml.org,2002:str" else node.value
        if value is None and schema.nullable:
            return
        ok = isinstance(value, schema.types) and not (isinstance(value, bool) and bool not in schema.types)
        if not ok:
            _fail(f"{label} must be {schema.describe()}, not {node.value!r}", node, path, error)
        if schema.choices and value not in schema.choices:
            _fail(f"{label} must be {schema.describe()}, not {value!r}", node, path, error)
        if schema.check is not None:
            problem = schema.check(value)
            if problem:
                _fail(f"{label}: {problem}", node, path, error)
    elif schema is Any:
        return
    else:  # pragma: no cover - a programming error in a schema
        raise TypeError(f"bad schema at {where}: {schema!r}")


def compose(text: str, path: str, error: type[Exception] = ProfileError) -> "yaml.Node | None":
    """YAML text -> its node tree (which keeps line numbers); a syntax error becomes
    `error` naming the file and line."""
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=loader_cls)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise error(f"invalid YAML: {getattr(exc, 'problem', None) or exc}", path=path,
                    line=mark.line + 1 if mark else None) from None


def load_validated(text: str, path: str, schema: Any, error: type[Exception] = ProfileError) -> dict:
    """Parse YAML, validate it against `schema`, and return plain Python data."""
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    node = compose(text, path, error)
    if node is None:
        return {}
    validate(node, schema, path, error=error)
    return yaml.load(text, Loader=loader_cls) or {}
