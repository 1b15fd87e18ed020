"""Turns pydantic's findings into located, plain-language problems, and resolves texts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import ContentError, Problem, suggest
from .text import LocalText
from .yamlsafe import Located, Path_

M = TypeVar("M", bound=BaseModel)

_TYPE_WORDS = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping (key: value lines)",
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
    "date_type": "a date written as YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written as YYYY-MM-DD",
    "literal_error": "one of the allowed values",
}


def _describe_input(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if value is None:
        return "nothing (null)"
    if isinstance(value, int | float):
        return f"the number {value}"
    text = str(value)
    return f"the text '{text[:40]}{'...' if len(text) > 40 else ''}'"


@cache
def _all_field_names() -> frozenset[str]:
    """Every key any content model accepts (for 'did you mean' on unknown keys)."""
    from . import logic, models

    names: set[str] = set()
    for module in (logic, models):
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, BaseModel) and obj is not BaseModel:
                for name, info in obj.model_fields.items():
                    names.add(info.alias or name)
    return frozenset(names)


def _data_path(data: Any, loc: tuple[int | str, ...]) -> Path_:
    """The longest path into the YAML data that pydantic's location describes.

    Pydantic adds union tags and internal markers to locations; they are skipped by
    finding the longest subsequence of the location that walks the real data,
    preferring one that ends at the location's last element.
    """
    best: tuple[int, bool, Path_] = (-1, False, ())

    def walk(node: Any, i: int, taken: Path_) -> None:
        nonlocal best
        if i == len(loc):
            score = (len(taken), bool(taken) and taken[-1] == loc[-1] if loc else False, taken)
            if score[:2] > best[:2]:
                best = score
            return
        part = loc[i]
        found, child = _child(node, part)
        if found:
            walk(child, i + 1, (*taken, part))
        walk(node, i + 1, taken)

    walk(data, 0, ())
    return best[2]


def _child(node: Any, part: int | str) -> tuple[bool, Any]:
    """The element ``part`` of a mapping or list, if it is there."""
    if isinstance(node, dict) and isinstance(part, str) and part in node:
        return True, node[part]
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return True, node[part]
    return False, None


def problems_from_validation(error: ValidationError, located: Located) -> list[Problem]:
    """Located problems from a pydantic ValidationError on ``located.data``."""
    problems: list[Problem] = []
    seen: set[tuple[Path_, str]] = set()
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        path = _data_path(located.data, loc)
        kind = err["type"]
        message = _message(err, loc, path, located)
        if (path, message) in seen:
            continue
        seen.add((path, message))
        problems.append(located.problem(path, message, key=kind == "extra_forbidden"))
    return problems


def _message(err: Any, loc: tuple[int | str, ...], path: Path_, located: Located) -> str:
    kind = err["type"]
    where = ".".join(str(p) for p in path) or "the top level"
    value = err.get("input")
    if kind == "missing":
        field = loc[-1]
        if not path:
            return f"the file is missing the required field '{field}'"
        return f"'{where}' is missing the required field '{field}'"
    if kind == "extra_forbidden":
        field = str(path[-1]) if path else str(loc[-1])
        # A field of another block is no misspelling of itself: suggest a different name.
        others = [name for name in _all_field_names() if name != field]
        hint = suggest(field, others) or " (check the spelling and the indentation)"
        return (
            f"unknown field '{field}'.{hint}"
            if hint.startswith(" Did")
            else (f"unknown field '{field}'{hint}")
        )
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        options = re.findall(r"'([^']*)'", expected)
        hint = suggest(str(value), options) if isinstance(value, str) else ""
        return f"'{where}' must be one of {expected}, not {_describe_input(value)}.{hint}"
    if kind in ("condition", "trigger", "effect"):
        options = re.findall(r"\b[a-z_]+\b", err["msg"].split(":", 1)[-1])
        hint = ""
        if isinstance(value, dict) and len(value) == 1:
            hint = suggest(next(iter(value)), options)
        elif isinstance(value, dict) and len(value) > 1:
            hint = f" (found several keys: {', '.join(value)}; split them into separate items)"
        elif isinstance(value, str):
            hint = suggest(value, options)
        return f"'{where}': {err['msg']}, not {_describe_input(value)}.{hint}".rstrip(".")
    if kind == "string_pattern_mismatch":
        pattern = str(err.get("ctx", {}).get("pattern", ""))
        if "a-z" in pattern:
            return (
                f"'{where}': the id {_describe_input(value)} is not valid: ids use lowercase "
                "letters, digits and '_', and start with a letter"
            )
        if "ABCX" in pattern:
            return (
                f"'{where}' must be a source code A, B, C or X followed by an information "
                f"code 1-4 (such as B2), not {_describe_input(value)}"
            )
    if kind in _TYPE_WORDS:
        return f"'{where}' must be {_TYPE_WORDS[kind]}, not {_describe_input(value)}"
    if kind == "too_short":
        n = err.get("ctx", {}).get("min_length", 1)
        return f"'{where}' needs at least {n} item{'s' if n != 1 else ''}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        bound = next(iter(err.get("ctx", {}).values()), "?")
        word = {
            "greater_than_equal": "at least",
            "less_than_equal": "at most",
            "greater_than": "more than",
            "less_than": "less than",
        }[kind]
        return f"'{where}' must be {word} {bound}, not {_describe_input(value)}"
    if kind == "value_error":
        return f"'{where}': {str(err['msg']).removeprefix('Value error, ')}"
    return f"'{where}': {err['msg']}"


def validate_model(model: type[M], located: Located) -> M:
    """Validate located data against a model, raising ContentError with located problems."""
    if not isinstance(located.data, dict):
        raise ContentError(
            [
                located.problem(
                    (),
                    f"expected a mapping (key: value lines) at the top of the file, "
                    f"not {_describe_input(located.data)}",
                )
            ]
        )
    # Valid data is made without pydantic's validators (shapes.py); anything it has the
    # least doubt about is validated by pydantic, whose findings are the messages.
    from .shapes import build

    built = build(model, located.data)
    if built is not None:
        return built  # type: ignore[no-any-return]
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        raise ContentError(problems_from_validation(exc, located)) from None


# --- walking validated models with their YAML paths --------------------------------------


_FIELDS: dict[type, tuple[tuple[str, str], ...]] = {}


def _fields_of(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """A model's fields as (attribute, YAML key), looked up once per class."""
    found = _FIELDS.get(cls)
    if found is None:
        found = tuple((name, info.alias or name) for name, info in cls.model_fields.items())
        _FIELDS[cls] = found
    return found


_LEAF, _MODEL, _LIST, _DICT = range(4)
_SHAPES: dict[type, int] = {}
"""What each type met in a walk is (a leaf, a model, a list or a dict), found once per type:
a walk of the flagship meets about 6,000 nodes, and the isinstance tests were a third of it."""

_SKIPPED = (str, int, bool, float)
"""Field values that are never walked into (with None): they hold no model or text."""


def _shape(cls: type) -> int:
    shape = _SHAPES.get(cls)
    if shape is None:
        if issubclass(cls, LocalText):
            shape = _LEAF
        elif issubclass(cls, BaseModel):
            shape = _MODEL
        elif issubclass(cls, list):
            shape = _LIST
        elif issubclass(cls, dict):
            shape = _DICT
        else:
            shape = _LEAF
        _SHAPES[cls] = shape
    return shape


def _children(obj: Any, path: Path_) -> list[tuple[Path_, Any]]:
    """The direct children of a model, list or dict, with their YAML paths, in order."""
    shape = _shape(type(obj))
    if shape == _MODEL:
        found: list[tuple[Path_, Any]] = []
        values = obj.__dict__  # pydantic keeps field values here; getattr costs more
        for name, key in _fields_of(type(obj)):
            value = values[name]
            if value is None or isinstance(value, _SKIPPED):
                continue
            found.append(((*path, key), value))
        return found
    if shape == _LIST:
        return [((*path, i), item) for i, item in enumerate(obj)]
    if shape == _DICT:
        return [((*path, key), item) for key, item in obj.items()]
    return []


def walk(obj: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every model, LocalText and list/dict element under ``obj``, with its YAML path.

    Depth first, in the order of the file, with an explicit stack: content can nest
    deeply (conditions in conditions) and a generator per level costs more than the visit.
    """
    stack: list[tuple[Path_, Any]] = [(path, obj)]
    while stack:
        here, node = stack.pop()
        yield here, node
        stack.extend(reversed(_children(node, here)))


def _id_part(node: Any, part: int | str) -> str:
    """How one step of a path reads in a text id: a list element by its own id (or its
    role card or agency profile) when it has one, so ids survive reordering."""
    if isinstance(part, int) and isinstance(node, BaseModel) and not isinstance(node, LocalText):
        values = node.__dict__
        for name in ("id", "card", "profile"):
            ident = values.get(name)
            if ident:
                return ident if isinstance(ident, str) else str(part)
        return str(part)
    return str(part)


def walk_with_ids(obj: Any) -> Iterator[tuple[Path_, str, Any]]:
    """Like ``walk`` from the root, with each node's text id path computed on the way
    down (``facts.plate.text`` for ``("facts", 3, "text")``) rather than re-walked."""
    stack: list[tuple[Path_, str, Any]] = [((), "", obj)]
    while stack:
        here, ident, node = stack.pop()
        yield here, ident, node
        children = _children(node, here)
        for child_path, child in reversed(children):
            part = (
                _id_part(child, child_path[-1]) if isinstance(node, list) else str(child_path[-1])
            )
            stack.append((child_path, f"{ident}.{part}" if ident else part, child))


_Place = tuple[Any, str | int] | None
"""Where a node stands: (its parent's place, its key or index), None at the root; a path
is made of it (``_path_of``) only when a problem needs one."""


def _path_of(place: _Place) -> Path_:
    parts: list[str | int] = []
    while place is not None:
        place, part = place
        parts.append(part)
    return tuple(reversed(parts))


def _texts_with_ids(root: Any) -> Iterator[tuple[_Place, str, Any, LocalText]]:
    """Every text under ``root`` as ``walk_with_ids`` meets it, in the same order:
    (its place, its text id path, the first key of its path, the text).

    The texts are about a quarter of the nodes of a file: this walk yields only them, and
    keeps each node's place as a link to its parent's instead of a new path tuple."""
    shapes = _SHAPES
    stack: list[tuple[_Place, str, Any, Any]] = [(None, "", None, root)]
    pop = stack.pop
    while stack:
        place, ident, top, node = pop()
        cls = type(node)
        shape = shapes.get(cls)
        if shape is None:
            shape = _shape(cls)
        if shape == _LEAF:
            if isinstance(node, LocalText):
                yield place, ident, top, node
            continue
        kids: list[tuple[_Place, str, Any, Any]] = []
        if shape == _MODEL:
            values = node.__dict__  # as in _children
            for name, key in _fields_of(cls):
                value = values[name]
                if value is None or isinstance(value, _SKIPPED):
                    continue
                kids.append(((place, key), f"{ident}.{key}" if ident else key, top, value))
        elif shape == _LIST:
            for i, item in enumerate(node):
                part = _id_part(item, i)
                kids.append(((place, i), f"{ident}.{part}" if ident else part, top, item))
        else:
            for key, item in node.items():
                part = str(key)
                kids.append(((place, key), f"{ident}.{part}" if ident else part, top, item))
        if place is None:  # the root's children: each is the first key of its paths
            kids = [(p, i, p[1] if p is not None else None, n) for p, i, _, n in kids]
        stack.extend(reversed(kids))


def resolve_texts(
    root: BaseModel, located: Located, languages: list[str], prefix: str = ""
) -> tuple[dict[str, LocalText], list[Problem]]:
    """Give every text its id, fill in references to the ``texts:`` table, check languages."""
    problems: list[Problem] = []
    table: dict[str, LocalText] = getattr(root, "texts", {}) or {}
    registry: dict[str, LocalText] = {}
    used: set[str] = set()
    for key, text in table.items():
        text._id = prefix + key
    for place, text_id, top, obj in _texts_with_ids(root):
        # The private slots read directly: pydantic's attribute fallback is slow.
        private = obj.__pydantic_private__ or {}
        ref = private.get("_ref")
        if top == "texts":
            registry[obj.id] = obj
        elif ref is not None:
            target = table.get(ref)
            if target is None:
                problems.append(
                    located.problem(
                        _path_of(place),
                        f"unknown text id '{ref}': add it under 'texts:' or write the text "
                        f"inline as {{en: ..., sl: ...}}.{suggest(ref, table)}".rstrip("."),
                    )
                )
                continue
            used.add(ref)
            obj.set_texts(target.texts)
            obj._id = target.id
        else:
            obj._id = prefix + text_id
            registry[obj.id] = obj
        if ref is not None:
            continue
        for lang in languages:
            if not obj.texts.get(lang, "").strip():
                problems.append(
                    located.problem(
                        _path_of(place),
                        f"the text '{obj.id}' has no {lang} version "
                        f"(this file's languages are {', '.join(languages)})",
                    )
                )
    return registry, problems
