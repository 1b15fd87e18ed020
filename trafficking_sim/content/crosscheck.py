"""The cross-check of the fast path (content/shapes.py) against pydantic, for the tests.

With ``TRAFFICKING_SIM_CROSS_CHECK`` set in the environment (the test session sets it, so
every process it starts inherits it), whatever the fast path vouches for is validated by
pydantic too, which must accept it and make the very same object, none of its parts shared.
A mismatch raises ``FastPathMismatch``, a BaseException, so that no ``except Exception``
on its way (the content cache's rebuild, the command line's last resort) can turn it
into a quiet fallback or an exit code: the test that met it fails with its message.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

ENVIRONMENT = "TRAFFICKING_SIM_CROSS_CHECK"


class FastPathMismatch(BaseException):
    """The fast path accepted data pydantic refuses, or made another object than pydantic."""


def cross_check(model: type[BaseModel], data: Any, made: Any) -> None:
    """Raises FastPathMismatch unless pydantic makes ``made`` of ``data`` too."""
    try:
        theirs = model.model_validate(data)
    except Exception as error:  # a ValidationError, or a pattern pydantic cannot read
        raise FastPathMismatch(
            f"the fast path accepted {model.__name__} data pydantic refuses: {error}"
        ) from None
    found = differences(made, theirs) or shared(made, data)
    if found is not None:
        raise FastPathMismatch(f"the fast path made another {model.__name__}: {found}")


_SLOTS = ("__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")


def differences(ours: Any, theirs: Any, where: str = "") -> str | None:
    """Where two content objects first differ (type, value, set fields, extra texts,
    private slots, or the order of fields and keys), or None when they are the same."""
    if type(ours) is not type(theirs):
        return f"{where or 'the top'}: {type(ours).__name__} against {type(theirs).__name__}"
    if isinstance(ours, BaseModel):
        for slot in _SLOTS:
            mine, its = getattr(ours, slot), getattr(theirs, slot)
            if mine != its or (isinstance(mine, dict) and list(mine) != list(its)):
                return f"{where or 'the top'}: {slot} {mine!r} against {its!r}"
        return differences(ours.__dict__, theirs.__dict__, where)
    if isinstance(ours, dict):
        if list(ours) != list(theirs):
            return f"{where or 'the top'}: keys {list(ours)} against {list(theirs)}"
        for key in ours:
            found = differences(ours[key], theirs[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(ours, list):
        if len(ours) != len(theirs):
            return f"{where}: {len(ours)} items against {len(theirs)}"
        for i, (a, b) in enumerate(zip(ours, theirs, strict=True)):
            found = differences(a, b, f"{where}[{i}]")
            if found:
                return found
        return None
    return None if ours == theirs else f"{where}: {ours!r} against {theirs!r}"


def _containers(value: Any, where: str, found: dict[int, str]) -> str | None:
    """Records every mutable container under ``value`` (id -> where), or says where one is
    met a second time."""
    if isinstance(value, BaseModel):
        inner = [value.__dict__, *(getattr(value, slot) for slot in _SLOTS)]
    elif isinstance(value, dict):
        inner = list(value.values())
    elif isinstance(value, list | set):
        inner = list(value)
    else:
        return None
    if id(value) in found:
        return f"{where or 'the top'} is also {found[id(value)] or 'the top'}"
    if isinstance(value, set):  # of plain values only, in content
        found[id(value)] = where
        return None
    found[id(value)] = where
    for i, item in enumerate(inner):
        seen = _containers(item, f"{where}/{i}", found)
        if seen:
            return seen
    return None


def shared(made: Any, data: Any) -> str | None:
    """Where an object made shares a mutable container (a list, a mapping, a set, a model)
    with another part of itself or with the data it was made from, or None: pydantic makes
    every one afresh, and content objects are changed in place nowhere, so that sharing
    would go unnoticed until someone did."""
    given: dict[int, str] = {}
    _containers(data, "", given)  # (data sharing a part, a YAML alias, is recorded once)
    found: dict[int, str] = {}
    seen = _containers(made, "", found)
    if seen:
        return seen
    taken = set(found) & set(given)
    if taken:
        some = next(iter(taken))
        return f"{found[some] or 'the top'} is the data's own {given[some] or 'top'}"
    return None
