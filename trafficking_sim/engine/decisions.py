"""Requests to a role a group plays: the group decides, not the role's script.

In a class game a request made to a played role (the NGO asking the authorities of C for
a reflection period, say) waits in that group's inbox. The group grants it (the scenario's
answer for that role then applies, and its reply reaches the asker), refuses it with a
reason, or asks for more (the request stays open). The trainer may decide in the group's
place, or let the script answer as if no group played the role; the asker is told which.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..content import logic as L
from ..content.models import Rule
from . import events as E
from .actions import Decide
from .compiled import UNWATCHED
from .state import GameState, Message

if TYPE_CHECKING:
    from .core import _Step

VERDICTS = ("grant", "refuse", "more")
TRAINER_VERDICTS = (*VERDICTS, "script")


def waiting_for(state: GameState, role: str) -> list[Message]:
    """The requests waiting for ``role``'s decision, oldest first."""
    found = [state.messages[i - 1] for i in state.open_requests]
    return [m for m in found if role in m.recipients]


def check(work: _Step, action: Decide) -> int:
    """Raise Refused if the decision cannot be taken; a decision costs no action points."""
    from .rules import Refused

    state = work.state
    if action.request not in state.open_requests:
        raise Refused("no_open_request", {"id": action.request})
    if action.request > len(state.messages):
        # A lean engine's state keeps no messages, so the request is not there to answer.
        # No player reaches this (the explorer, which steps a lean engine, plays solo):
        # say what went wrong rather than fail on an index.
        raise ValueError(
            "a decision on a request needs a full engine: this state keeps no messages "
            "(a lean engine's)"
        )
    message = state.messages[action.request - 1]
    if not action.trainer and work.role not in message.recipients:
        raise Refused("not_your_request", {"id": action.request})
    allowed = TRAINER_VERDICTS if action.trainer else VERDICTS
    if action.verdict not in allowed:
        raise Refused("bad_code", {"value": action.verdict, "what": "verdict"})
    if action.verdict in ("refuse", "more") and not action.note.strip():
        raise Refused("decision_needs_words")
    return 0


def apply(work: _Step, action: Decide) -> None:
    state = work.state
    request = state.messages[action.request - 1]
    agency, asker = request.recipients[0], request.sender
    note = action.note.strip()
    if action.verdict != "more":
        state.open_requests = tuple(i for i in state.open_requests if i != action.request)
    work.changed.add(UNWATCHED)
    work.emit(
        E.REQUEST_DECIDED,
        request=request.id,
        verdict=action.verdict,
        agency=agency,
        asker=asker,
        trainer=action.trainer,
    )
    if note:
        # The group's own words reach the asker at once, on the request's channel.
        reply = work.new_message(
            kind="reply",
            channel=request.channel,
            sender=agency,
            recipients=(asker,),
            body=note,
            in_reply_to=request.id,
            thread=request.thread,
        )
        work.emit(E.MESSAGE_SENT, message=reply.id)
    if action.verdict not in ("grant", "script"):
        return
    # The role's answer in the scenario applies: its rules fire as if no group played it,
    # and what they send goes to the asker. The points are the deciding group's (none
    # when the trainer decided or let the script answer).
    content = work.content
    service = content.actors[agency].services.get(request.service or "")
    fact = request.facts[0] if request.facts else None

    def matches(rule: Rule) -> bool:
        assert isinstance(rule.when, L.OnRequest)
        flt = rule.when.request
        return (
            flt.agency == agency
            and flt.service == request.service
            and (flt.fact is None or flt.fact == fact)
        )

    saved = (work.deciding, work.addressee, work.scorer, work.message)
    work.deciding, work.addressee, work.message = agency, asker, request
    work.scorer = "" if action.trainer else agency
    try:
        replied = work.fire("request", matches, ((agency, request.service),))
        if agency not in replied and not note and service is not None:
            body = (service.reply or content.actors[agency].default_reply).id
            work._reply_later(agency, request, body, service.after, (), None, None)
    finally:
        work.deciding, work.addressee, work.scorer, work.message = saved
