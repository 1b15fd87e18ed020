"""Conditions compiled once into small closures, so evaluating them is a function call.

Still no ``eval``: each closure is built from the validated condition objects, and can
only do what ``conditions.holds`` does (the reference the tests compare it against).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..content import logic as L
from ..content.bundle import GameContent
from ..content.models import Rule
from .conditions import Context, message_matches

Check = Callable[[Context], bool]

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq,
    "ne": operator.ne,
    "lt": operator.lt,
    "le": operator.le,
    "gt": operator.gt,
    "ge": operator.ge,
}


class CompiledConditions:
    """A cache of compiled conditions, keyed by the condition object."""

    def __init__(self) -> None:
        self._cache: dict[int, tuple[Any, Check]] = {}

    def __call__(self, cond: Any) -> Check:
        entry = self._cache.get(id(cond))
        if entry is None or entry[0] is not cond:
            entry = (cond, compile_condition(cond))
            self._cache[id(cond)] = entry
        return entry[1]


def compile_condition(cond: Any) -> Check:
    """A closure equivalent to ``holds(cond, ctx)``."""
    if isinstance(cond, L.Knows):
        fact, actor = cond.knows.fact, cond.knows.actor
        if actor == L.PLAYER:
            return lambda ctx: fact in ctx.state.knowledge.get(ctx.state.role, ())
        return lambda ctx: fact in ctx.state.knowledge.get(actor, ())
    if isinstance(cond, L.AllOf):
        pairs = _equalities(cond.all)
        if pairs is not None:
            # Several variables, each equal to a value (the common form of objectives and
            # endings): one function, in the same order, stopping at the first mismatch.
            return _all_equal(pairs)
        return _all(tuple(compile_condition(c) for c in cond.all))
    if isinstance(cond, L.AnyOf):
        return _any(tuple(compile_condition(c) for c in cond.any))
    if isinstance(cond, L.NotOf):
        inner = compile_condition(cond.not_)
        return lambda ctx: not inner(ctx)
    if isinstance(cond, L.VarCompare):
        return _compile_var(cond)
    if isinstance(cond, L.TurnIs):
        lo = cond.turn.min if cond.turn.min is not None else 0
        hi = cond.turn.max if cond.turn.max is not None else 10**9
        return lambda ctx: lo <= ctx.state.turn <= hi
    if isinstance(cond, L.RoleIs):
        role = cond.role
        return lambda ctx: ctx.state.role == role or role in ctx.state.seats
    if isinstance(cond, L.Fired):
        rule = cond.fired
        return lambda ctx: rule in ctx.state.fired
    if isinstance(cond, L.Injected):
        inject = cond.injected
        return lambda ctx: inject in ctx.state.injected
    if isinstance(cond, L.Done):
        action, times = cond.done.action, cond.done.times
        return lambda ctx: ctx.state.done.get(action, 0) >= times
    if isinstance(cond, L.ObjectiveMet):
        objective = cond.objective
        return lambda ctx: objective in ctx.state.objectives
    if isinstance(cond, L.Chance):
        percent = cond.chance
        return lambda ctx: ctx.draw_percent() < percent
    if isinstance(cond, L.MessageIs):
        flt = cond.message
        return lambda ctx: ctx.message is not None and message_matches(flt, ctx.message, ctx)
    raise TypeError(f"not a condition: {cond!r}")


def _all(parts: tuple[Check, ...]) -> Check:
    # Short lists are the common case; spelling them out avoids a generator per call.
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        a, b = parts
        return lambda ctx: a(ctx) and b(ctx)
    if len(parts) == 3:
        a, b, c = parts
        return lambda ctx: a(ctx) and b(ctx) and c(ctx)
    return lambda ctx: all(part(ctx) for part in parts)


def _equalities(conds: Any) -> tuple[tuple[str, Any], ...] | None:
    """(variable, value) for each condition when there are several and all are 'eq'."""
    pairs = []
    for cond in conds:
        if not isinstance(cond, L.VarCompare) or cond.op != "eq":
            return None
        pairs.append((cond.var, cond.value))
    return tuple(pairs) if len(pairs) > 1 else None


def _all_equal(pairs: tuple[tuple[str, Any], ...]) -> Check:
    def check(ctx: Context) -> bool:
        get = ctx.state.variables.get
        for name, value in pairs:  # noqa: SIM110 - a loop costs less than all() here
            if get(name) != value:
                return False
        return True

    return check


def _any(parts: tuple[Check, ...]) -> Check:
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        a, b = parts
        return lambda ctx: a(ctx) or b(ctx)
    return lambda ctx: any(part(ctx) for part in parts)


def _compile_var(cond: L.VarCompare) -> Check:
    name, op, value = cond.var, cond.op, cond.value
    compare = _COMPARE[op]
    if op == "eq":
        return lambda ctx: ctx.state.variables.get(name) == value
    if op == "ne":
        return lambda ctx: ctx.state.variables.get(name) != value

    def ordered(ctx: Context) -> bool:
        current = ctx.state.variables.get(name)
        if not isinstance(current, int) or isinstance(current, bool):
            return False
        return compare(current, value)

    return ordered


@dataclass
class Program:
    """The conditions a step checks every time, compiled once per scenario."""

    conditions: CompiledConditions
    objectives: list[tuple[str, Check]]
    endings: list[tuple[str, Check]]
    rules: dict[str, list[tuple[Rule, Check | None]]]
    # Rules of keyed triggers, by key (an action, a recipient, (agency, service) ...), with
    # their place in the scenario so that rules from several buckets keep their order.
    keyed: dict[str, dict[Any, list[tuple[int, Rule, Check | None]]]]
    # ``candidates`` answers, by (kind, keys): the rules never change during a game.
    _found: dict[tuple[str, tuple[Any, ...]], list[tuple[Rule, Check | None]]] = field(
        default_factory=dict
    )

    @classmethod
    def build(cls, content: GameContent) -> Program:
        conditions = CompiledConditions()
        keyed: dict[str, dict[Any, list[tuple[int, Rule, Check | None]]]] = {}
        for index, rule in enumerate(content.rules):
            check = conditions(rule.if_) if rule.if_ is not None else None
            kind = L.trigger_kind(rule.when)
            keyed.setdefault(kind, {}).setdefault(_trigger_key(rule.when), []).append(
                (index, rule, check)
            )
        return cls(
            conditions=conditions,
            objectives=[(o.id, conditions(o.when)) for o in content.objectives.values()],
            endings=[(e.id, conditions(e.when)) for e in content.endings.values() if e.when],
            rules={
                kind: [(r, conditions(r.if_) if r.if_ is not None else None) for r in rules]
                for kind, rules in content.rules_by_trigger.items()
            },
            keyed=keyed,
        )

    def candidates(self, kind: str, keys: tuple[Any, ...]) -> list[tuple[Rule, Check | None]]:
        """The rules of ``kind`` whose trigger key is one of ``keys`` (or None: any)."""
        cached = self._found.get((kind, keys))
        if cached is not None:
            return cached
        buckets = self.keyed.get(kind)
        if not buckets:
            result: list[tuple[Rule, Check | None]] = []
        else:
            found = [entry for key in (*keys, None) for entry in buckets.get(key, ())]
            if len(keys) > 1 or (None in buckets and keys):
                found.sort(key=lambda entry: entry[0])
            result = [(rule, check) for _, rule, check in found]
        self._found[(kind, keys)] = result
        return result


def _trigger_key(trigger: Any) -> Any:
    """What a keyed trigger is about; None when it matches any key."""
    if isinstance(trigger, L.OnAction):
        return trigger.action
    if isinstance(trigger, L.OnRequest):
        return (trigger.request.agency, trigger.request.service)
    if isinstance(trigger, L.OnMessage):
        return trigger.message.to
    if isinstance(trigger, L.OnInject):
        return trigger.inject
    if isinstance(trigger, L.OnPermission):
        return trigger.permission
    return None
