"""Evaluating the rule language's conditions and trigger filters against a game state."""

from __future__ import annotations

from typing import Any, Protocol

from ..content import logic as L
from .state import GameState, Message


class Context(Protocol):
    """What a condition may look at: the state, and the message being handled if any."""

    state: GameState
    message: Message | None

    def draw_percent(self) -> int: ...


def _actor(ctx: Context, actor: str) -> str:
    return ctx.state.role if actor == L.PLAYER else actor


def holds(cond: Any, ctx: Context) -> bool:
    """True when the condition holds. Conditions are data; nothing here runs content as code."""
    state = ctx.state
    if isinstance(cond, L.Knows):
        return state.knows(_actor(ctx, cond.knows.actor), cond.knows.fact)
    if isinstance(cond, L.AllOf):
        return all(holds(c, ctx) for c in cond.all)
    if isinstance(cond, L.AnyOf):
        return any(holds(c, ctx) for c in cond.any)
    if isinstance(cond, L.NotOf):
        return not holds(cond.not_, ctx)
    if isinstance(cond, L.VarCompare):
        return L.compare(state.variables.get(cond.var), cond.op, cond.value)
    if isinstance(cond, L.TurnIs):
        lo, hi = cond.turn.min, cond.turn.max
        return (lo is None or state.turn >= lo) and (hi is None or state.turn <= hi)
    if isinstance(cond, L.RoleIs):
        return cond.role in state.played
    if isinstance(cond, L.Fired):
        return cond.fired in state.fired
    if isinstance(cond, L.Injected):
        return cond.injected in state.injected
    if isinstance(cond, L.Done):
        return state.done.get(cond.done.action, 0) >= cond.done.times
    if isinstance(cond, L.ObjectiveMet):
        return cond.objective in state.objectives
    if isinstance(cond, L.Chance):
        return ctx.draw_percent() < cond.chance
    if isinstance(cond, L.MessageIs):
        return ctx.message is not None and message_matches(cond.message, ctx.message, ctx)
    raise TypeError(f"not a condition: {cond!r}")


def message_matches(flt: L.MessageFilter, message: Message, ctx: Context) -> bool:
    """Every field given in the filter matches the message."""
    if flt.to is not None and _actor(ctx, flt.to) not in message.recipients:
        return False
    if flt.sender is not None and _actor(ctx, flt.sender) != message.sender:
        return False
    if flt.channel is not None and flt.channel != message.channel:
        return False
    if flt.handling is not None and flt.handling != message.handling:
        return False
    if flt.priority is not None and flt.priority != message.priority:
        return False
    if flt.has_fact is not None and flt.has_fact not in message.facts:
        return False
    if flt.source_code is not None and flt.source_code != message.source_code:
        return False
    return flt.info_code is None or flt.info_code == message.info_code
