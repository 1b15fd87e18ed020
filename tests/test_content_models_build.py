"""The content models: each object gets its own defaults, and the models build cheaply.

A default shared between two scenarios would let an edit of one reach the other. The
factories are plain Python functions, and the annotations real types rather than strings,
because building the models is what a full ``validate`` waits for most, and pydantic
reads each factory's signature (slow for ``list``, ``dict`` or a model class) and
evaluates each string annotation again: each was about a tenth of the build.
"""

from __future__ import annotations

import types

from pydantic import BaseModel

from trafficking_sim.content import logic, models


def _content_models() -> list[type[BaseModel]]:
    found = []
    for module in (logic, models):
        for value in vars(module).values():
            is_model = isinstance(value, type) and issubclass(value, logic.Strict)
            if is_model and value is not logic.Strict:
                found.append(value)
    return found


def test_every_default_factory_is_a_plain_function() -> None:
    slow = [
        f"{model.__name__}.{name}: {field.default_factory!r}"
        for model in _content_models()
        for name, field in model.model_fields.items()
        if field.default_factory is not None
        and not isinstance(field.default_factory, types.FunctionType)
    ]
    assert slow == []


def test_every_object_gets_its_own_defaults() -> None:
    checked = 0
    for model in _content_models():
        for name, field in model.model_fields.items():
            if field.default_factory is None:
                continue
            first = field.get_default(call_default_factory=True, validated_data={})
            second = field.get_default(call_default_factory=True, validated_data={})
            assert first == second, f"{model.__name__}.{name}"
            if isinstance(first, list | dict | BaseModel):
                assert first is not second, f"{model.__name__}.{name} is shared"
            if isinstance(first, BaseModel):
                # made with model_construct, unchecked: a typo there (a pillar misspelt)
                # would reach every scenario that leaves the field out
                dumped = first.model_dump(by_alias=True)
                assert type(first).model_validate(dumped) == first, f"{model.__name__}.{name}"
            checked += 1
    assert checked >= 30  # the lists and mappings of every file kind


def test_the_annotations_are_types_not_strings() -> None:
    # Only the recursive conditions refer forward, to Condition, defined after them.
    forward = {("AllOf", "all"), ("AnyOf", "any"), ("NotOf", "not_")}
    strings = [
        (model.__name__, name)
        for model in _content_models()
        for name, annotation in vars(model).get("__annotations__", {}).items()
        if isinstance(annotation, str) and (model.__name__, name) not in forward
    ]
    assert strings == []
