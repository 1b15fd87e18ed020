"""The runtime state of one game: plain, serialisable data that the engine never mutates.

The record types are not ``frozen``: a frozen dataclass costs several times more to
create, and the engine creates thousands per second. They are never changed after
creation; ``step`` builds new ones, and the tests check that a step leaves its input alone.
"""

from __future__ import annotations

from collections import Counter
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


THB = "thb"
"""The crime area of every message: trafficking in human beings, the only one these cases use."""


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
    crime_area: str = THB
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
    by: str = ""  # the role whose own action caused it; "" when time moving on did


@dataclass(slots=True)
class Breach:
    """A breach of a handling code or of a victim's consent, tried or done.

    The engine refuses most of them, but the attempt still counts: a partner learns of
    it and trusts the player less, and the game's rating says what it cost.
    """

    turn: int
    kind: str  # 'handling' | 'consent' | 'need_to_know'
    fact: str
    recipient: str
    provider: str | None  # whose information it was (None: the player's own)
    by: str  # the role that did it


@dataclass(slots=True)
class GameState:
    """Everything that can change during a game. Treat as immutable: ``step`` copies it."""

    scenario: str
    role: str
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
    seats: tuple[str, ...] = ()  # hot-seat: the roles played by groups, in turn order
    breaches: tuple[Breach, ...] = ()
    exchanges: dict[str, int] = field(default_factory=dict)  # role -> its own exchanges
    # hot-seat: rule id -> the group whose action made it fire ("" when time did), so that
    # a later rule following up on it answers that group
    causes: dict[str, str] = field(default_factory=dict)
    # hot-seat: requests made to a role a group plays, waiting for that group's decision
    open_requests: tuple[int, ...] = ()

    @property
    def played(self) -> tuple[str, ...]:
        """The roles people play (in a hot-seat game, several); ``role`` is whose turn it is."""
        return self.seats or (self.role,)

    def copy(self) -> GameState:
        """A copy whose mutable containers can be changed without touching this state.

        The inner dicts of ``knowledge`` are shared; the engine copies one before
        writing to it.
        """
        return GameState(
            self.scenario,
            self.role,
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
            self.seats,
            self.breaches,
            dict(self.exchanges),
            dict(self.causes),
            self.open_requests,
        )

    def shallow(self) -> GameState:
        """A new state that shares every container with this one: a step's working copy.

        The engine copies a dict before its first write to it (``_Step.own``), so a step
        costs copies only of what it changes, and a state's unchanged dicts are the very
        objects of the state it came from (a search tells them apart by identity).
        """
        # (made without ``GameState(...)``: calling the class of a dataclass with 23
        # fields costs about twice these stores, and every step makes one)
        new = _new(GameState)
        new.scenario = self.scenario
        new.role = self.role
        new.turn = self.turn
        new.ap = self.ap
        new.rng = self.rng
        new.knowledge = self.knowledge
        new.variables = self.variables
        new.scores = self.scores
        new.fired = self.fired
        new.injected = self.injected
        new.done = self.done
        new.permissions = self.permissions
        new.messages = self.messages
        new.pending = self.pending
        new.objectives = self.objectives
        new.score_log = self.score_log
        new.ending = self.ending
        new.next_seq = self.next_seq
        new.seats = self.seats
        new.breaches = self.breaches
        new.exchanges = self.exchanges
        new.causes = self.causes
        new.open_requests = self.open_requests
        return new

    @property
    def over(self) -> bool:
        return self.ending is not None

    def distrust(self, actor: str) -> int:
        """How many times the played roles broke ``actor``'s trust (its H1/H2 data or its
        victim's data passed on without permission)."""
        count = 0  # (a loop, not a generator: asked by every request's check and by a
        # reply once trust was broken)
        for breach in self.breaches:
            if breach.provider == actor:
                count += 1
        return count

    def knows(self, actor: str, fact: str) -> bool:
        return fact in self.knowledge.get(actor, {})

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


_new = object.__new__


def _pending_key(item: Pending) -> tuple[Any, ...] | None:
    """What of a pending item shapes the future; None for a reply that carries nothing."""
    data = item.data
    if item.kind == "reply":
        facts = tuple(data.get("facts") or ())
        if not facts:
            return None  # an acknowledgement: only words on the way
        return (item.due, "reply", data.get("sender"), facts, data.get("handling") or "")
    if item.kind == "grant":
        return (item.due, "grant", data.get("fact"), data.get("provider"))
    return (item.due, item.kind, data.get("id"))


def pending_key(pending: tuple[Pending, ...]) -> frozenset[Any]:
    """What of the items on their way shapes the future: a set, since the order they
    were scheduled in does not matter, but for one thing. Replies due the same turn
    arrive in the order they were sent, and of those that bring the same fact the first
    decides how it is known (its source and handling code): for such a fact the key
    also names the first."""
    keys: list[Any] = []
    carriers: dict[tuple[int, str], list[tuple[int, tuple[Any, ...]]]] = {}
    for item in pending:
        key = _pending_key(item)
        if key is None:
            continue
        keys.append(key)
        if item.kind == "reply":
            for fact in key[3]:
                carriers.setdefault((item.due, fact), []).append((item.seq, key))
    for (due, fact), items in carriers.items():
        if len(items) > 1:
            keys.append(("first", due, fact, min(items)[1]))
    return frozenset(keys)


StateKey = tuple[Any, ...]


def _knowledge_key(mine: bool, facts: dict[str, Known]) -> frozenset[Any]:
    # Only the player's restricted facts carry a provider that matters (H1/H2 rules and
    # permissions); everyone else acts on what they know, not on how they learned it.
    return frozenset(
        (f, k.source, k.handling) if mine and k.handling in ("H1", "H2") else f
        for f, k in facts.items()
    )


def state_key(
    state: GameState,
    *,
    with_ap: bool = True,
    done_cap: int = 1_000_000,
    exchange_cap: int = 1_000_000,
) -> StateKey:
    """A canonical, hashable summary of the parts of a state that decide what can happen.

    Two states with the same key lead to the same futures (message wording and numbers,
    turn numbers of past events, scores and replies that carry no facts are left out),
    so a search can merge them. ``with_ap=False`` also leaves out the action points, to
    tell whether an action changed anything besides spending them. ``done_cap`` counts a
    step done more often than any condition asks as done that often. Sets are frozensets
    and actors come in the scenario's fixed order, so nothing needs sorting.
    """
    knowledge = tuple(
        _knowledge_key(actor == state.role, facts) for actor, facts in state.knowledge.items()
    )
    pending = pending_key(state.pending)
    return (
        state.turn,
        state.ap if with_ap else None,
        state.rng,
        knowledge,
        frozenset(state.variables.items()),
        state.fired,
        state.injected,
        frozenset((a, min(n, done_cap)) for a, n in state.done.items()),
        state.permissions,
        pending,
        frozenset(state.objectives),
        state.ending,
        # Broken trust slows a partner's replies; own exchanges decide the best rating.
        frozenset(Counter(b.provider for b in state.breaches if b.provider).items()),
        frozenset((r, min(n, exchange_cap)) for r, n in state.exchanges.items()),
    )
