"""The runtime state of one game: plain, serialisable data that the engine never mutates.

The record types are not ``frozen``: a frozen dataclass costs several times more to
create, and the engine creates thousands per second. They are never changed after
creation; ``step`` builds new ones, and the tests check that a step leaves its input alone.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Known:
    """How an actor came to know a fact."""

    turn: int
    source: str | None = None  # the actor it came from; None for own knowledge
    via: str | None = None  # the channel, 'action' or 'start'
    handling: str | None = None  # the handling code it arrived under
    message: int | None = None


@dataclass(slots=True)
class Message:
    """A SIENA message, a direct exchange, a service request or a reply."""

    id: int
    turn: int
    kind: str  # 'message' | 'share' | 'request' | 'reply' | 'permission'
    channel: str
    sender: str
    recipients: tuple[str, ...]
    facts: tuple[str, ...] = ()
    subject: str = ""
    body: str = ""
    subject_id: str | None = None  # a content text id, for scripted messages
    body_id: str | None = None
    handling: str | None = None
    handling_note: str = ""
    source_code: str | None = None
    info_code: str | None = None
    priority: str = "normal"
    case: str | None = None
    crime_area: str = "thb"  # trafficking in human beings: the only one these cases use
    thread: int = 0
    in_reply_to: int | None = None
    service: str | None = None


@dataclass(slots=True)
class Pending:
    """Something due at a later turn: a reply on its way, a scheduled inject, a permission."""

    due: int
    seq: int
    kind: str  # 'reply' | 'inject' | 'grant'
    data: dict[str, Any]  # never changed after creation

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


@dataclass(slots=True)
class ScoreChange:
    turn: int
    pillar: str
    delta: int
    reason: tuple[tuple[str, Any], ...]  # ('text', id) or ('key', i18n key) + params
    source: tuple[tuple[str, str], ...]  # the same form, or () when none applies
    origin: str  # the rule, action or check that caused it


@dataclass(slots=True)
class GameState:
    """Everything that can change during a game. Treat as immutable: ``step`` copies it."""

    scenario: str
    role: str
    seed: int
    turn: int
    ap: int
    rng: int
    knowledge: dict[str, dict[str, Known]]
    variables: dict[str, Any]
    scores: dict[str, int]
    fired: frozenset[str] = frozenset()
    injected: frozenset[str] = frozenset()
    done: dict[str, int] = field(default_factory=dict)
    permissions: frozenset[tuple[str, str]] = frozenset()  # (fact, provider)
    messages: tuple[Message, ...] = ()
    pending: tuple[Pending, ...] = ()
    objectives: dict[str, int] = field(default_factory=dict)  # id -> turn met
    score_log: tuple[ScoreChange, ...] = ()
    ending: str | None = None
    next_seq: int = 1
    steps: int = 0

    def copy(self) -> GameState:
        """A copy whose mutable containers can be changed without touching this state.

        The inner dicts of ``knowledge`` are shared; the engine copies one before
        writing to it.
        """
        return GameState(
            self.scenario,
            self.role,
            self.seed,
            self.turn,
            self.ap,
            self.rng,
            dict(self.knowledge),
            dict(self.variables),
            dict(self.scores),
            self.fired,
            self.injected,
            dict(self.done),
            self.permissions,
            self.messages,
            self.pending,
            dict(self.objectives),
            self.score_log,
            self.ending,
            self.next_seq,
            self.steps,
        )

    @property
    def over(self) -> bool:
        return self.ending is not None

    def knows(self, actor: str, fact: str) -> bool:
        return fact in self.knowledge.get(actor, {})

    def date(self, start: dt.date, days_per_turn: int) -> dt.date:
        return start + dt.timedelta(days=(self.turn - 1) * days_per_turn)

    def inbox(self, actor: str) -> list[Message]:
        return [m for m in self.messages if actor in m.recipients]

    def outbox(self, actor: str) -> list[Message]:
        return [m for m in self.messages if m.sender == actor]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: sets become sorted lists."""
        data = asdict(self)
        data["fired"] = sorted(self.fired)
        data["injected"] = sorted(self.injected)
        data["permissions"] = sorted(list(p) for p in self.permissions)
        return data


def state_key(state: GameState) -> str:
    """A canonical text for the parts of a state that decide what can still happen.

    Two states with the same key lead to the same futures (message wording, turn numbers
    of past events and scores are left out), so a search can merge them.
    """
    knowledge = {
        actor: sorted((f, k.source or "", k.handling or "") for f, k in facts.items())
        for actor, facts in state.knowledge.items()
    }
    pending = sorted((p.due, p.kind, repr(sorted(p.data.items()))) for p in state.pending)
    key = [
        state.turn,
        state.ap,
        state.rng,
        knowledge,
        sorted(state.variables.items()),
        sorted(state.fired),
        sorted(state.injected),
        sorted(state.done.items()),
        sorted(state.permissions),
        pending,
        sorted(state.objectives),
        state.ending,
    ]
    return json.dumps(key, separators=(",", ":"), default=str)
