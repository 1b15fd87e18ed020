"""Events: what a step made happen, as plain data for the UI, the log and the debrief."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Kinds of event. The UI renders them; it never recomputes what they say.
TURN_STARTED = "turn_started"
ACTION_REFUSED = "action_refused"
MESSAGE_SENT = "message_sent"
MESSAGE_RECEIVED = "message_received"
ACTION_DONE = "action_done"
FACTS_LEARNED = "facts_learned"
SCORE_CHANGED = "score_changed"
INJECT = "inject"
NARRATION = "narration"
OBJECTIVE_MET = "objective_met"
PERMISSION_GRANTED = "permission_granted"
RULE_FIRED = "rule_fired"
VARIABLE_CHANGED = "variable_changed"
GAME_ENDED = "game_ended"
SEAT_PASSED = "seat_passed"  # hot-seat: the turn passes to the next group
TRAINER_NOTE = "trainer_note"
TRUST_LOST = "trust_lost"  # a partner learned its information was passed on without leave
REQUEST_DECIDED = "request_decided"  # hot-seat: a group (or the trainer) answered a request

HIDDEN_KINDS = frozenset({RULE_FIRED, VARIABLE_CHANGED})
"""Kinds that explain the machinery (for trainers and tests), not shown to a learner."""


@dataclass(slots=True)
class Event:
    kind: str
    turn: int
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "turn": self.turn, **self.data}
