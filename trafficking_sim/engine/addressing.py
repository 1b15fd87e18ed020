"""Whom a rule answers in a class game: the group whose action set it off.

A rule triggered by an action answers the group that acted. A rule that time sets off
(``turn_start``, ``turn_end``, an inject) follows up on something a group did earlier;
its condition says what: a rule that fired for a group (``fired``), a group's knowledge
(``knows`` with a played role as actor, or ``role``), a group's step (``done``). Those
are the rule's anchors. A time rule with a reply and no anchor could reach any group:
lint warns of it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..content import logic as L

TIME_TRIGGERS = (L.OnTurnStart, L.OnTurnEnd, L.OnInject)


def set_off_by_time(trigger: Any) -> bool:
    """Whether a rule with this trigger fires with no group's action behind it."""
    return isinstance(trigger, TIME_TRIGGERS)


def anchors(cond: Any) -> Iterator[tuple[str, str]]:
    """The (kind, id) pairs a condition rests on that point at a group: ('fired', rule),
    ('knows', actor), ('done', action). Negated parts point at no one."""
    if cond is None:
        return
    if isinstance(cond, L.AllOf):
        for part in cond.all:
            yield from anchors(part)
    elif isinstance(cond, L.AnyOf):
        for part in cond.any:
            yield from anchors(part)
    elif isinstance(cond, L.Fired):
        yield ("fired", cond.fired)
    elif isinstance(cond, L.Knows):
        if cond.knows.actor != L.PLAYER:
            yield ("knows", cond.knows.actor)
    elif isinstance(cond, L.Done):
        yield ("done", cond.done.action)
    elif isinstance(cond, L.RoleIs):
        yield ("knows", cond.role)  # 'a group plays this role': it is the one meant


def cause_of(
    cond: Any,
    seats: Sequence[str],
    causes: Mapping[str, str],
    done_by: Mapping[str, Sequence[str]],
) -> str:
    """The group a time rule follows up on, from its anchors; "" when none points at one.

    ``causes`` is who set off each rule fired so far; ``done_by`` the roles that may take
    each scenario action. The first anchor that names one group decides.
    """
    for kind, ident in anchors(cond):
        if kind == "fired":
            found = causes.get(ident, "")
            if found:
                return found
        elif kind == "knows" and ident in seats:
            return ident
        elif kind == "done":
            able = [r for r in done_by.get(ident, ()) if r in seats]
            if len(able) == 1:
                return able[0]
    return ""


def needs_anchor(rule: Any) -> bool:
    """A rule that time sets off and that sends a reply, or reveals to 'player': in a class
    game it must say (through its condition) which group it answers."""
    if not set_off_by_time(rule.when):
        return False
    return any(
        isinstance(effect, L.Reply)
        or (isinstance(effect, L.Reveal) and effect.reveal.to == L.PLAYER)
        for effect in rule.then
    )
