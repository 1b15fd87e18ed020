"""Valid content's models made without pydantic's validators: a quick check of the data's
shape that, when it has no doubt at all, builds the very objects pydantic would build.

Building pydantic's validators for the ~70 content models costs about 55 to 65 ms of CPU,
a third or more of parsing every bundled file (``benchmarks/HISTORY.md``, "validate,
session 16"), and valid content, the usual case, never needs the messages they produce.
So the models are declared with ``defer_build=True``, and before pydantic is asked, this
module reads the models' own declarations (their fields, types, constraints, aliases,
defaults and validators, so it cannot drift from them) and walks the parsed data once:

- every key known, every required field there, every value of its declared type (strict:
  a whole number is no text, ``true`` is no number), every literal one of its values,
  every bound, length and id pattern kept, every condition, trigger and effect told apart
  by its one key as the models tell them apart, and the models' own validators run;
- then the objects are made directly, field by field, as pydantic would make them (the
  same values, defaults, set fields and private slots; a test compares them).

Soundness is the rule: it may refuse what pydantic accepts, never the reverse. At the
first thing it finds wrong, or meets and does not know (a type, a constraint, a validator,
a setting of a model it was not written for), it gives up with ``None``, and the caller
asks pydantic, whose findings become today's messages, word for word. Nothing is
reported from here.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import threading
import types
import typing
from collections.abc import Callable
from typing import Any

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from pydantic import BaseModel, BeforeValidator, Discriminator, Tag, WithJsonSchema
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from . import crosscheck, logic
from .text import LocalText, _accept_reference

ENABLED = True
"""Tests switch the fast path off to compare its objects with pydantic's."""

MAX_DEPTH = 64
"""Deeper data is left to pydantic (which has limits of its own on recursion)."""


class _Unsure(Exception):
    """This data is not vouched for here: pydantic decides."""


Check = Callable[[Any, int], Any]
"""Checks a value (at a nesting depth) and returns what pydantic would make of it."""

_SHORTHANDS = {
    logic._fact_shorthand,
    logic._action_shorthand,
    logic._inject_shorthand,
    logic._trigger_shorthand,
}
"""The before-validators run here as pydantic runs them: each turns a bare word into the
mapping it stands for (``knows: plate`` for ``knows: {fact: plate}``)."""

_FIELD_VALIDATORS = {("trafficking_sim.content.models", "Scenario._parse_date")}
"""Before-validators of single fields that are run here as pydantic runs them (known by
their functions' modules and qualified names, not by the models that carry them)."""

_MODEL_VALIDATORS = {
    ("trafficking_sim.content.logic", "VarCompare._one_comparison"),
    ("trafficking_sim.content.text", "LocalText._codes_are_language_codes"),
}
"""After-validators of whole models that are run here on the object made (each must return
that very object, as these do: pydantic would keep whatever it returned)."""

_CONFIG = {"extra", "strict", "populate_by_name", "defer_build", "title"}
_CLASS = r"\[\^?(?:[a-zA-Z0-9_](?:-[a-zA-Z0-9_])?)+\]"
_QUANTIFIER = r"(?:[*+?]|\{[0-9]+(?:,[0-9]*)?\})"
_SIMPLE_PATTERN = re.compile(rf"\^?(?:\(|(?:[a-zA-Z0-9_\-]|{_CLASS}|\)){_QUANTIFIER}?)*\$?")
"""Patterns whose meaning is the same for Python's re and pydantic's (Rust) regex engine:
letters, digits, ``_`` and ``-``; classes of such letters and ranges (no class inside a
class, no ``--``, ``&&`` or ``~~``, which Rust reads as set operations); groups (no ``(?``);
one quantifier after an atom (``{,n}`` is Python's only); ``^`` first and ``$`` last."""


def build(model: type[BaseModel], data: Any) -> Any:
    """The object pydantic would make of ``data`` as ``model``, or None when in any doubt."""
    if not ENABLED:
        return None
    try:
        made = _model_check(model)(data, 0)
    except Exception:  # _Unsure, or anything unforeseen (data too deep, say): pydantic's
        return None
    if os.environ.get(crosscheck.ENVIRONMENT):  # the tests: pydantic must agree
        crosscheck.cross_check(model, data, made)
    return made


def _unsure(*_: Any) -> Any:
    raise _Unsure


# --- models -------------------------------------------------------------------------------

_CHECKS: dict[type, Check] = {}
_set = object.__setattr__


_READING = threading.RLock()
"""One thread reads the models at a time (the title screen loads scenarios in the
background while the player may start a game)."""

_PENDING: set[type] = set()
"""The models being read (by the thread that holds ``_READING``)."""


def _model_check(cls: type) -> Check:
    """The check of one model, made at its first use (the models refer to each other).

    Only finished checks are in ``_CHECKS``, so a thread that finds one there (without the
    lock) can use it; any other waits for the thread reading the models."""
    found = _CHECKS.get(cls)
    if found is None:
        with _READING:
            found = _CHECKS.get(cls)
            if found is None:
                if cls in _PENDING:  # a model that contains itself: looked up when used
                    return _late(cls)
                _PENDING.add(cls)
                try:
                    found = _text_check() if cls is LocalText else _make_model_check(cls)
                except Exception:  # _Unsure, or a declaration read differently than foreseen
                    found = _unsure
                finally:  # (an interruption stores nothing: the model is read again)
                    _PENDING.discard(cls)
                _CHECKS[cls] = found
    return found


def _late(cls: type) -> Check:
    def check(value: Any, depth: int) -> Any:
        found = _CHECKS.get(cls)
        if found is None:  # its reading was interrupted, or is under way in this thread
            with _READING:
                if cls in _PENDING:
                    raise _Unsure
                found = _model_check(cls)
        return found(value, depth)

    return check


def _known(func: Any, table: set[tuple[str, str]]) -> bool:
    func = getattr(func, "__func__", func)  # a class method's function
    return (getattr(func, "__module__", None), getattr(func, "__qualname__", None)) in table


def _validators(cls: type) -> tuple[list[Callable[[Any], Any]], dict[str, Callable[[Any], Any]]]:
    """The model's after-validators and its fields' before-validators (field -> function),
    each one known here; anything else makes the model unknown."""
    decorators = cls.__pydantic_decorators__  # type: ignore[attr-defined]
    if (
        decorators.validators
        or decorators.root_validators
        or set(cls.model_config) - _CONFIG  # type: ignore[attr-defined]
        or cls.model_post_init not in _POST_INITS  # type: ignore[attr-defined]
        or getattr(cls, "__pydantic_root_model__", False)
    ):
        raise _Unsure
    after = []
    for decorator in decorators.model_validators.values():
        if not _known(decorator.func, _MODEL_VALIDATORS) or decorator.info.mode != "after":
            raise _Unsure
        after.append(decorator.func)
    before: dict[str, Callable[[Any], Any]] = {}
    for decorator in decorators.field_validators.values():
        if not _known(decorator.func, _FIELD_VALIDATORS) or decorator.info.mode != "before":
            raise _Unsure
        for field in decorator.info.fields:
            # "*" (every field) or a name that is no field: not run here, so unknown
            if field in before or field not in cls.model_fields:  # type: ignore[attr-defined]
                raise _Unsure
            before[field] = decorator.func
    return after, before


def _post_inits() -> tuple[Any, ...]:
    """What a model may do after validation that is made here too: nothing, or (with
    private attributes, as LocalText's id) set their defaults (see ``_private``)."""
    try:
        from pydantic._internal._model_construction import init_private_attributes
    except ImportError:  # another pydantic: models with private attributes are unknown
        return (BaseModel.model_post_init,)
    return (BaseModel.model_post_init, init_private_attributes)


_POST_INITS = _post_inits()


def _private(cls: type) -> dict[str, Any] | None:
    slots = {}
    for name, attr in cls.__private_attributes__.items():  # type: ignore[attr-defined]
        default = attr.default
        if attr.default_factory is not None or not isinstance(default, str | int | type(None)):
            raise _Unsure
        slots[name] = default
    return slots or None


_NAMESPACES: list[dict[str, Any]] = []
"""The globals of the modules whose models are being read, innermost last: a forward
reference (``list["Condition"]``) is looked up in its model's module."""


def _own_schema_is_pydantic_s(cls: Any) -> bool:
    """Whether the model leaves its schema to pydantic: one of its own may check anything."""
    own = getattr(cls.__get_pydantic_core_schema__, "__func__", None)
    return own is getattr(BaseModel.__get_pydantic_core_schema__, "__func__", object())


def _make_model_check(cls: type) -> Check:
    if not (isinstance(cls, type) and issubclass(cls, logic.Strict)):
        raise _Unsure
    _NAMESPACES.append(vars(sys.modules[cls.__module__]))
    try:
        return _read_model(cls)
    finally:
        _NAMESPACES.pop()


def _read_model(cls: Any) -> Check:
    config = cls.model_config
    if (
        config.get("extra") != "forbid"
        or config.get("strict") is not True
        or not _own_schema_is_pydantic_s(cls)
    ):
        raise _Unsure
    after, before = _validators(cls)
    private = _private(cls)
    fields: list[tuple[str, str, Check, bool, Any, Callable[[], Any] | None]] = []
    for name, info in cls.model_fields.items():
        key = info.alias or name
        if (
            info.validation_alias not in (None, info.alias)
            or info.default_factory_takes_validated_data
            or info.validate_default  # pydantic would check the default: not done here
        ):
            raise _Unsure
        check = _field_check(info)
        if name in before:
            check = _before_field(before[name], check)
        required = info.is_required()
        default = None if info.default is PydanticUndefined else info.default
        if not isinstance(default, str | int | type(None)):
            raise _Unsure  # a shared mutable default would need pydantic's copy
        fields.append((name, key, check, required, default, info.default_factory))
    keys = {key for _, key, *_ in fields}
    new = cls.__new__

    def check_model(value: Any, depth: int) -> Any:
        if type(value) is not dict or depth > MAX_DEPTH or not keys.issuperset(value):
            raise _Unsure
        values: dict[str, Any] = {}
        given: set[str] = set()
        for name, key, check, required, default, factory in fields:
            if key in value:
                values[name] = check(value[key], depth + 1)
                given.add(name)
            elif required:
                raise _Unsure
            elif factory is not None:
                values[name] = factory()
            else:
                values[name] = default
        obj = new(cls)
        _set(obj, "__dict__", values)
        _set(obj, "__pydantic_fields_set__", given)
        _set(obj, "__pydantic_extra__", None)
        _set(obj, "__pydantic_private__", None if private is None else dict(private))
        _run_after(after, obj)
        return obj

    return check_model


def _run_after(after: list[Callable[[Any], Any]], obj: Any) -> None:
    for validator in after:
        try:
            same = validator(obj) is obj
        except Exception:
            raise _Unsure from None
        if not same:  # pydantic would keep what it returned instead
            raise _Unsure


def _before_field(validator: Callable[[Any], Any], check: Check) -> Check:
    def check_after_before(value: Any, depth: int) -> Any:
        try:
            value = validator(value)
        except Exception:
            raise _Unsure from None
        return check(value, depth)

    return check_after_before


def _text_check() -> Check:
    """A text: ``{en: ..., sl: ...}`` (language codes to texts), as LocalText is made."""
    after, before = _validators(LocalText)
    config = LocalText.model_config
    if (
        LocalText.model_fields
        or before
        or config.get("extra") != "allow"
        or config.get("strict") is not True
        or not _own_schema_is_pydantic_s(LocalText)
    ):
        raise _Unsure
    private = _private(LocalText)

    def check_text(value: Any, depth: int) -> Any:
        if type(value) is not dict:
            raise _Unsure
        for code, text in value.items():
            if type(code) is not str or type(text) is not str:
                raise _Unsure
        obj = LocalText.__new__(LocalText)
        _set(obj, "__dict__", {})
        _set(obj, "__pydantic_fields_set__", set(value))
        _set(obj, "__pydantic_extra__", dict(value))
        _set(obj, "__pydantic_private__", None if private is None else dict(private))
        _run_after(after, obj)
        return obj

    return check_text


def _reference(ref: str) -> LocalText:
    """What ``text._accept_reference`` makes of a ``texts:`` id, made as LocalText() is."""
    obj = LocalText.__new__(LocalText)
    _set(obj, "__dict__", {})
    _set(obj, "__pydantic_fields_set__", set())
    _set(obj, "__pydantic_extra__", {})
    private = _private(LocalText) or {}
    _set(obj, "__pydantic_private__", {**private, "_ref": ref})
    return obj


# --- types ----------------------------------------------------------------------------------


def _field_check(info: FieldInfo) -> Check:
    if info.discriminator is not None:
        raise _Unsure
    return _type_check(info.annotation, list(info.metadata))


def _flatten(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """The type under ``Annotated`` layers, with all their metadata, innermost first."""
    while typing.get_origin(annotation) is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        metadata = [*extra, *metadata]
        annotation = inner
    flat = []
    for item in metadata:
        if isinstance(item, FieldInfo):
            if item.discriminator is not None or item.alias is not None:
                raise _Unsure
            flat += item.metadata
        else:
            flat.append(item)
    return annotation, flat


def _type_check(annotation: Any, metadata: list[Any]) -> Check:
    if isinstance(annotation, typing.ForwardRef | str):
        name = annotation if isinstance(annotation, str) else annotation.__forward_arg__
        if not name.isidentifier() or not _NAMESPACES or name not in _NAMESPACES[-1]:
            raise _Unsure
        annotation = _NAMESPACES[-1][name]
    annotation, metadata = _flatten(annotation, metadata)
    befores = [m for m in metadata if isinstance(m, BeforeValidator)]
    discriminators = [m for m in metadata if isinstance(m, Discriminator)]
    constraints = [
        m
        for m in metadata
        if not isinstance(m, BeforeValidator | Discriminator | WithJsonSchema | Tag)
    ]
    if len(befores) > 1 or len(discriminators) > 1:
        raise _Unsure
    if befores:
        func = befores[0].func
        if func is _accept_reference and annotation is LocalText and not constraints:
            return _text_or_reference()
        if func not in _SHORTHANDS:
            raise _Unsure
        return _before(func, _type_check(annotation, [*discriminators, *constraints]))
    return _core_check(annotation, constraints, discriminators[0] if discriminators else None)


def _text_or_reference() -> Check:
    text = _model_check(LocalText)

    def check(value: Any, depth: int) -> Any:
        if type(value) is str:
            return _reference(value)
        return text(value, depth)

    return check


def _before(func: Callable[[Any], Any], inner: Check) -> Check:
    def check(value: Any, depth: int) -> Any:
        try:
            value = func(value)
        except Exception:
            raise _Unsure from None
        return inner(value, depth)

    return check


def _core_check(annotation: Any, constraints: list[Any], discriminator: Any) -> Check:
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        return _union_check(typing.get_args(annotation), constraints, discriminator)
    if discriminator is not None:
        raise _Unsure
    if origin is typing.Literal:
        if constraints:
            raise _Unsure
        return _literal_check(typing.get_args(annotation))
    if origin is list:
        (item,) = typing.get_args(annotation)
        return _list_check(_type_check(item, []), constraints)
    if origin is dict:
        if constraints:
            raise _Unsure
        key, item = typing.get_args(annotation)
        return _dict_check(_type_check(key, []), _type_check(item, []))
    if annotation is str:
        return _str_check(constraints)
    if annotation is int:
        return _int_check(constraints)
    if constraints:
        raise _Unsure
    if annotation is bool:
        return _exact(bool)
    if annotation is dt.date:
        return _exact(dt.date)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_check(annotation)
    raise _Unsure


def _union_check(members: tuple[Any, ...], constraints: list[Any], discriminator: Any) -> Check:
    present = [m for m in members if m is not type(None)]
    if len(present) < len(members):
        # Optional: None stays None; the rest (and the constraints) apply otherwise.
        if len(present) == 1:
            inner = _type_check(
                present[0], [*([discriminator] if discriminator else []), *constraints]
            )
        else:
            inner = _union_check(tuple(present), constraints, discriminator)
        return _nullable(inner)
    if discriminator is not None:
        if constraints:
            raise _Unsure
        return _tagged(present, discriminator)
    if set(present) == {int, bool, str} and not constraints:
        return _value_check
    raise _Unsure


def _nullable(inner: Check) -> Check:
    def check(value: Any, depth: int) -> Any:
        return None if value is None else inner(value, depth)

    return check


def _tagged(members: list[Any], discriminator: Any) -> Check:
    """A union told apart by a function of the value (conditions, triggers, effects)."""
    tag_of = discriminator.discriminator
    if not callable(tag_of):
        raise _Unsure
    by_tag: dict[str, Check] = {}
    for member in members:
        inner, metadata = _flatten(member, [])
        tags = [m.tag for m in metadata if isinstance(m, Tag)]
        if len(tags) != 1 or len(metadata) != 1 or not isinstance(inner, type):
            raise _Unsure
        by_tag[tags[0]] = _model_check(inner)

    def check(value: Any, depth: int) -> Any:
        if type(value) is not dict:
            raise _Unsure
        member = by_tag.get(tag_of(value))
        if member is None:
            raise _Unsure
        return member(value, depth)

    return check


def _literal_check(options: tuple[Any, ...]) -> Check:
    allowed = {(type(option), option) for option in options}
    if not all(isinstance(option, str | int) for option in options):
        raise _Unsure

    def check(value: Any, depth: int) -> Any:
        if (type(value), value) not in allowed:
            raise _Unsure
        return value

    return check


def _list_check(item: Check, constraints: list[Any]) -> Check:
    low, high = 0, None
    for constraint in constraints:
        if isinstance(constraint, MinLen):
            low = max(low, constraint.min_length)
        elif isinstance(constraint, MaxLen):
            high = constraint.max_length
        else:
            raise _Unsure

    def check(value: Any, depth: int) -> Any:
        if type(value) is not list or len(value) < low or (high is not None and len(value) > high):
            raise _Unsure
        return [item(element, depth + 1) for element in value]

    return check


def _dict_check(key: Check, item: Check) -> Check:
    def check(value: Any, depth: int) -> Any:
        if type(value) is not dict:
            raise _Unsure
        return {key(k, depth): item(v, depth + 1) for k, v in value.items()}

    return check


def _str_check(constraints: list[Any]) -> Check:
    patterns = []
    for constraint in constraints:
        pattern = getattr(constraint, "pattern", None)
        # pydantic's general metadata: only a pattern is understood here.
        if (
            type(constraint).__name__ != "_PydanticGeneralMetadata"
            or set(vars(constraint)) != {"pattern"}
            or not isinstance(pattern, str)
            or not _SIMPLE_PATTERN.fullmatch(pattern)
        ):
            raise _Unsure
        patterns.append(re.compile(pattern))

    def check(value: Any, depth: int) -> Any:
        if type(value) is not str:
            raise _Unsure
        if patterns and ("\n" in value or not all(p.search(value) for p in patterns)):
            raise _Unsure  # ('$' before a final newline is a match for Python only)
        return value

    return check


def _int_check(constraints: list[Any]) -> Check:
    low: int | None = None
    high: int | None = None
    for constraint in constraints:
        bound = getattr(constraint, type(constraint).__name__.lower(), None)  # Ge(ge=0)...
        if type(bound) is not int:
            raise _Unsure
        if isinstance(constraint, Ge | Gt):
            bound += isinstance(constraint, Gt)  # whole numbers: > b is >= b + 1
            low = bound if low is None else max(low, bound)
        elif isinstance(constraint, Le | Lt):
            bound -= isinstance(constraint, Lt)
            high = bound if high is None else min(high, bound)
        else:
            raise _Unsure

    def check(value: Any, depth: int) -> Any:
        if (
            type(value) is not int
            or (low is not None and value < low)
            or (high is not None and value > high)
        ):
            raise _Unsure
        return value

    return check


def _exact(kind: type) -> Check:
    def check(value: Any, depth: int) -> Any:
        if type(value) is not kind:
            raise _Unsure
        return value

    return check


def _value_check(value: Any, depth: int) -> Any:
    """``int | bool | str``: each as it is (pydantic's smart union keeps the exact type)."""
    if type(value) not in (int, bool, str):
        raise _Unsure
    return value
