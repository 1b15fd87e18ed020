"""Events: what a step made happen, as plain data for the UI, the log and the debrief."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class EventKind(StrEnum):
    """What kind of thing a step made happen. The UI renders events; it never recomputes
    what they say. Each kind's data (the keys of ``Event.data``) is listed beside it."""

    TURN_STARTED = "turn_started"  # turn
    ACTION_REFUSED = "action_refused"  # action, reason, params, text?, source?, penalty?
    MESSAGE_SENT = "message_sent"  # message
    MESSAGE_RECEIVED = "message_received"  # message
    ACTION_DONE = "action_done"  # action, fact, by
    FACTS_LEARNED = "facts_learned"  # actor, facts, source, via
    SCORE_CHANGED = "score_changed"  # pillar, delta, reason, ...
    INJECT = "inject"  # inject, audience
    NARRATION = "narration"  # text (a text id), to?
    OBJECTIVE_MET = "objective_met"  # objective
    PERMISSION_GRANTED = "permission_granted"  # fact, provider, message
    RULE_FIRED = "rule_fired"  # rule, stopped?
    GAME_ENDED = "game_ended"  # ending
    SEAT_PASSED = "seat_passed"  # role: hot-seat, the turn passes to the next group
    TRAINER_NOTE = "trainer_note"  # text
    TRUST_LOST = "trust_lost"  # a partner learned its information was passed on without leave
    REQUEST_DECIDED = "request_decided"  # a group (or the trainer) answered a request


# The kinds by their old names, so ``E.MESSAGE_SENT`` reads as before.
TURN_STARTED = EventKind.TURN_STARTED
ACTION_REFUSED = EventKind.ACTION_REFUSED
MESSAGE_SENT = EventKind.MESSAGE_SENT
MESSAGE_RECEIVED = EventKind.MESSAGE_RECEIVED
ACTION_DONE = EventKind.ACTION_DONE
FACTS_LEARNED = EventKind.FACTS_LEARNED
SCORE_CHANGED = EventKind.SCORE_CHANGED
INJECT = EventKind.INJECT
NARRATION = EventKind.NARRATION
OBJECTIVE_MET = EventKind.OBJECTIVE_MET
PERMISSION_GRANTED = EventKind.PERMISSION_GRANTED
RULE_FIRED = EventKind.RULE_FIRED
GAME_ENDED = EventKind.GAME_ENDED
SEAT_PASSED = EventKind.SEAT_PASSED
TRAINER_NOTE = EventKind.TRAINER_NOTE
TRUST_LOST = EventKind.TRUST_LOST
REQUEST_DECIDED = EventKind.REQUEST_DECIDED

HIDDEN_KINDS = frozenset({RULE_FIRED})
"""Kinds that explain the machinery (for trainers and tests), not shown to a learner."""


@dataclass(slots=True)
class Event:
    kind: EventKind
    turn: int
    # (no default: every event has data, and a default factory costs a test at each of the
    # four events a step makes)
    data: dict[str, Any]
