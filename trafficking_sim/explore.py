"""The scenario explorer: a breadth-first search over every legal action of one role.

It answers what an author cannot check by playing: which endings and objectives can be
reached (and the shortest way there, as a plain-mode script), which facts, rules, injects
and actions never matter, and the cooperation check: with every exchange with other
actors removed, a role's special task must be out of reach. A search that runs out of
budget says "not proved", never "unreachable".
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .content.bundle import GameContent
from .engine import Action, AskPermission, Do, EndTurn, Engine, GameState, Request, Send, Share
from .engine import events as E
from .engine.state import StateKey, state_key

DEFAULT_BUDGET = 200_000

ActionFilter = Callable[[Action], bool]


def alone(action: Action) -> bool:
    """The actions a role can take without any exchange with another actor."""
    return isinstance(action, Do | EndTurn)


@dataclass
class Search:
    """What one search found."""

    role: str
    seed: int
    budget: int
    max_turns: int
    cooperation_only: bool
    states: int = 0
    expanded: int = 0
    exhausted: bool = False
    seconds: float = 0.0  # the exhaustive search only
    beam_seconds: float = 0.0
    endings: dict[str, list[Action]] = field(default_factory=dict)
    objectives: dict[str, list[Action]] = field(default_factory=dict)
    facts_learned: set[str] = field(default_factory=set)
    rules_fired: set[str] = field(default_factory=set)
    injects_seen: set[str] = field(default_factory=set)
    actions_effective: set[str] = field(default_factory=set)
    actions_tried: set[str] = field(default_factory=set)

    @property
    def complete(self) -> bool:
        """True when every state within the turn limit was visited."""
        return not self.exhausted

    def verdict(self, found: bool) -> str:
        if found:
            return "reachable"
        return "unreachable" if self.complete else "not proved"


class _Pruned(Exception):
    pass


def explore(
    content: GameContent,
    role: str,
    *,
    seed: int = 0,
    budget: int = DEFAULT_BUDGET,
    max_turns: int | None = None,
    allow: ActionFilter | None = None,
    start: GameState | None = None,
    beam_width: int = 300,
    stop_at: set[str] | None = None,
    deadline: float | None = None,
) -> Search:
    """Breadth-first search from the start (or ``start``), merging equal states.

    ``allow`` limits the actions tried (the cooperation check allows only ``alone``).
    Actions that change nothing but spend action points are not followed. When the
    budget runs out, a beam search of ``beam_width`` (0: none) looks for witnesses of the
    endings and objectives not reached yet. ``stop_at`` ends the search as soon as one of
    these endings is found. At ``deadline`` (a ``time.perf_counter()`` value) the search
    stops as if its budget had run out.
    """
    engine = Engine(content)
    cap = _done_cap(content)

    def key(state: GameState, with_ap: bool = True) -> StateKey:
        return state_key(state, with_ap=with_ap, done_cap=cap, memo=memo)

    memo: dict[int, tuple[Any, frozenset[Any]]] = {}

    limit = max_turns or content.scenario.max_turns
    search = Search(role, seed, budget, limit, allow is alone)
    began = time.perf_counter()
    if start is None:
        start, first_events = engine.new_game(role, seed)
        _note(search, first_events, [])
    _record_outcome(search, content, start, [])
    root = _slim(start)
    parents: dict[StateKey, tuple[StateKey | None, Action | None]] = {key(root): (None, None)}
    queue: deque[tuple[GameState, StateKey]] = deque([(root, key(root))])
    search.states = 1
    while queue:
        state, here = queue.popleft()
        if state.over or state.turn > limit:
            continue
        search.expanded += 1
        progress = key(state, with_ap=False)
        for action in [*engine.candidate_actions(state), EndTurn()]:
            if allow is not None and not allow(action):
                continue
            if not _may_matter(engine, state, action):
                continue
            if isinstance(action, Do):
                search.actions_tried.add(action.action)
            after, events = engine.step(state, action)
            after = _slim(after)
            child_key = key(after)
            if child_key in parents:
                continue
            if not isinstance(action, EndTurn) and key(after, with_ap=False) == progress:
                continue  # spent action points and changed nothing
            if isinstance(action, Do):
                search.actions_effective.add(action.action)
            if search.states >= budget or (deadline is not None and time.perf_counter() > deadline):
                search.exhausted = True
                queue.clear()
                break
            parents[child_key] = (here, action)
            search.states += 1
            path: list[Action] | None = None
            if _interesting(search, content, after, events):
                path = _path(parents, child_key)
                _record_outcome(search, content, after, path)
            _note(search, events, path)
            if stop_at and stop_at & search.endings.keys():
                queue.clear()
                break
            queue.append((after, child_key))
    search.seconds = time.perf_counter() - began
    if stop_at and stop_at & search.endings.keys():
        return search
    if search.exhausted and _missing(search, content) and beam_width:
        began = time.perf_counter()
        _beam(engine, content, start, search, allow, key, limit, beam_width, stop_at, deadline)
        search.beam_seconds = time.perf_counter() - began
    return search


def best_endings(content: GameContent) -> set[str]:
    return {e.id for e in content.endings.values() if e.rating == "best"}


def last_turn_best_reachable(
    content: GameContent,
    role: str,
    seed: int,
    actions: list[Action],
    *,
    budget: int = 500,
    beam_width: int = 300,
    seconds: float = 20.0,
) -> tuple[int | None, bool]:
    """The last turn at whose start a best ending could still be reached, and whether
    the answer is sure (False when some search ran out of budget before finding one).

    The game is replayed to the start of each turn and searched from there, latest
    turn first; the first turn that finds a way is the answer. After ``seconds`` the
    search gives up (unsure) rather than keep a player waiting.
    """
    deadline = time.perf_counter() + seconds
    engine = Engine(content)
    state, _ = engine.new_game(role, seed)
    starts = [state]
    for action in actions:
        before = state.turn
        state, _ = engine.step(state, action)
        if state.turn != before and not state.over:
            starts.append(state)
    targets = best_endings(content)
    sure = True
    for begin in reversed(starts):
        if time.perf_counter() > deadline:
            return None, False
        search = explore(
            content,
            role,
            seed=seed,
            budget=budget,
            start=begin,
            stop_at=targets,
            beam_width=beam_width,
            deadline=deadline,
        )
        if targets & search.endings.keys():
            return begin.turn, sure
        sure = sure and search.complete
    return None, sure


def _missing(search: Search, content: GameContent) -> bool:
    return len(search.endings) < len(content.endings) or len(search.objectives) < len(
        content.objectives
    )


def _promise(content: GameContent, state: GameState) -> int:
    """How far along a state looks: objectives met, needed facts where they are needed."""
    needed = sum(
        len(actor.needs & state.knowledge.get(actor.id, {}).keys())
        for actor in content.actors.values()
    )
    return 100 * len(state.objectives) + 5 * needed + len(state.fired) + len(state.injected)


def _beam(
    engine: Engine,
    content: GameContent,
    start: GameState,
    search: Search,
    allow: ActionFilter | None,
    key: Callable[..., StateKey],
    limit: int,
    width: int,
    stop_at: set[str] | None = None,
    deadline: float | None = None,
) -> None:
    """Look for witnesses of what the exhaustive search did not reach: at every depth,
    keep only the most promising states. It can prove that something is reachable (it
    returns a path), never that it is not."""
    frontier: list[tuple[GameState, list[Action]]] = [(_slim(start), [])]
    points = max(a.action_points for a in content.actors.values() if a.kind == "role")
    for _ in range(limit * (points + 1)):
        if not frontier or not _missing(search, content):
            break
        if stop_at and stop_at & search.endings.keys():
            break
        if deadline is not None and time.perf_counter() > deadline:
            break
        # Memory stays bounded: only this layer's states are remembered.
        seen: set[StateKey] = set()
        children: list[tuple[int, int, GameState, list[Action]]] = []
        for state, path in frontier:
            if state.over or state.turn > limit:
                continue
            progress = key(state, with_ap=False)
            for action in [*engine.candidate_actions(state), EndTurn()]:
                if (allow is not None and not allow(action)) or not _may_matter(
                    engine, state, action
                ):
                    continue
                after, events = engine.step(state, action)
                after = _slim(after)
                child = key(after)
                if child in seen or (
                    not isinstance(action, EndTurn) and key(after, with_ap=False) == progress
                ):
                    continue
                seen.add(child)
                trail = [*path, action]
                _record_outcome(search, content, after, trail)
                _note(search, events, trail)
                children.append((-_promise(content, after), len(children), after, trail))
        children.sort(key=lambda c: (c[0], c[1]))
        frontier = [(state, trail) for _, _, state, trail in children[:width]]


def _done_cap(content: GameContent) -> int:
    """The largest number of times any condition asks a step to have been done."""
    from .content import logic as L
    from .content.validation import walk

    times = [obj.done.times for _, obj in walk(content.scenario) if isinstance(obj, L.Done)]
    return max(times, default=1)


def _may_matter(engine: Engine, state: GameState, action: Action) -> bool:
    """False for an exchange that cannot change anything: no new facts for anyone and no
    rule listening for it (it would only spend action points and bring an acknowledgement).
    Checked before stepping, because stepping is what the search spends its time on."""
    keyed = engine.program.keyed
    if isinstance(action, Send | Share):
        listeners = keyed.get("message", {})
        recipients = action.to if isinstance(action, Send) else (action.to,)
        if None in listeners:
            return True
        for recipient in recipients:
            if recipient in listeners:
                return True
            theirs = state.knowledge.get(recipient, {})
            if any(fact not in theirs for fact in action.facts):
                return True
        return False
    if isinstance(action, Request):
        if (action.agency, action.service) in keyed.get("request", {}):
            return True
        return action.fact is not None and action.fact not in state.knowledge.get(action.agency, {})
    return True


def _slim(state: GameState) -> GameState:
    """The state without the history the search does not need (messages, score log)."""
    if state.messages or state.score_log:
        state = state.copy()
        state.messages = ()
        state.score_log = ()
    return state


def _interesting(
    search: Search, content: GameContent, state: GameState, events: list[E.Event]
) -> bool:
    if state.ending is not None and state.ending not in search.endings:
        return True
    return any(o not in search.objectives for o in state.objectives)


def _record_outcome(
    search: Search, content: GameContent, state: GameState, path: list[Action]
) -> None:
    if state.ending is not None:
        search.endings.setdefault(state.ending, path)
    for objective in state.objectives:
        search.objectives.setdefault(objective, path)


def _note(search: Search, events: Iterable[E.Event], path: list[Action] | None) -> None:
    for event in events:
        if event.kind == E.RULE_FIRED and event.data.get("rule"):
            search.rules_fired.add(event.data["rule"])
        elif event.kind == E.INJECT:
            search.injects_seen.add(event.data["inject"])
        elif event.kind == E.FACTS_LEARNED:
            search.facts_learned.update(event.data["facts"])


def _path(
    parents: dict[StateKey, tuple[StateKey | None, Action | None]], key: StateKey
) -> list[Action]:
    actions: list[Action] = []
    current: StateKey | None = key
    while current is not None:
        parent, action = parents[current]
        if action is not None:
            actions.append(action)
        current = parent
    actions.reverse()
    return actions


# --- reports -----------------------------------------------------------------------------


def special_tasks(content: GameContent, role: str) -> list[str]:
    return [o.id for o in content.objectives.values() if o.special_task and o.owner == role]


def known_at_start(content: GameContent) -> set[str]:
    return {f for actor in content.actors.values() for f in actor.knows}


def as_script(actions: Iterable[Action]) -> list[str]:
    """Actions as plain-mode commands that ``play --script`` accepts."""
    return [command_for(a) for a in actions]


def command_for(action: Action) -> str:
    if isinstance(action, EndTurn):
        return "end"
    if isinstance(action, Do):
        return f"do {action.action}" + (f" {action.fact}" if action.fact else "")
    if isinstance(action, AskPermission):
        return f"permission {action.fact}"
    if isinstance(action, Share):
        return f"share {action.to}" + (f" {','.join(action.facts)}" if action.facts else "")
    if isinstance(action, Request):
        words = ["request", action.agency, action.service]
        if action.fact:
            words.append(action.fact)
        if action.priority == "urgent":
            words.append("urgent")
        return " ".join(words)
    if isinstance(action, Send):
        words = ["send", ",".join(action.to)]
        if action.facts:
            words.append(",".join(action.facts))
        if action.handling != "H0":
            words.append(f"handling={action.handling}")
        if action.source_code and action.info_code:
            words.append(f"eval={action.source_code}{action.info_code}")
        if action.priority == "urgent":
            words.append("urgent")
        return " ".join(words)
    raise TypeError(f"not an action: {action!r}")
