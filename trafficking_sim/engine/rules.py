"""The engine's checks: whether an action may be taken, and if not, why and at what cost.

This is the one place a domain expert reviews: who may use SIENA and the other channels,
handling codes and the provider's permission, a victim's consent and the law that binds
each role, the evaluation codes, what an agency will not do, and the action points. A check
never changes the game; a refusal becomes an event (and, where the content says so, a
penalty or a recorded breach), never an error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..content.models import FactGuard, Refusal
from ..content.text import LocalText
from . import decisions, siena
from .actions import (
    Action,
    AskPermission,
    Decide,
    Do,
    EndTurn,
    Request,
    Send,
    Share,
    TrainerInject,
    TrainerNote,
    TrainerReveal,
)
from .state import Known
from .steps import unmet

if TYPE_CHECKING:
    from .core import _Step

DISTRUST_REFUSES = 2
"""After this many breaches of its trust, a partner takes no more requests."""

DISTRUST_MAX_DELAY = 2
"""The most turns a partner's broken trust adds to its replies."""


def text_ref(text: LocalText | None) -> dict[str, str] | None:
    return {"text": text.id} if text is not None else None


class Refused(Exception):
    """Raised inside a step when an action cannot be taken; becomes an event, not an error."""

    def __init__(
        self,
        key: str,
        params: dict[str, Any] | None = None,
        *,
        text: str | None = None,
        source: dict[str, str] | None = None,
        penalty: tuple[str, int] | None = None,
        breach: tuple[str, str, str, str | None] | None = None,
    ) -> None:
        super().__init__(key)
        self.key = key
        self.params = params or {}
        self.text = text
        self.source = source
        self.penalty = penalty
        # (kind, fact, recipient, provider): an attempt that breaks a handling code or a
        # victim's consent counts even though the engine refuses it.
        self.breach = breach


def in_contents_words(key: str, said: Refusal | FactGuard) -> Refused:
    """A refusal the content words itself: its reason, the law it cites, what it costs.

    It has no parameters: the player reads the content's text, which names what it needs
    to. ``key`` names the check in the score log.
    """
    penalty = (said.penalty.pillar, said.penalty.delta) if said.penalty else None
    return Refused(key, text=said.reason.id, source=text_ref(said.source), penalty=penalty)


def check(step: _Step, action: Action) -> int:
    """Raise Refused if the action cannot be taken; return its cost in action points."""
    if step.state.ending is not None:
        raise Refused("game_over")
    kind = type(action)
    # (one look-up by the action's type, first: the actions are final classes, never
    # subclassed, and most steps are one of those that cost points)
    checker = _COSTS.get(kind)
    if checker is not None:
        cost = checker(step, action)
        if cost > step.state.ap:
            raise Refused("no_ap", {"cost": cost, "ap": step.state.ap})
        return cost
    if kind is EndTurn:
        return 0
    if kind is TrainerInject or kind is TrainerReveal or kind is TrainerNote:
        check_trainer(step, action)  # type: ignore[arg-type]
        return 0
    if kind is Decide:
        return decisions.check(step, action)  # type: ignore[arg-type]
    raise Refused("unknown_action", {"action": repr(action)})  # pragma: no cover - closed union


def check_trainer(step: _Step, action: TrainerInject | TrainerReveal | TrainerNote) -> None:
    if isinstance(action, TrainerInject):
        if action.inject not in step.content.injects:
            raise Refused("unknown_inject", {"inject": action.inject})
        if action.inject in step.state.injected:
            raise Refused("inject_done", {"inject": action.inject})
    elif isinstance(action, TrainerReveal):
        if action.actor not in step.content.actors:
            raise Refused("unknown_actor", {"actor": action.actor})
        if action.fact not in step.content.facts:
            raise Refused("unknown_fact_id", {"fact_id": action.fact})
    elif not action.text.strip():
        raise Refused("empty_note")


def other_actor(step: _Step, actor: str) -> None:
    if actor == step.state.role:
        raise Refused("self_target")
    if actor not in step.content.actors:
        raise Refused("unknown_actor", {"actor": actor})


def known_facts(step: _Step, facts: Sequence[str]) -> None:
    every = step.content.facts
    state = step.state
    known = state.knowledge.get(state.role, _NOTHING)  # (``GameState.knows``, spelt out)
    for fact in facts:
        if fact not in every:
            raise Refused("unknown_fact_id", {"fact_id": fact})
        if fact not in known:
            raise Refused("unknown_fact", {"fact": fact})


_NOTHING: dict[str, Known] = {}  # (never written to)


def check_passing_on(step: _Step, facts: Sequence[str], recipients: Sequence[str]) -> None:
    """Handling codes and fact guards (consent, for example) for passing facts on."""
    mine = step.state.knowledge.get(step.state.role, _NOTHING)
    for fact in facts:
        how = mine[fact]
        # (the player's own findings have no provider whose handling code could bind them)
        verdict = (
            None
            if how.source is None
            else siena.passing_on_verdict(
                how, fact, recipients, step.content, step.state.permissions
            )
        )
        if verdict is not None:
            key, provider = verdict
            outsider = next((r for r in recipients if r != provider), provider)
            raise Refused(
                key,
                {"fact": fact, "provider": provider},
                source={"key": siena.HANDLING_SOURCE},
                penalty=("standards", step.scenario.scoring.handling_breach),
                breach=("handling", fact, outsider, provider),
            )
        spec = step.content.facts[fact]
        if spec.consent is not None:
            check_consent(step, fact, how, recipients)
        guard = spec.guard
        if guard is not None and not step.holds(guard.if_):
            raise in_contents_words("guard", guard)


def check_consent(step: _Step, fact: str, how: Known, recipients: Sequence[str]) -> None:
    """A victim's account goes only where the victim agreed, once asked: for every
    role, police included, each cited with the law that binds it."""
    consent = step.content.facts[fact].consent
    if consent is None:
        return
    provider = how.source if how.source in step.content.actors else None
    penalty = (consent.penalty.pillar, consent.penalty.delta)
    if consent.asked is not None and not step.holds(consent.asked):
        raise Refused(
            "consent_not_asked",
            {"fact": fact, "person": consent.person.id},
            text=consent.ask_first.id if consent.ask_first else None,
            source=step.law_source("consent"),
            penalty=penalty,
            breach=("consent", fact, recipients[0], provider),
        )
    for recipient in recipients:
        if recipient not in consent.to and not step.state.knows(recipient, fact):
            raise Refused(
                "consent_scope",
                {
                    "fact": fact,
                    "person": consent.person.id,
                    "actor": recipient,
                    "purpose": consent.purpose.id,
                },
                source=step.law_source("consent"),
                penalty=penalty,
                breach=("consent", fact, recipient, provider),
            )


def check_send(step: _Step, action: Send) -> int:
    me = step.content.actors[step.state.role]
    wrong = ("standards", step.scenario.scoring.wrong_channel)
    if "siena" not in me.channels:
        raise Refused(
            "siena_no_access",
            {"role": step.state.role},
            source={"key": siena.SIENA_SOURCE},
            penalty=wrong,
        )
    if not action.to:
        raise Refused("no_recipients")
    for code, allowed, what in (
        (action.handling, siena.HANDLING_CODES, "handling"),
        (action.priority, siena.PRIORITIES, "priority"),
        (action.source_code, _SOURCE_CODES, "source"),
        (action.info_code, _INFO_CODES, "info"),
    ):
        if code not in allowed:
            raise Refused("bad_code", {"value": str(code), "what": what})
    if (action.source_code is None) != (action.info_code is None):
        # An evaluation is both codes or none: half of one is no grade a reader can use.
        half = action.source_code or action.info_code
        raise Refused("bad_code", {"value": str(half), "what": "evaluation"})
    if len(set(action.to)) != len(action.to):
        raise Refused("duplicate_recipient")
    for recipient in action.to:
        other_actor(step, recipient)
        if "siena" not in step.content.actors[recipient].channels:
            raise Refused("not_on_siena", {"actor": recipient}, penalty=wrong)
    if action.reply_to is not None and not any(
        m.id == action.reply_to for m in step.state.messages
    ):
        raise Refused("unknown_message", {"id": action.reply_to})
    known_facts(step, action.facts)
    check_passing_on(step, action.facts, action.to)
    return 1 + (1 if action.priority == "urgent" else 0)


_SOURCE_CODES = (*siena.SOURCE_CODES, None)  # (None: no evaluation given)
_INFO_CODES = (*siena.INFO_CODES, None)


def check_share(step: _Step, action: Share) -> int:
    # (the commonest action: ``step.state.role``, ``other_actor`` and ``uses`` spelt out)
    role = step.state.role
    actors = step.content.actors
    to = action.to
    if to == role:
        raise Refused("self_target")
    other = actors.get(to)
    if other is None:
        raise Refused("unknown_actor", {"actor": to})
    if "direct" not in actors[role].channels:
        raise Refused("no_direct_self", {"role": role})
    if "direct" not in other.channels:
        raise Refused("no_direct", {"actor": to})
    facts = action.facts
    if facts:  # (a call that only asks has nothing to check)
        known_facts(step, facts)
        check_passing_on(step, facts, (to,))
    return 1


def check_request(step: _Step, action: Request) -> int:
    other_actor(step, action.agency)
    actor = step.content.actors[action.agency]
    service = actor.services.get(action.service)
    if service is None:
        raise Refused(
            "unknown_service",
            {
                "agency": action.agency,
                "service": action.service,
                "services": sorted(actor.services),
            },
        )
    if action.priority not in siena.PRIORITIES:
        raise Refused("bad_code", {"value": action.priority, "what": "priority"})
    me = step.content.actors[step.state.role]
    if service.channel not in me.channels:
        who = [
            a.id
            for a in step.content.actors.values()
            if a.kind == "role" and a.uses(service.channel) and a.id != step.state.role
        ]
        raise Refused(
            "wrong_channel",
            {
                "role": step.state.role,
                "service": service.label.id,
                "channel": service.channel,
                "who": who,
            },
            source={"key": siena.CHANNEL_SOURCE},
            penalty=("standards", step.scenario.scoring.wrong_channel),
        )
    if service.refuse is not None:
        raise in_contents_words("service_refused", service.refuse)
    if service.requires is not None and not step.holds(service.requires.if_):
        raise in_contents_words("service_requires", service.requires)
    if step.state.distrust(action.agency) >= DISTRUST_REFUSES:
        raise Refused("distrust", {"actor": action.agency})
    if service.targets:
        check_target(step, action.fact, service.targets)
        assert action.fact is not None
        check_passing_on(step, (action.fact,), (action.agency,))
    elif action.fact is not None:
        raise Refused("no_target_needed", {"service": service.label.id})
    return service.cost + (1 if action.priority == "urgent" else 0)


def check_do(step: _Step, action: Do) -> int:
    spec = step.content.actions.get(action.action)
    if spec is None or step.state.role not in spec.by:
        raise Refused("unknown_action", {"action": action.action})
    if not spec.repeatable and step.state.done.get(spec.id, 0):
        raise Refused("action_done_once", {"action": spec.label.id})
    if spec.if_ is not None and not step.holds(spec.if_):
        if spec.reason is not None:  # the content's own words
            why, key = {"text": spec.reason.id}, "action_unavailable_because"
        else:
            why, key = unmet(spec.if_, step), "action_unavailable_why"
        raise Refused(key, {"action": spec.label.id, "why": why})
    if spec.targets:
        check_target(step, action.fact, spec.targets)
    elif action.fact is not None:
        raise Refused("no_target_needed", {"service": spec.label.id})
    return spec.cost


def check_target(step: _Step, fact: str | None, kinds: Sequence[str]) -> None:
    if fact is None:
        raise Refused("needs_target", {"kinds": list(kinds)})
    known_facts(step, (fact,))
    if step.content.facts[fact].kind not in kinds:
        raise Refused("wrong_target", {"fact": fact, "kinds": list(kinds)})


def check_permission(step: _Step, action: AskPermission) -> tuple[str, int]:
    known_facts(step, (action.fact,))
    how = step.state.knowledge[step.state.role][action.fact]
    if how.handling not in ("H1", "H2") or how.source is None:
        raise Refused("no_restriction", {"fact": action.fact})
    if (action.fact, how.source) in step.state.permissions or any(
        p.kind == "grant" and p.get("fact") == action.fact for p in step.state.pending
    ):
        raise Refused("permission_pending", {"fact": action.fact})
    return how.source, 1


_COSTS: dict[type, Callable[[_Step, Any], int]] = {
    Send: check_send,
    Share: check_share,
    Request: check_request,
    Do: check_do,
    AskPermission: lambda step, action: check_permission(step, action)[1],
}
"""The check of each kind of action a role takes, returning its cost in action points."""
