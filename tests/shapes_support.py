"""Comparing the content objects the fast path makes (content/shapes.py) with pydantic's."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

_SLOTS = ("__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")


def differences(ours: Any, theirs: Any, where: str = "") -> str | None:
    """Where two content objects first differ (type, value, set fields, extra texts,
    private slots, or the order of fields and keys), or None when they are the same."""
    if type(ours) is not type(theirs):
        return f"{where or 'the top'}: {type(ours).__name__} against {type(theirs).__name__}"
    if isinstance(ours, BaseModel):
        for slot in _SLOTS:
            if getattr(ours, slot) != getattr(theirs, slot):
                return f"{where or 'the top'}: {slot} {getattr(ours, slot)!r} against " + repr(
                    getattr(theirs, slot)
                )
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


def checked_build(real_build: Any) -> Any:
    """``shapes.build`` that, whenever it vouches for data, has pydantic validate the same
    data and asserts that pydantic accepts it and makes the very same object."""

    def build(model: type[BaseModel], data: Any) -> Any:
        ours = real_build(model, data)
        if ours is not None:
            theirs = model.model_validate(data)  # a ValidationError here: fast path too lenient
            found = differences(ours, theirs)
            assert found is None, f"the fast path made another {model.__name__}: {found}"
        return ours

    return build
