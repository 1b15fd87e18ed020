"""Which of a role's own steps it can take now, and, for those it cannot, why.

Every refusal says why: a step's condition can carry its reason in the content; where it
does not, the first part of the condition that does not hold is explained in words
(which event has not happened yet, which fact is missing, which step comes first).
A step whose condition waits for an event stays hidden until the event happens, so the
list never offers what makes no sense yet ("Call the woman back" before anyone called).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..content import logic as L
from ..content.models import ScenarioAction

if TYPE_CHECKING:
    from .core import Engine, _Step
    from .state import GameState

Reason = dict[str, Any]
"""As in a refusal: ``{"text": content_text_id}`` or ``{"key": ..., "params": {...}}``."""


@dataclass(frozen=True)
class StepOption:
    """One of the player's steps as the list shows it."""

    action: str
    available: bool
    reason: Reason | None = None  # why not, when it is not available


def unmet(cond: Any, work: _Step) -> Reason:
    """Why ``cond`` does not hold, from the first part of it that does not."""
    if isinstance(cond, L.AllOf):
        for part in cond.all:
            if not work.holds(part):
                return unmet(part, work)
    if isinstance(cond, L.AnyOf):
        return unmet(cond.any[0], work)
    if isinstance(cond, L.Injected):
        return {"key": "why_after_event", "params": {"inject": cond.injected}}
    if isinstance(cond, L.NotOf):
        inner = cond.not_
        if isinstance(inner, L.Injected):
            return {"key": "why_before_event", "params": {"inject": inner.injected}}
        if isinstance(inner, L.Done):
            label = work.content.actions[inner.done.action].label.id
            return {"key": "why_done_before", "params": {"action": label}}
    if isinstance(cond, L.Knows):
        args = cond.knows
        if args.actor == L.PLAYER or args.actor == work.role:
            return {"key": "why_needs_fact", "params": {"fact": args.fact}}
        return {"key": "why_actor_needs_fact", "params": {"fact": args.fact, "actor": args.actor}}
    if isinstance(cond, L.Done):
        label = work.content.actions[cond.done.action].label.id
        return {"key": "why_after_step", "params": {"action": label}}
    if isinstance(cond, L.ObjectiveMet):
        return {"key": "why_after_objective", "params": {"objective": cond.objective}}
    if isinstance(cond, L.TurnIs):
        bounds = cond.turn
        if bounds.min is not None and work.state.turn < bounds.min:
            return {"key": "why_from_turn", "params": {"turn": bounds.min}}
        return {"key": "why_until_turn", "params": {"turn": bounds.max}}
    if isinstance(cond, L.RoleIs):
        return {"key": "why_not_your_role", "params": {}}
    return {"key": "why_not_yet", "params": {}}


def waits_for_event(cond: Any, work: _Step) -> bool:
    """Whether ``cond`` needs an event (an inject) that has not happened yet."""
    if isinstance(cond, L.Injected):
        return cond.injected not in work.state.injected
    if isinstance(cond, L.AllOf):
        return any(waits_for_event(part, work) for part in cond.all)
    return False


def why_not(spec: ScenarioAction, work: _Step) -> Reason | None:
    """Why the player cannot take ``spec`` now (None when they can)."""
    state = work.state
    if not spec.repeatable and state.done.get(spec.id, 0):
        return {"key": "action_done_once", "params": {"action": spec.label.id}}
    if spec.if_ is not None and not work.holds(spec.if_):
        if spec.reason is not None:
            return {"text": spec.reason.id}
        return unmet(spec.if_, work)
    if spec.cost > state.ap:
        return {"key": "no_ap", "params": {"cost": spec.cost, "ap": state.ap}}
    return None


def step_options(engine: Engine, state: GameState) -> list[StepOption]:
    """The current role's steps: those it can take, then greyed ones with a reason; steps
    that wait for an event (or for the content's own 'visible') are left out."""
    from .core import _Step

    work = _Step(engine.content, state, engine.program, read_only=True)
    shown: list[StepOption] = []
    for spec in engine.content.actions.values():
        if state.role not in spec.by:
            continue
        if spec.visible is not None:
            if not work.holds(spec.visible):
                continue
        elif spec.if_ is not None and waits_for_event(spec.if_, work):
            continue
        reason = why_not(spec, work)
        shown.append(StepOption(spec.id, reason is None, reason))
    return shown
